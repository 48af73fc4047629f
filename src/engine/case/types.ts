/**
 * The case model: shared/spec/case-format.md, version 1.
 *
 * `CaseInput` is the JSON as a user writes it (optional fields may be absent). `LoanCase` is
 * the same shape after parsing: every optional field is present, either with the default of
 * case-format.md or with `null` where no default is meaningful (a date, an origination, a
 * valuation). A rule whose input is `null` is reported "not checked", never silently passed.
 *
 * Amounts stay JSON numbers in the model (dollars, as typed) so that the model round-trips
 * losslessly; the engine converts them to decimals where it computes (`dec()` is exact for a
 * JSON number).
 */
import type { IsoDate } from '../dates';

export const INVESTORS = ['FANNIE', 'FREDDIE', 'FHA', 'VA', 'USDA', 'PORTFOLIO'] as const;
export type Investor = (typeof INVESTORS)[number];

export const PRODUCT_TYPES = ['FIXED', 'STEP', 'ARM'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const VALUATION_TYPES = ['BPO', 'APPRAISAL', 'AVM'] as const;
export type ValuationType = (typeof VALUATION_TYPES)[number];

export const OCCUPANCIES = ['OWNER', 'SECOND_HOME', 'INVESTMENT', 'VACANT'] as const;
export type Occupancy = (typeof OCCUPANCIES)[number];

export const REGIONS = ['NORTHEAST', 'MIDWEST', 'SOUTH', 'WEST'] as const;
export type Region = (typeof REGIONS)[number];

export const HARDSHIPS = [
  'UNEMPLOYMENT',
  'REDUCTION_IN_INCOME',
  'INCREASE_IN_HOUSING_EXPENSE',
  'DIVORCE',
  'DEATH',
  'DISABILITY',
  'DISASTER',
  'RELOCATION',
  'BUSINESS_FAILURE',
  'OTHER',
] as const;
export type Hardship = (typeof HARDSHIPS)[number];

export const INTENTS = ['KEEP', 'SELL', 'VACATE', 'UNDECIDED'] as const;
export type Intent = (typeof INTENTS)[number];

export const INCOME_FREQUENCIES = ['WEEKLY', 'BIWEEKLY', 'SEMIMONTHLY', 'MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL', 'HOURLY'] as const;
export type IncomeFrequency = (typeof INCOME_FREQUENCIES)[number];

export const INCOME_TYPES = [
  'WAGES',
  'OVERTIME',
  'BONUS',
  'COMMISSION',
  'SELF_EMPLOYMENT',
  'SOCIAL_SECURITY',
  'PENSION',
  'DISABILITY',
  'UNEMPLOYMENT',
  'RENTAL',
  'CHILD_SUPPORT',
  'ALIMONY',
  'PUBLIC_ASSISTANCE',
  'OTHER',
] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];

export interface IncomeLine {
  type: IncomeType;
  /** Gross amount per period; for HOURLY, the hourly rate. */
  amount: number;
  frequency: IncomeFrequency;
  /** Usual hours per week; required when frequency is HOURLY. */
  hoursPerWeek?: number;
}

export interface DebtLine {
  type: string;
  monthlyPayment: number;
  balance?: number;
}

export interface HousingExpenses {
  taxes: number;
  insurance: number;
  floodInsurance: number;
  mortgageInsurance: number;
  association: number;
  groundRent: number;
  subordinateLienPayment: number;
}

export interface Loan {
  loanNumber: string | null;
  upb: number;
  deferredBalance: number;
  rate: number;
  remainingTermMonths: number;
  contractualPI: number;
  monthlyEscrow: number;
  escrowShortage: number;
  monthsDelinquent: number;
  nextDueDate: IsoDate | null;
  originationDate: IsoDate | null;
  productType: ProductType;
  lienPosition: number;
  priorModifications: number;
  monthsSinceLastModification: number | null;
  failedTrialInLast12Months: boolean;
  cumulativeDeferredMonths: number;
  partialClaimBalance: number;
  /** The date the last payment deferral became effective (GSE Payment Deferral: none in the prior 12 months); null when none or unknown. */
  lastDeferralEffectiveDate?: IsoDate | null;
}

