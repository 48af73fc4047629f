/**
 * Reads a case back from the values of a Case Input sheet (pure: the values come from
 * src/excel). Cell-level problems (text in an amount, a date Excel did not recognize, a value
 * not in a list) are found here, each with its cell; the case-format rules are then checked by
 * the engine's parseCase and its field paths mapped back to cells, so every problem is
 * reported at once, each with the cell to fix.
 */
import type { CaseInput } from '../engine/case/types';
import { fromExcelSerial, isIsoDate } from '../engine/dates';
import { percentTypedAsNumberMessage } from '../engine/errors';
import {
  HOUSING_EXPENSE_LINES,
  INPUT_TABLES,
  PLACED_FIELDS,
  TABLE_HEADER_ROW,
  VALUE_COLUMN,
  choiceCode,
  choiceLabel,
  type InputKind,
  type TableColumn,
} from './caseInputLayout';
import { cellAddress } from './sheetPlan';

export interface CellProblem {
  /** A1 address on the Case Input sheet. */
  address: string;
  /** The case-format field path. */
  field: string;
  message: string;
}

export interface CaseInputValues {
  caseJson: CaseInput;
  problems: CellProblem[];
  /** The cell that holds a case-format field path (for mapping parseCase's problems). */
  cellOf(field: string): string;
}

type Converted = { ok: true; value: unknown } | { ok: false; message: string } | { ok: true; blank: true };

const BLANK: Converted = { ok: true, blank: true };

export function convertCell(kind: InputKind, raw: unknown, options?: readonly string[], label = 'value'): Converted {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return BLANK;
  const text = typeof raw === 'string' ? raw.trim() : null;
  switch (kind) {
    case 'text':
      return { ok: true, value: text ?? String(raw) };
    case 'enum': {
      const typed = text ?? String(raw);
      if (!options) return { ok: true, value: typed.toUpperCase().replace(/[\s-]+/g, '_') };
      const code = choiceCode(typed, options);
      if (code === null) return { ok: false, message: `${label} "${typed.slice(0, 40)}" is not one of ${options.map(choiceLabel).join(', ')}: pick one from the list` };
      return { ok: true, value: code };
    }
    case 'yesno': {
      if (raw === true || raw === false) return { ok: true, value: raw };
      const word = (text ?? String(raw)).toLowerCase();
      if (['yes', 'y', 'true'].includes(word)) return { ok: true, value: true };
      if (['no', 'n', 'false'].includes(word)) return { ok: true, value: false };
      return { ok: false, message: `${label} "${text ?? raw}" must be Yes or No` };
    }
    case 'date': {
      if (typeof raw === 'number' && Number.isFinite(raw) && raw > 0) return { ok: true, value: fromExcelSerial(raw) };
      if (text && isIsoDate(text)) return { ok: true, value: text };
      return { ok: false, message: `${label} "${text ?? raw}" is not a date: enter it as YYYY-MM-DD (e.g. 2025-10-15)` };
    }
    case 'json': {
      try {
        const parsed: unknown = JSON.parse(text ?? String(raw));
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, message: `${label} must be a JSON object such as {"PORTFOLIO-MOD": {"targetDti": 0.31}}` };
        return { ok: true, value: parsed };
      } catch {
        return { ok: false, message: `${label} is not valid JSON: write it like {"PORTFOLIO-MOD": {"targetDti": 0.31}}` };
      }
    }
    case 'rate':
    case 'percent': {
      if (typeof raw === 'number') {
        if (kind === 'rate' && raw > 1) return { ok: false, message: percentTypedAsNumberMessage(label, raw) };
        return { ok: true, value: raw };
      }
      const percent = text ? /^(-?\d+(?:\.\d+)?)\s*%$/.exec(text) : null;
      if (percent) return { ok: true, value: Number((Number(percent[1]) / 100).toPrecision(12)) };
      const plain = text ? Number(text.replace(/,/g, '')) : NaN;
      if (text && Number.isFinite(plain)) {
        if (kind === 'rate' && plain > 1) return { ok: false, message: percentTypedAsNumberMessage(label, plain) };
        return { ok: true, value: plain };
      }
      return { ok: false, message: `${label} "${text ?? raw}" is not a rate: enter it as a percent such as 4.75%` };
    }
    default: {
      // currency, integer, number
      let value: number;
      if (typeof raw === 'number') value = raw;
      else if (typeof raw === 'boolean') value = NaN;
      else value = Number((text ?? '').replace(/[$,\s]/g, ''));
      if (!Number.isFinite(value)) {
        const what = kind === 'currency' ? 'an amount in dollars, e.g. 1913.14' : kind === 'integer' ? 'a whole number' : 'a number';
        return { ok: false, message: `${label} "${text ?? raw}" is not ${what}` };
      }
      return { ok: true, value };
    }
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof current[key] !== 'object' || current[key] === null) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1]] = value;
}

