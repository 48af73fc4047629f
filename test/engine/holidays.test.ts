/**
 * Federal holidays (5 U.S.C. 6103) and business days. Expected dates are from the calendar and
 * OPM's published holiday lists (e.g. 2024: MLK Jan 15, Washington's Birthday Feb 19, Memorial Day
 * May 27, Labor Day Sep 2, Columbus Day Oct 14, Thanksgiving Nov 28), checked by hand.
 */
import fc from 'fast-check';
import { addDays, daysBetween, formatIsoDate } from '../../src/engine/dates';
import { addBusinessDays, federalHolidays, holidayOn, isBusinessDay, isFederalHoliday, isWeekend, legalPublicHolidayOn, observedDate, observedOnlyDaysIn } from '../../src/engine/holidays';

const observed = (year: number) => Object.fromEntries(federalHolidays(year).map((h) => [h.name, h.observed]));

describe('federalHolidays', () => {
  test('2024: every holiday on its published date', () => {
    expect(observed(2024)).toEqual({
      "New Year's Day": '2024-01-01',
      'Birthday of Martin Luther King, Jr.': '2024-01-15',
      "Washington's Birthday": '2024-02-19',
      'Memorial Day': '2024-05-27',
      'Juneteenth National Independence Day': '2024-06-19',
      'Independence Day': '2024-07-04',
      'Labor Day': '2024-09-02',
      'Columbus Day': '2024-10-14',
      'Veterans Day': '2024-11-11',
      'Thanksgiving Day': '2024-11-28',
      'Christmas Day': '2024-12-25',
    });
  });

  test('Juneteenth only from 2021; first observed on Friday 2021-06-18 (June 19 was a Saturday)', () => {
    expect(federalHolidays(2020).some((h) => h.name.startsWith('Juneteenth'))).toBe(false);
    expect(observed(2021)['Juneteenth National Independence Day']).toBe('2021-06-18');
    // 2022-06-19 was a Sunday: observed Monday 2022-06-20.
    expect(observed(2022)['Juneteenth National Independence Day']).toBe('2022-06-20');
    expect(isFederalHoliday('2023-06-19')).toBe(true);
  });

  test('Saturday holidays move to Friday, Sunday holidays to Monday', () => {
    expect(observed(2026)['Independence Day']).toBe('2026-07-03'); // 2026-07-04 is a Saturday
    expect(observed(2021)['Independence Day']).toBe('2021-07-05'); // 2021-07-04 was a Sunday
    expect(observed(2023)['Veterans Day']).toBe('2023-11-10'); // 2023-11-11 was a Saturday
    expect(observed(2023)["New Year's Day"]).toBe('2023-01-02'); // 2023-01-01 was a Sunday
    expect(observedDate('2025-12-25')).toBe('2025-12-25'); // a Thursday
  });

  test("New Year's Day 2022 (a Saturday) is observed on 2021-12-31", () => {
    expect(observed(2022)["New Year's Day"]).toBe('2021-12-31');
    expect(holidayOn('2021-12-31')?.name).toBe("New Year's Day");
    // 5 U.S.C. 6103(a) names January 1: the legal public holiday is the Saturday itself, and the
    // observed Friday is a business day (Reg Z comment 2(a)(6)-2 reads "legal public holidays" so).
    expect(legalPublicHolidayOn('2022-01-01')?.name).toBe("New Year's Day");
    expect(legalPublicHolidayOn('2021-12-31')).toBeNull();
    expect(isBusinessDay('2021-12-31')).toBe(true);
    expect(isFederalHoliday('2022-01-01')).toBe(true);
    // Counting observed days instead (REG-X businessDayHolidays: 'observed'):
    expect(isBusinessDay('2021-12-31', 'observed')).toBe(false);
    expect(isFederalHoliday('2022-01-01', 'observed')).toBe(false);
  });

  test('rejects years outside the supported range', () => {
    expect(() => federalHolidays(1960)).toThrow(/1971/);
  });

  test('property: observed dates are weekdays; 11 holidays a year since 2021', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1986, max: 2200 }), (year) => {
        const holidays = federalHolidays(year);
        expect(holidays.length).toBe(year >= 2021 ? 11 : 10);
        for (const h of holidays) expect(isWeekend(h.observed)).toBe(false);
      }),
    );
  });
});

