/**
 * Case parsing and validation (shared/spec/case-format.md, version 1, plus the `disposition`
 * and `rulebookOverrides` extensions of types.ts).
 *
 * The validator is driven by one table, CASE_FIELDS, that says for every field its kind, its
 * default and whether it is required; the serializer walks the same table so that the two can
 * never disagree. Every problem is collected (the user fixes them all at once), each naming
 * the field as a JSON path and the fix. Nothing is guessed: a value that cannot be used is an
 * error, never silently replaced.
 *
 * `null` in the input means "not given": an optional field takes its default, a required
 * field is reported missing.
 */
import { addMonths, daysBetween, isIsoDate, monthsBetween } from '../dates';
import { excerpt, looksLikeSsn, numberExcerpt, percentTypedAsNumberMessage, stripControls, type InputProblem } from '../errors';
import { boundsOf, formatBound, isDateBounds, type DateBounds, type FieldBounds } from './bounds';
import { dec } from '../money';
import { AFFORDABILITY_RULEBOOK } from '../rulebooks/affordability';
import { ALL_RULEBOOKS, withOverrides } from '../rulebooks';
import { overrideRangeProblem } from '../rulebooks/ranges';
import type { RulebookParameter } from '../rulebooks/types';
import {
  HARDSHIPS,
  INCOME_FREQUENCIES,
  INCOME_TYPES,
  INTENTS,
  INVESTORS,
  OCCUPANCIES,
  PRODUCT_TYPES,
  REGIONS,
  VALUATION_TYPES,
  type LoanCase,
  type RulebookOverrides,
} from './types';

export type ParseResult = { ok: true; case: LoanCase; warnings: string[] } | { ok: false; problems: InputProblem[] };

// ---------------------------------------------------------------------------------------------
// The field table
// ---------------------------------------------------------------------------------------------

interface Common {
  /** Reported missing when absent or null. */
  required?: boolean;
  /** What to enter, shown when a required field is missing. */
  hint?: string;
  /** Absent stays absent in the parsed case (list-item fields with no meaningful default). */
  omitWhenAbsent?: boolean;
}

export type FieldSpec = Common &
  (
    | { kind: 'text'; default?: string | null }
    | { kind: 'amount'; default?: number | null; positive?: boolean }
    | { kind: 'rate'; default?: number | null }
    | { kind: 'integer'; default?: number | null; min: number }
    | { kind: 'number'; default?: number | null; min: number; max: number; unit: string }
    | { kind: 'date'; default?: null }
    | { kind: 'enum'; values: readonly string[]; default?: string | null }
    | { kind: 'boolean'; default?: boolean }
    | { kind: 'textList' }
    | { kind: 'object'; fields: FieldTable }
    | { kind: 'list'; item: FieldTable }
    | { kind: 'custom'; default: unknown; check: (value: unknown, path: string, problems: InputProblem[]) => unknown }
  );

export type FieldTable = Record<string, FieldSpec>;

const amount = (extra: Partial<Common> & { positive?: boolean; default?: number | null } = {}): FieldSpec => ({
  kind: 'amount',
  default: 0,
  ...extra,
});
const count = (min = 0, dflt: number | null = 0, extra: Partial<Common> = {}): FieldSpec => ({ kind: 'integer', min, default: dflt, ...extra });
const date = (extra: Partial<Common> = {}): FieldSpec => ({ kind: 'date', default: null, ...extra });
const rate = (extra: Partial<Common> = {}): FieldSpec => ({ kind: 'rate', default: null, ...extra });
const oneOf = (values: readonly string[], dflt: string | null = null, extra: Partial<Common> = {}): FieldSpec => ({
  kind: 'enum',
  values,
  default: dflt,
  ...extra,
});
const flag: FieldSpec = { kind: 'boolean', default: false };

/** US states, DC and the territories, as USPS codes (foreclosure timelines are looked up by them). */
export const US_STATE_CODES = (
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
  'RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP'
).split(' ');

