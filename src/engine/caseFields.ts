/**
 * The case-format fields that a flat layout (a loan tape row, a two-column label/value range)
 * can hold, and how a cell value becomes a case-JSON value.
 *
 * Shared by `loanTape.ts` (LM.PORTFOLIO) and `labelRange.ts` (LM.CASEOPTIONS). A field is named
 * by its dotted path in case-format.md (`loan.upb`, always accepted) or by its leaf name
 * (`upb`) when no other field has that leaf. Incomes and debts are lists in the case; a flat
 * layout gives them by index (`borrower.incomes[0].amount`) or through two shorthands that
 * add one monthly line each: `grossMonthlyIncome` and `monthlyDebts`.
 */
import { fromExcelSerial, isIsoDate } from './dates';
import { excerpt, numberExcerpt } from './errors';

/** A cell value as a message may show it: a short sanitized excerpt, never a value with the shape of an SSN. */
function shown(value: CellValue): string {
  if (typeof value === 'number') return numberExcerpt(value);
  if (typeof value === 'string') return JSON.stringify(excerpt(value));
  return String(value);
}

export type FieldKind = 'number' | 'integer' | 'string' | 'date' | 'boolean' | 'names' | 'json';

/** Every scalar field of case-format.md version 1 (plus the disposition extension), by path. */
export const CASE_FIELDS: Record<string, FieldKind> = {
  caseId: 'string',
  investor: 'string',
  evaluationDate: 'date',
  'loan.loanNumber': 'string',
  'loan.upb': 'number',
  'loan.deferredBalance': 'number',
  'loan.rate': 'number',
  'loan.remainingTermMonths': 'integer',
  'loan.contractualPI': 'number',
  'loan.monthlyEscrow': 'number',
  'loan.escrowShortage': 'number',
  'loan.monthsDelinquent': 'integer',
  'loan.nextDueDate': 'date',
  'loan.originationDate': 'date',
  'loan.productType': 'string',
  'loan.lienPosition': 'integer',
  'loan.priorModifications': 'integer',
  'loan.monthsSinceLastModification': 'integer',
  'loan.failedTrialInLast12Months': 'boolean',
  'loan.cumulativeDeferredMonths': 'integer',
  'loan.partialClaimBalance': 'number',
  'loan.lastDeferralEffectiveDate': 'date',
  'arrears.delinquentInterest': 'number',
  'arrears.escrowAdvances': 'number',
  'arrears.servicingAdvances': 'number',
  'arrears.legalFees': 'number',
  'arrears.lateFees': 'number',
  'arrears.borrowerContribution': 'number',
  'arrears.suspense': 'number',
  'property.value': 'number',
  'property.valuationDate': 'date',
  'property.valuationType': 'string',
  'property.state': 'string',
  'property.occupancy': 'string',
  'property.subordinateLiens': 'number',
  'borrower.names': 'names',
  'borrower.ssnLast4': 'string',
  'borrower.familySize': 'integer',
  'borrower.region': 'string',
  'borrower.hardship': 'string',
  'borrower.hardshipResolved': 'boolean',
  'borrower.intent': 'string',
  'borrower.housingExpenses.taxes': 'number',
  'borrower.housingExpenses.insurance': 'number',
  'borrower.housingExpenses.floodInsurance': 'number',
  'borrower.housingExpenses.mortgageInsurance': 'number',
  'borrower.housingExpenses.association': 'number',
  'borrower.housingExpenses.groundRent': 'number',
  'borrower.housingExpenses.subordinateLienPayment': 'number',
  'borrower.livingExpenses': 'number',
  'borrower.liquidAssets': 'number',
  'borrower.netMonthlyIncome': 'number',
  'borrower.maintenanceAndUtilities': 'number',
  'market.modificationRate': 'number',
  'market.pmms': 'number',
  'options.firstTrialPaymentDate': 'date',
  'options.applicationReceivedDate': 'date',
  'options.applicationCompleteDate': 'date',
  'options.foreclosureSaleDate': 'date',
  'options.decisionNoticeSentDate': 'date',
  'disposition.offerPrice': 'number',
  'disposition.marketingDays': 'integer',
  'disposition.commissionRate': 'number',
  'disposition.sellerClosingCosts': 'number',
  'disposition.subordinateLienPayoff': 'number',
  'disposition.relocationAssistance': 'number',
  /** Extension: `{"PORTFOLIO-MOD": {"targetDti": 0.31}}` as JSON text. */
  rulebookOverrides: 'json',
};

