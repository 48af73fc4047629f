/**
 * The Portfolio Review row (src/engine/portfolioReview.ts), from hand-made evaluations and
 * timelines: payments before and after, the deadline status at its edges, and the exceptions-first
 * order the manager asked for (issue 11).
 */
import { compareReviewRows, exceptionOf, reviewErrorRow, reviewRowOf, type ReviewableEvaluation } from '../../src/engine/portfolioReview';
import type { Affordability, OptionResult, Timeline } from '../../src/engine/results';
import { makeCase } from '../support/caseFactory';

const affordability = { backEndDti: 0.42 } as Affordability;
const noDates: Timeline = { acknowledgmentDue: null, evaluationDue: null, appealDeadline: null, earliestForeclosureReferral: null };

function modification(monthlyPayment: number, extra: Partial<OptionResult> = {}): OptionResult {
  return {
    program: 'GSE-FLEX', label: 'Flex Modification', kind: 'modification', eligible: true, rulebook: { id: 'GSE-FLEX', version: '2024-12-01' },
    checks: [], steps: [], monthlyPayment, postModificationDti: 0.3125, ...extra,
  } as unknown as OptionResult;
}

function evaluationWith(program: string | null, options: Record<string, OptionResult>, extra: Partial<ReviewableEvaluation> = {}): ReviewableEvaluation {
  return { options, waterfall: Object.keys(options), affordability, recommendation: { program }, warnings: [], ...extra };
}

const loanCase = makeCase({ caseId: 'R-1', investor: 'FREDDIE', evaluationDate: '2026-03-02', loan: { loanNumber: '0012345678', contractualPI: 1913.14, monthlyEscrow: 350, nextDueDate: '2025-12-01' }, borrower: { hardship: 'REDUCTION_IN_INCOME' } });

describe('payments', () => {
  test('a modification: current P&I + escrow against its monthly payment, the change and the reduction', () => {
    const row = reviewRowOf(2, loanCase, evaluationWith('GSE-FLEX', { 'GSE-FLEX': modification(1880.41) }), noDates);
    expect(row.currentPayment).toBe(2263.14); // 1,913.14 + 350.00
    expect(row.proposedPayment).toBe(1880.41);
    expect(row.paymentChange).toBe(-382.73);
    expect(row.reduction).toBe(0.1691); // 382.73 / 2,263.14 = 0.16911...
    expect(row.postModificationDti).toBe(0.3125);
    expect(row.programLabel).toBe('Flex Modification');
  });

  test('a deferral keeps the contractual payment: no change', () => {
    const deferral = { program: 'GSE-PAYMENT-DEFERRAL', label: 'Payment Deferral', kind: 'deferral', eligible: true, rulebook: { id: 'GSE-PAYMENT-DEFERRAL', version: 'x' }, checks: [], steps: [] } as unknown as OptionResult;
    const row = reviewRowOf(2, loanCase, evaluationWith('GSE-PAYMENT-DEFERRAL', { 'GSE-PAYMENT-DEFERRAL': deferral }), noDates);
    expect(row.proposedPayment).toBe(2263.14);
    expect(row.paymentChange).toBe(0);
    expect(row.reduction).toBe(0);
  });

  test('the loan number is masked to its last 4 digits; days delinquent count from the oldest unpaid due date', () => {
    const row = reviewRowOf(2, loanCase, evaluationWith(null, {}), noDates);
    expect(row.loanNumber).toBe('****5678');
    expect(JSON.stringify(row)).not.toContain('0012345678');
    expect(row.daysDelinquent).toBe(91); // 2025-12-01 to 2026-03-02: 31 (Dec) + 31 (Jan) + 28 (Feb) + 1 = 91 days
  });
});