export const CASE_FIELDS: FieldTable = {
  caseId: { kind: 'text', required: true, hint: 'the case identifier, e.g. "2025-001843"' },
  investor: oneOf(INVESTORS, null, { required: true }),
  evaluationDate: date({ required: true, hint: 'the date of the evaluation, YYYY-MM-DD' }),
  loan: {
    kind: 'object',
    required: true,
    fields: {
      loanNumber: { kind: 'custom', default: null, check: checkLoanNumber },
      upb: amount({ required: true, positive: true, hint: 'the unpaid principal balance in dollars, e.g. 347868.83' }),
      deferredBalance: amount(),
      rate: rate({ required: true, hint: 'the current note rate as a fraction, e.g. 0.0475 for 4.75%' }),
      remainingTermMonths: count(1, null, { required: true, hint: 'the remaining term in whole months, e.g. 322' }),
      contractualPI: amount({ required: true, positive: true, hint: 'the current monthly principal and interest, e.g. 1913.14' }),
      monthlyEscrow: amount(),
      escrowShortage: amount(),
      monthsDelinquent: count(),
      nextDueDate: date(),
      originationDate: date(),
      productType: oneOf(PRODUCT_TYPES, 'FIXED'),
      lienPosition: count(1, 1),
      priorModifications: count(),
      monthsSinceLastModification: count(0, null),
      failedTrialInLast12Months: flag,
      cumulativeDeferredMonths: count(),
      partialClaimBalance: amount(),
      lastDeferralEffectiveDate: date(),
    },
  },
  arrears: {
    kind: 'object',
    fields: {
      delinquentInterest: amount(),
      escrowAdvances: amount(),
      servicingAdvances: amount(),
      legalFees: amount(),
      lateFees: amount(),
      borrowerContribution: amount(),
      suspense: amount(),
    },
  },
  property: {
    kind: 'object',
    fields: {
      value: amount({ default: null, positive: true }),
      valuationDate: date(),
      valuationType: oneOf(VALUATION_TYPES),
      state: { kind: 'custom', default: null, check: checkState },
      occupancy: oneOf(OCCUPANCIES),
      subordinateLiens: amount(),
    },
  },
  borrower: {
    kind: 'object',
    fields: {
      names: { kind: 'textList' },
      ssnLast4: { kind: 'custom', default: null, check: checkSsnLast4 },
      familySize: count(1, null),
      region: oneOf(REGIONS),
      hardship: oneOf(HARDSHIPS),
      hardshipResolved: flag,
      intent: oneOf(INTENTS),
      incomes: {
        kind: 'list',
        item: {
          type: oneOf(INCOME_TYPES, null, { required: true }),
          amount: amount({ required: true, default: null, hint: 'the gross amount per period (the hourly rate for HOURLY)' }),
          frequency: oneOf(INCOME_FREQUENCIES, null, { required: true }),
          hoursPerWeek: { kind: 'number', min: 0, max: 168, unit: 'hours', default: null, omitWhenAbsent: true },
        },
      },
      housingExpenses: {
        kind: 'object',
        fields: {
          taxes: amount(),
          insurance: amount(),
          floodInsurance: amount(),
          mortgageInsurance: amount(),
          association: amount(),
          groundRent: amount(),
          subordinateLienPayment: amount(),
        },
      },
      debts: {
        kind: 'list',
        item: {
          type: { kind: 'text', required: true, hint: 'what the debt is, e.g. "AUTO", "STUDENT_LOAN", "CREDIT_CARD"' },
          monthlyPayment: amount({ required: true, default: null, hint: 'the monthly payment in dollars' }),
          balance: amount({ default: null, omitWhenAbsent: true }),
        },
      },
      livingExpenses: amount({ default: null }),
      liquidAssets: amount({ default: null }),
      netMonthlyIncome: amount({ default: null }),
      maintenanceAndUtilities: amount({ default: null }),
    },
  },
  market: {
    kind: 'object',
    fields: {
      modificationRate: rate(),
      pmms: rate(),
    },
  },
  options: {
    kind: 'object',
    fields: {
      firstTrialPaymentDate: date(),
      applicationReceivedDate: date(),
      applicationCompleteDate: date(),
      foreclosureSaleDate: date(),
      decisionNoticeSentDate: date(),
    },
  },
  disposition: {
    kind: 'object',
    fields: {
      offerPrice: amount({ default: null, positive: true }),
      marketingDays: count(0, null),
      commissionRate: rate(),
      sellerClosingCosts: amount({ default: null }),
      subordinateLienPayoff: amount({ default: null }),
      relocationAssistance: amount({ default: null }),
    },
  },
  rulebookOverrides: { kind: 'custom', default: {}, check: checkRulebookOverrides },
};

// ---------------------------------------------------------------------------------------------
// parseCase
// ---------------------------------------------------------------------------------------------

