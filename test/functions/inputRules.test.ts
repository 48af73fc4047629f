/**
 * The input rules of issue 9 and 10 for the functions, one by one, from the rules:
 * percent-typed caps, unknown states, hex text in a tape, field names that are Object members,
 * and data types (Microsoft Learn, custom-functions-data-types-concepts: a formatted number is
 * its basic value; an entity is not a number).
 */
import { excelErrorOf } from '../support/customFunctionsShim';
import { repayment, targetpi } from '../../src/functions/workouts';
import { npv } from '../../src/functions/npv';
import { dti } from '../../src/functions/functions';
import { regxdates } from '../../src/functions/timeline';
import { caseoptions } from '../../src/functions/caseOptions';
import { portfolio } from '../../src/functions/portfolio';
import { CASE_RANGE, TAPE_HEADER, TAPE_LOAN } from '../support/lmCallSpecs';
import { workbook } from '../support/hyperformulaBridge';
import { registerAllLmFunctions } from '../support/lmAllFunctions';

describe('bounds shared with the case rules', () => {
  test('LM.REPAYMENT: a cap typed 150 looks like a percent; 150% gives the GSE plan (2,500 over 3 months)', () => {
    // 1913.14 x 1.5 = 2869.71: room 956.57 a month; 2500 / 956.57 -> 3 months of 1913.14 + 833.34 = 2746.48.
    expect(repayment([[2500]], [[1913.14]], 1.5)).toEqual([[3, 2746.48]]);
    const error = excelErrorOf(() => repayment([[2500]], [[1913.14]], 150));
    expect(error).toEqual({ code: '#VALUE!', message: 'cap 150 looks like a percent: enter 150% or 1.5' });
  });
  test('a term over 600 months, a negative count and a reduction of 100% are refused by name', () => {
    expect(excelErrorOf(() => npv([[100000]], [[0]], 0.06, 601, 100000)).message).toBe('term_months must be at most 600, not 601');
    expect(excelErrorOf(() => npv([[100000]], [[0]], 0.06, 360, 100000, null, null, null, null, null, null, -1)).message).toMatch(/^days_delinquent must not be negative/);
    expect(excelErrorOf(() => targetpi(1913.14, 1)).code).toBe('#VALUE!');
  });
  test('an amount beyond any loan (1e15) is refused by name', () => {
    expect(excelErrorOf(() => dti([[1e15]], [[1550]]))).toEqual({ code: '#VALUE!', message: 'income 1000000000000000 is beyond any loan\'s figures (at most 1,000,000,000): check the cell' });
  });
  test('a date typed 1926 or 0026 is refused (0026 is never read as 1926)', () => {
    expect(excelErrorOf(() => regxdates('1926-10-15')).message).toBe('evaluation_date 1926-10-15 is outside 1990–2100: check the year');
    expect(excelErrorOf(() => regxdates('0026-10-15')).message).toBe('evaluation_date 0026-10-15 is outside 1990–2100: check the year');
  });
});

describe('LM.NPV: the state', () => {
  test('an unknown state is refused by name, not given the national timeline', () => {
    expect(excelErrorOf(() => npv([[100000]], [[0]], 0.06, 360, 100000, 'XX'))).toEqual({
      code: '#VALUE!',
      message: 'state "XX" is not a US state code: enter a two-letter USPS code such as "GA" (or "NYC"), or leave it blank for the national timeline',
    });
  });
  test('a state in any case is read; blank is the national timeline', () => {
    expect(npv([[100000]], [[0]], 0.06, 360, 100000, 'ga')).toEqual(npv([[100000]], [[0]], 0.06, 360, 100000, 'GA'));
    expect(() => npv([[100000]], [[0]], 0.06, 360, 100000, null)).not.toThrow();
  });
});

