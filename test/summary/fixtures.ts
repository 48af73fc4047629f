/**
 * A realistic case with every field of the case model (src/engine/case/types.ts) filled, used by
 * the summary and Excel tests. Figures are made up (not a real borrower) but consistent.
 *
 * Hand computation of its affordability (engine.md sections 2 and 3), used as expected values:
 *   wages 2,450.00 biweekly      -> 2450 x 26 / 12 = 5,308.33 (5308.333...)
 *   overtime 150.00 weekly       -> 150 x 52 / 12  =   650.00
 *   social security 1,200 monthly ->                  1,200.00
 *   gross monthly income         =                   7,158.33
 *   housing (itemized): P&I 1,913.14 + taxes 200 + insurance 150 + flood 0 + MI 0 + HOA 45
 *                       + ground rent 0 + subordinate lien 0 = 2,308.14
 *   other debts: auto 385 + card 60 = 445.00
 *   front-end DTI = 2,308.14 / 7,158.33 = 0.322440...
 *   back-end DTI  = (2,308.14 + 445) / 7,158.33 = 2,753.14 / 7,158.33 = 0.384604...
 *   surplus = 7,158.33 - 2,308.14 - 445 - living 1,800 = 2,605.19
 *   arrears total = 8,261.88 + 1,400 + 250 + 500 + 0 = 10,411.88
 *   current payment = 1,913.14 + 350 = 2,263.14
 */
import type { CaseInput, LoanCase } from '../../src/engine/case/types';
import { makeCase, type DeepPartial } from '../support/caseFactory';

/** The case as a user writes it in JSON (case-format.md): only what differs from the defaults. */
const FIXTURE_FIELDS = {
  caseId: '2025-001843',
  investor: 'FREDDIE',
  evaluationDate: '2025-10-15',
  loan: {
    loanNumber: '0012345678',
    upb: 347868.83,
    rate: 0.0475,
    remainingTermMonths: 322,
    contractualPI: 1913.14,
    monthlyEscrow: 350,
    monthsDelinquent: 4,
    nextDueDate: '2025-06-01',
    originationDate: '2012-04-20',
  },
  arrears: { delinquentInterest: 8261.88, escrowAdvances: 1400, servicingAdvances: 250, legalFees: 500 },
  property: { value: 410000, valuationDate: '2025-09-15', valuationType: 'BPO', state: 'GA', occupancy: 'OWNER' },
  borrower: {
    names: ['Jane Q. Borrower', 'John R. Borrower'],
    ssnLast4: '1234',
    familySize: 3,
    region: 'SOUTH',
    hardship: 'REDUCTION_IN_INCOME',
    hardshipResolved: false,
    intent: 'KEEP',
    incomes: [
      { type: 'WAGES', amount: 2450, frequency: 'BIWEEKLY' },
      { type: 'OVERTIME', amount: 150, frequency: 'WEEKLY' },
      { type: 'SOCIAL_SECURITY', amount: 1200, frequency: 'MONTHLY' },
    ],
    housingExpenses: { taxes: 200, insurance: 150, association: 45 },
    debts: [
      { type: 'AUTO', monthlyPayment: 385, balance: 14200 },
      { type: 'CREDIT_CARD', monthlyPayment: 60, balance: 2300 },
    ],
    livingExpenses: 1800,
    liquidAssets: 3200,
  },
  market: { modificationRate: 0.065, pmms: 0.0625 },
  options: { firstTrialPaymentDate: '2025-11-01', applicationReceivedDate: '2025-09-20', applicationCompleteDate: '2025-10-02' },
} satisfies DeepPartial<LoanCase>;

/** The parsed model: the JSON with every other field at its case-format.md default (test factory, not parseCase). */
export const FIXTURE_CASE: LoanCase = makeCase(FIXTURE_FIELDS);

/** Hand-computed figures of FIXTURE_CASE (see the comment above). */
export const FIXTURE_FIGURES = {
  grossMonthlyIncome: 7158.33,
  housingExpense: 2308.14,
  otherDebts: 445,
  frontEndDti: 2308.14 / 7158.33,
  backEndDti: 2753.14 / 7158.33,
  surplusIncome: 2605.19,
  totalArrears: 10411.88,
  currentPayment: 2263.14,
};

/** The same case as a user writes it in JSON (case-format.md): only what differs from the defaults. */
export const FIXTURE_CASE_JSON: CaseInput = structuredClone(FIXTURE_FIELDS);