/** Validates a case (the JSON of case-format.md) and returns it with every default applied, or every problem found. */
export function parseCase(input: unknown): ParseResult {
  const problems: InputProblem[] = [];
  if (!isPlainObject(input)) {
    return { ok: false, problems: [{ field: '(case)', message: `a case must be a JSON object { "caseId": ..., "loan": {...} }, not ${describe(input)}` }] };
  }
  const reading: Reading = { problems, warnings: [], dates: [] };
  const parsed = readObject(input, CASE_FIELDS, '', reading) as unknown as LoanCase;
  crossFieldProblems(input, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, case: parsed, warnings: [...reading.warnings, ...dateDistanceWarnings(parsed.evaluationDate, reading.dates), ...caseWarnings(parsed)] };
}

/** What reading a case collects: problems (the case is refused), warnings, and the dates read (checked against the evaluation date at the end). */
interface Reading {
  problems: InputProblem[];
  warnings: string[];
  dates: { field: string; date: string; bounds: DateBounds }[];
}

function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

interface CompiledTable {
  /** Field names in table order, and their specs and plausible ranges at the same index. */
  names: string[];
  specs: FieldSpec[];
  bounds: (FieldBounds | undefined)[];
  nameSet: Set<string>;
}

/** The path of every table of CASE_FIELDS (list items written `borrower.incomes[]`), so that its fields find their bounds. */
const TABLE_PATHS = new WeakMap<FieldTable, string>();
(function recordTablePaths(table: FieldTable, path: string): void {
  TABLE_PATHS.set(table, path);
  for (const [name, spec] of Object.entries(table)) {
    if (spec.kind === 'object') recordTablePaths(spec.fields, joinPath(path, name));
    if (spec.kind === 'list') recordTablePaths(spec.item, `${joinPath(path, name)}[]`);
  }
})(CASE_FIELDS, '');

/**
 * The fields of a table (names, specs, a set of the names), computed once per table:
 * a loan tape parses every row against the same constant tables (CASE_FIELDS and its sections),
 * which are never changed after they are built.
 */
const COMPILED_TABLES = new WeakMap<FieldTable, CompiledTable>();
function compiled(table: FieldTable): CompiledTable {
  let entry = COMPILED_TABLES.get(table);
  if (!entry) {
    const names = Object.keys(table);
    const path = TABLE_PATHS.get(table) ?? '';
    const specs = names.map((name) => table[name]);
    const bounds = names.map((name, i) => boundsOf(joinPath(path, name), specs[i].kind));
    entry = { names, specs, bounds, nameSet: new Set(names) };
    COMPILED_TABLES.set(table, entry);
  }
  return entry;
}

function readObject(input: Record<string, unknown>, table: FieldTable, path: string, reading: Reading): Record<string, unknown> {
  const { names, specs, bounds, nameSet } = compiled(table);
  const { problems } = reading;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    // Only the table's own names: "toString", "constructor" and an own "__proto__" (which
    // JSON.parse creates) are unknown fields like any other.
    if (!nameSet.has(key)) {
      const suggestion = closestName(key, names);
      problems.push({
        field: joinPath(path, excerpt(key)),
        message: `unknown field "${excerpt(key)}"` + (suggestion ? `; did you mean "${suggestion}"?` : `; the fields here are: ${names.join(', ')}`),
      });
    }
  }
  // A field's path is joined only where it is used (problems, nested sections, custom checks).
  for (let i = 0; i < names.length; i++) {
    const key = names[i];
    const spec = specs[i];
    const raw = input[key];
    if (raw === undefined || raw === null) {
      if (spec.required) {
        problems.push({ field: joinPath(path, key), message: missingMessage(spec) });
      } else if (!spec.omitWhenAbsent) {
        out[key] = defaultValue(spec, path, key, reading);
      }
      continue;
    }
    const value = readValue(raw, spec, path, key, reading);
    const range = bounds[i];
    if (value !== undefined) out[key] = range === undefined ? value : checkBounds(value, range, path, key, reading);
  }
  return out;
}

function missingMessage(spec: FieldSpec): string {
  if (spec.kind === 'enum') return `required: one of ${spec.values.join(', ')}`;
  if (spec.kind === 'object') {
    const needed = Object.entries(spec.fields).filter(([, f]) => f.required).map(([name]) => name);
    return `required: an object { ... }${needed.length ? ` with at least ${needed.join(', ')}` : ''}`;
  }
  return `required${spec.hint ? `: ${spec.hint}` : ''}`;
}

