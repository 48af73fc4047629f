/// <reference types="custom-functions-runtime" />
/**
 * LM.PORTFOLIO: a loan tape (one loan per row, case-format field names as headers) evaluated
 * loan by loan (src/engine/loanTape.ts) and spilled one row per loan. A bad row shows its
 * error in the notes column; it never fails the whole call. That includes a cell holding an
 * error value (#DIV/0!, #N/A...) or a data type: functions.json has `allowErrorForDataTypeAny`,
 * so Excel passes such cells in instead of failing the call, and only their row is in error.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import type { CellValue } from '../engine/caseFields';
import { ArgumentError } from '../engine/errors';
import { evaluateLoanTape, type LoanTapeResult } from '../engine/loanTape';
import { PassedErrorValue, optionalBoolean, plainCell } from './arguments';
import { excelFunction } from './excelErrors';

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

/**
 * Evaluates a loan tape (a loan per row; headers are case-format field names such as upb, rate, investor). Spills a row per loan.
 * @customfunction PORTFOLIO PORTFOLIO
 * @helpurl https://localhost:3000/help/functions.html#lmportfolio
 * @param table The loan tape with its header row. Dates as Excel dates or YYYY-MM-DD; blank cells take the case defaults.
 * @param [show_header] TRUE (default) to spill a header row first; FALSE for the loan rows only.
 * @returns One row per loan: sheet row, case id, recommended program, new payment, reduction, at risk, notes (or the row's error).
 */
export function portfolio(table: any[][], show_header?: any): any[][] {
  return excelFunction(() => {
    if (!Array.isArray(table) || !Array.isArray(table[0]) || table.length < 2) {
      throw new ArgumentError('table', 'table must be a range with a header row and at least one loan row');
    }
    const header = optionalBoolean(show_header, 'show_header');
    const headers = headerCells(table[0] as unknown[]);
    // A row with a bad cell is blanked for the engine (which skips blank rows) and reported in its place.
    const problems: LoanTapeResult[] = [];
    const clean: CellValue[][] = [headers];
    (table as unknown[][]).slice(1).forEach((cells, index) => {
      const read = rowCells(Array.isArray(cells) ? cells : [cells], headers);
      if ('problem' in read) {
        problems.push(errorResult(index + 2, read.problem));
        clean.push(headers.map(() => null));
      } else {
        clean.push(read.cells);
      }
    });
    const results = [...evaluateLoanTape(clean), ...problems].sort((a, b) => a.row - b.row);
    if (results.length === 0) throw new ArgumentError('table', 'table has no loan rows (every row below the header is blank)', 'na');
    const rows = results.map(portfolioRow);
    return header === false ? rows : [PORTFOLIO_HEADER, ...rows];
  });
}
