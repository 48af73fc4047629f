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
import { Decimal, type DecimalInput, ZERO, centsNumber } from './money';
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
  let exactTotal = ZERO;
  const results: IncomeLineResult[] = lines.map((line) => {
    const exact = monthlyIncome(line.amount, line.frequency, line.hoursPerWeek);
    const counted = !excluded.has(line.type);
    if (counted) exactTotal = exactTotal.plus(exact);
    return {
      type: line.type,
      frequency: line.frequency,
      amount: line.amount,
      ...(line.hoursPerWeek !== undefined ? { hoursPerWeek: line.hoursPerWeek } : {}),
      monthlyAmount: centsNumber(exact),
      counted,
    };
  });
  return { exactTotal, total: lines.length === 0 ? null : centsNumber(exactTotal), lines: results };
}
