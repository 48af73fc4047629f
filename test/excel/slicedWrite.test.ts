/**
 * A sheet plan's cells made row by row and written slice by slice (renderPlanInSlices) are the
 * cells of the whole grid made at once (planGrid, what renderPlan writes): same inputs, same number
 * formats, cut where sliceRows cuts the grid, one sync between two slices. The slices' rows are
 * made in blocks that yield to the event loop, and a cancel between two blocks stops the write.
 */
import { resolveTapeHeaders } from '../../src/engine/loanTape';
import { reviewTapeRow } from '../../src/engine/portfolioBatch';
import { casesAsLoanTape, generateCases } from '../../src/bench/loanGenerator';
import { planGrid, type PlanGrid } from '../../src/excel/renderPlan';
import { paceOf, ReviewCancelled } from '../../src/excel/reviewChunks';
import { renderPlanInSlices, rowPayloadBytes, sliceRows, type SlicedRenderOptions } from '../../src/excel/slicedWrite';
import { portfolioReviewPlan, type SummaryLink } from '../../src/summary/portfolioReviewPlan';
import type { CellValue, SheetPlan } from '../../src/summary/sheetPlan';

/** A plan with planned cells (styled, formulas, text), two tables (formulas, formats, text columns, a body style), one cell under a table. */
const PLAN: SheetPlan = {
  sheetName: 'Test',
  cells: [
    { address: 'A1', value: 'Title', style: 'title' },
    { address: 'B1', value: '=not a formula', text: true },
    { address: 'C1', value: '12' },
    { address: 'D1', formula: '=SUM(B4:B5)', numberFormat: '0', style: 'total' },
    // Under the first table's body: the table's cell is written there; the style stays.
    { address: 'B4', value: 'under the table', style: 'input' },
    // A Text cell the second table writes into without a format of its own: its string stays text.
    { address: 'E5', numberFormat: '@' },
    { address: 'A7', value: 3.5, numberFormat: '0.00' },
  ],
  merges: [],
  names: [],
  tables: [
    {
      name: 'People',
      headerAddress: 'A3:C3',
      headers: ['Name', 'Amount', 'Link'],
      rows: [
        ['+1 555', 10, null],
        ['Bob', null, 'x'],
      ],
      formulas: [
        [null, null, '=HYPERLINK("#A1","top")'],
        [null, '=B4*2', null],
      ],
      columnFormats: ['General', '$#,##0.00', 'General'],
      textColumns: [true, false, false],
      bodyStyle: 'input',
    },
    { name: 'Flags', headerAddress: 'E2:E2', headers: ['Only'], rows: [['TRUE'], [false], ['=7']] },
  ],
  validations: [],
  columnWidths: {},
  freezeRows: 0,
  print: { orientation: 'Portrait', fitToPagesWide: 1, printArea: 'A1:E7', titleRows: '$1:$1' },
  charts: [],
  showGridlines: false,
};

/** What a request context and a sheet were asked to write (cell blocks only), and how many syncs. */
function recordingSheet(): { context: Excel.RequestContext; sheet: Excel.Worksheet; blocks: { row: number; column: number; inputs: CellValue[][]; formats: string[][] }[]; syncs: () => number } {
  // Absorbs the layout's calls (styles, tables, print setup...): only the cells are compared here.
  const anything: object = new Proxy(function () {}, {
    get: (_target, property) => (property === 'then' ? undefined : anything),
    set: () => true,
    apply: () => anything,
  });
  const blocks: { row: number; column: number; inputs: CellValue[][]; formats: string[][] }[] = [];
  let syncs = 0;
  const sheet = new Proxy(
    {},
    {
      get: (_target, property) =>
        property === 'getRangeByIndexes'
          ? (row: number, column: number) => {
              const block = { row, column, inputs: [] as CellValue[][], formats: [] as string[][] };
              blocks.push(block);
              return new Proxy(block, {
                get: () => anything,
                set: (target, key, value) => {
                  if (key === 'formulas') target.inputs = value;
                  if (key === 'numberFormat') target.formats = value;
                  return true;
                },
              });
            }
          : anything,
    },
  );
  const context = {
    workbook: anything,
    sync: async () => {
      syncs++;
    },
  };
  return { context: context as unknown as Excel.RequestContext, sheet: sheet as unknown as Excel.Worksheet, blocks, syncs: () => syncs };
}

async function writeInSlices(plan: SheetPlan, options: SlicedRenderOptions) {
  const recording = recordingSheet();
  const slices = await renderPlanInSlices(recording.context, recording.sheet, plan, options);
  return { slices, syncs: recording.syncs(), blocks: recording.blocks.filter((b) => b.inputs.length > 0) };
}

