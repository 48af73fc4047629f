import {
  addDays,
  addMonths,
  compareIsoDates,
  daysBetween,
  daysDelinquent,
  firstOfMonth,
  firstOfNextMonth,
  fromExcelSerial,
  isIsoDate,
  monthsBetween,
  parseIsoDate,
  toExcelSerial,
} from '../../src/engine/dates';

describe('dates', () => {
  it('recognizes real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true); // leap year
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate(20251015)).toBe(false);
    expect(() => parseIsoDate('10/15/2025')).toThrow(/YYYY-MM-DD/);
  });

  it('adds calendar months, clamping to the end of the month', () => {
    expect(addMonths('2025-11-01', 2)).toBe('2026-01-01');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
    // Reference maturity: first payment 2026-02-01 + (480 - 1) months = 2066-01-01.
    expect(addMonths('2026-02-01', 479)).toBe('2066-01-01');
  });

  it('counts days and months', () => {
    // 2025-07-17 -> 2025-10-15: 14 (rest of July) + 31 + 30 + 15 = 90 days.
    expect(daysBetween('2025-07-17', '2025-10-15')).toBe(90);
    expect(daysBetween('2025-10-15', '2025-07-17')).toBe(-90);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(monthsBetween('2025-01-15', '2025-03-14')).toBe(1);
    expect(monthsBetween('2025-01-15', '2025-03-15')).toBe(2);
    expect(monthsBetween('2012-04-20', '2025-10-15')).toBe(161); // 13 years 5 months, day 15 < 20
  });

  it('first of month helpers and comparison', () => {
    expect(firstOfMonth('2025-10-15')).toBe('2025-10-01');
    expect(firstOfNextMonth('2025-12-15')).toBe('2026-01-01');
    expect(compareIsoDates('2025-01-02', '2025-01-10')).toBe(-1);
    expect(compareIsoDates('2025-01-10', '2025-01-10')).toBe(0);
  });

  it('converts Excel serial days (1900 system)', () => {
    // Excel: 1900-03-01 is 61; 2025-01-01 is 45658, so 2025-10-15 (day 288) is 45945.
    expect(toExcelSerial('1900-03-01')).toBe(61);
    expect(toExcelSerial('2025-01-01')).toBe(45658);
    expect(toExcelSerial('2025-10-15')).toBe(45945);
    expect(fromExcelSerial(45945)).toBe('2025-10-15');
    expect(fromExcelSerial(45945.75)).toBe('2025-10-15'); // the time of day is dropped
  });
});

describe('daysDelinquent (12 CFR 1024.31 commentary)', () => {
  test('a payment due January 1 and unpaid: 30 days delinquent on January 31, 0 on the due date', () => {
    expect(daysDelinquent('2026-01-01', '2026-01-31')).toBe(30);
    expect(daysDelinquent('2026-01-01', '2026-01-01')).toBe(0);
    expect(daysDelinquent('2026-01-01', '2025-12-15')).toBe(0);
    expect(daysDelinquent('2026-01-01', '2026-05-01')).toBe(120);
    expect(daysDelinquent('2026-01-01', '2026-05-02')).toBe(121);
  });
});