/** Fields of one income or debt line, addressed as `borrower.incomes[N].amount`. */
const INCOME_LINE_FIELDS: Record<string, FieldKind> = { type: 'string', amount: 'number', frequency: 'string', hoursPerWeek: 'number' };
const DEBT_LINE_FIELDS: Record<string, FieldKind> = { type: 'string', monthlyPayment: 'number', balance: 'number' };

/** Shorthands of a flat layout: each adds one monthly line to the case's list. */
export const SHORTHAND_FIELDS = {
  grossMonthlyIncome: 'gross monthly income: one income line of type OTHER, frequency MONTHLY',
  monthlyDebts: 'other monthly debt payments: one debt line of type OTHER',
} as const;

export type ResolvedField =
  | { kind: 'scalar'; path: string; fieldKind: FieldKind }
  | { kind: 'line'; list: 'incomes' | 'debts'; index: number; key: string; path: string; fieldKind: FieldKind }
  | { kind: 'shorthand'; name: keyof typeof SHORTHAND_FIELDS; path: string; fieldKind: 'number' };

const normalize = (name: string): string => name.trim().toLowerCase();

const BY_PATH = new Map<string, string>();
const BY_LEAF = new Map<string, string[]>();
for (const path of Object.keys(CASE_FIELDS)) {
  BY_PATH.set(normalize(path), path);
  const leaf = normalize(path.slice(path.lastIndexOf('.') + 1));
  BY_LEAF.set(leaf, [...(BY_LEAF.get(leaf) ?? []), path]);
}

const LINE_PATH = /^borrower\.(incomes|debts)\[(\d{1,3})\]\.([a-z0-9]+)$/i;

/**
 * The field a header or label names, or a message saying why it names none. Matching ignores
 * case and surrounding spaces; a leaf name shared by two fields must be written as a path.
 */
export function resolveField(name: string): ResolvedField | { error: string } {
  const key = normalize(name);
  if (key === '') return { error: 'empty field name' };
  const byPath = BY_PATH.get(key);
  if (byPath) return { kind: 'scalar', path: byPath, fieldKind: CASE_FIELDS[byPath] };
  const leaves = BY_LEAF.get(key);
  if (leaves && leaves.length === 1) return { kind: 'scalar', path: leaves[0], fieldKind: CASE_FIELDS[leaves[0]] };
  if (leaves && leaves.length > 1) return { error: `"${excerpt(name)}" is ambiguous: write one of ${leaves.join(', ')}` };
  for (const shorthand of Object.keys(SHORTHAND_FIELDS) as (keyof typeof SHORTHAND_FIELDS)[]) {
    if (normalize(shorthand) === key) return { kind: 'shorthand', name: shorthand, path: shorthand, fieldKind: 'number' };
  }
  const line = name.length > 100 ? null : LINE_PATH.exec(name.trim());
  if (line) {
    const list = line[1].toLowerCase() as 'incomes' | 'debts';
    const fields = list === 'incomes' ? INCOME_LINE_FIELDS : DEBT_LINE_FIELDS;
    const fieldKey = Object.keys(fields).find((k) => k.toLowerCase() === line[3].toLowerCase());
    if (!fieldKey) return { error: `an ${list} line has no field "${excerpt(line[3])}"; its fields are ${Object.keys(fields).join(', ')}` };
    const index = Number(line[2]);
    return { kind: 'line', list, index, key: fieldKey, path: `borrower.${list}[${index}].${fieldKey}`, fieldKind: fields[fieldKey] };
  }
  return { error: `"${excerpt(name)}" is not a case field (use a case-format.md name such as loan.upb, rate or property.value)` };
}

/** A cell as custom functions and loan tapes give it: number, text, boolean, or blank (null / empty text). */
export type CellValue = number | string | boolean | null | undefined;

export function isBlankCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Text read as a number only when it is a plain decimal numeral (dollar sign and thousands
 * commas allowed): `Number()` would also read "0x4E000" (319,488), "1e5", "0b11" or "Infinity".
 */
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
function decimalText(text: string): number {
  const bare = text.trim().replace(/[$,]/g, '');
  return PLAIN_DECIMAL.test(bare) ? Number(bare) : NaN;
}

/**
 * Converts one cell to the JSON value of a field of the given kind. Dates are Excel serials
 * or ISO text; booleans are TRUE/FALSE (or the words); names are separated by semicolons.
 * Numbers that should be text (a loan number, a case id) are written without decimals.
 * The case parser still validates ranges and enumerations; this only converts types.
 */
