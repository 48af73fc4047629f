/**
 * The bad-input matrix (issue 9): every field of the case format times every class of bad input,
 * through `checkCase` (parse, then evaluate: the path of `lm validate` / `lm evaluate`, and of the
 * pane's parse-then-evaluate).
 *
 * The expected verdict of each (field, class) comes from the rules written below (case-format.md,
 * engine.md section 1, and the documented bounds of docs/engine-core.md), never from what the
 * engine returns: a clear error naming the field, the documented default, a warning naming the
 * field, or "accepted" (a value the rules allow). Counted: inputs tried, clear errors, warnings,
 * defaults, silent wrong results, internal errors, crashes and hangs.
 */
import { CASE_FIELDS, type FieldSpec, type FieldTable } from '../../src/engine/case/parse';
import { checkCase, type CaseCheck } from '../../src/engine/case/check';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid case with every section and both kinds of list line present, so that each field can be broken in place. */
const BASE: Json = {
  caseId: 'MATRIX-1',
  investor: 'FANNIE',
  evaluationDate: '2026-10-15',
  loan: {
    loanNumber: '0012345678', upb: 200000, deferredBalance: 0, rate: 0.0675, remainingTermMonths: 300, contractualPI: 1381.85,
    monthlyEscrow: 300, escrowShortage: 0, monthsDelinquent: 3, nextDueDate: '2026-07-01', originationDate: '2011-09-01',
    productType: 'FIXED', lienPosition: 1, priorModifications: 0, monthsSinceLastModification: null, failedTrialInLast12Months: false,
    cumulativeDeferredMonths: 0, partialClaimBalance: 0,
  },
  arrears: { delinquentInterest: 3300, escrowAdvances: 900, servicingAdvances: 100, legalFees: 0, lateFees: 120, borrowerContribution: 0 },
  property: { value: 260000, valuationDate: '2026-09-01', valuationType: 'BPO', state: 'GA', occupancy: 'OWNER', subordinateLiens: 0 },
  borrower: {
    names: ['Pat Example'], ssnLast4: '1234', familySize: 3, region: 'SOUTH', hardship: 'REDUCTION_IN_INCOME', hardshipResolved: true, intent: 'KEEP',
    incomes: [
      { type: 'WAGES', amount: 4200, frequency: 'MONTHLY' },
      { type: 'WAGES', amount: 20, frequency: 'HOURLY', hoursPerWeek: 20 },
    ],
    housingExpenses: { taxes: 200, insurance: 100, floodInsurance: 0, mortgageInsurance: 0, association: 0, groundRent: 0, subordinateLienPayment: 0 },
    debts: [{ type: 'AUTO', monthlyPayment: 350, balance: 9000 }],
    livingExpenses: 1500, liquidAssets: 2000,
  },
  market: { modificationRate: 0.0625, pmms: 0.0625 },
  options: { firstTrialPaymentDate: '2026-11-01', applicationReceivedDate: '2026-09-20', applicationCompleteDate: '2026-10-01', foreclosureSaleDate: null },
  disposition: { offerPrice: null, marketingDays: 30, commissionRate: 0.06, sellerClosingCosts: null, subordinateLienPayoff: null, relocationAssistance: null },
  rulebookOverrides: {},
};

interface Field {
  path: string;
  /** Where it sits in BASE: the parent object and the key. */
  get: (c: Json) => Json;
  key: string;
  spec: FieldSpec;
}

/** Every leaf field of the case table (list items through BASE's lines: incomes[0], incomes[1] for hours, debts[0]). */
function leafFields(): Field[] {
  const out: Field[] = [];
  const walk = (table: FieldTable, path: string, get: (c: Json) => Json) => {
    for (const [key, spec] of Object.entries(table)) {
      const p = path ? `${path}.${key}` : key;
      if (spec.kind === 'object') walk(spec.fields, p, (c) => get(c)[key]);
      else if (spec.kind === 'list') {
        const index = key === 'incomes' ? (name: string) => (name === 'hoursPerWeek' ? 1 : 0) : () => 0;
        for (const [name, itemSpec] of Object.entries(spec.item)) {
          const i = index(name);
          out.push({ path: `${p}[${i}].${name}`, get: (c) => get(c)[key][i], key: name, spec: itemSpec });
        }
        out.push({ path: p, get, key, spec });
      } else out.push({ path: p, get, key, spec });
    }
  };
  walk(CASE_FIELDS, '', (c) => c);
  return out;
}

