/**
 * The workbench computes an asynchronous LM function (LM.PORTFOLIO returns a Promise): its cell
 * is busy while the call runs (Excel shows #BUSY!; HyperFormula has none, so #N/A saying
 * "#BUSY!"), the page hears when the call settles, and a recalculation of the cell shows the
 * result, spilled, without calling the function again. A rejection shows its cell error.
 */
import { HyperFormula } from 'hyperformula';
import { CustomFunctionError, CustomFunctionRegistry } from '../../src/workbench/page/customFunctions';
import { onAsyncSettled, registerLmFunctions, type FormulaCell } from '../../src/workbench/page/lmFunctionsPlugin';
import { SpillRegistry } from '../../src/workbench/page/spills';

test('a Promise-returning function: busy, then its result once the page recalculates the cell', async () => {
  const registry = new CustomFunctionRegistry();
  const spills = new SpillRegistry();
  registerLmFunctions(
    { functions: [{ id: 'LATER', name: 'LATER', parameters: [{ name: 'n' }], result: { dimensionality: 'matrix' } }, { id: 'REFUSE', name: 'REFUSE', parameters: [{ name: 'n' }] }] },
    registry,
    spills,
  );
  let calls = 0;
  registry.api().associate('LATER', async (n: number) => {
    calls++;
    await new Promise((resolve) => setTimeout(resolve, 0));
    return [['loans', n], ['done', true]];
  });
  registry.api().associate('REFUSE', async () => {
    throw new CustomFunctionError('#VALUE!', 'the reason');
  });
  const settled: FormulaCell[] = [];
  const stop = onAsyncSettled((at) => settled.push(at));

  const hf = HyperFormula.buildFromArray([['=LM.LATER(3)', null, '=LM.REFUSE(1)']], { licenseKey: 'gpl-v3' });
  const cell = (col: number) => hf.getCellValue({ sheet: 0, row: 0, col });
  expect(cell(0)).toMatchObject({ value: '#N/A', message: '#BUSY! LM.LATER is still computing' });
  expect(cell(2)).toMatchObject({ value: '#N/A', message: '#BUSY! LM.REFUSE is still computing' });

  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(settled).toEqual(expect.arrayContaining([{ sheet: 0, row: 0, col: 0 }, { sheet: 0, row: 0, col: 2 }]));
  // What the page does on settling: write the formula again (editCell), which recalculates the cell.
  hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [['=LM.LATER(3)']]);
  hf.setCellContents({ sheet: 0, row: 0, col: 2 }, [['=LM.REFUSE(1)']]);
  expect(cell(0)).toBe('loans');
  expect(spills.arrayAt(0, 0, 0)).toEqual([['loans', 3], ['done', true]]);
  expect(cell(2)).toMatchObject({ value: '#VALUE!', message: 'the reason' });
  expect(calls).toBe(1);

  // New arguments: a new call, busy again.
  hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [['=LM.LATER(4)']]);
  expect(cell(0)).toMatchObject({ value: '#N/A' });
  expect(calls).toBe(2);
  stop();
});
