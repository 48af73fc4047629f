/**
 * Plausible ranges of the LM custom-function arguments (issue 9, "Bounds"): a value outside
 * them is impossible for one residential mortgage, so it is refused with a message naming
 * the argument instead of computed into a wrong figure. A cell function has no way to warn,
 * so these are the hard limits only; the case validation (case/parse.ts) keeps its own
 * warnings for what is merely unusual. Only what the functions need is here.
 */
export const FUNCTION_ARGUMENT_BOUNDS = {
  /** Dollars of any single amount or sum (UPB, payment, income, value): $1 billion. No single-family loan comes near. */
  maxAmount: 1_000_000_000,
  /** Months of a term, a plan or a count of months: 600 (50 years). The longest modification term is 480 months. */
  maxMonths: 600,
  /** Days of a timeline or of marketing: 600 months of days (18,263), beyond any foreclosure timeline. */
  maxDays: 18_263,
  /** Hours in a week. */
  maxHoursPerWeek: 168,
  /** Persons in a household (the VA residual table adds a fixed amount per person over 5). */
  maxFamilySize: 50,
  /**
   * A payment cap given as a ratio of the contractual payment (1.5 = 150%). A cap above 10
   * (1,000%) is a percent typed as a number: 150 for 150%.
   */
  maxPaymentCapRatio: 10,
  /** Dates of a servicing timeline (evaluation, due dates, application, sale): a year typed 1926 or 2206 is a typo. */
  earliestDate: '1990-01-01',
  latestDate: '2100-12-31',
} as const;