type Verdict = 'error' | 'warning' | 'default' | 'accepted' | 'n/a';
const CLASSES = [
  'missing', 'null', 'wrong type', 'numeric text', 'fraction', 'negative', 'zero', 'huge', 'percent as number',
  'not a value of the list', 'impossible date', 'date written otherwise', 'typo year', 'far year',
] as const;
type BadClass = (typeof CLASSES)[number];

/** The input of each class for a field, or undefined when the class does not apply to its kind. */
function badValue(field: Field, cls: BadClass, base: unknown): { value: unknown } | { remove: true } | undefined {
  const numeric = ['amount', 'rate', 'integer', 'number'].includes(field.spec.kind);
  const date = field.spec.kind === 'date';
  switch (cls) {
    case 'missing':
      return { remove: true };
    case 'null':
      return { value: null };
    case 'wrong type':
      if (numeric || date) return { value: true };
      if (field.spec.kind === 'list' || field.spec.kind === 'textList') return { value: 'Pat Example' };
      if (field.spec.kind === 'object' || field.path === 'rulebookOverrides') return { value: [1] };
      return { value: 42 };
    case 'numeric text':
      return numeric ? { value: '1,200' } : undefined;
    case 'fraction':
      return field.spec.kind === 'integer' ? { value: 12.5 } : undefined;
    case 'not a value of the list':
      return field.spec.kind === 'enum' || field.path === 'property.state' ? { value: 'NOT_ONE_OF_THEM' } : undefined;
    case 'date written otherwise':
      return date ? { value: '10/15/2026' } : undefined;
    case 'negative':
      return numeric ? { value: -1 } : undefined;
    case 'zero':
      return numeric ? { value: 0 } : undefined;
    case 'huge':
      return numeric ? { value: 1e15 } : undefined;
    case 'percent as number':
      return field.spec.kind === 'rate' ? { value: 4.75 } : undefined;
    case 'impossible date':
      return date ? { value: '2026-02-30' } : undefined;
    case 'typo year': {
      // One digit of the year typed wrong, the other way: 2026 -> 1926 (and 0026 for the evaluation date, read as 1926 by Date.UTC).
      if (!date) return undefined;
      const from = typeof base === 'string' ? base : '2026-08-01';
      return { value: field.path === 'evaluationDate' ? `00${from.slice(2)}` : `19${from.slice(2)}` };
    }
    case 'far year': {
      if (!date) return undefined;
      const from = typeof base === 'string' ? base : '2026-08-01';
      return { value: `${Number(from.slice(0, 4)) + 30}${from.slice(4)}` };
    }
  }
}

/**
 * The rules (case-format.md; engine.md 1; docs/engine-core.md "Bounds" and "Dates"), per field
 * and class. Written from the documents, not read from the engine.
 */
const REQUIRED = new Set(['caseId', 'investor', 'evaluationDate', 'loan', 'loan.upb', 'loan.rate', 'loan.remainingTermMonths', 'loan.contractualPI',
  'borrower.incomes[0].type', 'borrower.incomes[0].amount', 'borrower.incomes[0].frequency', 'borrower.debts[0].type', 'borrower.debts[0].monthlyPayment']);
/** Amounts that must be greater than 0 when given (UPB, P&I, property value, offer price). */
const POSITIVE = new Set(['loan.upb', 'loan.contractualPI', 'property.value', 'disposition.offerPrice']);
/** Counts whose least value is 1: a zero is an error. */
const AT_LEAST_ONE = new Set(['loan.remainingTermMonths', 'loan.lienPosition', 'borrower.familySize']);
/** Dates of the current delinquency or application, and the evaluation date: a year in the 1920s is refused. */
const EVENT_DATES = new Set(['evaluationDate', 'loan.nextDueDate', 'options.firstTrialPaymentDate', 'options.applicationReceivedDate',
  'options.applicationCompleteDate', 'options.foreclosureSaleDate',
  // The notice of the servicer's decision on the current application (1024.41(h)(2)).
  'options.decisionNoticeSentDate',
  // A prior payment deferral: the GSE deferral programs date from 2020, so a year in the 1920s is no deferral.
  'loan.lastDeferralEffectiveDate']);

