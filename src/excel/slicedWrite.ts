/**
 * Writes a sheet plan in row slices, each its own request under Excel's request size limit.
 * Excel on the web refuses a request over 5 MB ("Resource limits and performance optimization
 * for Office Add-ins", Excel add-ins section: "Payload size for requests and responses: 5 MB";
 * error RequestPayloadSizeLimitExceeded, "Error handling with the Excel JavaScript API"). A review
 * of tens of thousands of loans is more than that, so its cells go in slices sized from an
 * estimate of the request's JSON (the values and number formats written), each synced on its
 * own; the layout (styles, table, charts, print setup) goes with the last slice, in the caller's
 * sync. A small sheet is one slice: one request, as renderPlan makes it.
 */
import type { CellValue, SheetPlan } from '../summary/sheetPlan';
import { planRows, renderPlanLayout, type RenderOptions } from './renderPlan';
import type { Pace } from './reviewChunks';

/**
 * Bytes of estimated payload per request. The estimate counts the JSON of the values and formats
 * only; Excel's request also carries the operations' own JSON (a few hundred bytes each) and the
 * layout, so the slices keep half of the 5 MB limit as margin.
 */
export const SLICE_BUDGET_BYTES = 2_500_000;

/** The estimated request bytes of one row of cells (its values and its number formats, as JSON). */
export function rowPayloadBytes(inputs: readonly CellValue[], formats: readonly string[]): number {
  return JSON.stringify(inputs).length + JSON.stringify(formats).length;
}

/** Rows [from, to) of each slice, every slice under the budget (a row over it alone is a slice of its own). */
export function sliceRows(rowBytes: readonly number[], budget: number = SLICE_BUDGET_BYTES): { from: number; to: number }[] {
  const slices: { from: number; to: number }[] = [];
  let from = 0;
  let bytes = 0;
  for (let r = 0; r < rowBytes.length; r++) {
    if (r > from && bytes + rowBytes[r] > budget) {
      slices.push({ from, to: r });
      from = r;
      bytes = 0;
    }
    bytes += rowBytes[r];
  }
  if (rowBytes.length > 0) slices.push({ from, to: rowBytes.length });
  return slices;
}

export interface SlicedRenderOptions extends RenderOptions {
  budget?: number;
  /** Called before each slice is queued; throwing (e.g. on cancel) stops the write. */
  beforeSlice?: (slice: number, slices: number) => void;
  /** Yields between rows while a slice's rows are made (a pause may throw on cancel, which stops the write). */
  pace?: Pace;
}

/**
 * Queues the plan on the sheet: every slice but the last is synced here; the last slice and the
 * layout are left queued for the caller's sync. Returns the number of slices. The slices are the
 * ones `sliceRows` cuts (each under the budget; a row over it alone). `beforeSlice` is told the
 * slices known so far (the total is known only at the last one).
 */
export async function renderPlanInSlices(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: SheetPlan, options: SlicedRenderOptions = {}): Promise<number> {
  const rows = planRows(plan);
  const budget = options.budget ?? SLICE_BUDGET_BYTES;
  // Each slice's rows are made and measured as it is cut, never the whole sheet at once: for a
  // review of 100,000 loans (2.3 million cells) the whole grid and its row sizes took about 0.8 s
  // in one block.
  const measured = (r: number) => {
    const row = rows.row(r);
    return { ...row, bytes: rowPayloadBytes(row.inputs, row.formats) };
  };
  let slice = 0;
  let from = 0;
  let next = measured(0);
  while (from < rows.rowCount) {
    const inputs: CellValue[][] = [];
    const formats: string[][] = [];
    let to = from;
    let bytes = 0;
    let last = false;
    for (;;) {
      inputs.push(next.inputs);
      formats.push(next.formats);
      bytes += next.bytes;
      to++;
      if (options.pace?.due()) await options.pace.pause();
      if (to >= rows.rowCount) {
        last = true;
        break;
      }
      next = measured(to);
      if (bytes + next.bytes > budget) break;
    }
    options.beforeSlice?.(slice, last ? slice + 1 : slice + 2);
    const range = sheet.getRangeByIndexes(from, 0, to - from, rows.columnCount);
    // Formats first, in the same request: a Text cell keeps what is written as it is (renderPlan).
    range.numberFormat = formats;
    range.formulas = inputs as unknown as string[][];
    slice++;
    from = to;
    if (!last) await context.sync();
  }
  renderPlanLayout(context, sheet, plan, rows, options);
  return slice;
}
