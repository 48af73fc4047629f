/** Cell values as a user leaves them in the Case Input sheet, converted to case-format values. */
import { convertCell } from '../../src/summary/caseInputRead';
import { caseInputPlan } from '../../src/summary/caseInputPlan';
import { PLACED_FIELDS, choiceCode, choiceLabel } from '../../src/summary/caseInputLayout';
import { caseoptions as evaluate } from '../../src/functions/caseOptions';
import { FIXTURE_CASE, FIXTURE_CASE_JSON } from './fixtures';

/** Leaf paths of an object (arrays and the overrides map count as leaves). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || prefix === 'rulebookOverrides') return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe('convertCell', () => {
  test('rates: a percent typed as text or a fraction; a bare 4.75 is refused with the engine message', () => {
    expect(convertCell('rate', '4.75%', undefined, 'Interest rate')).toEqual({ ok: true, value: 0.0475 });
    expect(convertCell('rate', 0.0475, undefined, 'Interest rate')).toEqual({ ok: true, value: 0.0475 });
    expect(convertCell('rate', 4.75, undefined, 'Interest rate')).toEqual({ ok: false, message: 'Interest rate 4.75 looks like a percent: enter 4.75% or 0.0475' });
  });

  test('dates: an Excel serial or ISO text; anything else names the format to use', () => {
    // 45945 = 2025-10-15 (45658 = 2025-01-01, + 287 days).
    expect(convertCell('date', 45945)).toEqual({ ok: true, value: '2025-10-15' });
    expect(convertCell('date', '2025-10-15')).toEqual({ ok: true, value: '2025-10-15' });
    expect(convertCell('date', '10/15/2025', undefined, 'Evaluation date')).toMatchObject({ ok: false, message: expect.stringMatching(/Evaluation date .*YYYY-MM-DD/) });
  });

  test('amounts accept $ and thousands separators; text is refused', () => {
    expect(convertCell('currency', '$1,913.14')).toEqual({ ok: true, value: 1913.14 });
    expect(convertCell('currency', 'n/a', undefined, 'UPB')).toMatchObject({ ok: false, message: 'UPB "n/a" is not an amount in dollars, e.g. 1913.14' });
  });

  test('lists and yes/no', () => {
    expect(convertCell('enum', 'freddie', ['FANNIE', 'FREDDIE'])).toEqual({ ok: true, value: 'FREDDIE' });
    expect(convertCell('enum', 'Reduction in income', ['REDUCTION_IN_INCOME'])).toEqual({ ok: true, value: 'REDUCTION_IN_INCOME' });
    // Plain-English choices map to the case format, and the codes are still accepted.
    expect(convertCell('enum', 'Fannie Mae', ['FANNIE', 'FREDDIE'])).toEqual({ ok: true, value: 'FANNIE' });
    expect(convertCell('enum', 'every two weeks', ['WEEKLY', 'BIWEEKLY'])).toEqual({ ok: true, value: 'BIWEEKLY' });
    expect(convertCell('enum', 'GINNIE', ['FANNIE', 'FREDDIE'], 'Investor')).toEqual({ ok: false, message: 'Investor "GINNIE" is not one of Fannie Mae, Freddie Mac: pick one from the list' });
    expect(convertCell('yesno', 'Yes')).toEqual({ ok: true, value: true });
    expect(convertCell('yesno', false)).toEqual({ ok: true, value: false });
    expect(convertCell('yesno', 'maybe')).toMatchObject({ ok: false });
  });

  test('a blank cell is left out (the default applies)', () => {
    expect(convertCell('currency', '')).toEqual({ ok: true, blank: true });
    expect(convertCell('text', null)).toEqual({ ok: true, blank: true });
  });
});

describe('caseInputPlan', () => {
  test('every case-format scalar field has exactly one labelled input cell', () => {
    const plan = caseInputPlan();
    const paths = PLACED_FIELDS.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const field of PLACED_FIELDS) {
      expect(plan.cells).toContainEqual(expect.objectContaining({ address: `A${field.row + 1}`, value: field.label }));
      expect(plan.cells).toContainEqual(expect.objectContaining({ address: `B${field.row + 1}`, style: 'input' }));
    }
    // Every field of the case model (the fixture fills them all) is a cell or a table.
    const tables = ['borrower.names', 'borrower.incomes', 'borrower.debts', 'borrower.housingExpenses.'];
    for (const path of leafPaths(FIXTURE_CASE)) expect(paths.includes(path) || tables.some((t) => path.startsWith(t))).toBe(true);
    for (const path of ['caseId', 'investor', 'evaluationDate', 'loan.upb', 'loan.rate', 'loan.remainingTermMonths', 'loan.contractualPI', 'property.value', 'market.modificationRate', 'market.pmms', 'options.firstTrialPaymentDate', 'disposition.offerPrice']) {
      expect(paths).toContain(path);
    }
  });
});

describe('plain-English choices', () => {
  test('every list field offers labels that map back to its codes, one to one', () => {
    for (const field of PLACED_FIELDS.filter((f) => f.kind === 'enum')) {
      for (const code of field.options!) {
        expect(choiceLabel(code)).not.toMatch(/_|,/);
        expect(choiceCode(choiceLabel(code), field.options!)).toBe(code);
      }
    }
    expect(choiceLabel('REDUCTION_IN_INCOME')).toBe('Reduction in income');
  });

  test("LM.CASEOPTIONS over the sheet's label and value columns reads the plain-English choices", () => {
    const plan = caseInputPlan(FIXTURE_CASE_JSON);
    const value = (address: string) => plan.cells.find((c) => c.address === address)?.value ?? null;
    const range = PLACED_FIELDS.map((f) => [value(`A${f.row + 1}`), typeof value(`B${f.row + 1}`) === 'number' && f.kind === 'date' ? FIXTURE_CASE_JSON.evaluationDate : value(`B${f.row + 1}`)]);
    expect(range.find((row) => row[0] === 'Investor')![1]).toBe('Freddie Mac');
    const spilled = evaluate(range.filter((row) => !(typeof row[1] === 'number' && PLACED_FIELDS.find((f) => f.label === row[0])?.kind === 'date')) as never);
    expect(JSON.stringify(spilled)).not.toMatch(/Freddie Mac|not allowed/);
    expect(spilled[0][0]).toBe('Option');
  });
});
