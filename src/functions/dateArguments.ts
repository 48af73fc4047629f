/**
 * Date arguments of the LM functions: Excel passes a date cell as its serial day number (1900
 * date system); ISO text `YYYY-MM-DD` is accepted too. Anything else is an error naming the argument.
 */
import { fromExcelSerial, isIsoDate, type IsoDate } from '../engine/dates';
import { ArgumentError } from '../engine/errors';
import { describeValue, isBlank, singleCell } from './arguments';

/** Excel's last valid date, 9999-12-31. */
const MAX_SERIAL = 2958465;

export function optionalDate(value: unknown, name: string): IsoDate | null {
  const cell = singleCell(value, name);
  if (isBlank(cell)) return null;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > MAX_SERIAL) throw new ArgumentError(name, `${name} ${cell} is not an Excel date`, 'num');
    return fromExcelSerial(cell);
  }
  if (typeof cell === 'string' && isIsoDate(cell.trim())) return cell.trim();
  throw new ArgumentError(name, `${name} must be a date (a date cell, or text YYYY-MM-DD), not ${describeValue(cell)}`);
}

export function requiredDate(value: unknown, name: string, hint: string): IsoDate {
  const date = optionalDate(value, name);
  if (date === null) throw new ArgumentError(name, `${name} is blank: enter ${hint}`);
  return date;
}
