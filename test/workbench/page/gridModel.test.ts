/**
 * The workbench grid model read from a real in-memory workbook (HyperFormula computes the
 * formulas), and the LM functions plugin that lets the grid compute =LM.* formulas.
 */
import { WorkbookModel } from '../../../src/workbench/excelHost/model';
import { gridFromWorkbook } from '../../../src/workbench/page/gridModel';
import { CustomFunctionError, CustomFunctionRegistry, ERROR_CODES } from '../../../src/workbench/page/customFunctions';
import { registerLmFunctions } from '../../../src/workbench/page/lmFunctionsPlugin';

/* eslint-disable @typescript-eslint/no-explicit-any -- custom functions take Excel's untyped arguments */
const registry = new CustomFunctionRegistry();
// Registered before any HyperFormula is built, as the workbench page does.
const names = registerLmFunctions(
  {
    functions: [
      { id: 'SUMX', name: 'SUMX', parameters: [{ name: 'values', dimensionality: 'matrix' }, { name: 'factor', optional: true }] },
      { id: 'PAIR', name: 'PAIR', parameters: [{ name: 'x' }] },
      { id: 'LATER', name: 'LATER', parameters: [] },
    ],
  },
  registry,
);

function workbook(): { model: WorkbookModel; sheet: ReturnType<WorkbookModel['addSheet']> } {
  const model = new WorkbookModel();
  const sheet = model.addSheet('Case Summary');
  return { model, sheet };
}

test('values, computed formulas, number formats and styles', () => {
  const { model, sheet } = workbook();
  model.setContent(sheet, 0, 0, { formula: null, value: 'Contractual P&I' });
  model.setContent(sheet, 0, 1, { formula: null, value: 1520.06 });
  model.setContent(sheet, 1, 1, { formula: null, value: 403 });
  model.setContent(sheet, 2, 1, { formula: '=B1+B2', value: null });
  sheet.ensureCell(2, 1).numberFormat = '$#,##0.00';
  sheet.ensureCell(0, 0).style = { bold: true };
  const [grid] = gridFromWorkbook(model);
  expect(grid.name).toBe('Case Summary');
  const total = grid.cells[2][1]!;
  // 1,520.06 + 403 = 1,923.06
  expect(total).toMatchObject({ address: 'B3', formula: '=B1+B2', value: 1923.06, display: '$1,923.06' });
  expect(grid.cells[0][0]).toMatchObject({ value: 'Contractual P&I', style: { bold: true } });
  expect(grid.cells[5][5]).toBeNull();
  expect(grid.rows).toBeGreaterThanOrEqual(30);
});

test('text runs on over an empty neighbour only; merged areas span', () => {
  const { model, sheet } = workbook();
  model.setContent(sheet, 0, 0, { formula: null, value: 'A long label' });
  model.setContent(sheet, 1, 0, { formula: null, value: 'Blocked' });
  model.setContent(sheet, 1, 1, { formula: null, value: 5 });
  sheet.merges.push({ r0: 3, c0: 0, r1: 3, c1: 2 });
  model.setContent(sheet, 3, 0, { formula: null, value: '1. Header' });
  const [grid] = gridFromWorkbook(model);
  expect(grid.cells[0][0]!.spills).toBe(true);
  expect(grid.cells[1][0]!.spills).toBeUndefined();
  expect(grid.cells[3][0]!.span).toEqual({ rows: 1, columns: 3 });
  expect(grid.cells[3][1]!.covered).toBe(true);
});

test('=LM.* formulas call the function the pane registered: a matrix argument gets a matrix, a scalar a scalar', () => {
  expect(names).toEqual(['LM.SUMX', 'LM.PAIR', 'LM.LATER']);
  const received: unknown[] = [];
  registry.api().associate('SUMX', (values: any[][], factor?: number) => {
    received.push(values, factor);
    return values.flat().reduce((sum: number, v: any) => sum + (typeof v === 'number' ? v : 0), 0) * (factor ?? 1);
  });
  registry.api().associate('PAIR', (x: any) => [[x, x]]);
  const { model, sheet } = workbook();
  model.setContent(sheet, 0, 0, { formula: null, value: 2 });
  model.setContent(sheet, 1, 0, { formula: null, value: 3 });
  model.setContent(sheet, 0, 1, { formula: '=LM.SUMX(A1:A2,10)', value: null });
  model.setContent(sheet, 1, 1, { formula: '=LM.SUMX(7)', value: null });
  model.setContent(sheet, 2, 1, { formula: '=LM.PAIR(1)', value: null });
  model.setContent(sheet, 3, 1, { formula: '=LM.LATER()', value: null });
  // (2 + 3) x 10 = 50; 7 alone is passed as [[7]].
  expect(model.computedValue(sheet, 0, 1)).toBe(50);
  expect(received.slice(0, 2)).toEqual([[[2], [3]], 10]);
  expect(model.computedValue(sheet, 1, 1)).toBe(7);
  // A two-cell result: the cell holds its first value (the grid spills the rest); an unregistered function is #NAME?.
  expect(model.computedValue(sheet, 2, 1)).toBe(1);
  expect(model.computedValue(sheet, 3, 1)).toBe('#NAME?');
});

test("a CustomFunctions.Error becomes the cell's error", () => {
  registry.api().associate('PAIR', () => {
    throw new CustomFunctionError(ERROR_CODES.divisionByZero, 'income is 0');
  });
  const { model, sheet } = workbook();
  model.setContent(sheet, 0, 0, { formula: '=LM.PAIR(1)', value: null });
  expect(model.computedValue(sheet, 0, 0)).toBe('#DIV/0!');
});
