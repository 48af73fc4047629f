/**
 * The pane's Portfolio Review (issue 11) and "New case from this row". The review is built from
 * the workbook's case sheets or from a loan-tape table (an Excel table with the LM.PORTFOLIO
 * headers, the one the selection is in):
 *
 * - **Read** in a constant number of round trips: the workbook index with the selection, then the
 *   table's place (or every case sheet at once), then the table's cells in row slices under the
 *   response size limit (Excel on the web: 5 MB per request and per response).
 * - **Evaluate** in chunks that yield to the event loop (reviewChunks.ts): progress, and Cancel.
 *   A row that cannot be evaluated becomes a review row with its problem (row, field, fix); it
 *   never fails the review.
 * - **Prepare** the sheet's table rows in chunks that yield too, and make each write slice's
 *   rows just before it is queued (slicedWrite.ts): no block of the build holds the pane longer
 *   than about an evaluation chunk, at 100,000 loans as at 10.
 * - **Write** all or nothing (stagedWrite.ts) under the temporary name, in row slices under the
 *   5 MB request limit (slicedWrite.ts), then swapped in. The add-in's own review (marked
 *   `LMW_Review_N`) is replaced only when the caller says so (the pane asks first); a sheet the
 *   user named "Portfolio Review" is never touched: the review takes "Portfolio Review (2)".
 *
 * Cancelling leaves the workbook as it was: nothing is written before the build, and a cancel
 * during the build deletes the staging sheet. The swap, once started, is not cancelled.
 */
import type { CaseInput } from '../engine/case/types';
import { parseCase } from '../engine/case/parse';
import { isBlankCell, type CellValue as TapeCell } from '../engine/caseFields';
import { caseJsonOfTapeRow, resolveTapeHeaders } from '../engine/loanTape';
import { reviewCaseJson, type BatchOptions } from '../engine/portfolioBatch';
import { reviewErrorRow, type PortfolioReviewRow } from '../engine/portfolioReview';
import { caseFromInputValues } from '../summary/caseInputRead';
import { DECISION_NAME, PORTFOLIO_REVIEW_SHEET, PORTFOLIO_REVIEW_TABLE, portfolioReviewPlanOfTable, reviewOrder, reviewTableRow, type PortfolioReviewPlanOptions, type SummaryLink } from '../summary/portfolioReviewPlan';
import { columnLetter, qualifiedAddress, uniqueSheetName, type SheetPlan } from '../summary/sheetPlan';
import { evaluateInChunks, mapInChunks, paceOf, ReviewCancelled, throwIfCancelled, yieldToEventLoop, type ChunkOptions } from './reviewChunks';
import type { WorkbookSettings } from './settingsValues';
import { renderPlanInSlices } from './slicedWrite';
import { stagedWrite, WriteFailedError } from './stagedWrite';
import { caseSheetsOf, createCaseSheet, dropStaleMarkers, loadWorkbookIndex, markers, nextMarkerName, SUMMARY_COMMENT, type WorkbookIndex } from './workbookActions';

export { ReviewCancelled, type ReviewProgress } from './reviewChunks';

const REVIEW_MARKER = 'LMW_Review_';
const REVIEW_COMMENT = 'LM Workbench portfolio review';

/**
 * Bytes of a read slice's estimated response (values as JSON). Excel on the web answers at most
 * 5 MB per response ("Resource limits and performance optimization for Office Add-ins"); half
 * of it leaves room for the response's own structure.
 */
export const READ_BUDGET_BYTES = 2_500_000;
/** Estimated JSON bytes of one tape cell (a number, a short code or a date serial, quoted and comma'd). */
const TAPE_CELL_BYTES = 24;

export interface ReviewOptions extends ChunkOptions {
  /** Replace the add-in's own Portfolio Review (the pane asks first); otherwise a new sheet is added. */
  replaceExisting: boolean;
  /** The workbook's settings: posted rates win over the case's, rulebook overrides apply (as Evaluate does). */
  settings?: WorkbookSettings;
  /** Slice budgets (tests make them small to see the slicing). */
  readBudget?: number;
  writeBudget?: number;
}

export interface ReviewOutcome {
  sheetName: string;
  /** "the workbook's 3 case sheets", "table Tape1 on Loans". */
  source: string;
  loans: number;
  /** The rows that could not be evaluated, each with its problem ("row 7, loan.rate: ... enter 4.75%"). */
  problems: { row: number; caseId: string | null; problem: string }[];
  /** Row slices of the read (tape) and of the write. */
  readSlices: number;
  writeSlices: number;
  /** The longest time the evaluation held the event loop between two yields. */
  longestBlockMs: number;
  /** The write was finished by the recovery batch after a failed sync. */
  recovered: boolean;
}

