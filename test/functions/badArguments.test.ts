/**
 * The bad-argument matrix (issue 9, "Measured, not assumed"): every argument of every LM
 * function, one at a time, given each class of bad input, the others staying valid. The
 * expected verdict comes from the rules, by the argument's kind (test/support/lmCallSpecs.ts),
 * not from the functions' output:
 * - a clear error: #VALUE! or #N/A whose message names the argument, or the error value the
 *   argument held passed on with its own code (as Excel's functions do);
 * - or, for an omitted optional argument, its documented default (a result);
 * - never a result where the input is impossible (a silent wrong result), never an internal error.
 * Valid edge values (a zero arrears, a 0% rate) must give a result.
 * The counts are printed; the test fails on any silent wrong result, unclear or internal error.
 */
import '../support/customFunctionsShim';
import { CustomFunctionError } from '../../src/workbench/page/customFunctions';
import { customMessage } from '../support/customFunctionsShim';
import { CALLS, TAPE_HEADER, TAPE_LOAN, type ArgumentKind, type ArgumentSpec, type CallSpec } from '../support/lmCallSpecs';

type Expected = 'error' | 'result' | 'either';

interface BadInput {
  label: string;
  value: unknown;
  /** The error code the cell must show (a passed-on error value); default #VALUE! or #N/A. */
  code?: string;
}

