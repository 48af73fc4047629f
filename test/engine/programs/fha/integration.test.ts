/**
 * The government and portfolio programs through evaluateCase (parser, affordability and the
 * investor's waterfall). Figures are the hand computations of fha.test.ts / portfolio.test.ts.
 */
import { evaluateCase } from '../../../../src/engine/evaluate';
import type { ModificationResult } from '../../../../src/engine/results';

function caseJson(investor: string, extra: Record<string, unknown> = {}) {
  return {
    caseId: `INT-${investor}`,
    investor,
    evaluationDate: '2025-10-15',
    loan: { upb: 200000, rate: 0.0675, remainingTermMonths: 330, contractualPI: 1350, monthlyEscrow: 400, monthsDelinquent: 4, productType: 'FIXED' },
    arrears: { delinquentInterest: 6750, escrowAdvances: 1800, legalFees: 500, lateFees: 300 },
    property: { value: 250000, valuationDate: '2025-10-01', occupancy: 'OWNER' },
    borrower: {
      hardship: 'REDUCTION_IN_INCOME',
      incomes: [{ type: 'WAGES', amount: 5000, frequency: 'MONTHLY' }],
      housingExpenses: { taxes: 250, insurance: 150 },
    },
    market: { pmms: 0.0631 },
    options: { firstTrialPaymentDate: '2025-11-01' },
    ...extra,
  };
}

describe('waterfalls through evaluateCase', () => {
  test('FHA: waterfall order, the 30-year modification figures', () => {
    const evaluation = evaluateCase(caseJson('FHA'));
    expect(evaluation.waterfall.slice(0, 6)).toEqual([
      'FHA-REPAYMENT-PLAN',
      'FHA-FORBEARANCE',
      'FHA-PARTIAL-CLAIM',
      'FHA-30-YEAR-MODIFICATION',
      'FHA-40-YEAR-MODIFICATION',
      'FHA-PAYMENT-SUPPLEMENT',
    ]);
    const mod = evaluation.options['FHA-30-YEAR-MODIFICATION'] as ModificationResult;
    expect(mod.eligible).toBe(true);
    expect(mod.principalAndInterest).toBe(1012.5);
    expect(mod.partialClaim).toBe(42149.19);
    expect(mod.postModificationDti).toBe(0.2825); // (1,012.50 + 250 + 150) / 5,000
    expect(evaluation.rulebooks.map((r) => r.id)).toContain('FHA-LOSS-MIT');
  });

  test('VA, USDA and PORTFOLIO waterfalls evaluate every program in order', () => {
    // On 2026-06-01 or later: the VA partial claim is offered from then (VA-LOSS-MIT 2026-06-01).
    expect(evaluateCase(caseJson('VA', { evaluationDate: '2026-06-15' })).waterfall.slice(0, 5)).toEqual(['VA-REPAYMENT-PLAN', 'VA-SPECIAL-FORBEARANCE', 'VA-MODIFICATION', 'VA-PARTIAL-CLAIM', 'VA-40-YEAR-MODIFICATION']);
    expect(evaluateCase(caseJson('USDA')).waterfall.slice(0, 3)).toEqual(['USDA-REPAYMENT-AGREEMENT', 'USDA-SPECIAL-FORBEARANCE', 'USDA-MODIFICATION']);
    const portfolio = evaluateCase(caseJson('PORTFOLIO'));
    expect(portfolio.waterfall.slice(0, 4)).toEqual(['PORTFOLIO-REPAYMENT-PLAN', 'PORTFOLIO-FORBEARANCE', 'PORTFOLIO-MODIFICATION', 'PORTFOLIO-TIER2-MODIFICATION']);
    const mod = portfolio.options['PORTFOLIO-MODIFICATION'] as ModificationResult;
    expect(mod.rate).toBe(0.04875); // portfolio.test.ts: target 1,150.00, closest without going below at 4.875%
    expect(mod.principalAndInterest).toBe(1151.38);
  });

  test('rulebook overrides from the caller reach the programs', () => {
    const evaluation = evaluateCase(caseJson('PORTFOLIO'), { rulebookOverrides: { 'PORTFOLIO-MOD': { targetDti: 0.34 } } });
    const mod = evaluation.options['PORTFOLIO-MODIFICATION'] as ModificationResult;
    expect(mod.rate).toBe(0.06125); // target 1,300.00: 6.125% (1,311.42) is the closest not below it
    expect(mod.rulebook.version).toBe('2026-01-01+overrides');
  });
});
