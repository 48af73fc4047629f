/**
 * GSE Payment Deferral (engine.md section 5, changes of 2026-12-02): the four eligibility tests of
 * the Fannie Mae D2-3.2-04 table and the borrower's contribution netted from the deferred amount.
 * A test whose input the case lacks is "not checked", never silently passed.
 */
import { GSE_PAYMENT_DEFERRAL_PROGRAM, flagAffordability } from '../../../../src/engine/programs/gse/programs';
import type { DeferralResult } from '../../../../src/engine/results';
import { makeCase, makeContext } from '../../../support/caseFactory';

// Resolved hardship, 3 months delinquent at P&I 624.03: 3 x 624.03 = 1,872.09 of P&I (Freddie Mac Resolve's PDM figure).
const deferralCase = (loan = {}, arrears = {}, borrower = {}) =>
  makeCase({
    investor: 'FREDDIE',
    evaluationDate: '2025-10-15',
    loan: { contractualPI: 624.03, monthlyEscrow: 0, monthsDelinquent: 3, originationDate: '2020-03-01', remainingTermMonths: 300, ...loan },
    arrears: { legalFees: 100, ...arrears },
    borrower: { hardship: 'UNEMPLOYMENT', hardshipResolved: true, ...borrower },
  });
const evaluate = (c = deferralCase(), surplus: number | null = 100) => {
  const context = makeContext(c);
  context.affordability.surplusIncome = surplus;
  return GSE_PAYMENT_DEFERRAL_PROGRAM.evaluate(context) as DeferralResult;
};
const status = (r: DeferralResult, start: string) => r.checks.find((c) => c.test.startsWith(start))?.status;

describe('Payment Deferral: contribution', () => {
  test('1,872.09 P&I + 100.00 legal - 200.00 contribution = 1,772.09 (Freddie Mac Resolve PDM response)', () => {
    const r = evaluate(deferralCase({}, { borrowerContribution: 200 }));
    expect(r.deferredAmount).toBe(1772.09);
    expect(evaluate().deferredAmount).toBe(1972.09); // without a contribution
  });
});

describe('Payment Deferral: the four tests of engine.md section 5', () => {
  test('origination at least 12 months before the evaluation: 2024-10-15 passes, 2024-10-16 fails, none is not checked', () => {
    expect(status(evaluate(deferralCase({ originationDate: '2024-10-15' })), 'originated at least 12 months')).toBe('pass');
    const young = evaluate(deferralCase({ originationDate: '2024-10-16' }));
    expect(status(young, 'originated at least 12 months')).toBe('fail');
    expect(young.eligible).toBe(false);
    expect(status(evaluate(deferralCase({ originationDate: null })), 'originated at least 12 months')).toBe('not checked');
  });

  test('no deferral effective in the prior 12 months (loan.lastDeferralEffectiveDate)', () => {
    expect(status(evaluate(deferralCase({ lastDeferralEffectiveDate: '2024-10-15', cumulativeDeferredMonths: 2 })), 'no payment deferral effective')).toBe('pass');
    expect(status(evaluate(deferralCase({ lastDeferralEffectiveDate: '2024-11-01', cumulativeDeferredMonths: 2 })), 'no payment deferral effective')).toBe('fail');
    expect(status(evaluate(deferralCase({ cumulativeDeferredMonths: 2 })), 'no payment deferral effective')).toBe('not checked');
    expect(status(evaluate(deferralCase()), 'no payment deferral effective')).toBe('pass'); // none deferred before
  });

  test('no failed trial period plan in the prior 12 months', () => {
    const r = evaluate(deferralCase({ failedTrialInLast12Months: true }));
    expect(status(r, 'no failed trial period plan')).toBe('fail');
    expect(r.reason).toMatch(/failed trial in the last 12 months/);
  });

  test('cannot reinstate or afford a repayment plan: surplus just below / at the 12-month installment; no income: not checked', () => {
    // amount to reinstate 3 x 624.03 + 100 = 1,972.09; over 12 months 164.34 a month
    expect(status(evaluate(deferralCase(), 164.34), 'cannot reinstate')).toBe('pass');
    expect(status(evaluate(deferralCase(), 164.35), 'cannot reinstate')).toBe('fail');
    expect(evaluate(deferralCase(), 164.35).reason).toMatch(/can reinstate or afford a repayment plan/);
    expect(status(evaluate(deferralCase(), null), 'cannot reinstate')).toBe('not checked');
    // liquid assets that cover the amount to reinstate: the borrower can reinstate
    expect(status(evaluate(deferralCase({}, {}, { liquidAssets: 1972.09 }), 0), 'cannot reinstate')).toBe('fail');
    expect(status(evaluate(deferralCase({}, {}, { liquidAssets: 1972.08 }), 0), 'cannot reinstate')).toBe('pass');
  });
});

describe('Flex affordability flag (engine.md 4 step 7)', () => {
  const result = (dti: number | null) => ({ postModificationDti: dti, steps: [] }) as unknown as Parameters<typeof flagAffordability>[0];
  test('at 40% not flagged, just above flagged, without income null; the option stays eligible', () => {
    const at = result(0.4);
    flagAffordability(at, 0.4);
    expect(at.affordabilityFlag).toBe(false);
    const above = result(0.400001);
    flagAffordability(above, 0.4);
    expect(above.affordabilityFlag).toBe(true);
    expect(above.steps[0].action).toMatch(/payment may not be sustainable/);
    // The percent is shown half-up to one decimal: 0.60725 is 60.725% -> 60.7%, 0.60750 -> 60.8%.
    const shown = (dti: number) => {
      const r = result(dti);
      flagAffordability(r, 0.4);
      return r.steps[0].action;
    };
    expect(shown(0.60725)).toBe('post-modification housing ratio 60.7% above 40%: payment may not be sustainable (the option stays eligible)');
    expect(shown(0.6075)).toMatch(/^post-modification housing ratio 60\.8% above 40%/);
    expect(shown(0.3)).toBe('post-modification housing ratio 30.0% at or below 40%');
    const none = result(null);
    flagAffordability(none, 0.4);
    expect(none.affordabilityFlag).toBeNull();
  });
});
