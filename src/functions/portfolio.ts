/// <reference types="custom-functions-runtime" />
/**
 * LM.PORTFOLIO: a loan tape (one loan per row, case-format field names as headers) evaluated
 * loan by loan (src/engine/loanTape.ts) and spilled one row per loan. A bad row shows its
 * error in the notes column; it never fails the whole call. That includes a cell holding an
 * error value (#DIV/0!, #N/A...) or a data type: functions.json has `allowErrorForDataTypeAny`,
 * so Excel passes such cells in instead of failing the call, and only their row is in error.
 *
 * Asynchronous and sliced (slices.ts): a 100,000-row tape took 5.4 s in one block of the shared
 * runtime; now the pane and the other functions run between slices of at most 250 rows or 16 ms.
 * A Web Worker was weighed and not taken: see docs/functions.md, LM.PORTFOLIO.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { isBlankCell, type CellValue } from '../engine/caseFields';
import { ArgumentError } from '../engine/errors';
import { evaluateTapeRow, resolveTapeHeaders, type LoanTapeResult } from '../engine/loanTape';
import { PassedErrorValue, optionalBoolean, plainCell } from './arguments';
import { excelError, toExcelError } from './excelErrors';
import { DEFAULT_SLICE, Slicer, type SliceBudget } from './slices';

export const PORTFOLIO_HEADER = ['Row', 'Case ID', 'Recommended', 'New payment', 'Reduction', 'At risk', 'Notes'];

export function portfolioRow(result: LoanTapeResult): (string | number | boolean)[] {
  return [
    result.row,
    result.caseId ?? '',
    result.error ? '#ERROR' : (result.program ?? 'none eligible'),
    result.newPayment ?? '',
    result.reduction ?? '',
    result.atRisk ?? '',
    result.error ?? result.atRiskReasons.join('; '),
  ];
}

const PLAIN_VALUE = 'a plain number, text or date';

/** The header row as plain cells; an error value or data type in a header fails the call (every row needs it). */
function headerCells(cells: unknown[]): CellValue[] {
  return cells.map((cell, column) => {
    try {
      return plainCell(cell, `table header column ${column + 1}`, 'a field name as text');
    } catch (error) {
      if (error instanceof PassedErrorValue) throw new ArgumentError('table', `table header column ${column + 1} holds ${error.code}: enter a field name`);
      throw error;
    }
  });
}

/** A loan row as plain cells, or the row's problem (the first bad cell, named by its header). */
function rowCells(cells: unknown[], headers: CellValue[]): { cells: CellValue[] } | { problem: string } {
  const plain: CellValue[] = [];
  for (let column = 0; column < cells.length; column++) {
    const name = typeof headers[column] === 'string' && String(headers[column]).trim() !== '' ? String(headers[column]).trim() : `column ${column + 1}`;
    try {
      plain.push(plainCell(cells[column], name, PLAIN_VALUE));
    } catch (error) {
      if (error instanceof PassedErrorValue || error instanceof ArgumentError) return { problem: error.message };
      throw error;
    }
  }
  return { cells: plain };
}

function errorResult(row: number, problem: string): LoanTapeResult {
  return { row, caseId: null, program: null, newPayment: null, reduction: null, atRisk: null, atRiskReasons: [], error: `row ${row}, ${problem}` };
}

/** How `portfolioInSlices` slices the tape and who hears each slice's length (tests and the bench). */
export interface PortfolioSlicing {
  budget?: SliceBudget;
  onSlice?: (ms: number) => void;
  /** Read between slices: once true, the call stops there (Excel canceled it). */
  canceled?: () => boolean;
}

/**
 * Evaluates a loan tape (a loan per row; headers are case-format field names such as upb, rate, investor). Spills a row per loan.
 * @customfunction PORTFOLIO PORTFOLIO
 * @helpurl https://localhost:3000/help/functions.html#lmportfolio
 * @cancelable
 * @param table The loan tape with its header row. Dates as Excel dates or YYYY-MM-DD; blank cells take the case defaults.
 * @param [show_header] TRUE (default) to spill a header row first; FALSE for the loan rows only.
 * @param [invocation] Given by Excel: its onCanceled stops a call that an edit has superseded.
 * @returns One row per loan: sheet row, case id, recommended program, new payment, reduction, at risk, notes (or the row's error).
 */
export async function portfolio(table: any[][], show_header?: any, invocation?: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  // A cancelable function's onCanceled is called "when the custom function is canceled"
  // (Microsoft Learn, CustomFunctions.CancelableInvocation, CustomFunctionsRuntime 1.1), e.g. when
  // an edit supersedes the call: stop at the next slice instead of finishing a tape Excel will drop.
  let canceled = false;
  if (invocation) invocation.onCanceled = () => (canceled = true);
  return portfolioInSlices(table, show_header, { canceled: () => canceled });
}

/**
 * LM.PORTFOLIO's body. Asynchronous: Excel waits for the Promise (Microsoft Learn, "Receive and
 * handle data with custom functions": return a Promise and resolve it with the final value), and
 * the tape is evaluated in slices that yield to the event loop (slices.ts), so the pane and the
 * other functions run between them. Each row is evaluated exactly as `evaluateLoanTape` does
 * (the same `evaluateTapeRow`), in row order; a failure rejects with the cell error.
 */
export async function portfolioInSlices(table: any[][], show_header?: any, slicing: PortfolioSlicing = {}): Promise<any[][]> {
  const slicer = new Slicer(slicing.budget ?? DEFAULT_SLICE, slicing.onSlice);
  try {
    if (!Array.isArray(table) || !Array.isArray(table[0]) || table.length < 2) {
      throw new ArgumentError('table', 'table must be a range with a header row and at least one loan row');
    }
    const header = optionalBoolean(show_header, 'show_header');
    const headers = headerCells(table[0] as unknown[]);
    const tapeHeaders = resolveTapeHeaders(headers);
    // The spilled rows are built as the loans are evaluated, so the last slice does not map them all.
    const spill: (string | number | boolean)[][] = header === false ? [] : [PORTFOLIO_HEADER];
    const firstLoan = spill.length;
    for (let index = 1; index < table.length; index++) {
      const cells = (table as unknown[][])[index];
      const row = index + 1;
      const read = rowCells(Array.isArray(cells) ? cells : [cells], headers);
      // A row with a bad cell is reported in its place; a blank row is skipped, as the engine skips it.
      if ('problem' in read) spill.push(portfolioRow(errorResult(row, read.problem)));
      else if (!read.cells.every(isBlankCell)) spill.push(portfolioRow(evaluateTapeRow(row, tapeHeaders, read.cells, {})));
      if (slicer.rowDone()) {
        await slicer.yield();
        if (slicing.canceled?.()) throw excelError('na', 'LM.PORTFOLIO was canceled before it finished');
      }
    }
    if (spill.length === firstLoan) throw new ArgumentError('table', 'table has no loan rows (every row below the header is blank)', 'na');
    slicer.finish();
    return spill;
  } catch (error) {
    throw toExcelError(error);
  }
}