/** The default of an absent field `key` of the object at `parent`. */
function defaultValue(spec: FieldSpec, parent: string, key: string, reading: Reading): unknown {
  switch (spec.kind) {
    case 'object':
      return readObject({}, spec.fields, joinPath(parent, key), reading);
    case 'list':
    case 'textList':
      return [];
    case 'custom':
      return typeof spec.default === 'object' && spec.default !== null ? { ...spec.default } : spec.default;
    default:
      return spec.default ?? null;
  }
}

/** Records a problem of field `key` of the object at `parent`; returns undefined (no value). */
function fail(problems: InputProblem[], parent: string, key: string, message: string): undefined {
  problems.push({ field: joinPath(parent, key), message });
  return undefined;
}

/** Returns the parsed value of field `key` of the object at `parent`, or undefined after recording a problem. */
function readValue(raw: unknown, spec: FieldSpec, parent: string, key: string, reading: Reading): unknown {
  const { problems } = reading;
  switch (spec.kind) {
    case 'text':
      // Free text (a case id, a debt's type) is never repeated in a message.
      if (typeof raw !== 'string') return fail(problems, parent, key, `must be text, not ${describeKind(raw)}`);
      if (raw.trim() === '') return fail(problems, parent, key, 'must not be empty');
      return raw;
    case 'amount': {
      const problem = numberProblem(raw, 'a number of dollars, e.g. 1913.14');
      if (problem !== null) return fail(problems, parent, key, problem);
      const n = raw as number;
      if (n < 0) return fail(problems, parent, key, `must not be negative (${numberExcerpt(n)}); enter the amount as a positive number of dollars`);
      if (spec.positive && n === 0) return fail(problems, parent, key, 'must be greater than 0; leave the field out when it is not known');
      return n;
    }
    case 'rate': {
      const problem = numberProblem(raw, 'a rate as a fraction, e.g. 0.0475 for 4.75%');
      if (problem !== null) return fail(problems, parent, key, problem);
      const n = raw as number;
      // 1 is 100%: no rate of a mortgage case reaches it, so it is a percent typed as a number too.
      if (n >= 1) {
        // A 9-digit number is no percent either (an SSN in the wrong field?): named, not repeated.
        const message = looksLikeSsn(n) ? `must be a rate as a fraction, e.g. 0.0475 for 4.75%, not ${numberExcerpt(n)}` : percentTypedAsNumberMessage(key, n);
        return fail(problems, parent, key, message);
      }
      if (n < 0) return fail(problems, parent, key, `must not be negative (${numberExcerpt(n)}); enter the annual rate as a fraction, e.g. 0.0475`);
      return n;
    }
    case 'integer': {
      const problem = numberProblem(raw, 'a whole number');
      if (problem !== null) return fail(problems, parent, key, problem);
      const n = raw as number;
      if (!Number.isInteger(n)) return fail(problems, parent, key, `must be a whole number, not ${numberExcerpt(n)}`);
      if (n < spec.min) return fail(problems, parent, key, `must be ${spec.min} or more, not ${numberExcerpt(n)}`);
      return n;
    }
    case 'number': {
      const problem = numberProblem(raw, `a number of ${spec.unit}`);
      if (problem !== null) return fail(problems, parent, key, problem);
      const n = raw as number;
      if (n <= spec.min || n > spec.max) return fail(problems, parent, key, `must be more than ${spec.min} and at most ${spec.max} ${spec.unit}, not ${numberExcerpt(n)}`);
      return n;
    }
    case 'date': {
      if (typeof raw === 'string' && isIsoDate(raw)) return raw;
      return fail(problems, parent, key, dateProblem(raw));
    }
    case 'enum': {
      if (typeof raw !== 'string') return fail(problems, parent, key, `must be one of ${spec.values.join(', ')}; not ${describe(raw)}`);
      if (spec.values.includes(raw)) return raw;
      const normalized = raw.length > 64 ? '' : raw.trim().toUpperCase().replace(/[\s-]+/g, '_');
      const near = spec.values.includes(normalized) ? normalized : closestName(normalized, [...spec.values]);
      const hint = near ? `did you mean "${near}"? ` : '';
      return fail(problems, parent, key, `"${excerpt(raw)}" is not allowed; ${hint}use one of ${spec.values.join(', ')}`);
    }
    case 'boolean':
      if (typeof raw !== 'boolean') return fail(problems, parent, key, `must be true or false, not ${describe(raw)}`);
      return raw;
    case 'textList': {
      // Names are personal: only what kind of value was given is said, never the value.
      if (!Array.isArray(raw)) return fail(problems, parent, key, `must be a list of text, e.g. ["Jane Q. Borrower"], not ${describeKind(raw)}`);
      const path = joinPath(parent, key);
      let ok = true;
      raw.forEach((item, i) => {
        if (typeof item !== 'string') {
          problems.push({ field: `${path}[${i}]`, message: `must be text, not ${describeKind(item)}` });
          ok = false;
        }
      });
      return ok ? [...raw] : undefined;
    }
    case 'object':
      if (!isPlainObject(raw)) return fail(problems, parent, key, `must be an object { ... } with the fields of this section, not ${describe(raw)}`);
      return readObject(raw, spec.fields, joinPath(parent, key), reading);
    case 'list': {
      if (!Array.isArray(raw)) return fail(problems, parent, key, `must be a list [ {...}, ... ], not ${describe(raw)}`);
      const path = joinPath(parent, key);
      return raw.map((item, i) => {
        const itemPath = `${path}[${i}]`;
        if (!isPlainObject(item)) {
          problems.push({ field: itemPath, message: `must be an object { ... }, not ${describe(item)}` });
          return undefined;
        }
        return readObject(item, spec.item, itemPath, reading);
      });
    }
    case 'custom':
      return spec.check(raw, joinPath(parent, key), problems);
  }
}

