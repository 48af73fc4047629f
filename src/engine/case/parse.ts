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
import { daysBetween, isIsoDate, monthsBetween } from '../dates';
import { percentTypedAsNumberMessage, type InputProblem } from '../errors';
import { AFFORDABILITY_RULEBOOK } from '../rulebooks/affordability';
import { ALL_RULEBOOKS } from '../rulebooks';
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
  const parsed = readObject(input, CASE_FIELDS, '', problems) as unknown as LoanCase;
  crossFieldProblems(input, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, case: parsed, warnings: caseWarnings(parsed) };
}

function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

interface CompiledTable {
  /** Field names in table order, and their specs at the same index. */
  names: string[];
  specs: FieldSpec[];
  nameSet: Set<string>;
}

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
    entry = { names, specs: names.map((name) => table[name]), nameSet: new Set(names) };
    COMPILED_TABLES.set(table, entry);
  }
  return entry;
}

function readObject(input: Record<string, unknown>, table: FieldTable, path: string, problems: InputProblem[]): Record<string, unknown> {
  const { names, specs, nameSet } = compiled(table);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    // The set answers for the table's own fields; `in` for the rest keeps the check as it was
    // (it also accepts inherited names such as "toString").
    if (!nameSet.has(key) && !(key in table)) {
      const suggestion = closestName(key, Object.keys(table));
      problems.push({
        field: joinPath(path, key),
        message: `unknown field "${key}"` + (suggestion ? `; did you mean "${suggestion}"?` : `; the fields here are: ${Object.keys(table).join(', ')}`),
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
        out[key] = defaultValue(spec, path, key, problems);
      }
      continue;
    }
    const value = readValue(raw, spec, path, key, problems);
    if (value !== undefined) out[key] = value;
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
function defaultValue(spec: FieldSpec, parent: string, key: string, problems: InputProblem[]): unknown {
  switch (spec.kind) {
    case 'object':
      return readObject({}, spec.fields, joinPath(parent, key), problems);
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
function readValue(raw: unknown, spec: FieldSpec, parent: string, key: string, problems: InputProblem[]): unknown {
  switch (spec.kind) {
    case 'text':
      if (typeof raw !== 'string') return fail(problems, parent, key, `must be text, not ${describe(raw)}`);
      if (raw.trim() === '') return fail(problems, parent, key, 'must not be empty');
      return raw;
    case 'amount': {
      const problem = numberProblem(raw, 'a number of dollars, e.g. 1913.14');
      if (problem !== null) return fail(problems, parent, key, problem);
      const n = raw as number;
      if (n < 0) return fail(problems, parent, key, `must not be negative (${n}); enter the amount as a positive number of dollars`);
      if (spec.positive && n === 0) return fail(problems, parent, key, 'must be greater than 0; leave the field out when it is not known');
      return n;
    }
    case 'rate': {
      const problem = numberProblem(raw, 'a rate as a fraction, e.g. 0.0475 for 4.75%');
      if (problem !== null) return fail(problems, parent, key, problem);
      const n = raw as number;
      if (n > 1) return fail(problems, parent, key, percentTypedAsNumberMessage(key, n));
      if (n < 0) return fail(problems, parent, key, `must not be negative (${n}); enter the annual rate as a fraction, e.g. 0.0475`);
      return n;
    }
    case 'integer': {
      const problem = numberProblem(raw, 'a whole number');
      if (problem !== null) return fail(problems, parent, key, problem);
      const n = raw as number;
      if (!Number.isInteger(n)) return fail(problems, parent, key, `must be a whole number, not ${n}`);
      if (n < spec.min) return fail(problems, parent, key, `must be ${spec.min} or more, not ${n}`);
      return n;
    }
    case 'number': {
      const problem = numberProblem(raw, `a number of ${spec.unit}`);
      if (problem !== null) return fail(problems, parent, key, problem);
      const n = raw as number;
      if (n <= spec.min || n > spec.max) return fail(problems, parent, key, `must be more than ${spec.min} and at most ${spec.max} ${spec.unit}, not ${n}`);
      return n;
    }
    case 'date': {
      if (typeof raw === 'string' && isIsoDate(raw)) return raw;
      return fail(problems, parent, key, dateProblem(raw));
    }
    case 'enum': {
      if (typeof raw !== 'string') return fail(problems, parent, key, `must be one of ${spec.values.join(', ')}; not ${describe(raw)}`);
      if (spec.values.includes(raw)) return raw;
      const normalized = raw.trim().toUpperCase().replace(/[\s-]+/g, '_');
      const near = spec.values.includes(normalized) ? normalized : closestName(normalized, [...spec.values]);
      const hint = near ? `did you mean "${near}"? ` : '';
      return fail(problems, parent, key, `"${raw}" is not allowed; ${hint}use one of ${spec.values.join(', ')}`);
    }
    case 'boolean':
      if (typeof raw !== 'boolean') return fail(problems, parent, key, `must be true or false, not ${describe(raw)}`);
      return raw;
    case 'textList': {
      if (!Array.isArray(raw)) return fail(problems, parent, key, `must be a list of text, e.g. ["Jane Q. Borrower"], not ${describe(raw)}`);
      const path = joinPath(parent, key);
      let ok = true;
      raw.forEach((item, i) => {
        if (typeof item !== 'string') {
          problems.push({ field: `${path}[${i}]`, message: `must be text, not ${describe(item)}` });
          ok = false;
        }
      });
      return ok ? [...raw] : undefined;
    }
    case 'object':
      if (!isPlainObject(raw)) return fail(problems, parent, key, `must be an object { ... } with the fields of this section, not ${describe(raw)}`);
      return readObject(raw, spec.fields, joinPath(parent, key), problems);
    case 'list': {
      if (!Array.isArray(raw)) return fail(problems, parent, key, `must be a list [ {...}, ... ], not ${describe(raw)}`);
      const path = joinPath(parent, key);
      return raw.map((item, i) => {
        const itemPath = `${path}[${i}]`;
        if (!isPlainObject(item)) {
          problems.push({ field: itemPath, message: `must be an object { ... }, not ${describe(item)}` });
          return undefined;
        }
        return readObject(item, spec.item, itemPath, problems);
      });
    }
    case 'custom':
      return spec.check(raw, joinPath(parent, key), problems);
  }
}

/** Why `raw` is not a usable number (`what` says what to enter), or null when it is a finite number. */
function numberProblem(raw: unknown, what: string): string | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? null : `must be a finite number, not ${raw}`;
  if (typeof raw === 'string') {
    const looksNumeric = raw.trim() !== '' && Number.isFinite(Number(raw.replace(/[$,%\s]/g, '')));
    return `must be ${what}, not the text "${raw}"${looksNumeric ? ' (remove the quotes, and any $ , or % signs)' : ''}`;
  }
  return `must be ${what}, not ${describe(raw)}`;
}

/** Why `raw` (not a real date written YYYY-MM-DD) is not a date. */
function dateProblem(raw: unknown): string {
  if (typeof raw === 'number') return `must be a date written YYYY-MM-DD (e.g. 2025-10-15), not the number ${raw} (an Excel date serial?)`;
  if (typeof raw !== 'string') return `must be a date written YYYY-MM-DD, not ${describe(raw)}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return `"${raw}" is not a real calendar date; check the month and day`;
  return `"${raw}" must be written YYYY-MM-DD, e.g. 2025-10-15`;
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
    problems.push({ field: path, message: `must be text in quotes, e.g. "0012345678", not ${describe(raw)}` });
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
  const hint = US_STATE_CODES.includes(upper) ? `did you mean "${upper}"? ` : '';
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
    const idPath = `${path}.${id}`;
    const rulebook = ALL_RULEBOOKS.find((r) => r.id === id);
    if (!rulebook) {
      const suggestion = closestName(id, knownIds);
      problems.push({
        field: idPath,
        message: `unknown rulebook "${id}"; ${suggestion ? `did you mean "${suggestion}"? ` : ''}known rulebooks: ${knownIds.join(', ')}`,
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
      const current = (rulebook.parameters as Record<string, { value: unknown }>)[name];
      if (!current) {
        const suggestion = closestName(name, names);
        problems.push({
          field: paramPath,
          message: `rulebook ${id} has no parameter "${name}"; ${suggestion ? `did you mean "${suggestion}"? ` : ''}its parameters are: ${names.join(', ')}`,
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
      } else if (typeof value === 'number' && overrideRangeProblem(current as RulebookParameter, value)) {
        problems.push({ field: paramPath, message: overrideRangeProblem(current as RulebookParameter, value)! });
        ok = false;
      } else {
        out[id][name] = value as number | string | boolean;
      }
    }
  }
  return ok ? out : undefined;
}

// ---------------------------------------------------------------------------------------------
// Cross-field rules and warnings
// ---------------------------------------------------------------------------------------------

/** Rules between fields, checked on the raw input so that they are reported with every other problem. */
function crossFieldProblems(input: Record<string, unknown>, problems: InputProblem[]): void {
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

/** Observations that do not stop the evaluation but that the specialist must see. */
function caseWarnings(c: LoanCase): string[] {
  const warnings: string[] = [];
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

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? 'a long text' : `the text "${value}"`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return `the number ${value}`;
  return `${typeof value} ${String(value)}`;
}

/** The known name nearest to a mistyped one (same letters in another case, or at most 2 edits), if any. */
export function closestName(name: string, known: string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
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