const NUMERIC: ArgumentKind[] = ['amount', 'positiveAmount', 'rate', 'reduction', 'cap', 'monthsFrom0', 'monthsFrom1', 'days', 'hours', 'persons'];
const WHOLE: ArgumentKind[] = ['monthsFrom0', 'monthsFrom1', 'days', 'persons'];
const LINKED_ENTITY = { type: 'LinkedEntity', text: 'Microsoft Corp', basicType: 'Error', basicValue: '#VALUE!', id: { entityId: 'x', domainId: 'Stocks', serviceId: 268 } };
const ENTITY = { type: 'Entity', text: 'Card', basicType: 'Error', basicValue: '#VALUE!', properties: {} };
const DIV0 = { type: 'Error', basicType: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' };
const REF = { type: 'Error', basicType: 'Error', basicValue: '#REF!', errorType: 'Ref' };

/** The classes of bad input for an argument of a kind, each with what the rules expect. */
function badInputs(spec: ArgumentSpec): { input: BadInput; expected: Expected }[] {
  const k = spec.kind;
  const out: { input: BadInput; expected: Expected }[] = [];
  const add = (label: string, value: unknown, expected: Expected, code?: string) => out.push({ input: { label, value, code }, expected });
  const blank: Expected = spec.optional || spec.blankIsNone ? 'result' : 'error';
  add('missing', undefined, blank);
  add('null', null, blank);
  add('empty text', '', blank);
  // Passed on with its own code; a case range or a tape names the bad cell instead (#VALUE!).
  add('error value #DIV/0!', DIV0, 'error', k === 'tape' || k === 'caseRange' ? '#VALUE!' : '#DIV/0!');
  add('error value #REF!', REF, 'error', '#VALUE!');
  add('linked data type (Stocks)', LINKED_ENTITY, 'error');
  add('entity data type', ENTITY, 'error');
  if (NUMERIC.includes(k)) {
    add('text "abc"', 'abc', 'error');
    add('text numeral "1,500"', '1,500', 'error');
    add('TRUE', true, 'error');
    add('negative -5', -5, 'error');
    const zeroOk = ['amount', 'rate', 'reduction', 'monthsFrom0', 'days', 'hours'].includes(k) && !spec.zeroInvalid;
    add('zero', 0, zeroOk ? 'result' : 'error', spec.zeroIsDivisor ? '#DIV/0!' : undefined);
    add('huge 1e15', 1e15, 'error');
    add('huge 10^9', 1e9 + 1, 'error');
    if (k === 'rate' || k === 'reduction') add('percent typed as a number 4.75', 4.75, 'error');
    if (k === 'cap') {
      add('percent typed as a number 150', 150, 'error');
      add('ratio 1 (no room)', 1, 'error');
    }
    if (WHOLE.includes(k)) add('fraction 1.5', 1.5, 'error');
    if (k === 'hours') add('more hours than a week 169', 169, 'error');
    if (k === 'monthsFrom0' || k === 'monthsFrom1') add('601 months', 601, 'error');
  }
  if (k === 'date') {
    add('text "abc"', 'abc', 'error');
    add('TRUE', true, 'error');
    add('negative -5', -5, 'error');
    add('zero (no date)', 0, 'error');
    add('huge 10^9', 1e9, 'error');
    add('impossible date 2025-02-30', '2025-02-30', 'error');
    add('typo year 1926', '1926-06-01', 'error');
    add('typo year 0026', '0026-06-01', 'error');
    add('typo year 2206 (serial)', 112_000, 'error');
    add('US text date 06/01/2025', '06/01/2025', 'error');
  }
  if (k === 'text') {
    add('number 42', 42, 'error');
    add('TRUE', true, 'error');
    add('unknown word "XX"', 'XX', 'error');
  }
  if (k === 'boolean') {
    add('text "yes"', 'yes', 'error');
    add('number 2', 2, 'error');
  }
  if (k === 'programs') {
    add('number 42', 42, 'error');
    add('unknown program "NOPE"', 'NOPE', 'error');
  }
  if (k === 'caseRange' || k === 'tape') {
    add('number 42', 42, 'error');
    add('text "abc"', 'abc', 'error');
  }
  return out;
}

/** The argument as Excel passes it: a matrix parameter gets a 2-D array, except an omitted argument. */
function asPassed(spec: ArgumentSpec, value: unknown): unknown {
  if (!spec.matrix || value === undefined || value === null) return value;
  return [[value]];
}

type Verdict = 'clear error' | 'documented #DIV/0!' | 'documented default' | 'valid result' | 'silent wrong result' | 'unclear error' | 'internal error';

type Outcome = { ok: true; result: unknown } | { ok: false; error: unknown };

/** One call; an asynchronous function (LM.PORTFOLIO) is awaited, and its rejection is its error. */
async function call(spec: CallSpec, index: number, value: unknown): Promise<Outcome> {
  const args = spec.args.map((a, i) => (i === index ? value : a.value));
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  try {
    return { ok: true, result: await spec.fn(...args) };
  } catch (error) {
    return { ok: false, error };
  }
}

function verdict(arg: ArgumentSpec, input: BadInput, expected: Expected, outcome: Outcome): Verdict {
  if (outcome.ok) {
    if (expected === 'error') return 'silent wrong result';
    return ['missing', 'null', 'empty text'].includes(input.label) ? 'documented default' : 'valid result';
  }
  const error = outcome.error;
  if (!(error instanceof CustomFunctionError)) return 'internal error';
  const message = customMessage(error);
  if (message.startsWith('LM could not compute')) return 'internal error';
  if (input.code === '#DIV/0!' && input.label === 'zero') return error.code === '#DIV/0!' && message === '' ? 'documented #DIV/0!' : 'unclear error';
  if (input.code && input.code !== '#VALUE!') return error.code === input.code ? 'clear error' : 'unclear error';
  if ((error.code === '#VALUE!' || error.code === '#N/A') && message.includes(arg.name)) return 'clear error';
  return 'unclear error';
}

describe('bad-argument matrix: every LM function argument x every class of bad input', () => {
  const rows: { fn: string; arg: string; input: string; verdict: Verdict; detail: string }[] = [];

  beforeAll(async () => {
    for (const spec of CALLS) {
      for (const [index, arg] of spec.args.entries()) {
        for (const { input, expected } of badInputs(arg)) {
          const outcome = await call(spec, index, asPassed(arg, input.value));
          let v = verdict(arg, input, expected, outcome);
          // In a loan tape an error value or a data type in a row's cell makes that row an error row.
          if (arg.kind === 'tape' && outcome.ok && expected !== 'result') v = 'silent wrong result';
          const detail = outcome.ok ? JSON.stringify(outcome.result).slice(0, 120) : `${(outcome.error as { code?: string }).code ?? ''} ${customMessage(outcome.error as { code: string; message?: string })}`;
          rows.push({ fn: spec.id, arg: arg.name, input: input.label, verdict: v, detail });
        }
      }
    }
  });

  test('every valid baseline call gives a result', async () => {
    for (const spec of CALLS) {
      const outcome = await call(spec, -1, undefined);
      expect({ fn: spec.id, ok: outcome.ok, error: outcome.ok ? null : customMessage(outcome.error as never) }).toEqual({ fn: spec.id, ok: true, error: null });
    }
  });

  test('no silent wrong result, no unclear and no internal error', () => {
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row.verdict] = (counts[row.verdict] ?? 0) + 1;
    // The figures of the report (issue 9): inputs tried and their verdicts.
    console.log(`bad-argument matrix: ${rows.length} inputs over ${CALLS.length} functions, ${CALLS.reduce((n, c) => n + c.args.length, 0)} arguments: ${JSON.stringify(counts)}`);
    expect(rows.filter((r) => !['clear error', 'documented #DIV/0!', 'documented default', 'valid result'].includes(r.verdict))).toEqual([]);
    expect(rows.length).toBeGreaterThan(500);
  });

  test('every argument of every function is in the matrix', () => {
    for (const spec of CALLS) for (const arg of spec.args) expect(rows.some((r) => r.fn === spec.id && r.arg === arg.name)).toBe(true);
  });

  test('a bad cell in a loan tape is an error in its own row, named by its header; the other loans are evaluated', async () => {
    const tape = CALLS.find((c) => c.id === 'PORTFOLIO');
    if (!tape) throw new Error('no PORTFOLIO');
    const upb = TAPE_HEADER.indexOf('upb');
    for (const [bad, note] of [
      [DIV0, 'row 3, upb holds #DIV/0!'],
      [LINKED_ENTITY, 'row 3, upb: a linked data type (Stocks, Geography…) was given; pass a plain number, text or date'],
      ['0x4E000', 'row 3, loan.upb: "0x4E000" is not a number'],
    ] as const) {
      const second: unknown[] = [...TAPE_LOAN];
      second[0] = 'T-2';
      second[upb] = bad;
      const rows2 = (await tape.fn([TAPE_HEADER, TAPE_LOAN, second], false)) as unknown[][];
      expect(rows2).toHaveLength(2);
      expect(rows2[0][2]).not.toBe('#ERROR');
      expect(rows2[1].slice(0, 3)).toEqual([3, expect.anything(), '#ERROR']);
      expect(rows2[1][6]).toBe(note);
    }
  });
});