/** The add-in's own Portfolio Review, if the workbook has one (the pane asks before replacing it). */
export async function findPortfolioReview(): Promise<string | null> {
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context);
    return reviewMarkers(index).find((m) => m.sheetName !== null)?.sheetName ?? null;
  });
}

function reviewMarkers(index: WorkbookIndex) {
  return markers(index.names, REVIEW_MARKER, index.sheetNames);
}

// ------------------------------------------------------------------------------- Summaries

/** Queues, for every built summary, the lookup of its LM_Decision name; resolved after the next sync. */
function queueSummaryLinks(context: Excel.RequestContext, index: WorkbookIndex): () => Map<string, SummaryLink> {
  const summaries = index.summaryMarkers
    .filter((m) => m.sheetName !== null && m.comment.startsWith(SUMMARY_COMMENT))
    .map((m) => ({ caseId: m.comment.slice(SUMMARY_COMMENT.length), sheetName: m.sheetName!, name: context.workbook.worksheets.getItem(m.sheetName!).names.getItemOrNullObject(DECISION_NAME) }));
  for (const s of summaries) s.name.load('name');
  return () => {
    const links = new Map<string, SummaryLink>();
    // The first summary of a case wins (markers are in the order they were made), as findSummarySheet does.
    for (const s of summaries) if (!links.has(s.caseId)) links.set(s.caseId, { sheetName: s.sheetName, hasDecisionName: !s.name.isNullObject });
    return links;
  };
}

// ------------------------------------------------------------------------------- Settings

function batchOptionsOf(settings: WorkbookSettings | undefined): BatchOptions {
  const overrides = settings?.rulebookOverrides;
  return overrides && Object.keys(overrides).length > 0 ? { rulebookOverrides: overrides } : {};
}

/** The workbook's posted rates over the case's (the pane's Evaluate does the same, caseFlow.ts). */
function withSettings(json: Record<string, unknown>, settings: WorkbookSettings | undefined): Record<string, unknown> {
  if (!settings) return json;
  const market: Record<string, unknown> = { ...((json.market as Record<string, unknown> | undefined) ?? {}) };
  let changed = false;
  if (settings.modificationRate !== null && settings.modificationRate !== undefined) {
    market.modificationRate = settings.modificationRate;
    changed = true;
  }
  if (settings.pmms !== null && settings.pmms !== undefined) {
    market.pmms = settings.pmms;
    changed = true;
  }
  return changed ? { ...json, market } : json;
}

// ------------------------------------------------------------------------------- From the case sheets

/** The Portfolio Review of the workbook's case sheets (every case sheet read in one round trip). */
export async function buildReviewFromCases(options: ReviewOptions): Promise<ReviewOutcome> {
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context);
    const caseSheets = caseSheetsOf(index);
    if (caseSheets.length === 0) throw new Error('This workbook has no case sheets: choose New case, or select a cell of a loan-tape table and build the review from it.');
    options.onProgress?.({ phase: 'reading', done: 0, total: caseSheets.length });
    const links = queueSummaryLinks(context, index);
    const used = caseSheets.map((name) => context.workbook.worksheets.getItem(name).getUsedRange(true).load('values,rowIndex,columnIndex,rowCount'));
    await context.sync();
    throwIfCancelled(options.signal);

    const batch = batchOptionsOf(options.settings);
    const { rows, longestBlockMs } = await evaluateInChunks(
      caseSheets,
      (sheetName, i) => {
        const range = used[i];
        const values = range.values;
        const read = caseFromInputValues((row, column) => values[row - range.rowIndex]?.[column - range.columnIndex] ?? '', range.rowIndex + range.rowCount - 1);
        const caseId = typeof read.caseJson.caseId === 'string' && read.caseJson.caseId.trim() ? read.caseJson.caseId : null;
        if (read.problems.length > 0) {
          return reviewErrorRow(i + 1, caseId, read.problems.map((p) => `${qualifiedAddress(sheetName, p.address)} ${p.field}: ${p.message}`).join('; '));
        }
        const reviewed = reviewCaseJson(i + 1, withSettings(read.caseJson as unknown as Record<string, unknown>, options.settings), batch, false);
        // The problem names the case sheet and the cell to fix, not only the field.
        if (reviewed.error !== null) reviewed.error = reviewed.error.replace(/^row \d+, /, `${qualifiedAddress(sheetName, 'A1').replace(/!A1$/, '')} `);
        return reviewed;
      },
      options,
    );
    const source = `the workbook's ${caseSheets.length} case sheet${caseSheets.length === 1 ? '' : 's'}`;
    return writeReview(context, index, rows, links(), source, options, { readSlices: 1, longestBlockMs });
  });
}

