/**
 * Gross monthly income (engine.md section 2).
 *
 * Each line is converted to its exact monthly equivalent (a decimal, never rounded); the total
 * is the sum of the exact amounts, rounded half-up to the cent once (rounding point: the
 * total). The monthly amount printed for each line is that line's exact amount rounded to the
 * cent, so the printed lines may differ from the printed total by a cent or two: the total is
 * the rounded sum of exact amounts, NOT the sum of rounded lines.
 */
import type { IncomeFrequency, IncomeLine, IncomeType } from './case/types';
import { INCOME_FREQUENCIES } from './case/types';
import { ArgumentError } from './errors';
import { exactCents } from './cents';
import { Decimal, type DecimalInput, ZERO, centsDecimal, centsNumber } from './money';
import { decimalArgument } from './workouts/arguments';
import type { IncomeLineResult } from './results';

/** Multiplier and divisor giving the monthly equivalent of one period's amount (engine.md section 2 table). */
const MONTHLY_FACTORS: Record<Exclude<IncomeFrequency, 'HOURLY'>, { times: number; over: number }> = {
  WEEKLY: { times: 52, over: 12 },
  BIWEEKLY: { times: 26, over: 12 },
  SEMIMONTHLY: { times: 2, over: 1 },
  MONTHLY: { times: 1, over: 1 },
  QUARTERLY: { times: 1, over: 3 },
  SEMIANNUAL: { times: 1, over: 6 },
  ANNUAL: { times: 1, over: 12 },
};

/**
 * The exact monthly equivalent of a gross amount paid at a frequency (unrounded).
 * HOURLY: amount is the hourly rate; monthly = rate * hoursPerWeek * 52 / 12.
 * Throws ArgumentError for a negative or non-finite amount, an unknown frequency, or HOURLY without hours.
 */
export function monthlyIncome(amount: DecimalInput, frequency: IncomeFrequency | string, hoursPerWeek?: DecimalInput | null): Decimal {
  const x = decimalArgument('amount', amount);
  const f = String(frequency).toUpperCase() as IncomeFrequency;
  if (!INCOME_FREQUENCIES.includes(f)) {
    throw new ArgumentError('frequency', `frequency "${frequency}" is not one of ${INCOME_FREQUENCIES.join(', ')}`);
  }
  if (f === 'HOURLY') {
    if (hoursPerWeek === undefined || hoursPerWeek === null || hoursPerWeek === '') {
      throw new ArgumentError('hoursPerWeek', 'hoursPerWeek is required for HOURLY income: the usual hours worked per week, e.g. 40');
    }
    const hours = decimalArgument('hoursPerWeek', hoursPerWeek);
    return x.times(hours).times(52).dividedBy(12);
  }
  const { times, over } = MONTHLY_FACTORS[f];
  return x.times(times).dividedBy(over);
}

/**
 * The monthly equivalent as a multiplier over a divisor (`amount * times / over`), so a sheet can
 * write the same conversion as a native formula. HOURLY folds the weekly hours into `times`.
 */
export function monthlyIncomeFactor(frequency: IncomeFrequency, hoursPerWeek?: number | null): { times: number; over: number } {
  if (frequency === 'HOURLY') {
    if (hoursPerWeek === undefined || hoursPerWeek === null) {
      throw new ArgumentError('hoursPerWeek', 'hoursPerWeek is required for HOURLY income: the usual hours worked per week, e.g. 40');
    }
    return { times: hoursPerWeek * 52, over: 12 };
  }
  return MONTHLY_FACTORS[frequency];
}

export interface GrossIncomeOptions {
  /** Income types this program does not count (e.g. UNEMPLOYMENT for a short-sale HTI, Fannie Mae F-1-14). */
  excludeTypes?: readonly (IncomeType | string)[];
}

