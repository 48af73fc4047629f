/**
 * The workbench grid shows a function's error as Excel does: the message only with #VALUE! and
 * #N/A ("The #VALUE! and #N/A errors also support custom error messages", Microsoft Learn,
 * custom-functions-errors), bare #NUM! and #DIV/0!.
 */
import { HyperFormula } from 'hyperformula';
import { CustomFunctionError, CustomFunctionRegistry, ERROR_CODES } from '../../src/workbench/page/customFunctions';
import { registerLmFunctions } from '../../src/workbench/page/lmFunctionsPlugin';

test('the workbench keeps messages on #VALUE! and #N/A only', () => {
  const registry = new CustomFunctionRegistry();
  registerLmFunctions({ functions: [{ id: 'FAILWITH', name: 'FAILWITH', parameters: [{ name: 'code' }] }] }, registry);
  registry.api().associate('FAILWITH', (code: string) => {
    throw new CustomFunctionError(code, 'the reason');
  });
  const hf = HyperFormula.buildFromArray([['=LM.FAILWITH("#VALUE!")', '=LM.FAILWITH("#N/A")', '=LM.FAILWITH("#NUM!")', '=LM.FAILWITH("#DIV/0!")']], { licenseKey: 'gpl-v3' });
  const cell = (col: number) => hf.getCellValue({ sheet: 0, row: 0, col }) as { value: string; message: string };
  expect([cell(0).value, cell(0).message]).toEqual([ERROR_CODES.invalidValue, 'the reason']);
  expect([cell(1).value, cell(1).message]).toEqual([ERROR_CODES.notAvailable, 'the reason']);
  expect([cell(2).value, cell(2).message]).toEqual([ERROR_CODES.invalidNumber, '']);
  expect([cell(3).value, cell(3).message]).toEqual([ERROR_CODES.divisionByZero, '']);
});
