/**
 * The integer calendar of dates.ts (years 0100-9999) must give exactly what the Date-object
 * reference implementations give, and every input outside it must still get the reference's
 * result (or its error): invalid dates, years 0000-0099 (Date.UTC reads them as 1900-1999),
 * results past 9999, fractional day counts, Excel serials.
 */
import fc from 'fast-check';
import {
  addDays,
  addDaysWithDateObjects,
  addMonths,
  addMonthsWithDateObjects,
  daysBetween,
  daysBetweenWithDateObjects,
  daysInMonth,
  daysInMonthWithDateObjects,
  fromExcelSerial,
  fromExcelSerialWithDateObjects,
  isIsoDate,
  isIsoDateWithRegex,
  monthsBetween,
  monthsBetweenWithDateObjects,
  toExcelSerial,
  toExcelSerialWithDateObjects,
} from '../../src/engine/dates';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Date-like text: any year 0000-9999, months 00-13, days 00-32 (many invalid), plus the edge years. */
const dateText = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 4, 99, 100, 101, 400, 1600, 1900, 2000, 2023, 2024, 2100, 9999)),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

/** Real dates of any year 0000-9999 (the 29th-31st often clamp or are invalid and are dropped). */
const validDate = dateText.filter((text) => isIsoDateWithRegex(text));

const edgeDates = ['2023-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '2100-02-29', '0000-02-29', '0004-02-29', '0100-02-29', '0001-01-01', '0099-12-31', '0100-01-01', '9999-12-31', '1899-12-30', '1899-12-31', '1900-01-01'];

/** The same result or the same error. */
function outcome<T>(f: () => T): { value?: T; error?: string } {
  try {
    return { value: f() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

function expectSame<T>(fast: () => T, reference: () => T): void {
  const a = outcome(fast);
  const b = outcome(reference);
  expect(a).toEqual(b);
  if ('value' in a && typeof a.value === 'number') expect(Object.is(a.value, b.value)).toBe(true);
}

const text = fc.oneof(dateText, fc.constantFrom(...edgeDates), fc.string({ maxLength: 11 }), fc.constantFrom('2025-1-01', ' 2025-01-01', '2025-01-01\n', '２０２５-01-01', '2025/01/01'));
const dayCount = fc.oneof(
  fc.integer({ min: -4_000_000, max: 4_000_000 }),
  fc.integer({ min: -400, max: 400 }),
  fc.constantFrom(0, -0, 0.5, -1.5, 2.75, Number.NaN, Infinity, 1e16, -1e16, Number.MAX_SAFE_INTEGER),
);

describe('the integer calendar equals the Date-object reference', () => {
  it('isIsoDate, on date-like and arbitrary text', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(isIsoDate(value)).toBe(isIsoDateWithRegex(value));
      }),
      { numRuns: 5000 },
    );
    for (const value of [...edgeDates, null, undefined, 20251015, {}, '']) expect(isIsoDate(value)).toBe(isIsoDateWithRegex(value));
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('0000-02-29')).toBe(false); // the reference reads year 0 as 1900
    expect(isIsoDate('0004-02-29')).toBe(true);
  });

  it('daysInMonth, including months outside 1-12 and years outside 0100-9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 12000 }), fc.integer({ min: -2, max: 14 }), (year, month) => {
        expect(daysInMonth(year, month)).toBe(daysInMonthWithDateObjects(year, month));
      }),
      { numRuns: 5000 },
    );
    expect(daysInMonth(2024.5, 2)).toBe(daysInMonthWithDateObjects(2024.5, 2));
    expect(daysInMonth(2024, 2.5)).toBe(daysInMonthWithDateObjects(2024, 2.5));
  });

  it('daysBetween and monthsBetween, both signs, invalid dates included', () => {
    fc.assert(
      fc.property(text, text, (from, to) => {
        expectSame(() => daysBetween(from, to), () => daysBetweenWithDateObjects(from, to));
        expectSame(() => monthsBetween(from, to), () => monthsBetweenWithDateObjects(from, to));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(validDate, validDate, (from, to) => {
        expectSame(() => daysBetween(from, to), () => daysBetweenWithDateObjects(from, to));
        expectSame(() => monthsBetween(from, to), () => monthsBetweenWithDateObjects(from, to));
      }),
      { numRuns: 5000 },
    );
    expect(daysBetween('2025-10-15', '2025-07-17')).toBe(-90);
    expect(daysBetween('0001-01-01', '9999-12-31')).toBe(daysBetweenWithDateObjects('0001-01-01', '9999-12-31'));
  });

  it('addDays, across leap days, centuries and out of 0100-9999', () => {
    fc.assert(
      fc.property(fc.oneof(validDate, text), dayCount, (date, days) => {
        expectSame(() => addDays(date, days), () => addDaysWithDateObjects(date, days));
      }),
      { numRuns: 8000 },
    );
    expect(addDays('9999-12-31', 1)).toBe(addDaysWithDateObjects('9999-12-31', 1)); // 10000-01-01
    expect(addDays('0100-01-01', -1)).toBe(addDaysWithDateObjects('0100-01-01', -1)); // 0099-12-31
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('addMonths, clamping to the end of the month', () => {
    const months = fc.oneof(fc.integer({ min: -120_000, max: 120_000 }), fc.integer({ min: -30, max: 30 }), fc.constantFrom(-0, 0.5, Number.NaN, 1e16));
    fc.assert(
      fc.property(fc.oneof(validDate, text), months, (date, n) => {
        expectSame(() => addMonths(date, n), () => addMonthsWithDateObjects(date, n));
      }),
      { numRuns: 8000 },
    );
    expect(addMonths('0100-01-15', -1)).toBe(addMonthsWithDateObjects('0100-01-15', -1)); // the reference's year 99 is 1999
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('Excel serials both ways, with times of day, and out of range', () => {
    const serial = fc.oneof(
      fc.integer({ min: -700_000, max: 3_000_000 }),
      fc.double({ min: -700_000, max: 3_000_000, noNaN: true }),
      fc.constantFrom(0, 1, 60, 61, 2958465, 2958466, -0, Number.NaN, Infinity, -Infinity, 1e300),
    );
    fc.assert(
      fc.property(serial, (s) => {
        expectSame(() => fromExcelSerial(s), () => fromExcelSerialWithDateObjects(s));
      }),
      { numRuns: 8000 },
    );
    fc.assert(
      fc.property(fc.oneof(validDate, text), (date) => {
        expectSame(() => toExcelSerial(date), () => toExcelSerialWithDateObjects(date));
      }),
      { numRuns: 5000 },
    );
  });
});
