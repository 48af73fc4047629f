/// <reference types="custom-functions-runtime" />
/**
 * LM.MONTHLYINCOME: thin wrapper over the engine's income conversion (engine.md section 2).
 * Ranges are natural here (one income line per row): the amounts, frequencies and hours are
 * read line by line and the total is the engine's rounded sum of exact monthly amounts.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import type { IncomeLine } from '../engine/case/types';
import { FUNCTION_ARGUMENT_BOUNDS as BOUNDS } from '../engine/bounds';
import { ArgumentError } from '../engine/errors';
import { grossMonthlyIncome } from '../engine/income';
import { cellsOf, describeValue, isBlank, plainCell, requiredNumber } from './arguments';
import { excelFunction } from './excelErrors';

/**
 * Gross monthly income from an amount paid weekly, biweekly, semimonthly, monthly, quarterly, yearly or hourly.
 * @customfunction MONTHLYINCOME MONTHLYINCOME
 * @helpurl https://localhost:3000/help/functions.html#lmmonthlyincome
 * @param amount Gross amount per period (for HOURLY, the hourly rate): a number, or a range with one line per row.
 * @param frequency WEEKLY, BIWEEKLY, SEMIMONTHLY, MONTHLY, QUARTERLY, SEMIANNUAL, ANNUAL or HOURLY: one cell, or a range beside amount.
 * @param [hours_per_week] Usual hours worked per week (0 to 168), required for HOURLY lines: one cell or a range beside amount.
 * @returns The gross monthly income in dollars, rounded to the cent.
 */
export function monthlyincome(amount: any[][], frequency: any[][], hours_per_week?: any[][]): number {
  return excelFunction(
    () => {
      const amounts = cellsOf(amount);
      const frequencies = cellsOf(frequency);
      const hours = hours_per_week === undefined || hours_per_week === null ? [null] : cellsOf(hours_per_week);
      const pick = (list: unknown[], index: number, name: string): unknown => {
        if (list.length === 1) return list[0];
        if (list.length !== amounts.length) {
          throw new ArgumentError(name, `${name} must be one cell or a range of the same size as amount (${amounts.length} cells), not ${list.length} cells`);
        }
        return list[index];
      };
      const lines: IncomeLine[] = [];
      amounts.forEach((cell, index) => {
        if (isBlank(cell)) return;
        const value = requiredNumber(cell, 'amount');
        const freq = plainCell(pick(frequencies, index, 'frequency'), 'frequency', 'text such as "BIWEEKLY"');
        if (typeof freq !== 'string' || freq.trim() === '') {
          throw new ArgumentError('frequency', `frequency must be text such as "BIWEEKLY", not ${isBlank(freq) ? 'blank' : describeValue(freq)}`);
        }
        const hoursCell = pick(hours, index, 'hours_per_week');
        const line: IncomeLine = { type: 'OTHER', amount: value, frequency: freq.trim().toUpperCase() as IncomeLine['frequency'] };
        if (!isBlank(hoursCell)) {
          const hours = requiredNumber(hoursCell, 'hours_per_week');
          if (hours > BOUNDS.maxHoursPerWeek) throw new ArgumentError('hours_per_week', `hours_per_week ${hours} is more than the ${BOUNDS.maxHoursPerWeek} hours of a week`);
          line.hoursPerWeek = hours;
        }
        lines.push(line);
      });
      if (lines.length === 0) throw new ArgumentError('amount', 'amount is blank: enter the gross amount per period');
      return grossMonthlyIncome(lines).total ?? 0;
    },
    { amount: 'amount', frequency: 'frequency', hoursPerWeek: 'hours_per_week' },
  );
}
