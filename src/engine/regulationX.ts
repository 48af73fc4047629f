/**
 * Regulation X timelines (engine.md section 8; fha-va-usda.md "Regulation X details"):
 * 12 CFR 1024.39 (early intervention) and 1024.41 (loss mitigation procedures).
 *
 * Counting decisions (docs/disposition-npv-regx.md):
 * - Delinquency starts on the first missed due date (`loan.nextDueDate`): 12 CFR 1024.31 makes a
 *   borrower delinquent "beginning on the date a periodic payment ... becomes due and unpaid".
 * - Days delinquent on a date = that date minus the oldest unpaid due date (the 1024.31 commentary:
 *   a payment due January 1 and unpaid makes the loan 30 days delinquent on January 31).
 * - "The 36th day of a borrower's delinquency" (1024.39(a)) is counted the same way: comment
 *   39(a)-1.i.A says a payment due January 1 needs live contact "not later than 36 days after
 *   January 1 - i.e., on or before February 6". So live contact by nextDueDate + 36, the written
 *   notice of 1024.39(b) by nextDueDate + 45.
 * - 1024.41(f)(1)(i) needs "more than 120 days delinquent", i.e. 121 days: the first lawful day of
 *   a first notice or filing is nextDueDate + 121 (due 2026-01-01 -> 2026-05-02).
 * - The acknowledgment is due 5 business days after the application is received (Saturdays,
 *   Sundays and the legal public holidays on their own dates excluded; the day of receipt is not
 *   counted). A Friday or Monday on which federal offices observe a weekend holiday counts as a
 *   business day (REG-X `businessDayHolidays`, default 'ownDates'), and the timeline notes it.
 * - The appeal window runs from the date the servicer sends its notice of decision (1024.41(h)(2)),
 *   and so does the acceptance window (the offer is in that notice, 1024.41(c)(1)(ii), (e)(1)).
 *   With `options.decisionNoticeSentDate` the deadlines count from it; without it, from the
 *   evaluation due date, the latest compliant notice date, and the appeal deadline is labelled
 *   "at the latest, if the decision is sent on the evaluation due date" (engine.md section 8).
 * - Day counts "before a foreclosure sale" are calendar days from the received (or complete)
 *   date to the sale date. Without a scheduled sale every protection applies.
 * - Flags never say an act was missed: the engine does not know whether it was done. A date
 *   before the evaluation date is flagged "due date passed at evaluation: confirm".
 */
import type { LoanCase } from './case/types';
import { type IsoDate, addDays, daysBetween, daysDelinquent, parseIsoDate } from './dates';
import { addBusinessDays, isHolidayCounting, observedOnlyDaysIn } from './holidays';
import type { Timeline, TimelineFlag } from './results';
import { REGULATION_X_RULEBOOK, type RegulationXParams } from './rulebooks/disposition';
import { parameterValues } from './rulebooks/types';

const LABELS: Record<string, string> = {
  acknowledgmentDue: 'Acknowledgment of the application (1024.41(b)(2))',
  evaluationDue: 'Evaluation of the complete application (1024.41(c)(1))',
  appealDeadline: 'Appeal deadline (1024.41(h))',
  acceptanceDeadline: 'Offer acceptance window (1024.41(e))',
  earliestForeclosureReferral: 'Earliest first foreclosure notice or filing (1024.41(f))',
  earlyInterventionLiveContactBy: 'Early intervention live contact (1024.39(a))',
  earlyInterventionWrittenNoticeBy: 'Early intervention written notice (1024.39(b))',
};

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function weekdayName(date: IsoDate): string {
  return WEEKDAYS[parseIsoDate(date).getUTCDay()];
}

/** The dates the Regulation X timeline counts from; `null` where the case does not have one. */
export interface TimelineDates {
  evaluationDate: IsoDate;
  /** The first missed due date: day 1 of the delinquency (`loan.nextDueDate`). */
  firstMissedDueDate: IsoDate | null;
  applicationReceivedDate: IsoDate | null;
  applicationCompleteDate: IsoDate | null;
  foreclosureSaleDate: IsoDate | null;
  /** The date the notice of decision was sent; absent or null when not known. */
  decisionNoticeSentDate?: IsoDate | null;
}

/** The appeal deadline's label when the case has no decision notice date (engine.md section 8). */
export const APPEAL_AT_THE_LATEST = 'at the latest, if the decision is sent on the evaluation due date';