function expected(field: Field, cls: BadClass): Verdict {
  const { path, spec } = field;
  if (cls === 'missing' || cls === 'null') {
    if (REQUIRED.has(path)) return 'error';
    // The hours of an HOURLY line are required with it (case-format.md).
    if (path === 'borrower.incomes[1].hoursPerWeek') return 'error';
    // The evaluation date is required, so a missing one is an error above; the rest default.
    return 'default';
  }
  if (cls === 'wrong type') return 'error';
  if (cls === 'negative') return 'error';
  if (cls === 'zero') {
    if (spec.kind === 'number') return 'error'; // hours per week must be more than 0
    if (POSITIVE.has(path) || AT_LEAST_ONE.has(path)) return 'error';
    return 'accepted';
  }
  if (cls === 'huge' || cls === 'percent as number' || cls === 'impossible date') return 'error';
  if (cls === 'numeric text' || cls === 'fraction' || cls === 'not a value of the list' || cls === 'date written otherwise') return 'error';
  if (cls === 'typo year') return EVENT_DATES.has(path) ? 'error' : 'warning';
  if (cls === 'far year') return 'warning';
  return 'n/a';
}

/** The documented default of an optional field (case-format.md "Defaults"). */
function documentedDefault(field: Field): unknown {
  const { path, spec } = field;
  if (path === 'loan.lienPosition') return 1;
  if (path === 'loan.productType') return 'FIXED';
  if (spec.kind === 'object') return undefined; // a section: its fields take their own defaults
  if (spec.kind === 'list' || spec.kind === 'textList') return [];
  if (spec.kind === 'boolean') return false;
  if (path === 'rulebookOverrides') return {};
  if (path.startsWith('borrower.debts[0].balance')) return undefined; // absent stays absent
  // Net income and maintenance/utilities: absent means "not given" (VA residual income then uses gross income and says so).
  const nullWhenAbsent = ['loan.monthsSinceLastModification', 'property.value', 'borrower.familySize', 'borrower.livingExpenses', 'borrower.liquidAssets',
    'borrower.netMonthlyIncome', 'borrower.maintenanceAndUtilities'];
  if (spec.kind === 'amount' && !nullWhenAbsent.includes(path) && !path.startsWith('disposition.')) return 0;
  if (spec.kind === 'integer' && !nullWhenAbsent.includes(path) && !path.startsWith('disposition.')) return 0;
  return null;
}

function read(c: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => {
    const m = /^(\w+)\[(\d+)\]$/.exec(part);
    if (node === null || node === undefined) return undefined;
    return m ? (node as Json)[m[1]]?.[Number(m[2])] : (node as Json)[part];
  }, c);
}

interface Outcome {
  field: string;
  cls: BadClass;
  expected: Verdict;
  got: CaseCheck['verdict'];
  detail: string;
  ok: boolean;
  silentWrong: boolean;
  millis: number;
}

function runMatrix(): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const field of leafFields()) {
    for (const cls of CLASSES) {
      const want = expected(field, cls);
      const c: Json = JSON.parse(JSON.stringify(BASE));
      const bad = badValue(field, cls, field.get(c)[field.key]);
      if (bad === undefined) continue;
      if ('remove' in bad) delete field.get(c)[field.key];
      else field.get(c)[field.key] = bad.value;
      const started = Date.now();
      let result: CaseCheck;
      try {
        result = checkCase(c);
      } catch (error) {
        result = { verdict: 'internal error', message: `THROWN: ${(error as Error).message}` };
      }
      const millis = Date.now() - started;
      const named = (text: string) => text === field.path || text.startsWith(`${field.path}.`) || text.startsWith(`${field.path}[`);
      let ok = false;
      let silentWrong = false;
      let detail = '';
      if (result.verdict === 'invalid') {
        detail = result.problems.map((p) => `${p.field}: ${p.message}`).join(' | ');
        ok = want === 'error' && result.problems.some((p) => named(p.field)) && result.problems.every((p) => p.message.length > 10);
      } else if (result.verdict === 'valid') {
        const warnings = result.evaluation.warnings;
        detail = warnings.join(' | ');
        const warned = warnings.some((w) => named(w.split(':')[0]));
        if (want === 'warning') ok = warned;
        else if (want === 'default') ok = JSON.stringify(read(result.loanCase, field.path)) === JSON.stringify(documentedDefault(field));
        else if (want === 'accepted') ok = true;
        // Accepted without a word where the rules want an error or a warning: a silent wrong result.
        silentWrong = (want === 'error' || want === 'warning') && !warned;
      } else {
        detail = result.message;
      }
      outcomes.push({ field: field.path, cls, expected: want, got: result.verdict, detail, ok, silentWrong, millis });
    }
  }
  return outcomes;
}

