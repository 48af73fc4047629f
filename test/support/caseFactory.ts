/**
 * The one LoanCase factory of the tests: a complete parsed case (every field of
 * src/engine/case/types.ts present, as parseCase would produce it) built from layers of
 * overrides that are deep-merged in order over the case-format.md defaults.
 *
 * - Objects merge key by key at every depth; arrays and scalars (null included) replace.
 * - The defaults are case-format.md's; the required fields (caseId, investor, evaluationDate,
 *   loan.upb/rate/remainingTermMonths/contractualPI) have no default there, so they take the
 *   Freddie Mac Flex worked example's loan (shared/reference/cases/gse-flex-forbearance.json).
 *   test/engine/case.test.ts checks these defaults against parseCase.
 * - Presets (FLEX_EXAMPLE_CASE, FHA_TEST_CASE) are named layers the program tests start from.
 *
 * Also here: a hand-built affordability and evaluation context for the program tests, so they do
 * not depend on the affordability module.
 */
import type { LoanCase } from '../../src/engine/case/types';
import type { EvaluationContext } from '../../src/engine/programs/types';
import type { Affordability, OptionResult } from '../../src/engine/results';
import { findRulebook, parameterValues, rulebookRef, withOverrides } from '../../src/engine/rulebooks';
import type { ParameterValue, Rulebook } from '../../src/engine/rulebooks/types';

/** Any part of T; objects may be partial at every depth, arrays are given whole. */
export type DeepPartial<T> = T extends unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** case-format.md defaults; required fields from the Flex worked example (see above). */
const DEFAULT_CASE: LoanCase = {
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
    monthlyEscrow: 0,
    escrowShortage: 0,
    monthsDelinquent: 0,
    nextDueDate: null,
    originationDate: null,
    productType: 'FIXED',
    lienPosition: 1,
    priorModifications: 0,
    monthsSinceLastModification: null,
    failedTrialInLast12Months: false,
    cumulativeDeferredMonths: 0,
    partialClaimBalance: 0,
    lastDeferralEffectiveDate: null,
  },
  arrears: { delinquentInterest: 0, escrowAdvances: 0, servicingAdvances: 0, legalFees: 0, lateFees: 0, borrowerContribution: 0, suspense: 0 },
  property: { value: null, valuationDate: null, valuationType: null, state: null, occupancy: null, subordinateLiens: 0 },
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
    netMonthlyIncome: null,
    maintenanceAndUtilities: null,
  },
  market: { modificationRate: null, pmms: null },
  options: { firstTrialPaymentDate: null, applicationReceivedDate: null, applicationCompleteDate: null, foreclosureSaleDate: null, decisionNoticeSentDate: null },
  disposition: { offerPrice: null, marketingDays: null, commissionRate: null, sellerClosingCosts: null, subordinateLienPayoff: null, relocationAssistance: null },
  rulebookOverrides: {},
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep-merges `layer` into `target` (which this module owns); arrays and scalars replace. */
function mergeInto(target: Record<string, unknown>, layer: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(layer)) {
    const current = target[key];
    if (isPlainObject(current) && isPlainObject(value)) mergeInto(current, value);
    // Copied so that a preset's arrays and objects are never shared between two cases.
    else target[key] = value !== null && typeof value === 'object' ? structuredClone(value) : value;
  }
}

/** A complete LoanCase: the defaults, then each layer deep-merged over the previous ones. */
export function makeCase(...layers: DeepPartial<LoanCase>[]): LoanCase {
  const loanCase = structuredClone(DEFAULT_CASE);
  for (const layer of layers) mergeInto(loanCase as unknown as Record<string, unknown>, layer as Record<string, unknown>);
  return loanCase;
}

/** The Freddie Mac Flex worked example (gse-flex-forbearance.json), as the GSE program tests use it. */
export const FLEX_EXAMPLE_CASE: DeepPartial<LoanCase> = {
  loan: { monthlyEscrow: 350, monthsDelinquent: 4 },
  arrears: { delinquentInterest: 8261.88 },
  property: { value: 50000 },
  market: { modificationRate: 0.065 },
  options: { firstTrialPaymentDate: '2025-11-01' },
};