describe('field names and numerals in a tape or a case range', () => {
  for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    test(`a "${name}" header is refused by name in every row`, async () => {
      const rows = await portfolio([[...TAPE_HEADER, name], [...TAPE_LOAN, 5]] as never, false);
      expect(rows[0][2]).toBe('#ERROR');
      expect(rows[0][6]).toContain(`"${name}" is not a case field`);
    });
    test(`a "${name}" label with a value is refused by name`, () => {
      const error = excelErrorOf(() => caseoptions([...CASE_RANGE, [name, 5]] as never));
      expect(error.code).toBe('#VALUE!');
      expect(error.message).toContain(`"${name}" is not a case field`);
    });
  }
  test.each(['0x4E000', '1e5', 'Infinity', '0b101', ' 12 34 '])('tape text %j is not read as a number', async (text) => {
    const loan: unknown[] = [...TAPE_LOAN];
    loan[TAPE_HEADER.indexOf('upb')] = text;
    const rows = await portfolio([TAPE_HEADER, loan] as never, false);
    expect(rows[0][6]).toBe(`row 2, loan.upb: ${JSON.stringify(text)} is not a number`);
  });
  test('plain decimal text with $ and commas is still read', async () => {
    const loan: unknown[] = [...TAPE_LOAN];
    loan[TAPE_HEADER.indexOf('upb')] = '$347,868.83';
    expect(await portfolio([TAPE_HEADER, loan] as never, false)).toEqual(await portfolio([TAPE_HEADER, TAPE_LOAN] as never, false));
  });
});

describe('Excel data types as arguments', () => {
  const stocks = { type: 'LinkedEntity', text: 'Microsoft Corp', basicType: 'Error', basicValue: '#VALUE!', id: { entityId: 'x', domainId: 'Stocks', serviceId: 268 } };
  test('a linked data type (Stocks) gets a #VALUE! saying what to pass', () => {
    expect(excelErrorOf(() => dti([[stocks]], [[1550]]))).toEqual({
      code: '#VALUE!',
      message: 'income: a linked data type (Stocks, Geography…) was given; pass a number or a cell with a number',
    });
  });
  test('a formatted number counts as its number (its format is only how it shows)', () => {
    const formatted = { type: 'FormattedNumber', basicValue: 5000, numberFormat: '$#,##0' };
    expect(dti([[formatted]], [[1550]])).toBe(dti([[5000]], [[1550]]));
    expect(repayment([[2500]], [[1913.14]], { type: 'FormattedNumber', basicValue: 1.5, numberFormat: '0%' })).toEqual([[3, 2746.48]]);
  });
  test('an entity in a text argument is refused too', () => {
    expect(excelErrorOf(() => npv([[100000]], [[0]], 0.06, 360, 100000, { type: 'Entity', text: 'Georgia', properties: {} })).message).toBe(
      'state: an entity data type (a card value) was given; pass text or a cell with text',
    );
  });
});

describe('in cells (HyperFormula bridge, error cells passed in as Excel does with allowErrorForDataTypeAny)', () => {
  beforeAll(registerAllLmFunctions);
  test('LM.PORTFOLIO: a #DIV/0! in one loan row makes that row an error row; the other loan is evaluated', async () => {
    const second: unknown[] = [...TAPE_LOAN];
    second[0] = 'T-2';
    second[TAPE_HEADER.indexOf('upb')] = '=1/0';
    const wb = workbook([TAPE_HEADER, TAPE_LOAN, second, ['=LM.PORTFOLIO(A1:L3, FALSE())']] as never);
    await wb.settle();
    expect(wb.value('B4')).toBe('T-1');
    expect(wb.value('C4')).not.toBe('#ERROR');
    expect([wb.value('A5'), wb.value('C5'), wb.value('G5')]).toEqual([3, '#ERROR', 'row 3, upb holds #DIV/0!']);
  });
  test('a scalar function passes an error cell on with its own code, bare', () => {
    const wb = workbook([[null, '=LM.DTI(1/0, 1550)', '=LM.DTI(NA(), 1550)']]);
    expect(wb.value('B1')).toMatchObject({ value: '#DIV/0!', message: '' });
    expect(wb.value('C1')).toMatchObject({ value: '#N/A' });
  });
});
