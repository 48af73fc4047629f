/**
 * The Case Input sheet as a plan: every case-format field as label / value / hint, the
 * repeating groups as Excel tables, lists on enumerated fields, defined names on key cells.
 * Given a case, the values are filled in (import JSON); without one the sheet is blank.
 */
import type { CaseInput } from '../engine/case/types';
import { isIsoDate, toExcelSerial } from '../engine/dates';
import {
  HINT_COLUMN,
  HOUSING_EXPENSE_LINES,
  INPUT_TABLES,
  LABEL_COLUMN,
  TABLE_HEADER_ROW,
  TABLE_VALIDATION_ROWS,
  VALUE_COLUMN,
  choiceLabel,
  placedSections,
  type InputKind,
} from './caseInputLayout';
import { FORMATS, cellAddress, columnLetter, type CellValue, type PlannedCell, type PlannedTable, type SheetPlan } from './sheetPlan';

export const CASE_INPUT_SHEET_NAME = 'Case Input';

export function formatForKind(kind: InputKind): string {
  switch (kind) {
    case 'currency':
      return FORMATS.currency;
    case 'rate':
      return FORMATS.rate;
    case 'percent':
      return FORMATS.percent;
    case 'date':
      return FORMATS.date;
    case 'integer':
      return FORMATS.integer;
    case 'text':
    case 'json':
    case 'enum':
    case 'yesno':
      // Text format keeps "0012345678" and "2025-001843" as typed instead of numbers or dates.
      return FORMATS.text;
    default:
      return FORMATS.general;
  }
}

/** Kinds whose cells hold text the user or an imported case file supplied: kept as text, whatever it starts with. */
export function isTextKind(kind: InputKind): boolean {
  return kind === 'text' || kind === 'enum' || kind === 'json' || kind === 'yesno';
}

/** A case value as the cell holds it (dates as Excel serials, yes/no as words). */
export function cellValueFor(kind: InputKind, value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  switch (kind) {
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? toExcelSerial(value) : String(value);
    case 'yesno':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'json':
      return typeof value === 'object' && Object.keys(value as object).length === 0 ? null : JSON.stringify(value);
    case 'enum':
      // The sheet shows the plain-English choice; the reader maps it back (caseInputRead.ts).
      return choiceLabel(String(value));
    case 'text':
      return String(value);
    default:
      return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : JSON.stringify(value);
  }
}

export function getPath(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export interface CaseInputPlanOptions {
  sheetName?: string;
  /** Table names to use instead of the defaults (table names are unique in a workbook). */
  tableNames?: Partial<Record<string, string>>;
}

export function caseInputPlan(caseJson?: CaseInput, options: CaseInputPlanOptions = {}): SheetPlan {
  const sheetName = options.sheetName ?? CASE_INPUT_SHEET_NAME;
  const cells: PlannedCell[] = [];
  const validations: SheetPlan['validations'] = [];
  const names: SheetPlan['names'] = [];
  const merges: string[] = [];

  cells.push({ address: 'A1', value: 'Case Input', style: 'title' });
  cells.push({
    address: 'A2',
    value: 'Yellow cells are inputs: type or pick a value; a blank takes the default shown on the right. Add lines to the tables on the right as needed.',
    style: 'subtitle',
  });

  for (const section of placedSections()) {
    for (let c = LABEL_COLUMN; c <= HINT_COLUMN; c++) {
      cells.push({ address: cellAddress(section.row, c), value: c === LABEL_COLUMN ? section.title : null, style: 'section' });
    }
    for (const field of section.fields) {
      const valueAddress = cellAddress(field.row, VALUE_COLUMN);
      cells.push({ address: cellAddress(field.row, LABEL_COLUMN), value: field.label, style: 'label' });
      cells.push({ address: valueAddress, value: cellValueFor(field.kind, getPath(caseJson, field.path)), numberFormat: formatForKind(field.kind), style: 'input', text: isTextKind(field.kind) });
      cells.push({ address: cellAddress(field.row, HINT_COLUMN), value: field.hint, style: 'note' });
      if (field.options) validations.push({ address: valueAddress, list: field.kind === 'enum' ? field.options.map(choiceLabel) : field.options });
      if (field.definedName) names.push({ name: field.definedName, address: `$${columnLetter(VALUE_COLUMN)}$${field.row + 1}`, comment: field.label });
    }
  }

  const tables: PlannedTable[] = [];
  for (const layout of INPUT_TABLES) {
    const rows = tableRows(layout.key, caseJson);
    const first = layout.column;
    const last = first + layout.columns.length - 1;
    cells.push({ address: cellAddress(TABLE_HEADER_ROW - 1, first), value: layout.title, style: 'section' });
    for (let c = first + 1; c <= last; c++) cells.push({ address: cellAddress(TABLE_HEADER_ROW - 1, c), value: null, style: 'section' });
    tables.push({
      name: options.tableNames?.[layout.key] ?? layout.tableName,
      headerAddress: `${cellAddress(TABLE_HEADER_ROW, first)}:${cellAddress(TABLE_HEADER_ROW, last)}`,
      headers: layout.columns.map((column) => column.header),
      rows: rows.length > 0 ? rows : [layout.columns.map(() => null)],
      columnFormats: layout.columns.map((column) => (column.kind === 'number' ? FORMATS.general : formatForKind(column.kind))),
      style: 'TableStyleLight9',
      bodyStyle: 'input',
      textColumns: layout.columns.map((column) => isTextKind(column.kind)),
    });
    layout.columns.forEach((column, index) => {
      if (!column.options) return;
      const letter = columnLetter(first + index);
      validations.push({ address: `${letter}${TABLE_HEADER_ROW + 2}:${letter}${TABLE_HEADER_ROW + 1 + TABLE_VALIDATION_ROWS}`, list: column.options.map(choiceLabel) });
    });
  }
  const lastFieldRow = Math.max(...placedSections().flatMap((s) => s.fields.map((f) => f.row)));

  return {
    sheetName,
    cells,
    merges,
    names,
    tables,
    validations,
    columnWidths: { A: 220, B: 140, C: 230, D: 16, E: 170, F: 16, G: 130, H: 110, I: 100, J: 120, K: 16, L: 120, M: 110, N: 100, O: 16, P: 170, Q: 110 },
    freezeRows: 2,
    print: { orientation: 'Landscape', fitToPagesWide: 1, printArea: `A1:Q${lastFieldRow + 1}`, titleRows: '$1:$2' },
    charts: [],
    showGridlines: false,
    tabColor: '#FFC000',
  };
}

function tableRows(key: string, caseJson: CaseInput | undefined): CellValue[][] {
  const borrower = caseJson?.borrower;
  switch (key) {
    case 'names':
      return (borrower?.names ?? []).map((name) => [name ?? null]);
    case 'incomes':
      return (borrower?.incomes ?? []).map((line) => [
        line?.type ? choiceLabel(line.type) : null,
        line?.amount ?? null,
        line?.frequency ? choiceLabel(line.frequency) : null,
        line?.hoursPerWeek ?? null,
      ]);
    case 'debts':
      return (borrower?.debts ?? []).map((line) => [line?.type ?? null, line?.monthlyPayment ?? null, line?.balance ?? null]);
    case 'housing': {
      const expenses = (borrower?.housingExpenses ?? {}) as Record<string, unknown>;
      return HOUSING_EXPENSE_LINES.map(({ key: expenseKey, label }) => {
        const amount = expenses[expenseKey];
        return [label, typeof amount === 'number' ? amount : null];
      });
    }
    default:
      return [];
  }
}
