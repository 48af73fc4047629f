/**
 * Messages reach only the error codes Excel shows them on. Excel displays a custom message with
 * #VALUE! and #N/A only ("The #VALUE! and #N/A errors also support custom error messages",
 * Microsoft Learn, custom-functions-errors; the ErrorCode reference says a custom message cannot
 * be used with #DIV/0! or #NUM!). For every LM function: an error value passed in with another
 * code comes back with that code and no message, called directly and from a cell (HyperFormula
 * bridge); excelError never attaches a message to another code.
 */
import '../support/customFunctionsShim';
import { CustomFunctionError } from '../../src/workbench/page/customFunctions';
import { excelError, toExcelError } from '../../src/functions/excelErrors';
import { ArgumentError } from '../../src/engine/errors';
import { customMessage } from '../support/customFunctionsShim';
import { CALLS } from '../support/lmCallSpecs';
import { workbook } from '../support/hyperformulaBridge';
import { registerAllLmFunctions } from '../support/lmAllFunctions';

const errorValue = (code: string, errorType: string) => ({ type: 'Error', basicType: 'Error', basicValue: code, errorType });

describe('custom messages only on #VALUE! and #N/A', () => {
  test('excelError: a message on #VALUE! and #N/A, none on #NUM! or #DIV/0!', () => {
    expect(customMessage(excelError('value', 'upb: x'))).toBe('upb: x');
    expect(customMessage(excelError('na', 'not eligible'))).toBe('not eligible');
    expect(customMessage(excelError('num', 'would be lost'))).toBe('');
    expect(customMessage(excelError('div0', 'would be lost'))).toBe('');
    expect(customMessage(toExcelError(new ArgumentError('income', 'income must be greater than 0', 'div0')))).toBe('');
    expect(customMessage(toExcelError(new CustomFunctionError('#NUM!', 'a message Excel would drop')))).toBe('');
  });

  test.each(CALLS.map((c) => [c.id, c] as const))('LM.%s passes #NUM! and #DIV/0! on bare, from every argument', async (_id, spec) => {
    for (const [index, arg] of spec.args.entries()) {
      for (const [code, type] of [['#NUM!', 'Num'], ['#DIV/0!', 'Div0']]) {
        // A tape's error cell is its row's note, a case range's is #VALUE! naming the row (badArguments.test.ts).
        if (arg.kind === 'tape' || arg.kind === 'caseRange') continue;
        const value = arg.matrix ? [[errorValue(code, type)]] : errorValue(code, type);
        const args = spec.args.map((a, i) => (i === index ? value : a.value));
        let thrown: unknown = null;
        try {
          await spec.fn(...args); // an asynchronous function (LM.PORTFOLIO) rejects with its error
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(CustomFunctionError);
        const error = thrown as CustomFunctionError;
        expect({ arg: arg.name, code: error.code, message: customMessage(error) }).toEqual({ arg: arg.name, code, message: '' });
      }
    }
  });

  describe('in cells (HyperFormula bridge)', () => {
    beforeAll(registerAllLmFunctions);
    test('#DIV/0! from the function shows bare; #VALUE! and #N/A keep their message', () => {
      const wb = workbook([
        ['=LM.DTI(0, 1550)', '=LM.LTV(1, 0)', '=LM.DTI(1/0, 1550)', '=LM.DEFERRAL(1, 1000)', '=LM.REPAYMENT(2500, 1913.14, 150)'],
      ]);
      expect(wb.value('A1')).toMatchObject({ value: '#DIV/0!', message: '' });
      expect(wb.value('B1')).toMatchObject({ value: '#DIV/0!', message: '' });
      expect(wb.value('C1')).toMatchObject({ value: '#DIV/0!', message: '' });
      expect(wb.value('D1')).toMatchObject({ value: '#N/A', message: expect.stringMatching(/^months_delinquent: not eligible for a payment deferral/) });
      expect(wb.value('E1')).toMatchObject({ value: '#VALUE!', message: 'cap 150 looks like a percent: enter 150% or 1.5' });
    });
  });
});