export function timelineDatesOf(loanCase: LoanCase): TimelineDates {
  const { applicationReceivedDate, applicationCompleteDate, foreclosureSaleDate, decisionNoticeSentDate } = loanCase.options;
  return { evaluationDate: loanCase.evaluationDate, firstMissedDueDate: loanCase.loan.nextDueDate, applicationReceivedDate, applicationCompleteDate, foreclosureSaleDate, decisionNoticeSentDate };
}

/** Computes the Regulation X dates of a case with the REG-X rulebook (overrides applied by the caller). */
export function computeTimeline(loanCase: LoanCase, params: RegulationXParams = parameterValues(REGULATION_X_RULEBOOK)): Timeline {
  return computeTimelineFromDates(timelineDatesOf(loanCase), params);
}

/** The same from the dates alone (LM.REGXDATES has no case). */
export function computeTimelineFromDates(dates: TimelineDates, params: RegulationXParams = parameterValues(REGULATION_X_RULEBOOK)): Timeline {
  const { applicationReceivedDate: received, applicationCompleteDate: complete, foreclosureSaleDate: sale, firstMissedDueDate: firstMissed, evaluationDate } = dates;
  const decisionSent = dates.decisionNoticeSentDate ?? null;
  const flags: TimelineFlag[] = [];
  const notes: string[] = [];
  const daysBeforeSale = (date: IsoDate): number | null => (sale ? daysBetween(date, sale) : null);

  // Acknowledgment: 5 business days, when received 45 or more days before a sale.
  let acknowledgmentDue: IsoDate | null = null;
  if (received) {
    const before = daysBeforeSale(received);
    if (before !== null && before < params.acknowledgmentMinDaysBeforeSale) {
      flags.push({ item: 'acknowledgmentDue', status: 'not required', message: `application received ${before} days before the sale (fewer than ${params.acknowledgmentMinDaysBeforeSale}): the written acknowledgment is not required` });
    } else {
      const counting = params.businessDayHolidays;
      if (!isHolidayCounting(counting)) throw new RangeError(`REG-X parameter businessDayHolidays must be "ownDates" or "observed", not ${JSON.stringify(counting)}`);
      acknowledgmentDue = addBusinessDays(received, params.acknowledgmentBusinessDays, counting);
      if (counting === 'ownDates') {
        for (const holiday of observedOnlyDaysIn(received, acknowledgmentDue)) {
          notes.push(`${weekdayName(holiday.observed)} ${holiday.observed} is observed as ${holiday.name} by federal offices; the acknowledgment deadline does not count it out (legal public holidays count on their own dates, ${holiday.date}: 12 CFR 1024.41(b)(2)(i)(B)).`);
        }
      }
    }
  } else notes.push('No application received date: acknowledgment not computed.');

  // Evaluation: 30 days after a complete application received more than 37 days before a sale.
  let evaluationDue: IsoDate | null = null;
  let appealDeadline: IsoDate | null = null;
  let acceptanceWindowDays: number | null = null;
  let acceptanceDeadline: IsoDate | null = null;
  let appealDeadlineBasis: 'decision notice' | 'latest' | null = null;
  let appealDeadlineLabel: string | null = null;
  let saleProtected: boolean | null = null;
  if (complete) {
    const before = daysBeforeSale(complete);
    if (before !== null && before <= params.evaluationMinDaysBeforeSale) {
      flags.push({ item: 'evaluationDue', status: 'not required', message: `complete application received ${before} days before the sale (not more than ${params.evaluationMinDaysBeforeSale}): the 30-day evaluation, appeal and acceptance protections do not apply` });
      saleProtected = false;
    } else {
      evaluationDue = addDays(complete, params.evaluationDays);
      saleProtected = sale ? true : null;
      // The windows run from the notice of decision; without its date, from the latest date it may be sent.
      const noticeDate = decisionSent ?? evaluationDue;
      if (before === null || before >= params.appealMinDaysBeforeSale) {
        appealDeadline = addDays(noticeDate, params.appealDays);
        appealDeadlineBasis = decisionSent ? 'decision notice' : 'latest';
        appealDeadlineLabel = decisionSent ? `${params.appealDays} days after the decision notice sent ${decisionSent}` : APPEAL_AT_THE_LATEST;
        acceptanceWindowDays = params.acceptanceDays;
      } else {
        flags.push({ item: 'appealDeadline', status: 'not required', message: `complete application received ${before} days before the sale (fewer than ${params.appealMinDaysBeforeSale}): no appeal right` });
        acceptanceWindowDays = params.acceptanceShortDays;
      }
      acceptanceDeadline = addDays(noticeDate, acceptanceWindowDays);
      if (decisionSent) {
        notes.push(`Appeal and acceptance windows counted from the decision notice sent ${decisionSent} (1024.41(h)(2), (e)(1)).`);
        if (decisionSent < complete) notes.push(`The decision notice date ${decisionSent} is before the application complete date ${complete}: check both dates.`);
        else if (decisionSent > evaluationDue) notes.push(`The decision notice was sent ${decisionSent}, after the evaluation due date ${evaluationDue} (1024.41(c)(1)): confirm.`);
      } else {
        notes.push(`Appeal and acceptance windows counted from the evaluation due date ${evaluationDue}, the latest date the decision may be sent (the case has no options.decisionNoticeSentDate): the appeal deadline is ${APPEAL_AT_THE_LATEST}.`);
      }
      if (saleProtected) notes.push('Complete application more than 37 days before the sale: no motion for judgment or sale until the evaluation, appeal and acceptance periods end (1024.41(g)).');
    }
  } else notes.push('No application complete date: evaluation, appeal and acceptance not computed.');

  // Delinquency-based dates, from the first missed due date (day 1 of delinquency).
  let earliestForeclosureReferral: IsoDate | null = null;
  let earlyInterventionLiveContactBy: IsoDate | null = null;
  let earlyInterventionWrittenNoticeBy: IsoDate | null = null;
  if (firstMissed) {
    // The N-th day of delinquency is the day the loan is N days delinquent (comment 39(a)-1.i.A).
    earlyInterventionLiveContactBy = addDays(firstMissed, params.liveContactDay);
    earlyInterventionWrittenNoticeBy = addDays(firstMissed, params.writtenNoticeDay);
    // "More than N days delinquent": the first day with N + 1 days of delinquency.
    earliestForeclosureReferral = addDays(firstMissed, params.foreclosureReferralDelinquencyDays + 1);
    if (firstMissed > evaluationDate) notes.push(`The loan is not delinquent at the evaluation (next due ${firstMissed}): delinquency dates assume that payment is missed.`);
  } else notes.push('No next due date: early-intervention and foreclosure-referral dates not computed.');

  const dueDates: [string, IsoDate | null][] = [
    ['earlyInterventionLiveContactBy', earlyInterventionLiveContactBy],
    ['earlyInterventionWrittenNoticeBy', earlyInterventionWrittenNoticeBy],
    ['acknowledgmentDue', acknowledgmentDue],
    ['evaluationDue', evaluationDue],
    ['appealDeadline', appealDeadline],
    ['acceptanceDeadline', acceptanceDeadline],
  ];
  for (const [item, date] of dueDates) {
    if (!date) continue;
    const daysLeft = daysBetween(evaluationDate, date);
    if (daysLeft < 0) flags.push({ item, status: 'missed', message: `${LABELS[item]}: due date ${date} passed at evaluation (${-daysLeft} days ago): confirm it was done` });
    else if (daysLeft <= params.nearDays) flags.push({ item, status: 'near', message: `${LABELS[item]}: due ${date}, in ${daysLeft} days` });
  }
  if (earliestForeclosureReferral) {
    const daysLeft = daysBetween(evaluationDate, earliestForeclosureReferral);
    if (daysLeft <= 0) flags.push({ item: 'earliestForeclosureReferral', status: 'reached', message: `${LABELS.earliestForeclosureReferral}: permitted from ${earliestForeclosureReferral} (the loan is ${daysDelinquent(firstMissed as IsoDate, evaluationDate)} days delinquent at evaluation, more than ${params.foreclosureReferralDelinquencyDays}), subject to a pending complete application (1024.41(f)(2))` });
    else if (daysLeft <= params.nearDays) flags.push({ item: 'earliestForeclosureReferral', status: 'near', message: `${LABELS.earliestForeclosureReferral}: permitted from ${earliestForeclosureReferral}, in ${daysLeft} days` });
  }

  return {
    acknowledgmentDue,
    evaluationDue,
    appealDeadline,
    earliestForeclosureReferral,
    earlyInterventionLiveContactBy,
    earlyInterventionWrittenNoticeBy,
    acceptanceWindowDays,
    acceptanceDeadline,
    appealDeadlineBasis,
    appealDeadlineLabel,
    saleProtected,
    flags,
    notes,
  };
}
