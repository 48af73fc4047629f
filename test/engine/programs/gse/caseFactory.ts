/**
 * A LoanCase with every field of src/engine/case/types.ts, for unit tests that do not go
 * through parseCase. Defaults follow case-format.md; the loan is the Freddie Mac Flex worked
 * example (shared/reference/cases/gse-flex-forbearance.json).
 */
import type { LoanCase } from '../../../../src/engine/case/types';

type Overrides = { [K in keyof LoanCase]?: LoanCase[K] extends unknown[] ? LoanCase[K] : Partial<LoanCase[K]> };

export function makeCase(overrides: Overrides = {}): LoanCase {
  const base: LoanCase = {
    caseId: 'TEST-1',
    investor: 'FREDDIE',
    evaluationDate: '2025-10-15',
    loan: {
      loanNumber: null,
      upb: 347868.83,
      deferredBalance: 0,
      rate: 0.0475,
      remainingTermMonths: 322,
      contractualPI: 1913.14,
      monthlyEscrow: 350,
      escrowShortage: 0,
      monthsDelinquent: 4,
      nextDueDate: null,
      originationDate: null,
      productType: 'FIXED',
      lienPosition: 1,
      priorModifications: 0,
      monthsSinceLastModification: null,
      failedTrialInLast12Months: false,
      cumulativeDeferredMonths: 0,
      partialClaimBalance: 0,
    },
    arrears: { delinquentInterest: 8261.88, escrowAdvances: 0, servicingAdvances: 0, legalFees: 0, lateFees: 0, borrowerContribution: 0 },
    property: { value: 50000, valuationDate: null, valuationType: null, state: null, occupancy: null, subordinateLiens: 0 },
    borrower: {
      names: [],
      ssnLast4: null,
      familySize: null,
      region: null,
      hardship: null,
      hardshipResolved: false,
      intent: null,
      incomes: [],
      housingExpenses: { taxes: 0, insurance: 0, floodInsurance: 0, mortgageInsurance: 0, association: 0, groundRent: 0, subordinateLienPayment: 0 },
      debts: [],
      livingExpenses: null,
      liquidAssets: null,
    },
    market: { modificationRate: 0.065, pmms: null },
    options: { firstTrialPaymentDate: '2025-11-01', applicationReceivedDate: null, applicationCompleteDate: null, foreclosureSaleDate: null },
    disposition: { offerPrice: null, marketingDays: null, commissionRate: null, sellerClosingCosts: null, subordinateLienPayoff: null, relocationAssistance: null },
    rulebookOverrides: {},
  };
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    const current = (base as unknown as Record<string, unknown>)[key];
    merged[key] = current !== null && typeof current === 'object' && !Array.isArray(current) && value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...current, ...value } : value;
  }
  return merged as unknown as LoanCase;
}
