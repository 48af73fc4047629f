/**
 * One row of the Portfolio Review (a manager's view of many loans): what the engine recommends
 * for a loan, what it changes in the payment, what needs the manager's attention first, and the
 * next Regulation X date. Used by `lm portfolio` and by the review sheet plan; pure engine code.
 *
 * Decisions (ours, not any investor's; docs/portfolio.md):
 * - The "next deadline" is the earliest Regulation X due date on or after the evaluation date
 *   among early-intervention contact and notice, acknowledgment, evaluation, appeal and
 *   acceptance. The earliest foreclosure referral is a permitted-from date, not a deadline.
 * - Deadline status: `passed` when the servicer's own application deadlines (acknowledgment,
 *   evaluation) fell before the evaluation date (the engine cannot know whether the act was done:
 *   "confirm it was done"), else `due soon` when the next date falls within 5 business days of
 *   the evaluation date, else `ok`; `none` when the case has none of the dates. Early-intervention
 *   dates that passed are not exceptions: live contact and the written notice recur while the loan
 *   stays delinquent (1024.39(a), (b)(1)), so a loan months behind would always show them; appeal
 *   and acceptance windows are the borrower's, so their end is no servicer miss.
 * - Exceptions first, in the order the manager asked for: passed deadlines, deadlines due soon,
 *   "no option fits", affordability flags, rows that could not be evaluated; then the rest.
 */
import type { LoanCase } from './case/types';
import { addBusinessDays } from './holidays';
import { daysDelinquent, type IsoDate } from './dates';
import { exactCents, ratioOfCents } from './cents';
import { Decimal, ratioNumber, roundPercent } from './money';
import { maskLoanNumber } from './masking';
import { computeTimeline } from './regulationX';
import type { Affordability, OptionResult, RulebookRef, Timeline } from './results';
import { findRulebook } from './rulebooks';

export type DeadlineStatus = 'passed' | 'due soon' | 'ok' | 'none';

export interface PortfolioReviewRow {
  /** 1-based row of the tape (the header is row 1), or the case's position in a list of cases. */
  row: number;
  caseId: string | null;
  /** The case's evaluation date (null for a row that could not be evaluated). */
  evaluationDate: IsoDate | null;
  /** "****5678" (never the full loan number). */
  loanNumber: string | null;
  investor: string | null;
  daysDelinquent: number | null;
  hardship: string | null;
  /** Recommended program id and its plain-English label; null when no option fits or the row failed. */
  program: string | null;
  programLabel: string | null;
  /** Contractual P&I + escrow. */
  currentPayment: number | null;
  /** Monthly payment under the recommended option (P&I + escrow), when it has one. */
  proposedPayment: number | null;
  /** proposed - current (negative is a saving). */
  paymentChange: number | null;
  /** (current - proposed) / current, a fraction with 4 decimals. */
  reduction: number | null;
  /** Post-modification front-end DTI of the recommended modification. */
  postModificationDti: number | null;
  /** The recommended option's affordability flag, or a back-end DTI of 55% or more. */
  affordabilityFlag: string | null;
  /** The recommended option's rulebook has a parameter marked interpretation. */
  interpretationUsed: boolean;
  /** A rulebook parameter was overridden (case or workbook settings). */
  overrideUsed: boolean;
  warnings: string[];
  nextDeadline: { item: string; label: string; date: IsoDate } | null;
  deadlineStatus: DeadlineStatus;
  /** Why the deadline status is what it is, in words. */
  deadlineDetail: string | null;
  /** The row's problem: "row 4, loan.rate: ..." (field and fix, never the personal value). */
  error: string | null;
  /** 0 = most urgent; see the order above. */
  exceptionRank: number;
}

/** Back-end DTI at or above which the review flags affordability (the HAMP counselling threshold, fha-va-usda.md PORTFOLIO). */
export const REVIEW_BACK_END_DTI_FLAG = 0.55;
/** "Due soon": within this many business days of the evaluation date. */
export const DUE_SOON_BUSINESS_DAYS = 5;

export const EXCEPTION_ORDER = ['deadline passed', 'deadline due soon', 'no option fits', 'affordability', 'input problem', 'none'] as const;

/** Deadlines whose passing the review reports as an exception (see the header). */
const SERVICER_DEADLINES = new Set(['acknowledgmentDue', 'evaluationDue']);

const DEADLINE_LABELS: Record<string, string> = {
  earlyInterventionLiveContactBy: 'Early intervention live contact',
  earlyInterventionWrittenNoticeBy: 'Early intervention written notice',
  acknowledgmentDue: 'Acknowledgment of the application',
  evaluationDue: 'Evaluation of the complete application',
  appealDeadline: 'Appeal deadline',
  acceptanceDeadline: 'Offer acceptance window',
};

