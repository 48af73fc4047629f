/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, computed in UTC so that no host time zone can
 * move a date by a day. A month is a calendar month; adding months to the 31st clamps to the
 * last day of the target month (servicing due dates are the 1st, so this rarely matters).
 *
 * Fast path: a loan tape reads and compares several dates per loan, so the calendar arithmetic
 * works on integers (day numbers, Howard Hinnant's days-from-civil) instead of a regex and Date
 * objects. It covers the years 0100-9999, for inputs and results; anything else (including the
 * years 0000-0099, which Date.UTC reads as 1900-1999) goes through the Date-object reference
 * implementations below, so every result, quirk and error is theirs. dates.fastPath.test.ts
 * compares the two over random inputs.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The proleptic Gregorian years where the integer arithmetic is used. */
const FIRST_FAST_YEAR = 100;
const LAST_FAST_YEAR = 9999;

/** Days from 1970-01-01 to 1899-12-30, Excel's day 0 (1900 date system). */
const EXCEL_EPOCH_DAY = -25569;

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digitsAt(value, 0, 4);
  const mo = digitsAt(value, 5, 2);
  const d = digitsAt(value, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return false;
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function parseIsoDate(value: IsoDate): Date {
  if (!isIsoDate(value)) throw new RangeError(`"${value}" is not a date in the form YYYY-MM-DD`);
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function formatIsoDate(date: Date): IsoDate {
  const y = date.getUTCFullYear();
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${d}`;
}

export function daysInMonth(year: number, month1to12: number): number {
  if (Number.isInteger(year) && year >= FIRST_FAST_YEAR && year <= LAST_FAST_YEAR && Number.isInteger(month1to12) && month1to12 >= 1 && month1to12 <= 12) {
    return gregorianDaysInMonth(year, month1to12);
  }
  return new Date(Date.UTC(year, month1to12, 0)).getUTCDate();
}

/** Adds calendar months; a day past the end of the target month clamps to its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const packed = fastCivilDate(date);
  if (packed >= 0 && Number.isSafeInteger(months)) {
    const total = yearOf(packed) * 12 + (monthOf(packed) - 1) + months;
    const year = Math.floor(total / 12);
    if (year >= FIRST_FAST_YEAR && year <= LAST_FAST_YEAR) {
      const month = total - year * 12 + 1;
      return formatCivil(year, month, Math.min(dayOf(packed), gregorianDaysInMonth(year, month)));
    }
  }
  return addMonthsWithDateObjects(date, months);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const packed = fastCivilDate(date);
  if (packed >= 0 && Number.isSafeInteger(days)) {
    const result = formatDayNumber(dayNumberOf(packed) + days);
    if (result !== null) return result;
  }
  return addDaysWithDateObjects(date, days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = fastCivilDate(from);
  const b = a >= 0 ? fastCivilDate(to) : -1;
  if (b >= 0) return dayNumberOf(b) - dayNumberOf(a);
  return daysBetweenWithDateObjects(from, to);
}

/**
 * Days delinquent on `date` when the oldest unpaid installment was due on `oldestUnpaidDueDate`:
 * the date minus the due date (12 CFR 1024.31 "delinquency" and its commentary: a payment due
 * January 1 and unpaid makes the loan 30 days delinquent on January 31). 0 on or before the due date.
 */
export function daysDelinquent(oldestUnpaidDueDate: IsoDate, date: IsoDate): number {
  return Math.max(0, daysBetween(oldestUnpaidDueDate, date));
}

/** Whole calendar months from `from` to `to`, counting a month only when its day has been reached. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = fastCivilDate(from);
  const b = a >= 0 ? fastCivilDate(to) : -1;
  if (b >= 0) {
    let months = (yearOf(b) - yearOf(a)) * 12 + (monthOf(b) - monthOf(a));
    if (dayOf(b) < dayOf(a)) months -= 1;
    return months;
  }
  return monthsBetweenWithDateObjects(from, to);
}

/** The first day of the month that contains `date`. */
export function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month after the month that contains `date`. */
export function firstOfNextMonth(date: IsoDate): IsoDate {
  return addMonths(firstOfMonth(date), 1);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Excel's serial day number (1900 date system) for a date, as custom functions receive dates. */
export function toExcelSerial(date: IsoDate): number {
  const packed = fastCivilDate(date);
  if (packed >= 0) return dayNumberOf(packed) - EXCEL_EPOCH_DAY;
  return daysBetween('1899-12-30', date);
}

/** The ISO date of an Excel serial day number (1900 date system); fractions (times) are dropped. */
export function fromExcelSerial(serial: number): IsoDate {
  const day = Math.floor(serial);
  if (Number.isSafeInteger(day)) {
    const result = formatDayNumber(EXCEL_EPOCH_DAY + day);
    if (result !== null) return result;
  }
  return addDays('1899-12-30', day);
}

// ---------------------------------------------------------------------------------------------
// Integer calendar (the fast path)
// ---------------------------------------------------------------------------------------------

/** The number written by `length` ASCII digits at `start` (what `\d` matches), or -1. */
function digitsAt(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function gregorianDaysInMonth(year: number, month1to12: number): number {
  return month1to12 === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month1to12 - 1];
}

/**
 * A valid date of the years 0100-9999 as year * 10000 + month * 100 + day (one number, no
 * allocation), or -1 for anything else (invalid text, or a year the reference must handle).
 */
function fastCivilDate(value: IsoDate): number {
  // isIsoDate's checks, for the years 0100-9999 only, reading the digits once.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < FIRST_FAST_YEAR || month < 1 || month > 12 || day < 1 || day > gregorianDaysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

const yearOf = (packed: number): number => Math.floor(packed / 10000);
const monthOf = (packed: number): number => Math.floor(packed / 100) % 100;
const dayOf = (packed: number): number => packed % 100;

/** Days since 1970-01-01 (negative before), Howard Hinnant's days_from_civil. */
function dayNumberOf(packed: number): number {
  const month = monthOf(packed);
  const year = yearOf(packed) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400; // [0, 399]
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + dayOf(packed) - 1; // [0, 365], from March 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear; // [0, 146096]
  return era * 146097 + dayOfEra - 719468;
}

/** The ISO date of a day number (Hinnant's civil_from_days), or null outside the years 0100-9999. */
function formatDayNumber(dayNumber: number): IsoDate | null {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097; // [0, 146096]
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365); // [0, 399]
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100)); // [0, 365]
  const mp = Math.floor((5 * dayOfYear + 2) / 153); // [0, 11], from March
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < FIRST_FAST_YEAR || year > LAST_FAST_YEAR) return null;
  return formatCivil(year, month, day);
}

function formatCivil(year: number, month: number, day: number): IsoDate {
  return `${year < 1000 ? `0${year}` : year}-${month < 10 ? `0${month}` : month}-${day < 10 ? `0${day}` : day}`;
}

// ---------------------------------------------------------------------------------------------
// Date-object reference implementations: the fallback outside the fast path, and what the
// property tests compare the fast path with. Exported for those tests only.
// ---------------------------------------------------------------------------------------------

export function isIsoDateWithRegex(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonthWithDateObjects(y, mo);
}

export function daysInMonthWithDateObjects(year: number, month1to12: number): number {
  return new Date(Date.UTC(year, month1to12, 0)).getUTCDate();
}

export function addMonthsWithDateObjects(date: IsoDate, months: number): IsoDate {
  const d = parseIsoDate(date);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const day = Math.min(d.getUTCDate(), daysInMonthWithDateObjects(year, month0 + 1));
  return formatIsoDate(new Date(Date.UTC(year, month0, day)));
}

export function addDaysWithDateObjects(date: IsoDate, days: number): IsoDate {
  const d = parseIsoDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return formatIsoDate(d);
}

export function daysBetweenWithDateObjects(from: IsoDate, to: IsoDate): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / 86_400_000);
}

export function monthsBetweenWithDateObjects(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months -= 1;
  return months;
}

export function toExcelSerialWithDateObjects(date: IsoDate): number {
  return daysBetweenWithDateObjects('1899-12-30', date);
}

export function fromExcelSerialWithDateObjects(serial: number): IsoDate {
  return addDaysWithDateObjects('1899-12-30', Math.floor(serial));
}