describe('the next Regulation X deadline and its status', () => {
  const at = (dates: Partial<Timeline>) => reviewRowOf(2, loanCase, evaluationWith('GSE-FLEX', { 'GSE-FLEX': modification(1880.41) }), { ...noDates, ...dates });

  test('an acknowledgment due the day before the evaluation date has passed: confirm it was done', () => {
    const row = at({ acknowledgmentDue: '2026-03-01' });
    expect(row.deadlineStatus).toBe('passed');
    expect(row.deadlineDetail).toMatch(/confirm it was done/);
    expect(exceptionOf(row)).toBe('deadline passed');
  });

  test('due on the evaluation date itself: not passed, due soon', () => {
    expect(at({ acknowledgmentDue: '2026-03-02' }).deadlineStatus).toBe('due soon');
  });

  test('due soon means within 5 business days: Monday 2026-03-09 is the 5th business day after Monday 2026-03-02, the 10th is not', () => {
    expect(at({ evaluationDue: '2026-03-09' }).deadlineStatus).toBe('due soon');
    expect(at({ evaluationDue: '2026-03-10' }).deadlineStatus).toBe('ok');
  });

  test('the next deadline is the earliest date on or after the evaluation date', () => {
    const row = at({ evaluationDue: '2026-04-01', appealDeadline: '2026-04-15', earlyInterventionWrittenNoticeBy: '2026-01-14' });
    expect(row.nextDeadline).toEqual({ item: 'evaluationDue', label: 'Evaluation of the complete application', date: '2026-04-01' });
    // An early-intervention date that passed is no exception: the notice recurs while the loan is delinquent.
    expect(row.deadlineStatus).toBe('ok');
  });

  test('a case with none of the dates has status none', () => {
    expect(at({}).deadlineStatus).toBe('none');
  });
});

describe('exceptions first', () => {
  test('passed, due soon, no option fits, affordability, input problem, then the rest; tape order within each', () => {
    const ok1 = reviewRowOf(9, loanCase, evaluationWith('GSE-FLEX', { 'GSE-FLEX': modification(1880.41) }), noDates);
    const ok2 = reviewRowOf(3, loanCase, evaluationWith('GSE-FLEX', { 'GSE-FLEX': modification(1880.41) }), noDates);
    const passed = reviewRowOf(8, loanCase, evaluationWith('GSE-FLEX', { 'GSE-FLEX': modification(1880.41) }), { ...noDates, acknowledgmentDue: '2026-02-01' });
    const soon = reviewRowOf(7, loanCase, evaluationWith('GSE-FLEX', { 'GSE-FLEX': modification(1880.41) }), { ...noDates, evaluationDue: '2026-03-03' });
    const none = reviewRowOf(6, loanCase, evaluationWith(null, {}), noDates);
    const unaffordable = reviewRowOf(5, loanCase, evaluationWith('GSE-FLEX', { 'GSE-FLEX': modification(1880.41) }, { affordability: { backEndDti: 0.55 } as Affordability }), noDates);
    const bad = reviewErrorRow(4, 'R-4', 'loan.rate: rate 4.75 looks like a percent: enter 4.75% or 0.0475');
    const sorted = [ok1, ok2, passed, soon, none, unaffordable, bad].sort(compareReviewRows);
    expect(sorted.map((r) => r.row)).toEqual([8, 7, 6, 5, 4, 3, 9]);
    expect(unaffordable.affordabilityFlag).toBe('back-end DTI 55.00% is 55% or more');
    expect(bad.error).toBe('row 4, loan.rate: rate 4.75 looks like a percent: enter 4.75% or 0.0475');
  });

  test('a back-end DTI just under 55% is not flagged', () => {
    const row = reviewRowOf(2, loanCase, evaluationWith('GSE-FLEX', { 'GSE-FLEX': modification(1880.41) }, { affordability: { backEndDti: 0.5499 } as Affordability }), noDates);
    expect(row.affordabilityFlag).toBeNull();
  });
});

describe('flags', () => {
  test('an override on any rulebook of the evaluation is flagged', () => {
    const row = reviewRowOf(2, loanCase, evaluationWith('GSE-FLEX', { 'GSE-FLEX': modification(1880.41, { rulebook: { id: 'GSE-FLEX', version: '2024-12-01+overrides' } }) }), noDates);
    expect(row.overrideUsed).toBe(true);
  });
});