export interface GrossIncome {
  /** Exact total of the counted lines (unrounded). */
  exactTotal: Decimal;
  /** The total rounded to the cent (the rounding point), `null` when the case has no income lines. */
  total: number | null;
  lines: IncomeLineResult[];
}

/**
 * Gross monthly income of the income lines: each line with its monthly amount (rounded to the
 * cent for printing) and whether it was counted; the total of the counted lines.
 * `total` is null when there are no income lines at all (income unknown, not zero).
 */
export function grossMonthlyIncome(lines: readonly IncomeLine[], options: GrossIncomeOptions = {}): GrossIncome {
  const excluded = new Set(options.excludeTypes ?? []);
  const inCents = grossMonthlyIncomeInCents(lines, excluded);
  if (inCents) return { exactTotal: inCents.totalCents === 0 ? ZERO : centsDecimal(inCents.totalCents), total: inCents.total, lines: inCents.lines };
  return grossMonthlyIncomeInDecimals(lines, excluded);
}

/**
 * grossMonthlyIncome without `exactTotal`, which the affordability does not show (it shows the
 * total to the cent): on the integer-cents path no decimal is made at all.
 */
export function grossMonthlyIncomeFigures(lines: readonly IncomeLine[], options: GrossIncomeOptions = {}): Omit<GrossIncome, 'exactTotal'> {
  const excluded = new Set(options.excludeTypes ?? []);
  const inCents = grossMonthlyIncomeInCents(lines, excluded);
  if (inCents) return { total: inCents.total, lines: inCents.lines };
  const { total, lines: results } = grossMonthlyIncomeInDecimals(lines, excluded);
  return { total, lines: results };
}

function grossMonthlyIncomeInDecimals(lines: readonly IncomeLine[], excluded: ReadonlySet<string>): GrossIncome {
  let exactTotal = ZERO;
  const results: IncomeLineResult[] = lines.map((line) => {
    const exact = monthlyIncome(line.amount, line.frequency, line.hoursPerWeek);
    const counted = !excluded.has(line.type);
    if (counted) exactTotal = exactTotal.plus(exact);
    return incomeLineResult(line, centsNumber(exact), counted);
  });
  return { exactTotal, total: lines.length === 0 ? null : centsNumber(exactTotal), lines: results };
}

function incomeLineResult(line: IncomeLine, monthlyAmount: number, counted: boolean): IncomeLineResult {
  const { type, frequency, amount, hoursPerWeek } = line;
  // Two literals rather than a spread: the same properties in the same order, without the copy.
  return hoursPerWeek !== undefined
    ? { type, frequency, amount, hoursPerWeek, monthlyAmount, counted }
    : { type, frequency, amount, monthlyAmount, counted };
}

/**
 * grossMonthlyIncome in integer cents, when every line is a whole number of cents paid monthly
 * or semimonthly (then each monthly amount and the total are exact cent amounts, so rounding
 * them to the cent changes nothing); null otherwise, and the decimal path decides (and reports
 * any bad line). The common case of a loan tape, which gives one monthly income.
 */
function grossMonthlyIncomeInCents(
  lines: readonly IncomeLine[],
  excluded: ReadonlySet<string>,
): { totalCents: number; total: number | null; lines: IncomeLineResult[] } | null {
  let totalCents = 0;
  const results: IncomeLineResult[] = [];
  for (const line of lines) {
    // The frequencies whose monthly equivalent of a cent amount is whole cents (times n, over 1).
    const times = line.frequency === 'MONTHLY' ? 1 : line.frequency === 'SEMIMONTHLY' ? 2 : 0;
    const cents = exactCents(line.amount);
    if (times === 0 || cents === null) return null;
    const monthlyCents = cents * times;
    const counted = !excluded.has(line.type);
    if (counted) totalCents += monthlyCents;
    results.push(incomeLineResult(line, monthlyCents / 100, counted));
  }
  return { totalCents, total: lines.length === 0 ? null : totalCents / 100, lines: results };
}