/**
 * `value` (already of the field's type) checked against the field's plausible range (bounds.ts):
 * beyond the range an error, beyond the plausible a warning. Dates are kept for the check
 * against the evaluation date, which is known only when the whole case is read.
 */
function checkBounds(value: unknown, bounds: FieldBounds, parent: string, key: string, reading: Reading): unknown {
  if (isDateBounds(bounds)) {
    if (typeof value !== 'string') return value;
    if (value < bounds.earliest || value > bounds.latest) {
      const side = value < bounds.earliest ? `before ${bounds.earliest}` : `after ${bounds.latest}`;
      return fail(reading.problems, parent, key, `${value} is ${side}, outside the dates this field accepts (${bounds.earliest} to ${bounds.latest}: ${bounds.why}); check the year`);
    }
    reading.dates.push({ field: joinPath(parent, key), date: value, bounds });
    return value;
  }
  if (typeof value !== 'number') return value;
  if (bounds.maxExclusive ? value >= bounds.max : value > bounds.max) {
    const limit = bounds.maxExclusive ? `less than ${formatBound(bounds.max, bounds.unit)}` : `at most ${formatBound(bounds.max, bounds.unit)}`;
    return fail(reading.problems, parent, key, `must be ${limit} (${bounds.why}), not ${numberExcerpt(value)}; check the digits`);
  }
  if (bounds.warnAbove !== undefined && value > bounds.warnAbove) {
    reading.warnings.push(
      `${joinPath(parent, key)}: ${numberExcerpt(value)} is over ${formatBound(bounds.warnAbove, bounds.unit)}, rare for a residential mortgage case: check the digits`,
    );
  }
  return value;
}

/** Warnings for dates further from the evaluation date than their field makes plausible (a year typed wrong). */
function dateDistanceWarnings(evaluationDate: string, dates: Reading['dates']): string[] {
  const warnings: string[] = [];
  for (const { field, date, bounds } of dates) {
    if (bounds.warnYearsBefore !== undefined && date < addMonths(evaluationDate, -12 * bounds.warnYearsBefore)) {
      warnings.push(`${field}: ${date} is more than ${bounds.warnYearsBefore} years before the evaluation date ${evaluationDate}; check the year`);
    } else if (bounds.warnYearsAfter !== undefined && date > addMonths(evaluationDate, 12 * bounds.warnYearsAfter)) {
      const after = bounds.warnYearsAfter === 0 ? 'after' : `more than ${bounds.warnYearsAfter} year(s) after`;
      warnings.push(`${field}: ${date} is ${after} the evaluation date ${evaluationDate}; check the year`);
    }
  }
  return warnings;
}

/** Why `raw` is not a usable number (`what` says what to enter), or null when it is a finite number. */
function numberProblem(raw: unknown, what: string): string | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? null : `must be a finite number, not ${raw}`;
  if (typeof raw === 'string') {
    const looksNumeric = raw.length <= 64 && raw.trim() !== '' && Number.isFinite(Number(raw.replace(/[$,%\s]/g, '')));
    return `must be ${what}, not the text "${excerpt(raw)}"${looksNumeric ? ' (remove the quotes, and any $ , or % signs)' : ''}`;
  }
  return `must be ${what}, not ${describe(raw)}`;
}

