import { computeAffordability, debtToIncome, housingExpense, loanToValue } from '../../src/engine/affordability';
import { parseCase } from '../../src/engine/case/parse';
import type { LoanCase } from '../../src/engine/case/types';
import { ArgumentError } from '../../src/engine/errors';

function caseFrom(overrides: Record<string, any> = {}): LoanCase {
  const input: Record<string, any> = {
    caseId: 'A-1',
    investor: 'FANNIE',
    evaluationDate: '2025-10-15',
    loan: { upb: 347868.83, rate: 0.0475, remainingTermMonths: 322, contractualPI: 1913.14, monthlyEscrow: 350 },
    property: { value: 400000, valuationDate: '2025-10-01', subordinateLiens: 20000 },
    borrower: {
      incomes: [{ type: 'WAGES', amount: 2450, frequency: 'BIWEEKLY' }],
      housingExpenses: { taxes: 200, insurance: 150 },
      debts: [{ type: 'AUTO', monthlyPayment: 385, balance: 14200 }],
      livingExpenses: 1800,
    },
    ...overrides,
  };
  const parsed = parseCase(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.case;
}

describe('computeAffordability', () => {
  it('the case-format.md example figures, by hand', () => {
    const a = computeAffordability(caseFrom());
    // income: 2450 * 26 / 12 = 5308.3333 -> 5308.33
    expect(a.grossMonthlyIncome).toBe(5308.33);
    // PITIA: 1913.14 + 200 + 150 = 2263.14 (itemized, so the 350 escrow is not added again)
    expect(a.housingExpense).toBe(2263.14);
    expect(a.housingExpenseBasis).toBe('ITEMIZED');
    expect(a.otherDebtPayments).toBe(385);
    // front-end 2263.14 / 5308.33 = 0.426337... -> 0.4263; back-end 2648.14 / 5308.33 = 0.498865... -> 0.4989
    expect(a.frontEndDti).toBe(0.4263);
    expect(a.backEndDti).toBe(0.4989);
    // LTV 347868.83 / 400000 = 0.869672 -> 0.8697; CLTV 367868.83 / 400000 = 0.919672 -> 0.9197
    expect(a.ltv).toBe(0.8697);
    expect(a.cltv).toBe(0.9197);
    expect(a.mtmltv).toBe(0.8697); // no deferred balance
    // surplus: 5308.33 - 2263.14 - 385 - 1800 = 860.19
    expect(a.surplusIncome).toBe(860.19);
    expect(a.valuationAgeDays).toBe(14);
    expect(a.valuationCurrent).toBe(true);
    expect(a.vaResidualIncome).toBeNull(); // not a VA loan
    expect(a.principalAndInterest).toBe(1913.14);
  });

  it('uses the monthly escrow for taxes and insurance when no housing expense is itemized, and says so', () => {
    const a = computeAffordability(caseFrom({ borrower: { incomes: [{ type: 'WAGES', amount: 2450, frequency: 'BIWEEKLY' }] } }));
    // 1913.14 + 350 escrow = 2263.14
    expect(a.housingExpense).toBe(2263.14);
    expect(a.housingExpenseBasis).toBe('ESCROW');
    expect(a.notes.join(' ')).toMatch(/escrow 350\.00 standing for taxes and insurance/);
    // no living expenses: surplus = 5308.33 - 2263.14 = 3045.19, with a note
    expect(a.surplusIncome).toBe(3045.19);
    expect(a.notes.join(' ')).toMatch(/leaves out living expenses/);
  });

  it('P&I only when neither expenses nor escrow are given', () => {
    const a = computeAffordability(caseFrom({ loan: { upb: 100000, rate: 0.05, remainingTermMonths: 300, contractualPI: 800 }, borrower: {} }));
    expect(a.housingExpense).toBe(800);
    expect(a.housingExpenseBasis).toBe('PI_ONLY');
    expect(a.grossMonthlyIncome).toBeNull();
    expect(a.frontEndDti).toBeNull();
    expect(a.backEndDti).toBeNull();
    expect(a.surplusIncome).toBeNull();
  });

  it('MTMLTV adds the deferred balance; no value gives null ratios; stale valuation flagged', () => {
    const a = computeAffordability(
      caseFrom({
        loan: { upb: 347868.83, deferredBalance: 10000, rate: 0.0475, remainingTermMonths: 322, contractualPI: 1913.14 },
        property: { value: 400000, valuationDate: '2025-07-16' },
      }),
    );
    // (347868.83 + 10000) / 400000 = 0.894672 -> 0.8947
    expect(a.mtmltv).toBe(0.8947);
    expect(a.valuationAgeDays).toBe(91);
    expect(a.valuationCurrent).toBe(false);
    const b = computeAffordability(caseFrom({ property: {} }));
    expect([b.ltv, b.cltv, b.mtmltv, b.valuationCurrent]).toEqual([null, null, null, null]);
  });

  it('zero income: DTI null rather than a division by zero', () => {
    const a = computeAffordability(caseFrom({ borrower: { incomes: [{ type: 'OTHER', amount: 0, frequency: 'MONTHLY' }] } }));
    expect(a.grossMonthlyIncome).toBe(0);
    expect(a.frontEndDti).toBeNull();
  });

  it('VA residual income: region and family size from the case', () => {
    const va = computeAffordability(caseFrom({ investor: 'VA', borrower: {
      familySize: 3, region: 'SOUTH',
      incomes: [{ type: 'WAGES', amount: 2450, frequency: 'BIWEEKLY' }],
      housingExpenses: { taxes: 200, insurance: 150 },
      debts: [{ type: 'AUTO', monthlyPayment: 385 }],
    } }));
    // residual: 5308.33 - 2263.14 - 385 = 2660.19; required South, family 3, loan >= 80,000: 889
    expect(va.vaResidualIncome).toEqual({ residualIncome: 2660.19, required: 889, meets: true, incomeBasis: 'GROSS' });
    const unknown = computeAffordability(caseFrom({ investor: 'VA' }));
    expect(unknown.vaResidualIncome?.required).toBeNull();
    expect(unknown.vaResidualIncome?.meets).toBeNull();
  });
});

describe('pure calculators', () => {
  it('housingExpense sums the parts', () => {
    // 1913.14 + 200 + 150 + 25 + 40 = 2328.14
    expect(housingExpense({ principalAndInterest: 1913.14, taxes: 200, insurance: 150, floodInsurance: 25, association: 40 }).toNumber()).toBe(2328.14);
    expect(() => housingExpense({ principalAndInterest: 1000, taxes: -1 })).toThrow(/taxes must not be negative/);
  });

  it('debtToIncome', () => {
    // 1550 / 5000 = 0.31; (1550 + 450) / 5000 = 0.4
    expect(debtToIncome(5000, 1550).toNumber()).toBe(0.31);
    expect(debtToIncome(5000, 1550, 450).toNumber()).toBe(0.4);
    expect(() => debtToIncome(0, 1000)).toThrow(ArgumentError);
    try {
      debtToIncome(0, 1000);
    } catch (e) {
      expect((e as ArgumentError).kind).toBe('div0');
    }
  });

  it('loanToValue', () => {
    // 150000 / 200000 = 0.75; (150000 + 30000) / 200000 = 0.9
    expect(loanToValue(150000, 200000).toNumber()).toBe(0.75);
    expect(loanToValue(150000, 200000, 30000).toNumber()).toBe(0.9);
    expect(() => loanToValue(1, 0)).toThrow(/greater than 0/);
  });
});