/** Every object section of the case (the top level included), for the unknown-field names that `in` would have let through. */
function sections(): string[] {
  const out = [''];
  const walk = (table: FieldTable, path: string) => {
    for (const [key, spec] of Object.entries(table)) {
      if (spec.kind === 'object') {
        out.push(path ? `${path}.${key}` : key);
        walk(spec.fields, path ? `${path}.${key}` : key);
      }
    }
  };
  walk(CASE_FIELDS, '');
  return out;
}

describe('unknown fields named like Object.prototype members are refused by name, in every section', () => {
  const names = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];
  it.each(sections().flatMap((section) => names.map((name) => [section || '(top level)', name])))('%s: %s', (section, name) => {
    const c: Json = JSON.parse(JSON.stringify(BASE));
    const target = section === '(top level)' ? c : (section.split('.').reduce((node, key) => node[key], c) as Json);
    // Through JSON text, as a case file arrives: JSON.parse makes "__proto__" an own key.
    const text = JSON.stringify(c).replace(JSON.stringify(target), JSON.stringify(target).replace(/^\{/, `{"${name}":1,`));
    const parsed = JSON.parse(text);
    const result = checkCase(parsed);
    const path = section === '(top level)' ? name : `${section}.${name}`;
    expect(result.verdict).toBe('invalid');
    expect(result.verdict === 'invalid' && result.problems.map((p) => p.field)).toContain(path);
  });
});

describe('the bad-input matrix: every case field x every class of bad input', () => {
  const outcomes = runMatrix();
  const count = (pred: (o: Outcome) => boolean) => outcomes.filter(pred).length;

  it('the base case is valid, with no warning', () => {
    const result = checkCase(BASE);
    expect(result.verdict === 'valid' && result.evaluation.warnings).toEqual([]);
  });

  it('covers every field and class', () => {
    expect(new Set(outcomes.map((o) => o.field)).size).toBe(leafFields().length);
    expect(outcomes.length).toBeGreaterThan(400);
  });

  it('no internal error, no crash, no hang (each input under 2 s)', () => {
    expect(outcomes.filter((o) => o.got === 'internal error')).toEqual([]);
    expect(outcomes.filter((o) => o.millis > 2000)).toEqual([]);
  });

  it('no silent wrong result', () => {
    expect(outcomes.filter((o) => o.silentWrong).map((o) => `${o.field} / ${o.cls}: expected ${o.expected}`)).toEqual([]);
  });

  it('every verdict is the one the rules give (an error or warning naming the field, or the documented default)', () => {
    const wrong = outcomes.filter((o) => !o.ok).map((o) => `${o.field} / ${o.cls}: expected ${o.expected}, got ${o.got}: ${o.detail.slice(0, 160)}`);
    expect(wrong).toEqual([]);
  });

  afterAll(() => {
    // The figures of the report (issue 9): printed once per run.
    const summary = {
      inputsTried: outcomes.length,
      clearErrors: count((o) => o.got === 'invalid' && o.ok),
      warnings: count((o) => o.got === 'valid' && o.expected === 'warning' && o.ok),
      documentedDefaults: count((o) => o.expected === 'default' && o.ok),
      acceptedAsAllowed: count((o) => o.expected === 'accepted' && o.ok),
      silentWrongResults: count((o) => o.silentWrong),
      internalErrors: count((o) => o.got === 'internal error'),
      crashesAndHangs: count((o) => o.millis > 2000 || o.detail.startsWith('THROWN')),
      slowestMillis: Math.max(...outcomes.map((o) => o.millis)),
    };
    if (process.env.LM_MATRIX_SUMMARY) console.log(JSON.stringify(summary));
  });
});
