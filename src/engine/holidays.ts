/**
 * US federal (legal public) holidays and business days, computed from the rules of
 * 5 U.S.C. 6103(a), never from a hard-coded list, so that any year works.
 *
 * Observed dates (5 U.S.C. 6103(b); Executive Order 11582): a holiday that falls on a Saturday
 * is observed on the Friday before, one that falls on a Sunday on the Monday after. New Year's
 * Day on a Saturday is therefore observed on December 31 of the *previous* year (e.g. 2022-01-01
 * was observed 2021-12-31), which is why a year's observed dates can include one from the next
 * year's rules.
 *
 * Juneteenth National Independence Day (June 19) is a legal public holiday since 2021 (Pub. L.
 * 117-17, signed 2021-06-17; first observed Friday 2021-06-18). Martin Luther King Jr. Day is
 * counted from 1986, its first observance. Inauguration Day (a holiday only for federal
 * employees in the Washington area) is not a nationwide legal public holiday and is not counted.
 *
 * Regulation X counts "days (excluding legal public holidays, Saturdays, and Sundays)"
 * (12 CFR 1024.41(b)(2)(i)(B)). The legal public holidays are the days 5 U.S.C. 6103(a) names,
 * on their own dates: the Friday or Monday on which federal offices observe a weekend holiday
 * (6103(b)) is not itself a legal public holiday. CFPB's Regulation Z commentary reads the same
 * words that way (comment 2(a)(6)-2: when July 4 falls on a Saturday and July 3 is observed,
 * "the observed holiday (in the example, July 3) is a business day"). So by default business
 * days skip the holidays on their own dates (`'ownDates'`), which gives the earlier, safer
 * deadline (engine.md section 1, changes of 2026-12-02); `'observed'` (skip the observed day
 * instead) stays available as the REG-X parameter `businessDayHolidays`.
 */
import { type IsoDate, addDays, formatIsoDate, parseIsoDate } from './dates';

export interface FederalHoliday {
  name: string;
  /** The calendar date of the holiday in that year. */
  date: IsoDate;
  /** The date it is observed (moved off a weekend); equal to `date` on a weekday. */
  observed: IsoDate;
}

function utc(year: number, month1to12: number, day: number): Date {
  return new Date(Date.UTC(year, month1to12 - 1, day));
}

/** The n-th given weekday (0 = Sunday) of a month, e.g. the 3rd Monday of January. */
function nthWeekday(year: number, month1to12: number, weekday: number, n: number): IsoDate {
  const first = utc(year, month1to12, 1);
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return formatIsoDate(utc(year, month1to12, 1 + offset + 7 * (n - 1)));
}

/** The last given weekday of a month (Memorial Day: last Monday of May). */
function lastWeekday(year: number, month1to12: number, weekday: number): IsoDate {
  const last = new Date(Date.UTC(year, month1to12, 0));
  const offset = (last.getUTCDay() - weekday + 7) % 7;
  return formatIsoDate(new Date(Date.UTC(year, month1to12 - 1, last.getUTCDate() - offset)));
}

/** Saturday -> Friday before, Sunday -> Monday after (5 U.S.C. 6103(b)). */
export function observedDate(date: IsoDate): IsoDate {
  const day = parseIsoDate(date).getUTCDay();
  if (day === 6) return addDays(date, -1);
  if (day === 0) return addDays(date, 1);
  return date;
}

/** The legal public holidays whose calendar date falls in `year`, with their observed dates. */
export function federalHolidays(year: number): FederalHoliday[] {
  if (!Number.isInteger(year) || year < 1971 || year > 9998) {
    throw new RangeError(`year ${year} is outside the supported range 1971-9998 (the Monday holiday rules date from 1971)`);
  }
  const fixed = (name: string, month: number, day: number): FederalHoliday => {
    const date = formatIsoDate(utc(year, month, day));
    return { name, date, observed: observedDate(date) };
  };
  const floating = (name: string, date: IsoDate): FederalHoliday => ({ name, date, observed: date });
  const holidays: FederalHoliday[] = [fixed("New Year's Day", 1, 1)];
  if (year >= 1986) holidays.push(floating('Birthday of Martin Luther King, Jr.', nthWeekday(year, 1, 1, 3)));
  holidays.push(floating("Washington's Birthday", nthWeekday(year, 2, 1, 3)));
  holidays.push(floating('Memorial Day', lastWeekday(year, 5, 1)));
  if (year >= 2021) holidays.push(fixed('Juneteenth National Independence Day', 6, 19));
  holidays.push(fixed('Independence Day', 7, 4));
  holidays.push(floating('Labor Day', nthWeekday(year, 9, 1, 1)));
  holidays.push(floating('Columbus Day', nthWeekday(year, 10, 1, 2)));
  holidays.push(fixed('Veterans Day', 11, 11));
  holidays.push(floating('Thanksgiving Day', nthWeekday(year, 11, 4, 4)));
  holidays.push(fixed('Christmas Day', 12, 25));
  return holidays;
}

