import { grossMonthlyIncome, monthlyIncome } from '../../src/engine/income';
import { ArgumentError } from '../../src/engine/errors';
import type { IncomeLine } from '../../src/engine/case/types';

describe('monthlyIncome (engine.md section 2 table)', () => {
  it.each([
    // [amount, frequency, hours, exact monthly by hand]
    [500, 'WEEKLY', undefined, '2166.666666666666666666666666666666666667'], // 500 * 52 / 12
    [2450, 'BIWEEKLY', undefined, '5308.333333333333333333333333333333333333'], // 2450 * 26 / 12
    [1500, 'SEMIMONTHLY', undefined, '3000'], // 1500 * 2
    [4200.5, 'MONTHLY', undefined, '4200.5'],
    [3000, 'QUARTERLY', undefined, '1000'], // 3000 / 3
    [6000, 'SEMIANNUAL', undefined, '1000'], // 6000 / 6
    [60000, 'ANNUAL', undefined, '5000'], // 60000 / 12
    [18.5, 'HOURLY', 40, '3206.666666666666666666666666666666666667'], // 18.50 * 40 * 52 / 12 = 38480 / 12
  ] as const)('%p %s', (amount, frequency, hours, expected) => {
    expect(monthlyIncome(amount, frequency, hours).toString()).toBe(expected);
  });

  it('rejects HOURLY without hours, negatives, non-finite and unknown frequencies', () => {
    expect(() => monthlyIncome(20, 'HOURLY')).toThrow(/hoursPerWeek is required/);
    expect(() => monthlyIncome(-1, 'MONTHLY')).toThrow(ArgumentError);
    expect(() => monthlyIncome(Number.NaN, 'MONTHLY')).toThrow(/finite/);
    expect(() => monthlyIncome(100, 'FORTNIGHTLY')).toThrow(/not one of WEEKLY/);
    try {
      monthlyIncome(20, 'HOURLY', null);
    } catch (e) {
      expect((e as ArgumentError).argument).toBe('hoursPerWeek');
    }
    // Lower-case frequencies are accepted by the calculator (custom functions), the case parser is strict.
    expect(monthlyIncome(1200, 'annual').toString()).toBe('100');
  });
});

describe('grossMonthlyIncome', () => {
  it('the total is the rounded sum of exact amounts, not the sum of rounded lines', () => {
    // Three lines of 100 weekly: each 433.333... -> printed 433.33; 3 x 433.33 = 1299.99,
    // but the exact total 1300.00 is what is reported.
    const lines: IncomeLine[] = [1, 2, 3].map(() => ({ type: 'WAGES', amount: 100, frequency: 'WEEKLY' }));
    const income = grossMonthlyIncome(lines);
    expect(income.lines.map((l) => l.monthlyAmount)).toEqual([433.33, 433.33, 433.33]);
    expect(income.total).toBe(1300);
  });

  it('excludes types a program does not count, and still lists them', () => {
    const lines: IncomeLine[] = [
      { type: 'WAGES', amount: 2450, frequency: 'BIWEEKLY' }, // 5308.3333
      { type: 'UNEMPLOYMENT', amount: 400, frequency: 'WEEKLY' }, // 1733.3333
    ];
    const all = grossMonthlyIncome(lines);
    expect(all.total).toBe(7041.67); // 7041.6666... -> 7041.67
    const hti = grossMonthlyIncome(lines, { excludeTypes: ['UNEMPLOYMENT'] });
    expect(hti.total).toBe(5308.33);
    expect(hti.lines).toEqual([
      { type: 'WAGES', frequency: 'BIWEEKLY', amount: 2450, monthlyAmount: 5308.33, counted: true },
      { type: 'UNEMPLOYMENT', frequency: 'WEEKLY', amount: 400, monthlyAmount: 1733.33, counted: false },
    ]);
  });

  it('no lines: total is null (unknown), not 0', () => {
    expect(grossMonthlyIncome([]).total).toBeNull();
    expect(grossMonthlyIncome([{ type: 'OTHER', amount: 0, frequency: 'MONTHLY' }]).total).toBe(0);
  });
});
