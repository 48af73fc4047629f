/**
 * Plausible ranges of the case fields (docs/engine-core.md, "Bounds"), as data: one entry per
 * field path, and a default per kind for a field that has no entry (a field added to the case
 * table is bounded from the start).
 *
 * Two levels: beyond `max` (or before `earliest` / after `latest`) a value is impossible for a
 * residential mortgage case, or beyond what the engine computes, and the case is refused with an
 * error naming the field; beyond `warnAbove` (or further than `warnYearsBefore`/`warnYearsAfter`
 * from the evaluation date) it is possible but rare enough that a typo is likelier, and the
 * evaluation carries a warning. List items are written `borrower.incomes[].amount`.
 */
import type { IsoDate } from '../dates';

export interface NumberBounds {
  /** An error above this (inclusive when `maxExclusive`). */
  max: number;
  maxExclusive?: boolean;
  /** A warning above this. */
  warnAbove?: number;
  /** How the bound is written in a message: dollars, months, a rate... */
  unit: 'dollars' | 'months' | 'days' | 'hours' | 'people' | 'count' | 'rate';
  /** Why the bound is what it is, for the message and the docs. */
  why: string;
}

export interface DateBounds {
  /** An error before `earliest` or after `latest` (both inclusive bounds of the accepted range). */
  earliest: IsoDate;
  latest: IsoDate;
  /** Why `earliest` is what it is. */
  why: string;
  /** A warning when the date is more than this many years before / after the evaluation date (none when absent; 0 after: any date after it). */
  warnYearsBefore?: number;
  warnYearsAfter?: number;
}

export type FieldBounds = NumberBounds | DateBounds;

/** No amount of a residential mortgage case reaches $1 billion (and the exact-cents paths stop there). */
const AMOUNT_MAX = 1e9;
const AMOUNT_WHY = 'no amount of a residential mortgage case reaches $1 billion';

const balance = (warnAbove = 10_000_000): NumberBounds => ({ max: AMOUNT_MAX, maxExclusive: true, warnAbove, unit: 'dollars', why: AMOUNT_WHY });
/** Monthly payments and expenses: over $100,000 a month is rare enough to check. */
const monthly = (warnAbove = 100_000): NumberBounds => ({ max: AMOUNT_MAX, maxExclusive: true, warnAbove, unit: 'dollars', why: AMOUNT_WHY });
const rate = (warnAbove = 0.2): NumberBounds => ({ max: 1, maxExclusive: true, warnAbove, unit: 'rate', why: 'a rate of 100% or more is a percent typed as a number' });
const months = (max: number, warnAbove: number | undefined, why: string): NumberBounds => ({ max, warnAbove, unit: 'months', why });

/** The engine's business-day calendar starts in 1971; no current loss-mitigation event predates 1990. */
const EVENT_EARLIEST = '1990-01-01';
const EVENT_WHY = 'a date of the current delinquency or application';
const LATEST = '2100-12-31';
const eventDate = (warnYearsBefore: number, warnYearsAfter: number): DateBounds => ({
  earliest: EVENT_EARLIEST,
  latest: LATEST,
  why: EVENT_WHY,
  warnYearsBefore,
  warnYearsAfter,
});

/** Defaults by kind, for a field without an entry below. */
export const DEFAULT_BOUNDS = {
  amount: balance(),
  rate: rate(),
  integer: { max: 1200, unit: 'count', why: 'beyond any count of a mortgage case' } as NumberBounds,
  // A new date field is most likely an event of the delinquency that the Regulation X calendar counts from (1971 on): 1990 on.
  date: eventDate(5, 5),
};