/** What the review reads of an evaluation: the recommended-option scope is enough. */
export interface ReviewableEvaluation {
  options: Record<string, OptionResult>;
  waterfall: string[];
  affordability: Affordability;
  recommendation: { program: string | null };
  warnings: string[];
}

/** The review row of an evaluated case. `timeline` defaults to the case's Regulation X dates. */
export function reviewRowOf(row: number, loanCase: LoanCase, evaluation: ReviewableEvaluation, timeline: Timeline = computeTimeline(loanCase)): PortfolioReviewRow {
  const program = evaluation.recommendation.program;
  const option = program ? evaluation.options[program] : undefined;
  const loan = loanCase.loan;
  const payments = paymentFigures(loan.contractualPI, loan.monthlyEscrow, option);
  const postModificationDti = option && typeof (option as { postModificationDti?: unknown }).postModificationDti === 'number' ? ((option as { postModificationDti: number }).postModificationDti) : null;

  const affordabilityFlag = affordabilityFlagOf(option, evaluation.affordability);
  const deadline = nextDeadlineOf(timeline, loanCase.evaluationDate);
  const base: PortfolioReviewRow = {
    row,
    caseId: loanCase.caseId,
    evaluationDate: loanCase.evaluationDate,
    loanNumber: loan.loanNumber ? maskLoanNumber(loan.loanNumber) : null,
    investor: loanCase.investor,
    daysDelinquent: loan.nextDueDate ? daysDelinquent(loan.nextDueDate, loanCase.evaluationDate) : null,
    hardship: loanCase.borrower.hardship,
    program,
    programLabel: option ? option.label : null,
    currentPayment: payments.current,
    proposedPayment: payments.proposed,
    paymentChange: payments.change,
    reduction: payments.reduction,
    postModificationDti,
    affordabilityFlag,
    interpretationUsed: option ? rulebookHasInterpretation(option.rulebook) : false,
    overrideUsed: Object.values(evaluation.options).some((o) => o.rulebook.version.endsWith('+overrides')),
    warnings: [...evaluation.warnings],
    nextDeadline: deadline.next,
    deadlineStatus: deadline.status,
    deadlineDetail: deadline.detail,
    error: null,
    exceptionRank: 0,
  };
  base.exceptionRank = exceptionRankOf(base);
  return base;
}

/** The review row of a row that could not be evaluated. */
export function reviewErrorRow(row: number, caseId: string | null, problem: string): PortfolioReviewRow {
  const errorRow: PortfolioReviewRow = {
    row,
    caseId,
    evaluationDate: null,
    loanNumber: null,
    investor: null,
    daysDelinquent: null,
    hardship: null,
    program: null,
    programLabel: null,
    currentPayment: null,
    proposedPayment: null,
    paymentChange: null,
    reduction: null,
    postModificationDti: null,
    affordabilityFlag: null,
    interpretationUsed: false,
    overrideUsed: false,
    warnings: [],
    nextDeadline: null,
    deadlineStatus: 'none',
    deadlineDetail: null,
    error: `row ${row}, ${problem}`,
    exceptionRank: 0,
  };
  errorRow.exceptionRank = exceptionRankOf(errorRow);
  return errorRow;
}

/** The exception the row is sorted under (its index in EXCEPTION_ORDER). */
export function exceptionOf(row: PortfolioReviewRow): (typeof EXCEPTION_ORDER)[number] {
  if (row.error !== null) return 'input problem';
  if (row.deadlineStatus === 'passed') return 'deadline passed';
  if (row.deadlineStatus === 'due soon') return 'deadline due soon';
  if (row.program === null) return 'no option fits';
  if (row.affordabilityFlag !== null) return 'affordability';
  return 'none';
}

function exceptionRankOf(row: PortfolioReviewRow): number {
  return EXCEPTION_ORDER.indexOf(exceptionOf(row));
}

/** Sorts review rows exceptions first, then by tape row (stable). */
export function compareReviewRows(a: PortfolioReviewRow, b: PortfolioReviewRow): number {
  return a.exceptionRank - b.exceptionRank || a.row - b.row;
}

interface PaymentFigures {
  current: number;
  proposed: number | null;
  change: number | null;
  reduction: number | null;
}

/** Decimals of the reduction fraction (a percent with two decimals), rounded half-up. */
const REDUCTION_DECIMALS = 4;

/**
 * Current payment (P&I + escrow), the payment under the option, the change and the reduction.
 * Deferral and partial claim cure the arrears and keep the contractual payment. Whole-cent figures
 * (every engine amount is one) are done in exact integer cents; anything else in decimal.
 */