// ------------------------------------------------------------------------------- From a loan tape

interface TapeTable {
  tableName: string;
  sheetName: string;
  /** 0-based sheet row and column of the header's first cell; rows include the header. */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  /** 0-based sheet row of the selection's first cell. */
  selectedRow: number;
}

/**
 * Queues what finds the table the selection is in (answered by the caller's next sync), then,
 * after one more round trip, the table. Null when the selection is in no table.
 */
function queueSelectedTable(context: Excel.RequestContext): () => Promise<TapeTable | null> {
  const selection = context.workbook.getSelectedRange().load('rowIndex,columnIndex');
  const sheet = context.workbook.worksheets.getActiveWorksheet().load('name');
  const tables = sheet.tables.load('items/name,items/showTotals');
  return async () => {
    const boxes = tables.items.map((t) => ({ name: t.name, showTotals: t.showTotals, range: t.getRange().load('rowIndex,columnIndex,rowCount,columnCount') }));
    if (boxes.length === 0) return null;
    await context.sync();
    const inside = boxes.find(({ range: r }) => selection.rowIndex >= r.rowIndex && selection.rowIndex < r.rowIndex + r.rowCount && selection.columnIndex >= r.columnIndex && selection.columnIndex < r.columnIndex + r.columnCount);
    if (!inside) return null;
    const r = inside.range;
    // A totals row is no loan.
    const rowCount = r.rowCount - (inside.showTotals ? 1 : 0);
    return { tableName: inside.name, sheetName: sheet.name, rowIndex: r.rowIndex, columnIndex: r.columnIndex, rowCount, columnCount: r.columnCount, selectedRow: selection.rowIndex };
  };
}

/**
 * A tape row's problem without the cell's own content: the engine's message may quote what was
 * typed ("\"about 200k\" is not a number"), which can be borrower data; the row and field say where.
 */
function withoutCellText(problem: string, fields: readonly ({ path: string } | null)[], cells: readonly TapeCell[]): string {
  const field = /^([A-Za-z][\w.[\]]*):/.exec(problem)?.[1];
  const column = field ? fields.findIndex((f) => f !== null && f.path === field) : -1;
  const cell = column >= 0 ? cells[column] : null;
  if (cell === null || cell === undefined || cell === '') return problem;
  return problem.split(JSON.stringify(String(cell))).join('the value');
}

const NO_TABLE =
  'Select a cell of a loan-tape table first: an Excel table (Insert > Table) whose headers are the LM.PORTFOLIO field names (caseId, investor, evaluationDate, upb, rate...; see docs/portfolio.md).';

/** Reads the table's rows (header first) in slices under the response limit; one round trip each. */
async function readTableInSlices(context: Excel.RequestContext, table: TapeTable, budget: number, options: ChunkOptions): Promise<{ rows: TapeCell[][]; slices: number }> {
  const worksheet = context.workbook.worksheets.getItem(table.sheetName);
  const perSlice = Math.max(1, Math.floor(budget / (table.columnCount * TAPE_CELL_BYTES)));
  const rows: TapeCell[][] = [];
  let slices = 0;
  for (let start = 0; start < table.rowCount; start += perSlice) {
    throwIfCancelled(options.signal);
    options.onProgress?.({ phase: 'reading', done: start, total: table.rowCount });
    const count = Math.min(perSlice, table.rowCount - start);
    const range = worksheet.getRangeByIndexes(table.rowIndex + start, table.columnIndex, count, table.columnCount).load('values');
    await context.sync();
    slices++;
    for (const row of range.values) rows.push(row as TapeCell[]);
  }
  return { rows, slices };
}

/**
 * The Portfolio Review of the loan-tape table the selection is in. A row that cannot be
 * evaluated is a review row with its problem; a header that is not a case field fails the review
 * (every row would fail), naming the column.
 */