/** The slices written must be the grid's rows, in order from A1, cut where sliceRows cuts them. */
async function expectSlicesToBeTheGrid(plan: SheetPlan, grid: PlanGrid, budget: number, chunkSize: number) {
  const written = await writeInSlices(plan, { budget, pace: paceOf({ chunkSize }) });
  const cuts = sliceRows(
    grid.inputs.map((row, r) => rowPayloadBytes(row, grid.formats[r])),
    budget,
  );
  expect(written.blocks.map((b) => ({ from: b.row, to: b.row + b.inputs.length }))).toEqual(cuts);
  expect(written.blocks.every((b) => b.column === 0)).toBe(true);
  expect(written.slices).toBe(cuts.length);
  expect(written.syncs).toBe(cuts.length - 1);
  expect(written.blocks.flatMap((b) => b.inputs)).toEqual(grid.inputs);
  expect(written.blocks.flatMap((b) => b.formats)).toEqual(grid.formats);
}

test('the grid: planned cells, then each table in plan order, a later cell winning; user text as text, our strings escaped', () => {
  const grid = planGrid(PLAN);
  expect(grid.rowCount).toBe(7);
  expect(grid.columnCount).toBe(5);
  expect(grid.inputs).toEqual([
    ['Title', '=not a formula', "'12", '=SUM(B4:B5)', ''],
    ['', '', '', '', 'Only'],
    ['Name', 'Amount', 'Link', '', "'TRUE"],
    ['+1 555', 10, '=HYPERLINK("#A1","top")', '', false],
    ['Bob', '=B4*2', 'x', '', '=7'],
    ['', '', '', '', ''],
    [3.5, '', '', '', ''],
  ]);
  const G = 'General';
  expect(grid.formats).toEqual([
    [G, '@', G, '0', G],
    [G, G, G, G, G],
    [G, G, G, G, G],
    ['@', '$#,##0.00', G, G, G],
    ['@', '$#,##0.00', G, G, '@'],
    [G, G, G, G, G],
    ['0.00', G, G, G, G],
  ]);
  expect(grid.styled).toEqual([
    { row: 0, column: 0, style: 'title' },
    { row: 0, column: 3, style: 'total' },
    { row: 3, column: 1, style: 'input' },
  ]);
  expect(grid.bodyStyles).toEqual([{ address: 'A4:C5', style: 'input' }]);
});

test.each([1, 60, 150, 100_000])('written in slices (budget %d bytes), the plan is the same grid, cut where sliceRows cuts it', async (budget) => {
  await expectSlicesToBeTheGrid(PLAN, planGrid(PLAN), budget, 2);
});

test('a Portfolio Review in slices, its rows made in small blocks: the same grid as made at once, summary links and decisions included', async () => {
  const tape = casesAsLoanTape(generateCases(300));
  const headers = resolveTapeHeaders(tape[0]);
  const rows = tape.slice(1).map((cells, i) => reviewTapeRow(i + 2, headers, cells));
  const summaries = new Map<string, SummaryLink>(rows.slice(0, 40).map((r, i) => [r.caseId!, { sheetName: `Case Summary ${r.caseId}`, hasDecisionName: i % 2 === 0 }]));
  const plan = portfolioReviewPlan(rows, { reviewDate: '2025-10-15', summaries, source: 'a test tape' });
  const grid = planGrid(plan);
  // The grid holds what is checked: 300 loans under the header, links written as formulas.
  expect(grid.inputs.flat().filter((v) => typeof v === 'string' && v.startsWith('=HYPERLINK(')).length).toBe(40);
  expect(grid.inputs.flat().filter((v) => typeof v === 'string' && v.startsWith('=IF(')).length).toBe(20);
  for (const budget of [20_000, 2_500_000]) await expectSlicesToBeTheGrid(plan, grid, budget, 7);
});

test('the slices\' rows are made in blocks that yield: a timer queued before a one-slice write runs before the write ends', async () => {
  // One slice: the write syncs nothing itself, so only a pause between rows lets the timer run.
  const order: string[] = [];
  const timer = new Promise<void>((resolve) =>
    setTimeout(() => {
      order.push('timer');
      resolve();
    }, 0),
  );
  const written = await writeInSlices(PLAN, { pace: paceOf({ chunkSize: 2 }) });
  order.push('written');
  await timer;
  expect(written.slices).toBe(1);
  expect(order).toEqual(['timer', 'written']);

  // Without a pace the same write is one block: the check above can tell the difference.
  order.length = 0;
  const late = new Promise<void>((resolve) =>
    setTimeout(() => {
      order.push('timer');
      resolve();
    }, 0),
  );
  await writeInSlices(PLAN, {});
  order.push('written');
  await late;
  expect(order).toEqual(['written', 'timer']);
});

test('a cancel between two blocks of rows stops the write before the slice is queued', async () => {
  const controller = new AbortController();
  const recording = recordingSheet();
  setTimeout(() => controller.abort(), 0);
  await expect(renderPlanInSlices(recording.context, recording.sheet, PLAN, { pace: paceOf({ chunkSize: 2, signal: controller.signal }) })).rejects.toBeInstanceOf(ReviewCancelled);
  expect(recording.blocks.filter((b) => b.inputs.length > 0)).toEqual([]);
});