/** How business days treat a holiday that falls on a weekend (REG-X `businessDayHolidays`). */
export type HolidayCounting = 'ownDates' | 'observed';

export const HOLIDAY_COUNTINGS: readonly HolidayCounting[] = ['ownDates', 'observed'];

export function isHolidayCounting(value: unknown): value is HolidayCounting {
  return value === 'ownDates' || value === 'observed';
}

/** Holidays by year and by date, built once per year: business-day counting asks for every day it steps over (without it the Regulation X timeline took 54% of a one-program case evaluation in a profile). */
const OWN_DATES_BY_YEAR = new Map<number, Map<IsoDate, FederalHoliday>>();
const OBSERVED_BY_YEAR = new Map<number, Map<IsoDate, FederalHoliday>>();

function ownDateHolidays(year: number): Map<IsoDate, FederalHoliday> {
  let byDate = OWN_DATES_BY_YEAR.get(year);
  if (!byDate) {
    byDate = new Map();
    for (const holiday of federalHolidays(year)) byDate.set(holiday.date, holiday);
    OWN_DATES_BY_YEAR.set(year, byDate);
  }
  return byDate;
}

function observedHolidays(year: number): Map<IsoDate, FederalHoliday> {
  let byDate = OBSERVED_BY_YEAR.get(year);
  if (!byDate) {
    // New Year's Day of the next year can be observed on December 31 of this one.
    const candidates = [...federalHolidays(year), ...(year < 9998 ? federalHolidays(year + 1).slice(0, 1) : [])];
    byDate = new Map();
    for (const holiday of candidates) if (!byDate.has(holiday.observed)) byDate.set(holiday.observed, holiday);
    OBSERVED_BY_YEAR.set(year, byDate);
  }
  return byDate;
}

/** The legal public holiday whose own date (5 U.S.C. 6103(a)) is `date`, or null. */
export function legalPublicHolidayOn(date: IsoDate): FederalHoliday | null {
  const holiday = ownDateHolidays(parseIsoDate(date).getUTCFullYear()).get(date);
  return holiday ? { ...holiday } : null;
}

/** The holiday federal offices observe on `date` (its own date, or the Friday/Monday it moved to), or null. */
export function holidayOn(date: IsoDate): FederalHoliday | null {
  const holiday = observedHolidays(parseIsoDate(date).getUTCFullYear()).get(date);
  return holiday ? { ...holiday } : null;
}

/** True on a legal public holiday's own date ('ownDates') or on its observed date ('observed'). */
export function isFederalHoliday(date: IsoDate, counting: HolidayCounting = 'ownDates'): boolean {
  return (counting === 'ownDates' ? legalPublicHolidayOn(date) : holidayOn(date)) !== null;
}

export function isWeekend(date: IsoDate): boolean {
  const day = parseIsoDate(date).getUTCDay();
  return day === 0 || day === 6;
}

/** A business day: not a Saturday, a Sunday or a legal public holiday (engine.md section 1). */
export function isBusinessDay(date: IsoDate, counting: HolidayCounting = 'ownDates'): boolean {
  return !isWeekend(date) && !isFederalHoliday(date, counting);
}

/**
 * The date `days` business days after `date` (the start date itself is not counted): the
 * "within 5 days (excluding legal public holidays, Saturdays, and Sundays)" of Regulation X.
 */
export function addBusinessDays(date: IsoDate, days: number, counting: HolidayCounting = 'ownDates'): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`business days ${days} must be a whole number of days, 0 or more`);
  let current = date;
  let counted = 0;
  while (counted < days) {
    current = addDays(current, 1);
    if (isBusinessDay(current, counting)) counted += 1;
  }
  return current;
}

/**
 * The weekdays after `from` up to and including `to` on which federal offices observe a holiday
 * that falls on a weekend (a Friday or Monday that is not the holiday's own date). Counting by
 * own dates, these are business days: the timeline notes them so the reader knows why.
 */
export function observedOnlyDaysIn(from: IsoDate, to: IsoDate): FederalHoliday[] {
  const found: FederalHoliday[] = [];
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    const holiday = holidayOn(current);
    if (holiday && holiday.date !== holiday.observed) found.push(holiday);
  }
  return found;
}
