/**
 * The amount to reinstate (engine.md section 1): every missed installment (P&I + escrow) +
 * servicing advances + legal fees - contribution - suspense; never late charges. One definition,
 * used by the FHA partial claim, the VA partial claim, the USDA mortgage recovery advance and the
 * repayment plans.
 */
import { amountToReinstate, principalOfMissedInstallments } from '../../../src/engine/programs/amountToReinstate';
import { FHA_PARTIAL_CLAIM } from '../../../src/engine/programs/government/fha';
import { VA_PARTIAL_CLAIM } from '../../../src/engine/programs/government/va';
import { FHA_REPAYMENT_PLAN } from '../../../src/engine/programs/government/temporary';
import type { PartialClaimResult, RepaymentPlanResult } from '../../../src/engine/results';
import { makeCase, makeContext, makeFhaTestCase } from '../../support/caseFactory';

describe('amount to reinstate', () => {
  test('five missed installments of 1,780.95 -> 8,904.75 (issue 12, finding 4)', () => {
    // 1,780.95 = P&I 1,380.95 + escrow 400.00; no fees, no contribution
    const c = makeFhaTestCase({ loan: { contractualPI: 1380.95, monthlyEscrow: 400, monthsDelinquent: 5 }, arrears: { delinquentInterest: 5000, escrowAdvances: 2000, legalFees: 0, lateFees: 345 } });
    const a = amountToReinstate(c);
    expect(a.installment.toNumber()).toBe(1780.95);
    expect(a.total.toNumber()).toBe(8904.75); // 5 x 1,780.95; delinquent interest and escrow advances are inside, late fees never
    const claim = FHA_PARTIAL_CLAIM.evaluate(makeContext(makeFhaTestCase({ loan: { contractualPI: 1380.95, monthlyEscrow: 400, monthsDelinquent: 5 }, arrears: { legalFees: 0 }, borrower: { hardshipResolved: true } }))) as PartialClaimResult;
    expect(claim.partialClaim).toBe(8904.75);
  });

  test('advances and legal fees added; contribution and suspense subtracted; never below 0', () => {
    const c = makeCase({ loan: { contractualPI: 1000, monthlyEscrow: 250, monthsDelinquent: 3 }, arrears: { servicingAdvances: 120.5, legalFees: 600, lateFees: 99, borrowerContribution: 500, suspense: 200.25 } });
    // 3 x 1,250 = 3,750 + 120.50 + 600 - 500 - 200.25 = 3,770.25
    expect(amountToReinstate(c).total.toNumber()).toBe(3770.25);
    const over = makeCase({ loan: { contractualPI: 1000, monthlyEscrow: 0, monthsDelinquent: 1 }, arrears: { borrowerContribution: 1500 } });
    expect(amountToReinstate(over).total.toNumber()).toBe(0);
  });

  test('the VA partial claim and the FHA repayment plan use the same figure', () => {
    const base = { loan: { contractualPI: 1380.95, monthlyEscrow: 400, monthsDelinquent: 5 }, arrears: { legalFees: 0 }, borrower: { hardshipResolved: true, hardship: 'REDUCTION_IN_INCOME' as const } };
    const va = VA_PARTIAL_CLAIM.evaluate(makeContext(makeFhaTestCase({ ...base, investor: 'VA' }))) as PartialClaimResult;
    expect(va.partialClaimArrears).toBe(8904.75);
    const plan = FHA_REPAYMENT_PLAN.evaluate(makeContext(makeFhaTestCase(base))) as RepaymentPlanResult;
    expect(plan.arrears).toBe(8904.75);
  });

  test('principal part of the missed installments follows the schedule (interest rounded monthly)', () => {
    // 200,000 at 6.75%, P&I 1,350: interest 1,125.00 / 1,123.73 -> principal 225.00 + 226.27
    const c = makeFhaTestCase({ loan: { monthsDelinquent: 2 } });
    expect(principalOfMissedInstallments(c).toNumber()).toBe(451.27);
    expect(principalOfMissedInstallments(makeFhaTestCase({ loan: { monthsDelinquent: 0 } })).toNumber()).toBe(0);
  });
});