export async function buildReviewFromTape(options: ReviewOptions): Promise<ReviewOutcome> {
  return Excel.run(async (context) => {
    const selected = queueSelectedTable(context);
    const index = await loadWorkbookIndex(context);
    const links = queueSummaryLinks(context, index);
    const table = await selected();
    if (!table) throw new Error(NO_TABLE);
    if (table.rowCount < 2) throw new Error(`The table "${table.tableName}" has no loans under its headers.`);
    const read = await readTableInSlices(context, table, options.readBudget ?? READ_BUDGET_BYTES, options);
    const headers = resolveTapeHeaders(read.rows[0]);
    if (!headers.ok) throw new Error(`The table "${table.tableName}" is not a loan tape: ${headers.problem}. Rename the column to a case field (see docs/portfolio.md).`);

    // Each loan is named by its worksheet row, as the user sees it in Excel.
    const loans = read.rows.slice(1).map((cells, i) => ({ cells, row: table.rowIndex + 2 + i })).filter((loan) => !loan.cells.every(isBlankCell));
    const batch = batchOptionsOf(options.settings);
    const { rows, longestBlockMs } = await evaluateInChunks(
      loans,
      (loan) => {
        const built = caseJsonOfTapeRow(loan.row, headers, loan.cells);
        if (!built.ok) return reviewErrorRow(loan.row, built.caseId, withoutCellText(built.problem, headers.fields, loan.cells));
        return reviewCaseJson(loan.row, withSettings(built.json, options.settings), batch, false);
      },
      options,
    );
    const source = `table ${table.tableName} on ${table.sheetName}`;
    return writeReview(context, index, rows, links(), source, options, { readSlices: read.slices, longestBlockMs });
  });
}

// ------------------------------------------------------------------------------- The write