/**
 * The FHA/VA/USDA/portfolio program tests' base case: UPB 200,000.00 at 6.75%, 330 months left,
 * contractual P&I 1,350.00, escrow 400.00, 4 months delinquent, wages 5,000.00 monthly.
 */
export const FHA_TEST_CASE: DeepPartial<LoanCase> = {
  investor: 'FHA',
  loan: {
    upb: 200000,
    rate: 0.0675,
    remainingTermMonths: 330,
    contractualPI: 1350,
    monthlyEscrow: 400,
    monthsDelinquent: 4,
    nextDueDate: '2025-06-01',
    originationDate: '2018-04-01',
  },
  arrears: { delinquentInterest: 6750, escrowAdvances: 1800, legalFees: 500, lateFees: 300 },
  property: { value: 250000, valuationDate: '2025-10-01', valuationType: 'BPO', state: 'GA', occupancy: 'OWNER' },
  borrower: {
    names: ['Test Borrower'],
    familySize: 3,
    region: 'SOUTH',
    hardship: 'REDUCTION_IN_INCOME',
    intent: 'KEEP',
    incomes: [{ type: 'WAGES', amount: 5000, frequency: 'MONTHLY' }],
    housingExpenses: { taxes: 250, insurance: 150 },
  },
  market: { pmms: 0.0631 },
  options: { firstTrialPaymentDate: '2025-11-01' },
};

/** The Flex worked example with the test's overrides. */
export function makeFlexExampleCase(overrides: DeepPartial<LoanCase> = {}): LoanCase {
  return makeCase(FLEX_EXAMPLE_CASE, overrides);
}

/** The FHA program tests' base case with the test's overrides. */
export function makeFhaTestCase(overrides: DeepPartial<LoanCase> = {}): LoanCase {
  return makeCase(FHA_TEST_CASE, overrides);
}

export interface ContextOptions {
  /** Gross monthly income; null for none. Defaults to the sum of monthly income lines. */
  grossMonthlyIncome?: number | null;
  otherDebtPayments?: number;
  rulebookOverrides?: Record<string, Record<string, unknown>>;
  results?: Record<string, OptionResult>;
}

/** Hand-built affordability: housing expense = contractual P&I + every housing-expense line. */
export function makeAffordability(loanCase: LoanCase, options: ContextOptions = {}): Affordability {
  const other = Object.values(loanCase.borrower.housingExpenses).reduce((a, b) => a + b, 0);
  const income =
    options.grossMonthlyIncome !== undefined
      ? options.grossMonthlyIncome
      : loanCase.borrower.incomes.length === 0
        ? null
        : loanCase.borrower.incomes.reduce((sum, line) => sum + line.amount, 0);
  const housingExpense = Math.round((loanCase.loan.contractualPI + other) * 100) / 100;
  return {
    grossMonthlyIncome: income,
    incomeLines: [],
    principalAndInterest: loanCase.loan.contractualPI,
    housingExpense,
    otherDebtPayments: options.otherDebtPayments ?? 0,
    frontEndDti: income ? housingExpense / income : null,
    backEndDti: null,
    ltv: null,
    cltv: null,
    surplusIncome: null,
  };
}

export function makeContext(loanCase: LoanCase, options: ContextOptions = {}): EvaluationContext {
  const affordability = makeAffordability(loanCase, options);
  return {
    loanCase,
    affordability,
    results: options.results ?? {},
    rulebook<P extends Record<string, ParameterValue>>(book: Rulebook<P>) {
      const id = book.id;
      const published = findRulebook(id) as Rulebook<P> | undefined;
      if (!published) throw new Error(`no rulebook ${id}`);
      const rulebook = withOverrides(published, { ...(loanCase.rulebookOverrides[id] ?? {}), ...(options.rulebookOverrides?.[id] ?? {}) });
      return { ref: rulebookRef(rulebook), params: parameterValues(rulebook), rulebook };
    },
  };
}
