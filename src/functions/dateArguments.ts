/**
 * Date arguments of the LM functions: Excel passes a date cell as its serial day number (1900
 * date system); ISO text `YYYY-MM-DD` is accepted too. A date outside the servicing range of
 * engine/bounds.ts (1990 to 2100: a year typed 1926 or 2206 is a typo) and anything else is
 * #VALUE! naming the argument.
 */
import { FUNCTION_ARGUMENT_BOUNDS as BOUNDS } from '../engine/bounds';
import { fromExcelSerial, isIsoDate, type IsoDate } from '../engine/dates';
import { ArgumentError } from '../engine/errors';
import { describeValue, isBlank, plainCell, singleCell } from './arguments';

/** Excel's last valid date, 9999-12-31. */
const MAX_SERIAL = 2958465;

export function optionalDate(value: unknown, name: string): IsoDate | null {
  const cell = plainCell(singleCell(value, name), name, 'a date or a cell with a date');
  if (isBlank(cell)) return null;
  let date: IsoDate;
  if (typeof cell === 'number') {
    // A date-time serial (NOW()) counts as its day: the rules count days.
    if (!Number.isFinite(cell) || cell < 1 || cell > MAX_SERIAL) throw new ArgumentError(name, `${name} ${cell} is not an Excel date (a date cell, or text YYYY-MM-DD)`);
    date = fromExcelSerial(cell);
  } else if (typeof cell === 'string' && isIsoDate(cell.trim())) {
    date = cell.trim();
  } else {
    throw new ArgumentError(name, `${name} must be a date (a date cell, or text YYYY-MM-DD), not ${describeValue(cell)}`);
  }
  if (date < BOUNDS.earliestDate || date > BOUNDS.latestDate) {
    throw new ArgumentError(name, `${name} ${date} is outside ${BOUNDS.earliestDate.slice(0, 4)}–${BOUNDS.latestDate.slice(0, 4)}: check the year`);
  }
  return date;
}

export function requiredDate(value: unknown, name: string, hint: string): IsoDate {
  const date = optionalDate(value, name);
  if (date === null) throw new ArgumentError(name, `${name} is blank: enter ${hint}`);
  return date;
}