function freeTableName(base: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The review's sheet plan, its table rows made in chunks that yield ('preparing'): what
 * portfolioReviewPlan makes in one block, which for 100,000 loans held the pane for about 300 ms.
 * Throws ReviewCancelled on a cancel between chunks.
 */
export async function reviewPlanInChunks(rows: readonly PortfolioReviewRow[], planOptions: PortfolioReviewPlanOptions, options: ChunkOptions = {}): Promise<SheetPlan> {
  const pace = paceOf(options);
  const ordered = reviewOrder(rows);
  const cells = await mapInChunks(ordered, (row) => reviewTableRow(row, planOptions.summaries), pace, (done) =>
    options.onProgress?.({ phase: 'preparing', done, total: ordered.length }),
  );
  const plan = portfolioReviewPlanOfTable({ rows: ordered, cells }, planOptions);
  await pace.pause();
  return plan;
}

async function writeReview(
  context: Excel.RequestContext,
  index: WorkbookIndex,
  rows: PortfolioReviewRow[],
  summaries: Map<string, SummaryLink>,
  source: string,
  options: ReviewOptions,
  figures: { readSlices: number; longestBlockMs: number },
): Promise<ReviewOutcome> {
  throwIfCancelled(options.signal);
  const own = reviewMarkers(index);
  const existing = options.replaceExisting ? own.find((m) => m.sheetName !== null) : undefined;
  const finalName = existing?.sheetName ?? uniqueSheetName(PORTFOLIO_REVIEW_SHEET, index.sheetNames);
  // The review date is the loans' evaluation date (as `lm portfolio` takes it), else today.
  const reviewDate = rows.find((row) => row.evaluationDate)?.evaluationDate ?? todayIso();
  // Let the pane repaint before the plan; the plan yields between its own chunks.
  await yieldToEventLoop();
  const plan = { ...(await reviewPlanInChunks(rows, { reviewDate, summaries, source }, options)), sheetName: finalName };
  // The old review's table still exists while the new one is built: the new one takes a free name.
  const tableName = freeTableName(PORTFOLIO_REVIEW_TABLE, [...index.tableNames, ...index.names.map((n) => n.name)]);
  let writeSlices = 0;
  try {
    const result = await stagedWrite(
      context,
      {
        finalName,
        ...(existing ? { replacing: { sheetName: existing.sheetName!, marker: existing.name, position: index.positions.get(existing.sheetName!) ?? 0 } } : {}),
        marker: { name: nextMarkerName(REVIEW_MARKER, own), comment: REVIEW_COMMENT },
        activate: true,
        build: async (ctx, sheet) => {
          writeSlices = await renderPlanInSlices(ctx, sheet, plan, {
            tableName: () => tableName,
            budget: options.writeBudget,
            pace: paceOf(options),
            beforeSlice: (slice, slices) => {
              throwIfCancelled(options.signal);
              options.onProgress?.({ phase: 'writing', done: slice, total: slices });
            },
          });
          // The last chance to cancel: after this the swap makes the review the workbook's.
          throwIfCancelled(options.signal);
        },
        afterSwap: (ctx) => dropStaleMarkers(ctx, own),
      },
      index.sheetNames,
      existing ? 'Replacing the Portfolio Review' : 'Building the Portfolio Review',
    );
    options.onProgress?.({ phase: 'writing', done: writeSlices, total: writeSlices });
    const problems = rows.filter((r) => r.error !== null).map((r) => ({ row: r.row, caseId: r.caseId, problem: r.error! }));
    return { sheetName: result.sheetName, source, loans: rows.length, problems, readSlices: figures.readSlices, writeSlices, longestBlockMs: figures.longestBlockMs, recovered: result.recovered };
  } catch (error) {
    // A cancel during the build was rolled back like any failure: say it as a cancel.
    if (error instanceof WriteFailedError && error.cause instanceof ReviewCancelled && /Nothing was changed/.test(error.message)) throw error.cause;
    throw error;
  }
}

// ------------------------------------------------------------------------------- New case from this row

export type NewCaseFromRow =
  | { ok: true; sheetName: string; caseId: string; recovered: boolean; /** What the new case sheet still needs, by field (fix them on the sheet). */ notes: string[] }
  | { ok: false; problem: string };

/**
 * "New case from this row": the selected row of a loan-tape table becomes a case sheet
 * (caseJsonOfTapeRow, then createCaseSheet). A cell the case format cannot take is named by its
 * cell, column header and field, and no sheet is made; what the case still lacks is listed, and
 * the sheet is made (the specialist completes it there).
 */
export async function newCaseFromSelectedRow(): Promise<NewCaseFromRow> {
  const found = await Excel.run(async (context) => {
    const selected = queueSelectedTable(context);
    await context.sync();
    const table = await selected();
    if (!table) return { ok: false as const, problem: NO_TABLE };
    if (table.selectedRow === table.rowIndex) return { ok: false as const, problem: `That is the header row of "${table.tableName}": select a cell in the row of the loan.` };
    const worksheet = context.workbook.worksheets.getItem(table.sheetName);
    const header = worksheet.getRangeByIndexes(table.rowIndex, table.columnIndex, 1, table.columnCount).load('values');
    const row = worksheet.getRangeByIndexes(table.selectedRow, table.columnIndex, 1, table.columnCount).load('values');
    await context.sync();
    return { ok: true as const, table, header: header.values[0] as TapeCell[], cells: row.values[0] as TapeCell[] };
  });
  if (!found.ok) return found;
  const { table, header, cells } = found;
  const sheetRow = table.selectedRow + 1;
  const headers = resolveTapeHeaders(header);
  if (!headers.ok) return { ok: false, problem: `The table "${table.tableName}" is not a loan tape: ${headers.problem}. Rename the column to a case field (see docs/portfolio.md).` };
  const cellOfField = (path: string): string | null => {
    const c = headers.fields.findIndex((f) => f !== null && f.path === path);
    return c < 0 ? null : `${qualifiedAddress(table.sheetName, `${columnLetter(table.columnIndex + c)}${sheetRow}`)} (column "${String(header[c])}")`;
  };
  const built = caseJsonOfTapeRow(sheetRow, headers, cells);
  if (!built.ok) {
    const field = /^([A-Za-z.[\]0-9]+):/.exec(built.problem)?.[1];
    const where = field ? cellOfField(field) : null;
    // The cell is named: its content (borrower data) is not repeated in the message.
    const problem = withoutCellText(built.problem, headers.fields, cells);
    return { ok: false, problem: `Row ${sheetRow}${where ? `, ${where}` : ''}: ${problem}. No case sheet was made.` };
  }
  const parsed = parseCase(built.json);
  const notes = parsed.ok ? [] : parsed.problems.map((p) => `${p.field}: ${p.message}${cellOfField(p.field) ? ` (${cellOfField(p.field)})` : ''}`);
  const created = await createCaseSheet({ caseJson: built.json as unknown as CaseInput });
  return { ok: true, sheetName: created.sheetName, caseId: built.caseId, recovered: created.recovered, notes };
}
