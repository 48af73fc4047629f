import { caseJsonFromLabelRange } from '../../src/engine/labelRange';
import { resolveField, cellToFieldValue } from '../../src/engine/caseFields';

describe('resolveField', () => {
  test('paths and unambiguous leaf names, case-insensitive', () => {
    expect(resolveField('loan.upb')).toMatchObject({ kind: 'scalar', path: 'loan.upb' });
    expect(resolveField(' UPB ')).toMatchObject({ kind: 'scalar', path: 'loan.upb' });
    expect(resolveField('contractualPI')).toMatchObject({ path: 'loan.contractualPI', fieldKind: 'number' });
    expect(resolveField('valuationDate')).toMatchObject({ path: 'property.valuationDate', fieldKind: 'date' });
    expect(resolveField('borrower.incomes[1].frequency')).toMatchObject({ kind: 'line', list: 'incomes', index: 1, key: 'frequency' });
    expect(resolveField('grossMonthlyIncome')).toMatchObject({ kind: 'shorthand' });
  });
  test('unknown names are errors naming the name', () => {
    expect(resolveField('loan.upbb')).toEqual({ error: expect.stringContaining('"loan.upbb" is not a case field') });
    expect(resolveField('borrower.debts[0].rate')).toEqual({ error: expect.stringContaining('no field "rate"') });
  });
});

describe('cellToFieldValue', () => {
  test('Excel date serials become ISO dates (45945 is 2025-10-15: 45658 = 2025-01-01, + 287 days)', () => {
    expect(cellToFieldValue(45945, 'date')).toEqual({ ok: true, value: '2025-10-15' });
    expect(cellToFieldValue('2025-10-15', 'date')).toEqual({ ok: true, value: '2025-10-15' });
    expect(cellToFieldValue('15/10/2025', 'date')).toMatchObject({ ok: false });
  });
  test('numbers, text, booleans, blanks', () => {
    expect(cellToFieldValue('$1,234.50', 'number')).toEqual({ ok: true, value: 1234.5 });
    expect(cellToFieldValue('abc', 'number')).toMatchObject({ ok: false, message: '"abc" is not a number' });
    expect(cellToFieldValue(3.5, 'integer')).toMatchObject({ ok: false });
    expect(cellToFieldValue(12345678, 'string')).toEqual({ ok: true, value: '12345678' });
    expect(cellToFieldValue('Yes', 'boolean')).toEqual({ ok: true, value: true });
    expect(cellToFieldValue(false, 'boolean')).toEqual({ ok: true, value: false });
    expect(cellToFieldValue('', 'number')).toEqual({ ok: true, value: null });
    expect(cellToFieldValue('Jane Doe; John Doe', 'names')).toEqual({ ok: true, value: ['Jane Doe', 'John Doe'] });
  });
});

describe('caseJsonFromLabelRange', () => {
  test('labels as paths, leaf names and sheet labels; headings and blank values skipped', () => {
    const range = [
      ['Case', null],
      ['Case ID', 'C-1'],
      ['investor', 'FANNIE'],
      ['Evaluation date', 45945],
      ['Loan', ''],
      ['loan.upb', 200000],
      ['rate', 0.05],
      ['Monthly escrow', null],
      ['borrower.incomes[0].amount', 2450],
      ['borrower.incomes[0].frequency', 'BIWEEKLY'],
      ['monthlyDebts', 385],
    ];
    const result = caseJsonFromLabelRange(range, { 'Case ID': 'caseId', 'Evaluation date': 'evaluationDate', 'Monthly escrow': 'loan.monthlyEscrow' });
    expect(result).toEqual({
      ok: true,
      json: {
        caseId: 'C-1',
        investor: 'FANNIE',
        evaluationDate: '2025-10-15',
        loan: { upb: 200000, rate: 0.05 },
        borrower: {
          incomes: [{ amount: 2450, frequency: 'BIWEEKLY' }],
          debts: [{ type: 'OTHER', monthlyPayment: 385 }],
        },
      },
    });
  });
  test('every problem at once, each naming the row and label', () => {
    const result = caseJsonFromLabelRange([
      ['upbb', 1],
      ['rate', 'five'],
      ['loan.rate', 0.05],
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(3);
    expect(result.problems[0].field).toBe('row 1 (upbb)');
    expect(result.problems[1]).toEqual({ field: 'row 2 (rate) loan.rate', message: '"five" is not a number' });
    expect(result.problems[2].message).toBe('loan.rate is given twice');
  });
  test('a one-column range is refused', () => {
    expect(caseJsonFromLabelRange([['upb']])).toMatchObject({ ok: false, problems: [{ field: 'case_range' }] });
  });
});
