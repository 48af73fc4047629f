import { evaluateLoanTape, summarizeEvaluation } from '../../src/engine/loanTape';
import type { Evaluation, OptionResult } from '../../src/engine/results';

const base = { rulebook: { id: 'X', version: '1' }, checks: [], steps: [] };

function evaluation(options: Record<string, OptionResult>, recommended: string | null, backEndDti: number | null): Evaluation {
  return {
    caseId: 'C-1',
    investor: 'FANNIE',
    evaluationDate: '2025-10-15',
    engineVersion: 'test',
    waterfall: Object.keys(options),
    options,
    affordability: {
      grossMonthlyIncome: 5000, incomeLines: [], principalAndInterest: 1913.14, housingExpense: 2263.14, otherDebtPayments: 0,
      frontEndDti: 0.45, backEndDti, ltv: null, cltv: null, surplusIncome: null,
    },
    timeline: { acknowledgmentDue: null, evaluationDue: null, appealDeadline: null, earliestForeclosureReferral: null },
    recommendation: { program: recommended, rationale: '' },
    rulebooks: [],
    warnings: [],
  };
}

const flex = {
  ...base, program: 'GSE-FLEX', label: 'Flex', kind: 'modification', eligible: true, monthlyPayment: 1880.41, reductionPercent: 20.01,
} as unknown as OptionResult;
const shortSale = { ...base, program: 'SHORT-SALE', label: 'Short sale', kind: 'disposition', eligible: true } as unknown as OptionResult;
const deferral = { ...base, program: 'GSE-PAYMENT-DEFERRAL', label: 'Deferral', kind: 'deferral', eligible: true, deferredMonths: 4, deferredAmount: 1 } as unknown as OptionResult;
const json = { loan: { contractualPI: 1913.14, monthlyEscrow: 350 }, property: { valuationDate: '2025-10-01' } };

describe('summarizeEvaluation', () => {
  test('a modification: its payment, its P&I reduction as a fraction, not at risk', () => {
    const row = summarizeEvaluation(2, evaluation({ 'GSE-FLEX': flex }, 'GSE-FLEX', 0.4), json);
    expect(row).toEqual({ row: 2, caseId: 'C-1', program: 'GSE-FLEX', newPayment: 1880.41, reduction: 0.2001, atRisk: false, atRiskReasons: [], error: null });
  });
  test('a deferral keeps the contractual payment: 1913.14 + 350 = 2263.14, reduction 0', () => {
    const row = summarizeEvaluation(2, evaluation({ D: deferral }, 'D', null), json);
    expect(row.newPayment).toBe(2263.14);
    expect(row.reduction).toBe(0);
  });
  test('at risk: only disposition eligible, back-end DTI at 55%, stale valuation (2025-06-01 to 2025-10-15 is 136 days)', () => {
    const row = summarizeEvaluation(3, evaluation({ 'SHORT-SALE': shortSale }, 'SHORT-SALE', 0.55), {
      ...json,
      property: { valuationDate: '2025-06-01' },
    });
    expect(row.atRisk).toBe(true);
    expect(row.newPayment).toBeNull();
    expect(row.atRiskReasons).toEqual([
      'no home-retention option is eligible',
      'back-end DTI 55.00% is 55% or more',
      'valuation is 136 days old (more than 90)',
    ]);
  });
  test('back-end DTI just below 55% and a 90-day-old valuation are not at risk (2025-07-17 to 2025-10-15 is 90 days)', () => {
    const row = summarizeEvaluation(2, evaluation({ 'GSE-FLEX': flex }, 'GSE-FLEX', 0.5499), { ...json, property: { valuationDate: '2025-07-17' } });
    expect(row.atRisk).toBe(false);
  });
});

describe('evaluateLoanTape', () => {
  test('a bad cell yields an error row naming the row and the field; blank rows are skipped; other rows go on', () => {
    const tape = [
      ['caseId', 'investor', 'evaluationDate', 'upb', 'rate'],
      ['A', 'FANNIE', 45945, 'lots', 0.05],
      [null, '', null, null, null],
      ['B', 'FANNIE', 'not a date', 100000, 0.05],
    ];
    const rows = evaluateLoanTape(tape);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ row: 2, caseId: 'A', program: null, atRisk: null, error: 'row 2, loan.upb: "lots" is not a number' });
    expect(rows[1].row).toBe(4);
    expect(rows[1].error).toContain('row 4, evaluationDate:');
  });
  test('a case the parser rejects yields an error row with the parser message', () => {
    const rows = evaluateLoanTape([
      ['caseId', 'investor', 'loan.rate'],
      ['A', 'FANNIE', 4.75],
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].error).toMatch(/^row 2, /);
    expect(rows[0].error).toContain('loan.rate');
  });
  test('an unknown header fails every row, naming the column', () => {
    const rows = evaluateLoanTape([
      ['caseId', 'balanse'],
      ['A', 1],
    ]);
    expect(rows[0].error).toContain('column 2: "balanse" is not a case field');
  });
});
