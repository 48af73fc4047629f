/**
 * LM.DTI as Excel calls it (direct calls with the values Excel passes) and inside a workbook
 * (HyperFormula, with references and ranges). Expected ratios are hand computations shown inline.
 */
import { customMessage, excelErrorOf } from '../support/customFunctionsShim';
import { dti } from '../../src/functions/functions';
import { registerLmFunctions } from '../support/lmFunctions';
import { workbook } from '../support/hyperformulaBridge';

describe('LM.DTI called as Excel calls it', () => {
  it('front-end DTI: housing / income (1550 / 5000 = 0.31)', () => {
    expect(dti([[5000]], [[1550]])).toBe(0.31);
  });

  it('back-end DTI adds other debts ((1550 + 385) / 5000 = 0.387)', () => {
    expect(dti([[5000]], [[1550]], [[385]])).toBe(0.387);
  });

  it('sums ranges and ignores blank cells ("" in a range, null)', () => {
    // income 3000 + 2000 = 5000; housing 1200 + 200 + 150 = 1550
    expect(dti([[3000], [''], [2000]], [[1200, 200], [150, null as unknown as number]])).toBe(0.31);
  });

  it('an omitted or blank other_debts gives the front-end DTI', () => {
    expect(dti([[5000]], [[1550]], undefined)).toBe(0.31);
    expect(dti([[5000]], [[1550]], null as unknown as number[][])).toBe(0.31);
    expect(dti([[5000]], [[1550]], [['']])).toBe(0.31);
  });

  it('adds in decimals, not binary floating point (0.03 / (0.1 + 0.2) = 0.1 exactly)', () => {
    // In doubles 0.03 / (0.1 + 0.2) is 0.09999999999999999.
    expect(dti([[0.1], [0.2]], [[0.03]])).toBe(0.1);
  });

  it('zero income is a bare #DIV/0!, as Excel shows it (a message shows only with #VALUE! and #N/A)', () => {
    const error = excelErrorOf(() => dti([[0]], [[1550]]));
    expect(error.code).toBe('#DIV/0!');
    expect(customMessage(error)).toBe('');
  });

  it('text is #VALUE! naming the argument', () => {
    const error = excelErrorOf(() => dti([[5000]], [['1,550']]));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('housing_expense must be a number, not the text "1,550"');
  });

  it('a negative amount is #VALUE! naming the argument', () => {
    const error = excelErrorOf(() => dti([[5000]], [[1550]], [[385], [-20]]));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^other_debts must not be negative \(-20\)/);
  });

  it('TRUE/FALSE is not a number', () => {
    expect(excelErrorOf(() => dti([[true]], [[1550]])).message).toBe('income must be a number, not TRUE');
  });

  it('a blank income says what to enter', () => {
    const error = excelErrorOf(() => dti([['']], [[1550]]));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('income is blank: enter the gross monthly income');
  });
});

describe('LM.DTI in a workbook (HyperFormula)', () => {
  beforeAll(registerLmFunctions);

  const sheet = () =>
    workbook([
      [3000, 1200, 385, '=LM.DTI(A1:A3, B1:B3)'],
      [null, 200, null, '=LM.DTI(A1:A3, B1:B3, C1)'],
      [2000, 150, null, '=LM.DTI(A1:A3, B1:B3, C1:C3)'],
      ['abc', null, null, '=LM.DTI(A1:A4, B1:B3)'],
      [0, null, null, '=LM.DTI(A5, B1:B3)'],
      [null, null, null, '=lm.dti(A1:A3, B1:B3) * 100'],
      [null, null, null, '=LM.DTI(A1:A3, 1/0)'],
      [null, null, null, '=LM.DTI(A1:A3, -5)'],
    ]);

  it('computes front-end and back-end DTI from references and ranges', () => {
    const { value } = sheet();
    expect(value('D1')).toBe(0.31); // 1550 / 5000
    expect(value('D2')).toBe(0.387); // (1550 + 385) / 5000
    expect(value('D3')).toBe(0.387); // C2:C3 blank, ignored
    expect(value('D6')).toBe(31); // the result composes with Excel arithmetic; names are case-insensitive
  });

  it('shows #VALUE! for text in a range, #DIV/0! for zero income, and passes errors through', () => {
    const { value } = sheet();
    expect(value('D4')).toMatchObject({ value: '#VALUE!', message: 'income must be a number, not the text "abc"' });
    expect(value('D5')).toMatchObject({ value: '#DIV/0!', message: '' }); // no message: Excel shows none with #DIV/0!
    expect(value('D7')).toMatchObject({ value: '#DIV/0!' });
    expect(value('D8')).toMatchObject({ value: '#VALUE!', message: expect.stringMatching(/^housing_expense must not be negative/) });
  });
});
