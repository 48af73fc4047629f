/**
 * The workbench grid behaves like a spreadsheet: arrays returned by =LM.* formulas flow into the
 * neighbouring cells (#SPILL! when one is taken), only #VALUE! and #N/A show a message, typing
 * is read as Excel reads it (a text-formatted cell keeps leading zeros), list validations offer
 * their items, and a new sheet has room to type in.
 */
import { createInMemoryExcel } from '../../../src/workbench/excelHost';
import type { RequestContext } from '../../../src/workbench/excelHost/api';
import { CustomFunctionError, CustomFunctionRegistry } from '../../../src/workbench/page/customFunctions';
import { MIN_COLUMNS, MIN_ROWS, gridFromWorkbook } from '../../../src/workbench/page/gridModel';
import { registerLmFunctions } from '../../../src/workbench/page/lmFunctionsPlugin';

const registry = new CustomFunctionRegistry();
// Registered before any HyperFormula is built, as the workbench page does. The ids are generic:
// any function that returns an array spills, whatever its name.
registerLmFunctions(
  {
    functions: [
      { id: 'SCHEDULE', name: 'SCHEDULE', parameters: [{ name: 'months' }] },
      { id: 'FAILS', name: 'FAILS', parameters: [{ name: 'code' }] },
    ],
  },
  registry,
);
registry.api().associate('SCHEDULE', (months: number) => [['Month', 'Payment'], ...Array.from({ length: months }, (_, i) => [i + 1, 100 * (i + 1)])]);
registry.api().associate('FAILS', (code: string) => {
  throw new CustomFunctionError(code, `the ${code} message`);
});

function setup() {
  const host = createInMemoryExcel();
  const type = (address: string, text: string) =>
    host.Excel.run(async (context: RequestContext) => {
      context.workbook.worksheets.getItem('Sheet1').getRange(address).formulas = [[text]];
      await context.sync();
    });
  const grid = () => gridFromWorkbook(host.workbook)[0];
  const at = (address: string) => {
    const match = /^([A-Z])(\d+)$/.exec(address)!;
    return grid().cells[Number(match[2]) - 1][match[1].charCodeAt(0) - 65];
  };
  return { host, type, grid, at };
}

describe('spills', () => {
  test('an array flows into the neighbouring cells', async () => {
    const { type, at } = setup();
    await type('B2', '=LM.SCHEDULE(3)');
    expect(at('B2')!.display).toBe('Month');
    expect(at('C2')!.display).toBe('Payment');
    expect(at('B5')!.value).toBe(3);
    expect(at('C5')!.value).toBe(300);
    expect(at('C5')!.spilledFrom).toBe('B2');
    expect(at('B6')).toBeNull();
  });

  test('a taken cell in the way gives #SPILL! and nothing flows; clearing it lets the array flow again', async () => {
    const { type, at } = setup();
    await type('C4', 'mine');
    await type('B2', '=LM.SCHEDULE(3)');
    expect(at('B2')!.display).toBe('#SPILL!');
    expect(at('B3')).toBeNull();
    expect(at('C4')!.value).toBe('mine');
    await type('C4', '');
    expect(at('B2')!.display).toBe('Month');
    expect(at('C4')!.value).toBe(200);
  });

  test('a cell retyped with a value no longer spills', async () => {
    const { type, at } = setup();
    await type('B2', '=LM.SCHEDULE(2)');
    await type('B2', '7');
    expect(at('B3')).toBeNull();
  });
});

describe('error messages, as Excel shows them', () => {
  test('#VALUE! and #N/A carry their message; #NUM! and #DIV/0! do not', async () => {
    const { type, at } = setup();
    await type('A1', '=LM.FAILS("#VALUE!")');
    await type('A2', '=LM.FAILS("#N/A")');
    await type('A3', '=LM.FAILS("#NUM!")');
    await type('A4', '=LM.FAILS("#DIV/0!")');
    expect(at('A1')!.message).toBe('the #VALUE! message');
    expect(at('A2')!.message).toBe('the #N/A message');
    expect(at('A3')!.display).toBe('#NUM!');
    expect(at('A3')!.message).toBeUndefined();
    expect(at('A4')!.message).toBeUndefined();
  });
});

describe('typing', () => {
  test('is read as Excel reads it', async () => {
    const { type, at } = setup();
    await type('A1', '1,234.50');
    await type('A2', '$2,450');
    await type('A3', '4.75%');
    await type('A4', 'true');
    await type('A5', 'FANNIE');
    await type('A6', '=SUM(A1:A2)');
    expect([1, 2, 3, 4, 5, 6].map((r) => at(`A${r}`)!.value)).toEqual([1234.5, 2450, 0.0475, true, 'FANNIE', 3684.5]);
  });

  test('a text-formatted cell keeps leading zeros (an SSN ending 0392)', async () => {
    const { host, type, at } = setup();
    await host.Excel.run(async (context: RequestContext) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('B1').numberFormat = [['@']];
      await context.sync();
    });
    await type('B1', '0392');
    await type('B2', '0392');
    expect(at('B1')!.value).toBe('0392');
    expect(at('B1')!.display).toBe('0392');
    expect(at('B2')!.value).toBe(392);
  });
});

describe('the grid', () => {
  test('a cell with a list validation offers its items', async () => {
    const { host, at } = setup();
    await host.Excel.run(async (context: RequestContext) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('D2:D3').dataValidation.rule = { list: { inCellDropDown: true, source: 'Yes,No' } };
      await context.sync();
    });
    expect(at('D2')!.list).toEqual(['Yes', 'No']);
    expect(at('D4')).toBeNull();
  });

  test(`a new sheet has room to type in (${MIN_ROWS} rows x ${MIN_COLUMNS} columns), and grows past its content`, async () => {
    const { type, grid } = setup();
    expect([grid().rows, grid().columns]).toEqual([100, 26]);
    await type('AD150', 'far');
    expect(grid().rows).toBeGreaterThan(150);
    expect(grid().columns).toBeGreaterThan(30);
  });
});