/**
 * `cell(row, column)` gives the value at a zero-based position of the sheet (blank when outside
 * what was read); `lastRow` is the last row that holds anything.
 */
export function caseFromInputValues(cell: (row: number, column: number) => unknown, lastRow: number): CaseInputValues {
  const caseJson: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  const cells = new Map<string, string>();

  for (const field of PLACED_FIELDS) {
    const address = cellAddress(field.row, VALUE_COLUMN);
    cells.set(field.path, address);
    const converted = convertCell(field.kind, cell(field.row, VALUE_COLUMN), field.options, field.label);
    if (!converted.ok) problems.push({ address, field: field.path, message: converted.message });
    else if (!('blank' in converted)) setPath(caseJson, field.path, converted.value);
  }

  const borrower = (caseJson.borrower ??= {}) as Record<string, unknown>;
  for (const layout of INPUT_TABLES) {
    const listPath = layout.key === 'names' ? 'borrower.names' : layout.key === 'housing' ? 'borrower.housingExpenses' : `borrower.${layout.key}`;
    cells.set(listPath, cellAddress(TABLE_HEADER_ROW, layout.column));
    const lines: unknown[] = [];
    const housing: Record<string, unknown> = {};
    for (let row = TABLE_HEADER_ROW + 1; row <= lastRow; row++) {
      const raw = layout.columns.map((_c, index) => cell(row, layout.column + index));
      if (raw.every((value) => value === null || value === undefined || value === '')) continue;
      if (layout.key === 'housing') {
        const label = String(raw[0] ?? '').trim();
        const line = HOUSING_EXPENSE_LINES.find((l) => l.label.toLowerCase() === label.toLowerCase() || l.key.toLowerCase() === label.toLowerCase());
        const address = cellAddress(row, layout.column);
        if (!line) {
          problems.push({ address, field: listPath, message: `housing expense "${label}" is not one of ${HOUSING_EXPENSE_LINES.map((l) => l.label).join(', ')}: use one of these lines` });
          continue;
        }
        const path = `${listPath}.${line.key}`;
        cells.set(path, cellAddress(row, layout.column + 1));
        const converted = convertCell('currency', raw[1], undefined, line.label);
        if (!converted.ok) problems.push({ address: cellAddress(row, layout.column + 1), field: path, message: converted.message });
        else if (!('blank' in converted)) housing[line.key] = converted.value;
        continue;
      }
      const index = lines.length;
      const linePath = `${listPath}[${index}]`;
      cells.set(linePath, cellAddress(row, layout.column));
      if (layout.key === 'names') {
        lines.push(String(raw[0]).trim());
        continue;
      }
      const line: Record<string, unknown> = {};
      layout.columns.forEach((column: TableColumn, c) => {
        const path = `${linePath}.${column.key}`;
        const address = cellAddress(row, layout.column + c);
        cells.set(path, address);
        const converted = convertCell(column.kind, raw[c], column.options, `${layout.key === 'incomes' ? 'income' : 'debt'} ${column.header.toLowerCase()}`);
        if (!converted.ok) problems.push({ address, field: path, message: converted.message });
        else if (!('blank' in converted)) line[column.key] = converted.value;
      });
      lines.push(line);
    }
    if (layout.key === 'housing') {
      if (Object.keys(housing).length > 0) borrower.housingExpenses = housing;
    } else if (lines.length > 0) {
      borrower[layout.key] = lines;
    }
  }
  if (Object.keys(borrower).length === 0) delete caseJson.borrower;

  const cellOf = (field: string): string => {
    // The most specific known path that the field starts with: `borrower.incomes[2].amount`,
    // then `borrower.incomes[2]`, then `borrower.incomes`; the title cell as a last resort.
    let path = field;
    while (path) {
      const found = cells.get(path);
      if (found) return found;
      const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut > 0 ? path.slice(0, cut) : '';
    }
    return 'A1';
  };

  return { caseJson: caseJson as CaseInput, problems, cellOf };
}