export interface Arrears {
  delinquentInterest: number;
  escrowAdvances: number;
  servicingAdvances: number;
  legalFees: number;
  lateFees: number;
  borrowerContribution: number;
  /** Funds held in suspense (unapplied), which reduce the amount to reinstate (engine.md 1). Parsed default 0. */
  suspense?: number;
}

export interface Property {
  value: number | null;
  valuationDate: IsoDate | null;
  valuationType: ValuationType | null;
  state: string | null;
  occupancy: Occupancy | null;
  subordinateLiens: number;
}

export interface Borrower {
  names: string[];
  ssnLast4: string | null;
  familySize: number | null;
  region: Region | null;
  hardship: Hardship | null;
  hardshipResolved: boolean;
  intent: Intent | null;
  incomes: IncomeLine[];
  housingExpenses: HousingExpenses;
  debts: DebtLine[];
  livingExpenses: number | null;
  liquidAssets: number | null;
  /** VA net effective income (gross income less federal, state and Social Security taxes: VA Pamphlet 26-7 ch. 4); null: gross income is used. */
  netMonthlyIncome?: number | null;
  /** VA maintenance and utilities estimate for the residual-income test; null: not deducted. */
  maintenanceAndUtilities?: number | null;
}

export interface Market {
  /** The GSE posted modification interest rate (moves weekly: an input, never a constant). */
  modificationRate: number | null;
  /** Freddie Mac PMMS 30-year fixed rate in effect at the evaluation. */
  pmms: number | null;
}

export interface CaseOptions {
  firstTrialPaymentDate: IsoDate | null;
  applicationReceivedDate: IsoDate | null;
  applicationCompleteDate: IsoDate | null;
  foreclosureSaleDate: IsoDate | null;
  /** The date the servicer sent its notice of decision on the complete application (12 CFR 1024.41(c)(1)(ii)); the appeal window runs from it (1024.41(h)(2)). */
  decisionNoticeSentDate: IsoDate | null;
}

/**
 * Disposition inputs (an extension of case-format.md version 1, optional as a whole): the
 * terms of a short-sale offer when there is one. Without an offer the short sale is
 * evaluated at the as-is value with the rulebook's cost defaults, and says so.
 */
export interface DispositionInputs {
  /** Accepted (or proposed) short-sale price; null: evaluated at the as-is value. */
  offerPrice: number | null;
  /** Days the property has been marketed (FHA's minimum net return depends on it). */
  marketingDays: number | null;
  /** Sales commission as a fraction of the price; null: the rulebook's cap. */
  commissionRate: number | null;
  sellerClosingCosts: number | null;
  subordinateLienPayoff: number | null;
  relocationAssistance: number | null;
}

/** Rulebook parameter overrides carried by the case (extension): `{ "PORTFOLIO-MOD": { "targetDti": 0.31 } }`. */
export type RulebookOverrides = Record<string, Record<string, number | string | boolean>>;

/** A parsed case: every field present (defaults applied, `null` where unknown). */
export interface LoanCase {
  caseId: string;
  investor: Investor;
  evaluationDate: IsoDate;
  loan: Loan;
  arrears: Arrears;
  property: Property;
  borrower: Borrower;
  market: Market;
  options: CaseOptions;
  /** Extension: short-sale offer terms. */
  disposition: DispositionInputs;
  /** Extension: rulebook overrides that travel with the case (the workbook's settings add theirs). */
  rulebookOverrides: RulebookOverrides;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object | null ? DeepPartial<NonNullable<T[K]>> | null : T[K] | null };

/** A case as written in JSON: optional fields may be absent. Parsing validates and fills defaults. */
export type CaseInput = DeepPartial<LoanCase>;