describe('addBusinessDays (Regulation X "5 days excluding legal public holidays, Saturdays and Sundays")', () => {
  test('received on a Saturday: counts Monday to Friday', () => {
    // 2025-10-18 is a Saturday: Mon 20 (1) ... Fri 24 (5).
    expect(addBusinessDays('2025-10-18', 5)).toBe('2025-10-24');
  });

  test('Monday holiday: Labor Day 2025-09-01 is skipped', () => {
    // Fri 2025-08-29 -> Tue 2 (1), Wed 3, Thu 4, Fri 5, Mon 8 (5).
    expect(addBusinessDays('2025-08-29', 5)).toBe('2025-09-08');
  });

  test('Juneteenth 2025 (Thursday) is skipped', () => {
    // Fri 2025-06-13 -> Mon 16, Tue 17, Wed 18, (Thu 19 holiday), Fri 20, Mon 23.
    expect(addBusinessDays('2025-06-13', 5)).toBe('2025-06-23');
  });

  test('July 4 on a Saturday (2026): the observed Friday July 3 is a business day', () => {
    // Wed 2026-07-01 -> Thu 2 (1), Fri 3 (2), (Sat 4, Sun 5), Mon 6 (3), Tue 7 (4), Wed 8 (5).
    expect(addBusinessDays('2026-07-01', 5)).toBe('2026-07-08');
    // Observed counting skips Fri 3: Thu 2 (1), Mon 6 (2), Tue 7, Wed 8, Thu 9 (5).
    expect(addBusinessDays('2026-07-01', 5, 'observed')).toBe('2026-07-09');
    expect(observedOnlyDaysIn('2026-07-01', '2026-07-08').map((h) => h.observed)).toEqual(['2026-07-03']);
  });

  test('July 4 on a Sunday (2027): the observed Monday July 5 is a business day', () => {
    // Thu 2027-07-01 -> Fri 2 (1), Mon 5 (2), Tue 6 (3), Wed 7 (4), Thu 8 (5).
    expect(addBusinessDays('2027-07-01', 5)).toBe('2027-07-08');
    expect(addBusinessDays('2027-07-01', 5, 'observed')).toBe('2027-07-09');
  });

  test('Juneteenth on a Sunday (2022) and on a Saturday (2027)', () => {
    // Fri 2022-06-17 -> Mon 20 (1, observed only), Tue 21, Wed 22, Thu 23, Fri 24 (5).
    expect(addBusinessDays('2022-06-17', 5)).toBe('2022-06-24');
    expect(addBusinessDays('2022-06-17', 5, 'observed')).toBe('2022-06-27');
    // Wed 2027-06-16 -> Thu 17 (1), Fri 18 (2, observed only), Mon 21, Tue 22, Wed 23 (5).
    expect(addBusinessDays('2027-06-16', 5)).toBe('2027-06-23');
    expect(addBusinessDays('2027-06-16', 5, 'observed')).toBe('2027-06-24');
  });

  test("New Year's Day on a Saturday (2022): Friday 2021-12-31 counts", () => {
    // Tue 2021-12-28 -> Wed 29 (1), Thu 30 (2), Fri 31 (3), (Sat Jan 1 holiday, Sun 2), Mon 3 (4), Tue 4 (5).
    expect(addBusinessDays('2021-12-28', 5)).toBe('2022-01-04');
    expect(addBusinessDays('2021-12-28', 5, 'observed')).toBe('2022-01-05');
  });

  test('Christmas on a Thursday (2025) is skipped; on a Saturday (2027) the Friday counts', () => {
    // Mon 2025-12-22 -> Tue 23 (1), Wed 24 (2), (Thu 25), Fri 26 (3), Mon 29 (4), Tue 30 (5).
    expect(addBusinessDays('2025-12-22', 5)).toBe('2025-12-30');
    expect(addBusinessDays('2025-12-22', 5, 'observed')).toBe('2025-12-30');
    // Wed 2027-12-22 -> Thu 23 (1), Fri 24 (2, observed Christmas), Mon 27, Tue 28, Wed 29 (5).
    expect(addBusinessDays('2027-12-22', 5)).toBe('2027-12-29');
    // Observed: Fri 24 skipped, and Fri 31 (observed New Year's Day 2028) comes after the window.
    expect(addBusinessDays('2027-12-22', 5, 'observed')).toBe('2027-12-30');
    expect(observedOnlyDaysIn('2027-12-22', '2027-12-31').map((h) => h.name)).toEqual(['Christmas Day', "New Year's Day"]);
  });

  test('rejects a negative or fractional count', () => {
    expect(() => addBusinessDays('2025-01-02', -1)).toThrow(/whole number/);
    expect(() => addBusinessDays('2025-01-02', 1.5)).toThrow(/whole number/);
  });

  test('property: the result is a business day with exactly n business days after the start', () => {
    const start = Date.UTC(2000, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const from = addDays(formatIsoDate(new Date(start)), offset);
        const to = addBusinessDays(from, n);
        expect(isBusinessDay(to)).toBe(true);
        let counted = 0;
        for (let d = 1; d <= daysBetween(from, to); d++) if (isBusinessDay(addDays(from, d))) counted++;
        expect(counted).toBe(n);
        // Own dates never give a later deadline than observed dates.
        expect(addBusinessDays(from, n) <= addBusinessDays(from, n, 'observed')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
