/// <reference types="custom-functions-runtime" />
/**
 * LM.PORTFOLIO: a loan tape (one loan per row, case-format field names as headers) evaluated
 * loan by loan (src/engine/loanTape.ts) and spilled one row per loan. A bad row shows its
 * error in the notes column; it never fails the whole call.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { ArgumentError } from '../engine/errors';
import { evaluateLoanTape, type LoanTapeResult } from '../engine/loanTape';
import { isBlank, singleCell } from './arguments';
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

/**
 * Evaluates a table of loans (one loan per row; headers are case-format field names such as caseId, investor, evaluationDate, upb, rate, remainingTermMonths, contractualPI, value, grossMonthlyIncome) and spills one row per loan: recommended option, new payment, reduction and an at-risk flag.
 * @customfunction PORTFOLIO PORTFOLIO
 * @param table The loan tape with its header row. Dates as Excel dates or YYYY-MM-DD; blank cells take the case defaults.
 * @param [show_header] TRUE (default) to spill a header row first; FALSE for the loan rows only.
 * @returns One row per loan: sheet row, case id, recommended program, new monthly payment, reduction (fraction), at risk (TRUE/FALSE), and notes (why at risk, or the row's error).
 */
export function portfolio(table: any[][], show_header?: any): any[][] {
  return excelFunction(() => {
    if (!Array.isArray(table) || !Array.isArray(table[0]) || table.length < 2) {
      throw new ArgumentError('table', 'table must be a range with a header row and at least one loan row');
    }
    const header = singleCell(show_header, 'show_header');
    if (!isBlank(header) && typeof header !== 'boolean') throw new ArgumentError('show_header', 'show_header must be TRUE or FALSE');
    const results = evaluateLoanTape(table as never);
    if (results.length === 0) throw new ArgumentError('table', 'table has no loan rows (every row below the header is blank)', 'na');
    const rows = results.map(portfolioRow);
    return header === false ? rows : [PORTFOLIO_HEADER, ...rows];
  });
}