export const FIELD_BOUNDS: Record<string, FieldBounds> = {
  // The rules the engine applies date from Regulation X's loss-mitigation rule (12 CFR 1024.41, effective 2014-01-10).
  evaluationDate: { earliest: '2014-01-10', latest: LATEST, why: 'the rules this engine applies (12 CFR 1024.41) took effect on 2014-01-10' },
  'loan.upb': balance(),
  'loan.deferredBalance': balance(),
  'loan.rate': rate(),
  // 50 years: a 40-year modification (the longest any investor offers) plus room; 480 months is the longest modified term.
  'loan.remainingTermMonths': months(600, 480, 'no mortgage runs over 50 years (600 months); 480 months is the longest modified term'),
  'loan.contractualPI': monthly(),
  'loan.monthlyEscrow': monthly(20_000),
  'loan.escrowShortage': balance(100_000),
  'loan.monthsDelinquent': months(600, 120, 'a loan cannot be delinquent longer than a 50-year term'),
  'loan.nextDueDate': eventDate(10, 1),
  // A 30-year loan modified to 40 years can be 50+ years old.
  'loan.originationDate': { earliest: '1900-01-01', latest: LATEST, why: 'outside the years a mortgage case can name', warnYearsBefore: 60 },
  'loan.lienPosition': { max: 10, warnAbove: 2, unit: 'count', why: 'a property has a handful of liens at most' },
  'loan.priorModifications': { max: 100, warnAbove: 10, unit: 'count', why: 'beyond any loan history' },
  'loan.monthsSinceLastModification': months(1200, 600, 'a modification cannot be older than a century'),
  'loan.cumulativeDeferredMonths': months(600, 120, 'deferrals cannot exceed a 50-year term'),
  'loan.partialClaimBalance': balance(),
  'arrears.delinquentInterest': balance(1_000_000),
  'arrears.escrowAdvances': balance(1_000_000),
  'arrears.servicingAdvances': balance(1_000_000),
  'arrears.legalFees': balance(1_000_000),
  'arrears.lateFees': balance(1_000_000),
  'arrears.borrowerContribution': balance(),
  'property.value': balance(),
  'property.valuationDate': { earliest: '1900-01-01', latest: LATEST, why: 'outside the years a mortgage case can name' },
  'property.subordinateLiens': balance(),
  'borrower.familySize': { max: 50, warnAbove: 15, unit: 'people', why: 'beyond any household' },
  'borrower.incomes[].amount': balance(1_000_000),
  'borrower.incomes[].hoursPerWeek': { max: 168, warnAbove: 100, unit: 'hours', why: 'a week has 168 hours' },
  'borrower.housingExpenses.taxes': monthly(20_000),
  'borrower.housingExpenses.insurance': monthly(20_000),
  'borrower.housingExpenses.floodInsurance': monthly(20_000),
  'borrower.housingExpenses.mortgageInsurance': monthly(20_000),
  'borrower.housingExpenses.association': monthly(20_000),
  'borrower.housingExpenses.groundRent': monthly(20_000),
  'borrower.housingExpenses.subordinateLienPayment': monthly(),
  'borrower.debts[].monthlyPayment': monthly(),
  'borrower.debts[].balance': balance(),
  'borrower.livingExpenses': monthly(),
  'borrower.liquidAssets': balance(),
  // Freddie Mac PMMS peaked at 18.63% (October 1981): over 20% is a typo.
  'market.modificationRate': rate(),
  'market.pmms': rate(),
  // A trial plan starts within weeks of the evaluation; an application is evaluated after it arrives (12 CFR 1024.41(b), (c)).
  'options.firstTrialPaymentDate': eventDate(2, 1),
  'options.applicationReceivedDate': eventDate(5, 0),
  'options.applicationCompleteDate': eventDate(5, 0),
  'options.foreclosureSaleDate': eventDate(2, 3),
  'disposition.offerPrice': balance(),
  'disposition.marketingDays': { max: 3650, warnAbove: 730, unit: 'days', why: 'beyond ten years of marketing' },
  // Commissions run about 6%; Fannie Mae and HUD cap them near that.
  'disposition.commissionRate': rate(0.1),
  'disposition.sellerClosingCosts': balance(1_000_000),
  'disposition.subordinateLienPayoff': balance(),
  'disposition.relocationAssistance': balance(100_000),
};

/** The bounds of the field at `path` (list indexes written `[]`) of the given kind, if the kind has bounds. */
export function boundsOf(path: string, kind: string): FieldBounds | undefined {
  if (Object.prototype.hasOwnProperty.call(FIELD_BOUNDS, path)) return FIELD_BOUNDS[path];
  if (kind === 'amount') return DEFAULT_BOUNDS.amount;
  if (kind === 'rate') return DEFAULT_BOUNDS.rate;
  if (kind === 'integer' || kind === 'number') return DEFAULT_BOUNDS.integer;
  if (kind === 'date') return DEFAULT_BOUNDS.date;
  return undefined;
}

export function isDateBounds(bounds: FieldBounds): bounds is DateBounds {
  return 'earliest' in bounds;
}

/** A bound as a specialist reads it: "$10,000,000", "20%", "600 months". */
export function formatBound(value: number, unit: NumberBounds['unit']): string {
  if (unit === 'dollars') return `$${value.toLocaleString('en-US')}`;
  if (unit === 'rate') return `${Number((value * 100).toPrecision(12))}%`;
  if (unit === 'count') return String(value);
  return `${value} ${unit}`;
}
