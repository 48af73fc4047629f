/** Cell values of an .xlsx read with exceljs, as a worksheet holds them (dates as serials, formulas as their results). */
import type { CellValue as ExcelCellValue, Worksheet } from 'exceljs';

export type SheetValue = string | number | boolean | null;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** exceljs turns numbers in date-formatted cells into Dates (UTC midnight): back to the serial. */
function serialOf(date: Date): number {
  return Math.round(((date.getTime() - EXCEL_EPOCH_MS) / 86400000) * 1e6) / 1e6;
}

export function sheetValue(value: ExcelCellValue | undefined): SheetValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return serialOf(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('error' in value) return value.error as string;
    if ('result' in value) return sheetValue(value.result as ExcelCellValue);
    if ('formula' in value || 'sharedFormula' in value) return null; // a formula without a result
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

/** The formula of a cell, without "=", or null. */
export function formulaOf(sheet: Worksheet, address: string): string | null {
  const value = sheet.getCell(address).value;
  if (value && typeof value === 'object' && 'formula' in value && typeof value.formula === 'string') return value.formula;
  return null;
}

export function valueAt(sheet: Worksheet, address: string): SheetValue {
  const cell = sheet.getCell(address);
  // exceljs's `value` leaves out a formula's result when it is 0; `result` has it.
  const formula = cell.value !== null && typeof cell.value === 'object' && ('formula' in cell.value || 'sharedFormula' in cell.value);
  const value = formula ? sheetValue(cell.result as ExcelCellValue) : sheetValue(cell.value);
  return value === '' ? null : value;
}
