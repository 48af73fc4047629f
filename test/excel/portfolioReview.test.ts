/**
 * The pane's Portfolio Review on the in-memory host (issue 11): from a loan-tape table and from
 * the case sheets; a constant number of round trips whatever the number of loans (plus the
 * payload slices); the 5 MB request limit met by slicing; all or nothing under a fault at any
 * operation; a user's "Portfolio Review" untouched; cancel leaves nothing; New case from a row.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { evaluateParsedCase } from '../../src/engine/evaluate';
import { buildReviewFromCases, buildReviewFromTape, findPortfolioReview, newCaseFromSelectedRow, ReviewCancelled, type ReviewProgress } from '../../src/excel/portfolioReviewActions';
import { rowPayloadBytes, sliceRows } from '../../src/excel/slicedWrite';
import { planGrid } from '../../src/excel/renderPlan';
import { buildCaseSummary, caseFieldCell, createCaseSheet, WriteFailedError } from '../../src/excel/workbookActions';
import { casesAsLoanTape, generateCases } from '../../src/bench/loanGenerator';
import { installGlobals, type InMemoryExcel } from '../../src/workbench/excelHost';
import { REQUEST_PAYLOAD_LIMIT } from '../../src/workbench/excelHost/api';
import { armFault, disarmFaults, operationCount } from '../../src/workbench/excelHost/faults';
import { EXAMPLE_TAPE_CSV_ROWS, tapeCellsOfCsv, writeTapeTable } from '../../src/workbench/page/exampleTape';
import { portfolioReviewPlan } from '../../src/summary/portfolioReviewPlan';
import { reviewTapeRow } from '../../src/engine/portfolioBatch';
import { resolveTapeHeaders } from '../../src/engine/loanTape';
import { FIXTURE_CASE, FIXTURE_CASE_JSON } from '../summary/fixtures';
import { workbookState } from './workbookState';

jest.setTimeout(300_000);

const EXAMPLE = tapeCellsOfCsv(EXAMPLE_TAPE_CSV_ROWS);

/** A workbook with the user's notes and a loan tape on "Loans", the selection in the tape. */
async function withTape(cells: (string | number | boolean | null)[][]): Promise<InMemoryExcel> {
  const host = installGlobals(globalThis);
  host.user.setCell('Sheet1', 'A1', 'my notes');
  await writeTapeTable(Excel, 'Loans', cells);
  host.user.select('Loans', 'B3');
  host.resetSyncCount();
  return host;
}

/** The review table's body as objects by header. */
function reviewTable(host: InMemoryExcel, sheetName: string): Record<string, unknown>[] {
  const table = host.workbook.tables.find((t) => t.sheetId === host.workbook.sheetByName(sheetName)!.id)!;
  const sheet = host.getSheetSnapshot(sheetName)!;
  const at = (r: number, c: number) => {
    let letter = '';
    for (let n = c; n >= 0; n = Math.floor(n / 26) - 1) letter = String.fromCharCode(65 + (n % 26)) + letter;
    return sheet.cells[`${letter}${r + 1}`]?.value ?? '';
  };
  const headers: string[] = [];
  for (let c = table.box.c0; c <= table.box.c1; c++) headers.push(String(at(table.box.r0, c)));
  const rows: Record<string, unknown>[] = [];
  for (let r = table.box.r0 + 1; r <= table.box.r1; r++) rows.push(Object.fromEntries(headers.map((h, i) => [h, at(r, table.box.c0 + i)])));
  return rows;
}

/** The value beside a totals label ("Loans" in A, a recommendation in D...). */
function total(host: InMemoryExcel, sheetName: string, column: string, label: string): unknown {
  const cells = host.getSheetSnapshot(sheetName)!.cells;
  const hit = Object.entries(cells).find(([address, cell]) => address.replace(/\d+$/, '') === column && cell.value === label);
  if (!hit) throw new Error(`no "${label}" in column ${column}`);
  const next = String.fromCharCode(column.charCodeAt(0) + 1);
  return cells[`${next}${hit[0].slice(column.length)}`]?.value;
}

test('the example tape in the workbench is examples/portfolio-tape.csv, cell for cell', () => {
  const csv = readFileSync(join(__dirname, '../../examples/portfolio-tape.csv'), 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
  expect(EXAMPLE_TAPE_CSV_ROWS).toEqual(csv);
});

test('a review of the example tape: one row per loan, exceptions first, the bad row listed with row and field, native totals', async () => {
  const host = await withTape(EXAMPLE);
  const outcome = await buildReviewFromTape({ replaceExisting: false });
  expect(outcome.sheetName).toBe('Portfolio Review');
  expect(outcome.loans).toBe(8);
  // T-008 (worksheet row 9) has its rate typed as a percent: its row names the row and the field.
  expect(outcome.problems).toHaveLength(1);
  expect(outcome.problems[0].row).toBe(9);
  expect(outcome.problems[0].problem).toMatch(/^row 9, loan\.rate: /);
  const rows = reviewTable(host, 'Portfolio Review');
  expect(rows).toHaveLength(8);
  expect(rows.map((r) => r['Case ID']).sort()).toEqual(['T-001', 'T-002', 'T-003', 'T-004', 'T-005', 'T-006', 'T-007', 'T-008']);
  // Exceptions first: every row with an exception comes before every row without one.
  const flags = rows.map((r) => r.Exception !== '');
  expect(flags.indexOf(false) === -1 || flags.slice(flags.indexOf(false)).every((f) => !f)).toBe(true);
  // Loan numbers are masked.
  expect(rows.every((r) => r.Loan === '' || /^\*{4}\d{4}$/.test(String(r.Loan)))).toBe(true);
  // The native totals count the table.
  expect(total(host, 'Portfolio Review', 'A', 'Loans')).toBe(8);
  const byStatus = ['Passed', 'Due soon', 'OK', 'No dates'].map((label) => Number(total(host, 'Portfolio Review', 'G', label)));
  expect(byStatus.reduce((a, b) => a + b, 0)).toBe(rows.filter((r) => r['Deadline status'] !== '').length);
  expect(host.sheetNames()).toEqual(['Sheet1', 'Loans', 'Portfolio Review']);
  expect(host.getSheetSnapshot('Sheet1')!.cells.A1.value).toBe('my notes');
}, 120_000);