export function cellToFieldValue(value: CellValue, kind: FieldKind): { ok: true; value: unknown } | { ok: false; message: string } {
  if (isBlankCell(value)) return { ok: true, value: null };
  switch (kind) {
    case 'number':
    case 'integer': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? decimalText(value) : NaN;
      if (typeof value === 'boolean' || !Number.isFinite(n)) return { ok: false, message: `${shown(value)} is not a number` };
      if (kind === 'integer' && !Number.isInteger(n)) return { ok: false, message: `${numberExcerpt(n)} is not a whole number` };
      return { ok: true, value: n };
    }
    case 'date': {
      if (typeof value === 'number') {
        if (!Number.isFinite(value) || value < 1 || value > 2958465) return { ok: false, message: `${shown(value)} is not an Excel date` };
        return { ok: true, value: fromExcelSerial(value) };
      }
      if (typeof value === 'string' && isIsoDate(value.trim())) return { ok: true, value: value.trim() };
      return { ok: false, message: `${shown(value)} is not a date (enter an Excel date or YYYY-MM-DD)` };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const word = String(value).trim().toLowerCase();
      if (['true', 'yes', 'y'].includes(word)) return { ok: true, value: true };
      if (['false', 'no', 'n'].includes(word)) return { ok: true, value: false };
      if (value === 1 || value === 0) return { ok: true, value: value === 1 };
      return { ok: false, message: `${shown(value)} is not TRUE or FALSE` };
    }
    case 'names':
      return {
        ok: true,
        value: String(value)
          .split(';')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
    case 'json':
      try {
        return { ok: true, value: JSON.parse(String(value)) };
      } catch {
        return { ok: false, message: `${shown(value)} is not JSON (write e.g. {"PORTFOLIO-MOD": {"targetDti": 0.31}})` };
      }
    case 'string':
      if (typeof value === 'number') return { ok: true, value: String(value) };
      if (typeof value === 'boolean') return { ok: false, message: `${value} is not text` };
      return { ok: true, value: String(value).trim() };
  }
}

/** A scalar field's path split into the sections that hold it and its own name, computed once per path. */
const PATH_PARTS = new Map<string, { sections: string[]; name: string }>();
function pathParts(path: string): { sections: string[]; name: string } {
  let parts = PATH_PARTS.get(path);
  if (!parts) {
    const names = path.split('.');
    parts = { sections: names.slice(0, -1), name: names[names.length - 1] };
    PATH_PARTS.set(path, parts);
  }
  return parts;
}

/**
 * Accumulates field values into a case-JSON object. `set` returns an error message for a
 * field given twice; `build` returns the case JSON (lines in index order, shorthands appended).
 */
export class CaseJsonBuilder {
  private readonly root: Record<string, unknown> = {};
  private readonly seen = new Set<string>();
  private readonly lines: Record<'incomes' | 'debts', Map<number, Record<string, unknown>>> = { incomes: new Map(), debts: new Map() };
  private readonly shorthands: Partial<Record<keyof typeof SHORTHAND_FIELDS, number>> = {};

  set(field: ResolvedField, value: unknown): string | null {
    if (this.seen.has(field.path)) return `${field.path} is given twice`;
    this.seen.add(field.path);
    if (value === null) return null;
    if (field.kind === 'shorthand') {
      this.shorthands[field.name] = value as number;
    } else if (field.kind === 'line') {
      const line = this.lines[field.list].get(field.index) ?? {};
      line[field.key] = value;
      this.lines[field.list].set(field.index, line);
    } else {
      const { sections, name } = pathParts(field.path);
      let node = this.root;
      for (const section of sections) {
        let child = node[section] as Record<string, unknown> | undefined | null;
        if (child === undefined || child === null) {
          child = {};
          node[section] = child;
        }
        node = child;
      }
      node[name] = value;
    }
    return null;
  }

  build(): Record<string, unknown> {
    const json = this.root;
    const incomes = [...this.lines.incomes.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line);
    const debts = [...this.lines.debts.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line);
    if (this.shorthands.grossMonthlyIncome !== undefined) {
      incomes.push({ type: 'OTHER', amount: this.shorthands.grossMonthlyIncome, frequency: 'MONTHLY' });
    }
    if (this.shorthands.monthlyDebts !== undefined) debts.push({ type: 'OTHER', monthlyPayment: this.shorthands.monthlyDebts });
    if (incomes.length > 0 || debts.length > 0) {
      const borrower = (json.borrower as Record<string, unknown> | undefined) ?? {};
      if (incomes.length > 0) borrower.incomes = incomes;
      if (debts.length > 0) borrower.debts = debts;
      json.borrower = borrower;
    }
    return json;
  }
}
