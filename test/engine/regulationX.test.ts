/**
 * Regulation X timelines (12 CFR 1024.39, 1024.41). Expected dates are counted by hand on the
 * calendar in the comments (day 1 of delinquency = the first missed due date, 12 CFR 1024.31).
 */
import { parseCase } from '../../src/engine/case/parse';
import type { LoanCase } from '../../src/engine/case/types';
import { evaluateCase } from '../../src/engine/evaluate';
import { APPEAL_AT_THE_LATEST, computeTimeline } from '../../src/engine/regulationX';
import { REGULATION_X_RULEBOOK } from '../../src/engine/rulebooks/disposition';
import { parameterValues } from '../../src/engine/rulebooks/types';

function makeCase(options: Record<string, string | null>, loan: Record<string, unknown> = {}, evaluationDate = '2025-06-25'): LoanCase {
  const parsed = parseCase({
    caseId: 'REGX',
    investor: 'FANNIE',
    evaluationDate,
    loan: { upb: 200000, rate: 0.05, remainingTermMonths: 300, contractualPI: 1169.18, monthsDelinquent: 3, ...loan },
    property: { value: 250000 },
    options,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.case;
}

const flag = (timeline: ReturnType<typeof computeTimeline>, item: string) => timeline.flags?.find((f) => f.item === item);

describe('computeTimeline', () => {
  test('no sale scheduled: every protection applies', () => {
    const timeline = computeTimeline(
      makeCase({ applicationReceivedDate: '2025-06-13', applicationCompleteDate: '2025-06-20' }, { nextDueDate: '2025-03-01' }),
    );
    // Received Fri 2025-06-13: Mon 16, Tue 17, Wed 18, (Thu 19 Juneteenth), Fri 20, Mon 23.
    expect(timeline.acknowledgmentDue).toBe('2025-06-23');
    // Complete 2025-06-20 + 30 days = 2025-07-20; appeal and acceptance 14 days later.
    expect(timeline.evaluationDue).toBe('2025-07-20');
    expect(timeline.appealDeadline).toBe('2025-08-03');
    expect(timeline.acceptanceWindowDays).toBe(14);
    expect(timeline.acceptanceDeadline).toBe('2025-08-03');
    // First missed 2025-03-01: 36 days delinquent on 04-06, 45 on 04-15 (comment 39(a)-1.i.A). Days delinquent on 06-30 =
    // 30 (Mar) + 30 (Apr) + 31 (May) + 30 (Jun) = 121, the first day "more than 120" (1024.41(f)(1)(i)).
    expect(timeline.earlyInterventionLiveContactBy).toBe('2025-04-06');
    expect(timeline.earlyInterventionWrittenNoticeBy).toBe('2025-04-15');
    expect(timeline.earliestForeclosureReferral).toBe('2025-06-30');
    expect(timeline.saleProtected).toBeNull();
  });

  test('flags: due dates passed at evaluation are "missed" (to confirm), dates within 5 days "near"', () => {
    const timeline = computeTimeline(
      makeCase({ applicationReceivedDate: '2025-06-13', applicationCompleteDate: '2025-06-20' }, { nextDueDate: '2025-03-01' }),
    );
    expect(flag(timeline, 'acknowledgmentDue')).toMatchObject({ status: 'missed' });
    expect(flag(timeline, 'acknowledgmentDue')?.message).toMatch(/passed at evaluation.*confirm/);
    expect(flag(timeline, 'earlyInterventionLiveContactBy')?.status).toBe('missed');
    expect(flag(timeline, 'earlyInterventionWrittenNoticeBy')?.status).toBe('missed');
    // 2025-06-30 is 5 days after the evaluation date 2025-06-25.
    expect(flag(timeline, 'earliestForeclosureReferral')?.status).toBe('near');
    expect(flag(timeline, 'evaluationDue')).toBeUndefined(); // 25 days away
  });

  test('foreclosure referral date reached', () => {
    const timeline = computeTimeline(makeCase({}, { nextDueDate: '2025-01-01' }));
    // 2025-01-01 + 121 days = 2025-05-02, before the evaluation date 2025-06-25.
    expect(timeline.earliestForeclosureReferral).toBe('2025-05-02');
    expect(flag(timeline, 'earliestForeclosureReferral')?.status).toBe('reached');
  });

  test('sale 44 days after receipt: no acknowledgment; complete 39 days before: evaluation, no appeal, 7-day acceptance', () => {
    const timeline = computeTimeline(
      makeCase({ applicationReceivedDate: '2025-08-27', applicationCompleteDate: '2025-09-01', foreclosureSaleDate: '2025-10-10' }, {}, '2025-09-02'),
    );
    // 2025-08-27 -> 2025-10-10 is 4 + 30 + 10 = 44 days (< 45).
    expect(timeline.acknowledgmentDue).toBeNull();
    expect(flag(timeline, 'acknowledgmentDue')?.status).toBe('not required');
    // 2025-09-01 -> 2025-10-10 is 39 days (> 37, < 90).
    expect(timeline.evaluationDue).toBe('2025-10-01');
    expect(timeline.appealDeadline).toBeNull();
    expect(flag(timeline, 'appealDeadline')?.status).toBe('not required');
    expect(timeline.acceptanceWindowDays).toBe(7);
    expect(timeline.acceptanceDeadline).toBe('2025-10-08');
    expect(timeline.saleProtected).toBe(true);
  });

  test('complete application 37 days before the sale: no evaluation duty', () => {
    // 2025-09-03 -> 2025-10-10 = 27 + 10 = 37 days: not "more than 37".
    const timeline = computeTimeline(makeCase({ applicationCompleteDate: '2025-09-03', foreclosureSaleDate: '2025-10-10' }, {}, '2025-09-04'));
    expect(timeline.evaluationDue).toBeNull();
    expect(timeline.acceptanceWindowDays).toBeNull();
    expect(timeline.saleProtected).toBe(false);
    expect(flag(timeline, 'evaluationDue')?.status).toBe('not required');
  });

  test('boundaries: received exactly 45 days before, complete exactly 90 days before', () => {
    // 2025-07-12 -> 2025-10-10: 19 + 31 + 30 + 10 = 90 days; 2025-08-26 -> 2025-10-10: 5 + 30 + 10 = 45 days.
    const timeline = computeTimeline(
      makeCase({ applicationReceivedDate: '2025-08-26', applicationCompleteDate: '2025-07-12', foreclosureSaleDate: '2025-10-10' }, {}, '2025-07-14'),
    );
    // Tue 2025-08-26 -> Wed 27, Thu 28, Fri 29, (Mon 09-01 Labor Day), Tue 2, Wed 3.
    expect(timeline.acknowledgmentDue).toBe('2025-09-03');
    expect(timeline.evaluationDue).toBe('2025-08-11');
    expect(timeline.appealDeadline).toBe('2025-08-25');
    expect(timeline.acceptanceWindowDays).toBe(14);
  });

  test("New Year's Day on Saturday 2022-01-01: the observed Friday 2021-12-31 counts, and the timeline says so", () => {
    // Tue 2021-12-28 -> Wed 29 (1), Thu 30 (2), Fri 31 (3), Mon 3 (4), Tue 4 (5).
    const timeline = computeTimeline(makeCase({ applicationReceivedDate: '2021-12-28' }, {}, '2021-12-29'));
    expect(timeline.acknowledgmentDue).toBe('2022-01-04');
    expect(timeline.notes).toContain(
      "Friday 2021-12-31 is observed as New Year's Day by federal offices; the acknowledgment deadline does not count it out (legal public holidays count on their own dates, 2022-01-01: 12 CFR 1024.41(b)(2)(i)(B)).",
    );
  });

  test('July 4 on Saturday 2026: acknowledgment 2026-07-08, a day earlier than counting the observed July 3 out', () => {
    const received = makeCase({ applicationReceivedDate: '2026-07-01' }, {}, '2026-07-01');
    const timeline = computeTimeline(received);
    expect(timeline.acknowledgmentDue).toBe('2026-07-08');
    expect(timeline.notes?.some((n) => n.startsWith('Friday 2026-07-03 is observed as Independence Day by federal offices; the acknowledgment deadline does not count it out'))).toBe(true);
    const observed = computeTimeline(received, { ...parameterValues(REGULATION_X_RULEBOOK), businessDayHolidays: 'observed' });
    expect(observed.acknowledgmentDue).toBe('2026-07-09');
    expect(observed.notes?.some((n) => n.includes('observed as'))).toBe(false);
  });

  test('a window without an observed-only day has no holiday note', () => {
    // Mon 2025-12-22: Christmas 2025 is a Thursday on its own date, skipped: Tue 30.
    const timeline = computeTimeline(makeCase({ applicationReceivedDate: '2025-12-22' }, {}, '2025-12-22'));
    expect(timeline.acknowledgmentDue).toBe('2025-12-30');
    expect(timeline.notes?.some((n) => n.includes('observed as'))).toBe(false);
  });

  test('businessDayHolidays must be ownDates or observed', () => {
    expect(() => computeTimeline(makeCase({ applicationReceivedDate: '2025-12-22' }), { ...parameterValues(REGULATION_X_RULEBOOK), businessDayHolidays: 'closed' })).toThrow(/ownDates/);
  });

  test('absent starting dates give null, never a guess', () => {
    const timeline = computeTimeline(makeCase({}));
    expect(timeline).toMatchObject({
      acknowledgmentDue: null,
      evaluationDue: null,
      appealDeadline: null,
      earliestForeclosureReferral: null,
      earlyInterventionLiveContactBy: null,
      earlyInterventionWrittenNoticeBy: null,
      acceptanceWindowDays: null,
    });
    expect(timeline.notes?.length).toBeGreaterThan(0);
  });

  test('periods are rulebook parameters (an override moves the date)', () => {
    const params = { ...parameterValues(REGULATION_X_RULEBOOK), evaluationDays: 20 };
    const timeline = computeTimeline(makeCase({ applicationCompleteDate: '2025-06-20' }), params);
    expect(timeline.evaluationDue).toBe('2025-07-10');
  });

  test('evaluateCase attaches the timeline and honours REG-X overrides', () => {
    const input = {
      caseId: 'REGX-EVAL',
      investor: 'FANNIE',
      evaluationDate: '2025-06-25',
      loan: { upb: 200000, rate: 0.05, remainingTermMonths: 300, contractualPI: 1169.18, nextDueDate: '2025-03-01' },
      property: { value: 250000 },
      options: { applicationCompleteDate: '2025-06-20' },
    };
    const evaluation = evaluateCase(input, { programs: ['SHORT-SALE'], rulebookOverrides: { 'REG-X': { evaluationDays: 20 } } });
    expect(evaluation.timeline.evaluationDue).toBe('2025-07-10');
    expect(evaluation.timeline.earliestForeclosureReferral).toBe('2025-06-30');
    expect(evaluation.rulebooks.some((r) => r.id === 'REG-X' && r.version.endsWith('+overrides'))).toBe(true);
  });
});

describe('first foreclosure notice: "more than 120 days delinquent" (12 CFR 1024.41(f)(1)(i))', () => {
  // Days delinquent = date - oldest unpaid due date (1024.31 commentary: due January 1, unpaid,
  // 30 days delinquent on January 31). More than 120 = 121 days: due + 121.
  const referral = (nextDueDate: string, evaluationDate: string) => computeTimeline(makeCase({}, { nextDueDate }, evaluationDate));

  test.each([
    // engine.md section 8's example: Jan 31 + Feb 28 + Mar 31 + Apr 30 = 120 days on 2026-05-01.
    ['2026-01-01', '2026-05-02'],
    // Leap year: 2024 has Feb 29, so 120 days fall on 2024-04-30 and 121 on 2024-05-01.
    ['2024-01-01', '2024-05-01'],
    // Month end: 2025-01-31 -> 2025-05-31 is 28 + 31 + 30 + 31 = 120 days; 121 on 2025-06-01.
    ['2025-01-31', '2025-06-01'],
    // Across the year end: 2025-11-01 -> 2026-03-01 is 30 + 31 + 31 + 28 = 120 days.
    ['2025-11-01', '2026-03-02'],
  ])('due %s: first lawful day %s', (due, expected) => {
    expect(referral(due, '2026-12-01').earliestForeclosureReferral).toBe(expected);
  });

  test('120 days delinquent is not enough; 121 is', () => {
    const at120 = referral('2026-01-01', '2026-05-01');
    expect(flag(at120, 'earliestForeclosureReferral')).toMatchObject({ status: 'near' });
    expect(flag(at120, 'earliestForeclosureReferral')?.message).toMatch(/2026-05-02, in 1 days/);
    const at121 = referral('2026-01-01', '2026-05-02');
    expect(flag(at121, 'earliestForeclosureReferral')).toMatchObject({ status: 'reached' });
    expect(flag(at121, 'earliestForeclosureReferral')?.message).toMatch(/121 days delinquent at evaluation, more than 120/);
  });
});

describe('appeal deadline: 14 days after the decision notice is sent (12 CFR 1024.41(h)(2))', () => {
  // Complete 2025-06-20: evaluation due 2025-07-20 (1024.41(c)(1)).
  const withNotice = (decisionNoticeSentDate: string | null, extra: Record<string, string | null> = {}) =>
    computeTimeline(makeCase({ applicationCompleteDate: '2025-06-20', decisionNoticeSentDate, ...extra }, {}, '2025-06-25'));

  test('no notice date: the latest possible deadline, labelled "at the latest"', () => {
    const timeline = withNotice(null);
    expect(timeline.appealDeadline).toBe('2025-08-03'); // 2025-07-20 + 14
    expect(timeline.appealDeadlineBasis).toBe('latest');
    expect(timeline.appealDeadlineLabel).toBe('at the latest, if the decision is sent on the evaluation due date');
    expect(APPEAL_AT_THE_LATEST).toBe(timeline.appealDeadlineLabel);
  });

  test('notice sent 2025-07-10: appeal and acceptance by 2025-07-24', () => {
    const timeline = withNotice('2025-07-10');
    expect(timeline.appealDeadline).toBe('2025-07-24');
    expect(timeline.acceptanceDeadline).toBe('2025-07-24');
    expect(timeline.appealDeadlineBasis).toBe('decision notice');
    expect(timeline.appealDeadlineLabel).toBe('14 days after the decision notice sent 2025-07-10');
    expect(timeline.notes?.some((n) => n.includes('at the latest'))).toBe(false);
  });

  test('notice sent on the evaluation due date: the same date as the latest, but from the notice', () => {
    const timeline = withNotice('2025-07-20');
    expect(timeline.appealDeadline).toBe('2025-08-03');
    expect(timeline.appealDeadlineBasis).toBe('decision notice');
    expect(timeline.notes?.some((n) => n.includes('confirm'))).toBe(false);
  });

  test('notice sent a day after the evaluation due date: counted from the notice, flagged for confirmation', () => {
    const timeline = withNotice('2025-07-21');
    expect(timeline.appealDeadline).toBe('2025-08-04');
    expect(timeline.notes).toContain('The decision notice was sent 2025-07-21, after the evaluation due date 2025-07-20 (1024.41(c)(1)): confirm.');
  });

  test('a notice date before the application was complete is questioned', () => {
    expect(withNotice('2025-06-19').notes?.some((n) => n.includes('before the application complete date 2025-06-20'))).toBe(true);
  });

  test('complete fewer than 90 days before the sale: no appeal; the 7-day acceptance runs from the notice', () => {
    // 2025-06-20 -> 2025-09-10 = 10 + 31 + 31 + 10 = 82 days (> 37, < 90).
    const timeline = withNotice('2025-07-01', { foreclosureSaleDate: '2025-09-10' });
    expect(timeline.appealDeadline).toBeNull();
    expect(timeline.appealDeadlineBasis).toBeNull();
    expect(timeline.acceptanceDeadline).toBe('2025-07-08');
  });

  test('the case field reaches the timeline through evaluateCase', () => {
    const evaluation = evaluateCase(
      {
        caseId: 'REGX-NOTICE',
        investor: 'FANNIE',
        evaluationDate: '2025-06-25',
        loan: { upb: 200000, rate: 0.05, remainingTermMonths: 300, contractualPI: 1169.18 },
        property: { value: 250000 },
        options: { applicationCompleteDate: '2025-06-20', decisionNoticeSentDate: '2025-07-10' },
      },
      { programs: ['SHORT-SALE'] },
    );
    expect(evaluation.timeline.appealDeadline).toBe('2025-07-24');
  });
});

describe('early intervention: the 36th and 45th day of delinquency (12 CFR 1024.39)', () => {
  test('comment 39(a)-1.i.A: a payment due January 1 and unpaid needs live contact on or before February 6', () => {
    const timeline = computeTimeline(makeCase({}, { nextDueDate: '2026-01-01' }, '2026-01-02'));
    expect(timeline.earlyInterventionLiveContactBy).toBe('2026-02-06'); // 36 days after January 1
    expect(timeline.earlyInterventionWrittenNoticeBy).toBe('2026-02-15'); // 45 days after January 1
  });

  test('across February of a leap year', () => {
    // 2024-02-01 + 29 days = 03-01 (February has 29 days), + 7 = 03-08; + 16 = 03-17.
    const timeline = computeTimeline(makeCase({}, { nextDueDate: '2024-02-01' }, '2024-02-02'));
    expect(timeline.earlyInterventionLiveContactBy).toBe('2024-03-08');
    expect(timeline.earlyInterventionWrittenNoticeBy).toBe('2024-03-17');
  });
});
