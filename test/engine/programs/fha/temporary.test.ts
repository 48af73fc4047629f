/**
 * Repayment and forbearance programs of the FHA, VA, USDA and PORTFOLIO waterfalls (generic
 * calculators with each rulebook's limits). Contractual payment = P&I 1,350 + escrow 400 =
 * 1,750; cap 150% -> room floor(0.5 * 1,750) = 875.00 a month. Arrears = the amount to reinstate
 * (engine.md 1): months delinquent x 1,750 + legal fees 500 (late fees never).
 */
import { FHA_FORBEARANCE, FHA_REPAYMENT_PLAN, PORTFOLIO_FORBEARANCE, USDA_REPAYMENT_AGREEMENT, USDA_SPECIAL_FORBEARANCE, VA_REPAYMENT_PLAN } from '../../../../src/engine/programs/government/temporary';
import type { ForbearancePlanResult, RepaymentPlanResult } from '../../../../src/engine/results';
import { makeFhaTestCase as makeCase, makeContext } from '../../../support/caseFactory';

const base = makeCase();
const withLoan = (investor: 'FHA' | 'VA' | 'USDA' | 'PORTFOLIO', loan = {}, borrower = {}) =>
  makeCase({ investor, loan: { ...base.loan, ...loan }, borrower: { ...base.borrower, ...borrower } });

describe('repayment plans', () => {
  // A repayment plan is for a resolved hardship; these tests are about the plan's length and cap.
  const resolved = { hardshipResolved: true };

  test('not offered while the hardship continues; not checked without a hardship', () => {
    const continuing = FHA_REPAYMENT_PLAN.evaluate(makeContext(withLoan('FHA', { monthsDelinquent: 2 }, { hardship: 'UNEMPLOYMENT', hardshipResolved: false }))) as RepaymentPlanResult;
    expect(continuing.eligible).toBe(false);
    expect(continuing.reason).toBe('hardship not resolved');
    const unstated = FHA_REPAYMENT_PLAN.evaluate(makeContext(withLoan('FHA', { monthsDelinquent: 2 }, { hardship: null }))) as RepaymentPlanResult;
    expect(unstated.checks.find((c) => c.test === 'hardship resolved')?.status).toBe('not checked');
  });

  test('FHA: 2 months delinquent -> (3,500 + 500) / 875 = 4.57 -> 5 months of 2,550.00', () => {
    const r = FHA_REPAYMENT_PLAN.evaluate(makeContext(withLoan('FHA', { monthsDelinquent: 2 }, resolved))) as RepaymentPlanResult;
    expect(r.arrears).toBe(4000);
    expect(r.months).toBe(5);
    expect(r.monthlyPayment).toBe(2550); // 1,750 + 4,000 / 5
    expect(r.rulebook.id).toBe('FHA-LOSS-MIT');
  });

  test('FHA: 4 months delinquent needs 8 months > 6: payment cap', () => {
    const r = FHA_REPAYMENT_PLAN.evaluate(makeContext(withLoan('FHA', {}, resolved))) as RepaymentPlanResult;
    expect(r.eligible).toBe(false);
    expect(r.reason).toBe('payment cap');
    expect(r.months).toBeNull();
  });

  test('USDA: at most 3 months (7 CFR 3555.303)', () => {
    const two = USDA_REPAYMENT_AGREEMENT.evaluate(makeContext(withLoan('USDA', { monthsDelinquent: 2 }, resolved))) as RepaymentPlanResult;
    expect(two.eligible).toBe(false); // 4,000 needs 5 months
    const one = USDA_REPAYMENT_AGREEMENT.evaluate(makeContext(withLoan('USDA', { monthsDelinquent: 1 }, resolved))) as RepaymentPlanResult;
    expect(one.months).toBe(3); // (1,750 + 500) / 875 = 2.57
    expect(one.monthlyPayment).toBe(2500); // 1,750 + 2,250 / 3
  });

  test('VA: extended plan (up to 18 months) when the note rate is below the maximum modified rate', () => {
    // maximum = nearest 1/8 of 6.31% (6.25%) + 0.50% = 6.75%; note 6.00% < 6.75%
    const low = VA_REPAYMENT_PLAN.evaluate(makeContext(withLoan('VA', { rate: 0.06 }, resolved))) as RepaymentPlanResult;
    expect(low.months).toBe(9); // (7,000 + 500) / 875 = 8.57
    expect(low.eligible).toBe(true);
    const high = VA_REPAYMENT_PLAN.evaluate(makeContext(withLoan('VA', { rate: 0.0675 }, resolved))) as RepaymentPlanResult;
    expect(high.eligible).toBe(false); // 6.75% is not below 6.75%: limit 6 months
  });
});

describe('forbearance plans', () => {
  test('FHA: one increment of 3 months suspended -> arrears 7,500 + 3 * 1,750 = 12,750', () => {
    const r = FHA_FORBEARANCE.evaluate(makeContext(withLoan('FHA'))) as ForbearancePlanResult;
    expect(r.months).toBe(3);
    expect(r.monthlyPayment).toBe(0);
    expect(r.arrearsAtEnd).toBe(12750);
    expect(r.eligible).toBe(true);
  });

  test('USDA special forbearance: 12 months -> 7,500 + 12 * 1,750 = 28,500', () => {
    const r = USDA_SPECIAL_FORBEARANCE.evaluate(makeContext(withLoan('USDA'))) as ForbearancePlanResult;
    expect(r.months).toBe(12);
    expect(r.arrearsAtEnd).toBe(28500);
  });

  test('a resolved hardship is not forborne', () => {
    const r = PORTFOLIO_FORBEARANCE.evaluate(makeContext(withLoan('PORTFOLIO', {}, { hardshipResolved: true }))) as ForbearancePlanResult;
    expect(r.eligible).toBe(false);
    expect(r.reason).toBe('hardship resolved');
  });
});