function paymentFigures(contractualPI: number, escrow: number, option: OptionResult | undefined): PaymentFigures {
  const monthly = option ? (option as { monthlyPayment?: unknown }).monthlyPayment : undefined;
  const keepsPayment = option !== undefined && (option.kind === 'deferral' || option.kind === 'partialClaim');
  const piCents = exactCents(contractualPI);
  const escrowCents = exactCents(escrow);
  const monthlyCents = typeof monthly === 'number' ? exactCents(monthly) : null;
  if (piCents !== null && escrowCents !== null && (typeof monthly !== 'number' || monthlyCents !== null)) {
    const current = piCents + escrowCents;
    const proposed = monthlyCents ?? (keepsPayment ? current : null);
    if (proposed === null) return { current: current / 100, proposed: null, change: null, reduction: null };
    const saved = current - proposed;
    const magnitude = current === 0 ? null : ratioOfCents(Math.abs(saved), current, REDUCTION_DECIMALS);
    if (current === 0 || magnitude !== null) {
      return { current: current / 100, proposed: proposed / 100, change: -saved / 100 || 0, reduction: magnitude === null ? null : saved < 0 ? -magnitude : magnitude };
    }
  }
  const current = new Decimal(contractualPI).plus(escrow);
  const proposed = typeof monthly === 'number' ? new Decimal(monthly) : keepsPayment ? current : null;
  if (proposed === null) return { current: current.toNumber(), proposed: null, change: null, reduction: null };
  const reduction = current.isZero() ? null : ratioNumber(current.minus(proposed).dividedBy(current), REDUCTION_DECIMALS);
  return { current: current.toNumber(), proposed: proposed.toNumber(), change: proposed.minus(current).toNumber(), reduction };
}

function affordabilityFlagOf(option: OptionResult | undefined, affordability: Affordability): string | null {
  const flag = option ? (option as { affordabilityFlag?: unknown }).affordabilityFlag : undefined;
  if (typeof flag === 'string' && flag !== '') return flag;
  if (flag && typeof flag === 'object' && typeof (flag as { message?: unknown }).message === 'string') return (flag as { message: string }).message;
  const backEnd = affordability.backEndDti;
  if (backEnd !== null && new Decimal(backEnd).gte(REVIEW_BACK_END_DTI_FLAG)) {
    return `back-end DTI ${roundPercent(backEnd, 2).toFixed(2)}% is ${roundPercent(REVIEW_BACK_END_DTI_FLAG, 2).toString()}% or more`;
  }
  return null;
}

const interpretationByRulebook = new Map<string, boolean>();

function rulebookHasInterpretation(ref: RulebookRef): boolean {
  let has = interpretationByRulebook.get(ref.id);
  if (has === undefined) {
    const rulebook = findRulebook(ref.id);
    has = rulebook ? Object.values(rulebook.parameters).some((p) => p.interpretation === true) : false;
    interpretationByRulebook.set(ref.id, has);
  }
  return has;
}

const horizons = new Map<IsoDate, IsoDate>();

/** The last date that is "due soon" from an evaluation date (a tape shares its date: computed once). */
function dueSoonHorizon(evaluationDate: IsoDate): IsoDate {
  let horizon = horizons.get(evaluationDate);
  if (horizon === undefined) {
    horizon = addBusinessDays(evaluationDate, DUE_SOON_BUSINESS_DAYS);
    if (horizons.size > 1000) horizons.clear();
    horizons.set(evaluationDate, horizon);
  }
  return horizon;
}

function nextDeadlineOf(timeline: Timeline, evaluationDate: IsoDate): { next: PortfolioReviewRow['nextDeadline']; status: DeadlineStatus; detail: string | null } {
  const dated: { item: string; date: IsoDate }[] = [];
  for (const item of Object.keys(DEADLINE_LABELS)) {
    const date = timeline[item];
    if (typeof date === 'string') dated.push({ item, date });
  }
  if (dated.length === 0) return { next: null, status: 'none', detail: null };
  dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const passed = dated.filter((d) => d.date < evaluationDate && SERVICER_DEADLINES.has(d.item));
  const upcoming = dated.find((d) => d.date >= evaluationDate) ?? null;
  const next = upcoming ? { item: upcoming.item, label: DEADLINE_LABELS[upcoming.item], date: upcoming.date } : null;
  if (passed.length > 0) {
    const last = passed[passed.length - 1];
    return { next, status: 'passed', detail: `${DEADLINE_LABELS[last.item]} was due ${last.date}, before the evaluation date: confirm it was done` };
  }
  if (upcoming && upcoming.date <= dueSoonHorizon(evaluationDate)) {
    return { next, status: 'due soon', detail: `${DEADLINE_LABELS[upcoming.item]} due ${upcoming.date}, within ${DUE_SOON_BUSINESS_DAYS} business days` };
  }
  return { next, status: 'ok', detail: null };
}