/** Why `raw` (not a real date written YYYY-MM-DD) is not a date. */
function dateProblem(raw: unknown): string {
  if (typeof raw === 'number') return `must be a date written YYYY-MM-DD (e.g. 2025-10-15), not the number ${numberExcerpt(raw)} (an Excel date serial?)`;
  if (typeof raw !== 'string') return `must be a date written YYYY-MM-DD, not ${describe(raw)}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return `"${raw}" is not a real calendar date; check the month and day`;
  return `"${excerpt(raw)}" must be written YYYY-MM-DD, e.g. 2025-10-15`;
}

// ---------------------------------------------------------------------------------------------
// Field-specific checks (the `custom` kind)
// ---------------------------------------------------------------------------------------------

function checkLoanNumber(raw: unknown, path: string, problems: InputProblem[]): unknown {
  if (typeof raw === 'number') {
    problems.push({ field: path, message: 'must be text in quotes, e.g. "0012345678": a number loses its leading zeros' });
    return undefined;
  }
  if (typeof raw !== 'string' || raw.trim() === '') {
    problems.push({ field: path, message: `must be text in quotes, e.g. "0012345678", not ${describeKind(raw)}` });
    return undefined;
  }
  return raw;
}

/** The last 4 digits of the SSN only. The value is never echoed in a message (it is personal data). */
function checkSsnLast4(raw: unknown, path: string, problems: InputProblem[]): unknown {
  if (typeof raw === 'string' && /^\d{4}$/.test(raw)) return raw;
  let message: string;
  const digits = typeof raw === 'string' ? raw.replace(/\D/g, '') : typeof raw === 'number' ? String(raw) : '';
  if (digits.length >= 9) {
    message = 'looks like a full Social Security number: only the last 4 digits are stored; enter just those, in quotes, e.g. "1234"';
  } else if (typeof raw === 'number') {
    message = 'must be text of 4 digits in quotes, e.g. "0123": a number loses its leading zeros';
  } else {
    message = 'must be exactly 4 digits in quotes, e.g. "1234"';
  }
  problems.push({ field: path, message });
  return undefined;
}

function checkState(raw: unknown, path: string, problems: InputProblem[]): unknown {
  if (typeof raw === 'string' && US_STATE_CODES.includes(raw)) return raw;
  const upper = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  const hint = upper.length <= 4 && US_STATE_CODES.includes(upper) ? `did you mean "${upper}"? ` : '';
  problems.push({ field: path, message: `must be a two-letter USPS state code such as "GA"; ${hint}not ${describe(raw)}` });
  return undefined;
}

/**
 * Validates rulebook overrides `{ "RULEBOOK-ID": { "parameter": value } }` against the published
 * rulebooks (known ids, known parameters, values of the published type); problems are appended.
 * Returns the overrides, or undefined when there was a problem. Used for a case's
 * `rulebookOverrides` and by the pane's settings form.
 */
export function validateRulebookOverrides(raw: unknown, path: string, problems: InputProblem[]): RulebookOverrides | undefined {
  return checkRulebookOverrides(raw, path, problems) as RulebookOverrides | undefined;
}

function checkRulebookOverrides(raw: unknown, path: string, problems: InputProblem[]): unknown {
  if (!isPlainObject(raw)) {
    problems.push({ field: path, message: `must be an object { "RULEBOOK-ID": { "parameter": value } }, not ${describe(raw)}` });
    return undefined;
  }
  const out: Record<string, Record<string, number | string | boolean>> = {};
  let ok = true;
  const knownIds = ALL_RULEBOOKS.map((r) => r.id);
  for (const [id, parameters] of Object.entries(raw)) {
    const idPath = `${path}.${excerpt(id)}`;
    const rulebook = ALL_RULEBOOKS.find((r) => r.id === id);
    if (!rulebook) {
      const suggestion = closestName(id, knownIds);
      problems.push({
        field: idPath,
        message: `unknown rulebook "${excerpt(id)}"; ${suggestion ? `did you mean "${suggestion}"? ` : ''}known rulebooks: ${knownIds.join(', ')}`,
      });
      ok = false;
      continue;
    }
    if (!isPlainObject(parameters)) {
      problems.push({ field: idPath, message: `must be an object { "parameter": value }, not ${describe(parameters)}` });
      ok = false;
      continue;
    }
    const names = Object.keys(rulebook.parameters);
    out[id] = {};
    for (const [name, value] of Object.entries(parameters)) {
      const paramPath = `${idPath}.${name}`;
      // Own parameters only: "toString" or "__proto__" is no parameter.
      const current = Object.prototype.hasOwnProperty.call(rulebook.parameters, name)
        ? (rulebook.parameters as Record<string, { value: unknown }>)[name]
        : undefined;
      if (!current) {
        const suggestion = closestName(name, names);
        problems.push({
          field: `${idPath}.${excerpt(name)}`,
          message: `rulebook ${id} has no parameter "${excerpt(name)}"; ${suggestion ? `did you mean "${suggestion}"? ` : ''}its parameters are: ${names.join(', ')}`,
        });
        ok = false;
        continue;
      }
      const expected = typeof current.value;
      if (!['number', 'string', 'boolean'].includes(expected)) {
        problems.push({ field: paramPath, message: 'this parameter is a table and cannot be overridden from a case' });
        ok = false;
      } else if (typeof value !== expected) {
        problems.push({ field: paramPath, message: `must be a ${expected} (like the published ${JSON.stringify(current.value)}), not ${describe(value)}` });
        ok = false;
      } else if (typeof value === 'number' && !Number.isFinite(value)) {
        problems.push({ field: paramPath, message: `must be a finite number, not ${value}` });
        ok = false;
      } else if (typeof value === 'number' && overrideRangeProblem(current as RulebookParameter, value, name) !== null) {
        problems.push({ field: paramPath, message: overrideRangeProblem(current as RulebookParameter, value, name) as string });
        ok = false;
      } else {
        out[id][name] = value as number | string | boolean;
      }
    }
    // The engine applies the overrides with withOverrides: what it would refuse is refused here, as a problem.
    try {
      withOverrides(rulebook, out[id]);
    } catch (error) {
      problems.push({ field: idPath, message: stripFieldEcho((error as Error).message) });
      ok = false;
    }
  }
  return ok ? out : undefined;
}

/** An engine message, cut to a short excerpt-safe length (it may quote an override's value). */
function stripFieldEcho(message: string): string {
  const clean = stripControls(message.slice(0, 400)).replace(/[\n\t\r]+/g, ' ');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

// ---------------------------------------------------------------------------------------------
// Cross-field rules and warnings
// ---------------------------------------------------------------------------------------------

/**
 * A borrower contribution must leave a balance to modify: at least the UPB, the deferred balance
 * and the capitalizable arrears (delinquent interest, escrow and servicing advances, legal fees;
 * late fees are never capitalized) together. A contribution that pays all of it is a payoff,
 * not a workout. Checked only when every amount involved is a usable number (else its own
 * problem is reported).
 */
function contributionProblem(input: Record<string, unknown>, problems: InputProblem[]): void {
  const loan = isPlainObject(input.loan) ? input.loan : {};
  const arrears = isPlainObject(input.arrears) ? input.arrears : {};
  const contribution = arrears.borrowerContribution;
  if (typeof contribution !== 'number' || !Number.isFinite(contribution) || contribution <= 0) return;
  const parts = [loan.upb, loan.deferredBalance, arrears.delinquentInterest, arrears.escrowAdvances, arrears.servicingAdvances, arrears.legalFees];
  let debt = dec(0);
  for (const part of parts) {
    if (part === undefined || part === null) continue;
    if (typeof part !== 'number' || !Number.isFinite(part)) return;
    debt = debt.plus(part);
  }
  if (dec(contribution).greaterThanOrEqualTo(debt)) {
    problems.push({
      field: 'arrears.borrowerContribution',
      message:
        `must be less than the UPB, deferred balance and capitalizable arrears together (${debt.toFixed(2)}): ` +
        'a contribution that pays all of it leaves nothing to modify; check the amount',
    });
  }
}

/** Rules between fields, checked on the raw input so that they are reported with every other problem. */
function crossFieldProblems(input: Record<string, unknown>, problems: InputProblem[]): void {
  contributionProblem(input, problems);
  const borrower = input.borrower;
  const incomes = isPlainObject(borrower) ? borrower.incomes : undefined;
  if (!Array.isArray(incomes)) return;
  incomes.forEach((line, i) => {
    if (isPlainObject(line) && line.frequency === 'HOURLY' && (line.hoursPerWeek === undefined || line.hoursPerWeek === null)) {
      problems.push({
        field: `borrower.incomes[${i}].hoursPerWeek`,
        message: 'required when frequency is HOURLY: the usual hours worked per week, e.g. 40 (amount is the hourly rate)',
      });
    }
  });
}

/** An evaluation date this many years or more from the newest rulebook is likely a typo (2062 for 2026), or applies rules of another time. */
const EVALUATION_DATE_WARN_YEARS = 5;

let newestRulebook: string | undefined;
function newestRulebookDate(): string {
  if (newestRulebook === undefined) {
    newestRulebook = ALL_RULEBOOKS.map((r) => r.version.slice(0, 10)).filter((v) => isIsoDate(v)).sort().pop() ?? '2026-01-01';
  }
  return newestRulebook;
}

/** Observations that do not stop the evaluation but that the specialist must see. */
function caseWarnings(c: LoanCase): string[] {
  const warnings: string[] = [];
  const rulesDated = newestRulebookDate();
  if (Math.abs(monthsBetween(rulesDated, c.evaluationDate)) >= 12 * EVALUATION_DATE_WARN_YEARS) {
    warnings.push(
      `evaluationDate: ${c.evaluationDate} is more than ${EVALUATION_DATE_WARN_YEARS} years from the rules this engine applies (its newest rulebook is dated ${rulesDated}); check the year`,
    );
  }
  const maxAge = AFFORDABILITY_RULEBOOK.parameters.maxValuationAgeDays.value;
  const { valuationDate, value } = c.property;
  if (valuationDate) {
    const age = daysBetween(valuationDate, c.evaluationDate);
    if (age > maxAge) {
      warnings.push(
        `property.valuationDate: the valuation of ${valuationDate} is ${age} days old at the evaluation date ${c.evaluationDate}, ` +
          `more than ${maxAge} days (Fannie Mae Servicing Guide F-1-27): obtain a current valuation before relying on MTMLTV`,
      );
    } else if (age < 0) {
      warnings.push(`property.valuationDate: the valuation date ${valuationDate} is after the evaluation date ${c.evaluationDate}; check both dates`);
    }
    if (value === null) warnings.push('property.value: a valuation date is given but no value; LTV and MTMLTV tests will be "not checked"');
  }
  if (c.loan.originationDate && c.loan.originationDate > c.evaluationDate) {
    warnings.push(`loan.originationDate: the loan was originated (${c.loan.originationDate}) after the evaluation date ${c.evaluationDate}; check both dates`);
  }
  if (c.loan.nextDueDate && c.loan.nextDueDate > c.evaluationDate && c.loan.monthsDelinquent > 0) {
    warnings.push(
      `loan.nextDueDate: the next due date ${c.loan.nextDueDate} is after the evaluation date yet monthsDelinquent is ${c.loan.monthsDelinquent}; check both`,
    );
  } else if (c.loan.nextDueDate && c.loan.nextDueDate <= c.evaluationDate) {
    // Delinquency in whole months since the first unpaid due date (the MBA count: 2025-06-01
    // unpaid on 2025-10-15 is 4 months); the programs read monthsDelinquent, the timeline the date.
    const fromDueDate = monthsBetween(c.loan.nextDueDate, c.evaluationDate);
    if (fromDueDate !== c.loan.monthsDelinquent) {
      warnings.push(
        `loan.monthsDelinquent: ${c.loan.monthsDelinquent} months, but the next due date ${c.loan.nextDueDate} makes the loan ${fromDueDate} ` +
          `full months delinquent at the evaluation date ${c.evaluationDate}; the programs use monthsDelinquent, the compliance dates use the due date: check both`,
      );
    }
  }
  c.borrower.incomes.forEach((line, i) => {
    if (line.frequency !== 'HOURLY' && line.hoursPerWeek !== undefined) {
      warnings.push(`borrower.incomes[${i}].hoursPerWeek: ignored, because the frequency is ${line.frequency}, not HOURLY`);
    }
  });
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a value is, with a short sanitized excerpt of it (for fields that are not personal). */
function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? 'a long text' : `the text "${excerpt(value)}"`;
  if (typeof value === 'number') return `the number ${numberExcerpt(value)}`;
  return describeKind(value);
}

/** What kind of value was given, without the value (for personal fields: names, loan number, free text). */
function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** Names longer than this get no "did you mean": no known name is near, and the edit distance would cost length squared. */
const MAX_SUGGESTABLE_NAME = 64;

/** The known name nearest to a mistyped one (same letters in another case, or at most 2 edits), if any. */
export function closestName(name: string, known: string[]): string | undefined {
  if (name.length > MAX_SUGGESTABLE_NAME) return undefined;
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    // A name more than 2 characters longer or shorter is more than 2 edits away: not compared.
    if (Math.abs(candidate.length - name.length) > 2 || candidate.length > MAX_SUGGESTABLE_NAME) continue;
    const d = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.min(2, Math.max(1, Math.floor(name.length / 3)));
  return bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
