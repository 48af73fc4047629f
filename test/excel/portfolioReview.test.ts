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

/** The formula of the Summary cell on a case's review row. */
function summaryFormula(host: InMemoryExcel, sheetName: string, caseId: string): string | undefined {
  const cells = host.getSheetSnapshot(sheetName)!.cells;
  const header = Object.entries(cells).find(([, c]) => c.value === 'Summary')![0];
  const idHeader = Object.entries(cells).find(([, c]) => c.value === 'Case ID')![0];
  const idRow = Object.entries(cells).find(([a, c]) => a.replace(/\d+$/, '') === idHeader.replace(/\d+$/, '') && c.value === caseId)![0].replace(/^[A-Z]+/, '');
  return cells[`${header.replace(/\d+$/, '')}${idRow}`]?.formula;
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

/** A generated tape of n loans (deterministic), as a sheet holds it (dates as serials). */
const generatedTape = (n: number) => casesAsLoanTape(generateCases(n));

test('the round trips do not depend on the number of loans: 10 and 1,000 loans take the same syncs (one slice each)', async () => {
  const syncs: number[] = [];
  for (const n of [10, 1000]) {
    const host = await withTape(generatedTape(n));
    const outcome = await buildReviewFromTape({ replaceExisting: false });
    expect(outcome.loans).toBe(n);
    expect(outcome.readSlices).toBe(1);
    expect(outcome.writeSlices).toBe(1);
    syncs.push(host.syncCount());
  }
  // Index with the selection, the table's place, the cells, the build, the swap.
  expect(syncs).toEqual([5, 5]);
});

test('with smaller slices the extra round trips are exactly the extra slices', async () => {
  const host = await withTape(generatedTape(300));
  const outcome = await buildReviewFromTape({ replaceExisting: false, readBudget: 60_000, writeBudget: 40_000 });
  expect(outcome.readSlices).toBeGreaterThan(1);
  expect(outcome.writeSlices).toBeGreaterThan(1);
  expect(host.syncCount()).toBe(5 + (outcome.readSlices - 1) + (outcome.writeSlices - 1));
  expect(reviewTable(host, 'Portfolio Review')).toHaveLength(300);
  expect(total(host, 'Portfolio Review', 'A', 'Loans')).toBe(300);
});

test('slices: every slice under the budget, rows in order, none lost; a row over the budget alone', () => {
  const bytes = [5, 5, 5, 12, 1, 1, 1];
  const slices = sliceRows(bytes, 10);
  expect(slices).toEqual([
    { from: 0, to: 2 },
    { from: 2, to: 3 },
    { from: 3, to: 4 },
    { from: 4, to: 7 },
  ]);
  expect(rowPayloadBytes(['a', 1, null], ['@', 'General', '0'])).toBe(JSON.stringify(['a', 1, null]).length + JSON.stringify(['@', 'General', '0']).length);
});

test('a review over 5 MB is written in several requests, each under the limit, and succeeds', async () => {
  // 12,000 loans: the review's cells are more than one request may carry (checked below).
  const n = 12_000;
  const tape = generatedTape(n);
  const headers = resolveTapeHeaders(tape[0]);
  const reviewRows = tape.slice(1).map((cells, i) => reviewTapeRow(i + 2, headers, cells));
  const grid = planGrid(portfolioReviewPlan(reviewRows, { reviewDate: '2025-10-15', source: 'x' }));
  const whole = grid.inputs.reduce((sum, row, r) => sum + rowPayloadBytes(row, grid.formats[r]), 0);
  expect(whole).toBeGreaterThan(REQUEST_PAYLOAD_LIMIT);

  const host = await withTape(tape);
  const outcome = await buildReviewFromTape({ replaceExisting: false });
  expect(outcome.writeSlices).toBeGreaterThan(1);
  expect(outcome.problems).toEqual([]);
  expect(total(host, 'Portfolio Review', 'A', 'Loans')).toBe(n);
  expect(host.sheetNames().some((name) => name.startsWith('LMW'))).toBe(false);
}, 300_000);

test("a user's sheet named Portfolio Review is never touched; the add-in's own review is replaced only when asked", async () => {
  const host = await withTape(EXAMPLE);
  host.user.addSheet('Portfolio Review');
  host.user.setCell('Portfolio Review', 'C3', 'my own review');
  expect(await findPortfolioReview()).toBeNull();
  const first = await buildReviewFromTape({ replaceExisting: false });
  expect(first.sheetName).toBe('Portfolio Review (2)');
  expect(await findPortfolioReview()).toBe('Portfolio Review (2)');

  // Not replacing: a new review beside it.
  host.user.select('Loans', 'A2');
  const second = await buildReviewFromTape({ replaceExisting: false });
  expect(second.sheetName).toBe('Portfolio Review (3)');
  // Replacing: the add-in's first review gives its name and place to the new one.
  host.user.select('Loans', 'A2');
  const third = await buildReviewFromTape({ replaceExisting: true });
  expect(third.sheetName).toBe('Portfolio Review (2)');
  expect(host.sheetNames()).toEqual(['Sheet1', 'Loans', 'Portfolio Review', 'Portfolio Review (2)', 'Portfolio Review (3)']);
  const user = host.getSheetSnapshot('Portfolio Review')!;
  expect(Object.keys(user.cells)).toEqual(['C3']);
  expect(user.cells.C3.value).toBe('my own review');
});

test('without a table under the selection, the review says what to select and writes nothing', async () => {
  const host = await withTape(EXAMPLE);
  host.user.select('Sheet1', 'A1');
  const before = JSON.stringify(workbookState(host));
  await expect(buildReviewFromTape({ replaceExisting: false })).rejects.toThrow(/Select a cell of a loan-tape table/);
  expect(JSON.stringify(workbookState(host))).toBe(before);
});

describe('cancel leaves the workbook as it was', () => {
  test.each([
    ['while evaluating', (p: ReviewProgress) => p.phase === 'evaluating' && p.done >= 100],
    ['while reading', (p: ReviewProgress) => p.phase === 'reading' && p.done > 0],
    ['while preparing the sheet', (p: ReviewProgress) => p.phase === 'preparing' && p.done > 0 && p.done < p.total],
    ['while writing (between slices)', (p: ReviewProgress) => p.phase === 'writing' && p.done === 1],
    ['after the last slice, before the swap', (p: ReviewProgress) => p.phase === 'writing' && p.done === p.total - 1],
  ])('%s', async (_when, cancelAt) => {
    const host = await withTape(generatedTape(400));
    const before = JSON.stringify(workbookState(host));
    const controller = new AbortController();
    const seen: ReviewProgress[] = [];
    const run = buildReviewFromTape({
      replaceExisting: false,
      chunkSize: 50,
      readBudget: 100_000,
      writeBudget: 60_000,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (cancelAt(p)) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ReviewCancelled);
    expect(seen.some(cancelAt)).toBe(true);
    expect(JSON.stringify(workbookState(host))).toBe(before);
  });
});

test('cancel while a write slice\'s rows are made (between two yields, not at a slice) leaves the workbook as it was', async () => {
  const host = await withTape(generatedTape(400));
  const before = JSON.stringify(workbookState(host));
  const controller = new AbortController();
  const seen: ReviewProgress[] = [];
  const run = buildReviewFromTape({
    replaceExisting: false,
    chunkSize: 20,
    writeBudget: 60_000,
    signal: controller.signal,
    onProgress: (p) => {
      seen.push(p);
      // The host's sync yields no timer: the abort runs at the first pause in the second slice's rows.
      if (p.phase === 'writing' && p.done === 0) setTimeout(() => controller.abort(), 0);
    },
  });
  await expect(run).rejects.toBeInstanceOf(ReviewCancelled);
  const writing = seen.filter((p) => p.phase === 'writing');
  expect(writing.map((p) => p.done)).toEqual([0]);
  expect(writing[0].total).toBeGreaterThan(1);
  expect(JSON.stringify(workbookState(host))).toBe(before);
});

test('after the evaluation the build still yields: the sheet is prepared with progress, and a timer queued at each step runs before the next', async () => {
  await withTape(generatedTape(300));
  const events: string[] = [];
  const timerAt = (label: string) =>
    setTimeout(() => {
      events.push(`timer after ${label}`);
    }, 0);
  const outcome = await buildReviewFromTape({
    replaceExisting: false,
    chunkSize: 25,
    writeBudget: 40_000,
    onProgress: (p) => {
      const label = `${p.phase} ${p.done}/${p.total}`;
      if (events[events.length - 1] !== label) events.push(label);
      // Evaluation done, the sheet's first rows prepared, the first slice queued: each step is followed by a yield.
      if ((p.phase === 'evaluating' && p.done === p.total) || (p.phase === 'preparing' && p.done === 25) || (p.phase === 'writing' && p.done === 0)) timerAt(label);
    },
  });
  expect(outcome.writeSlices).toBeGreaterThan(2);
  const preparing = events.filter((e) => e.startsWith('preparing '));
  expect(preparing[0]).toBe('preparing 25/300');
  expect(preparing[preparing.length - 1]).toBe('preparing 300/300');
  const at = (event: string) => {
    expect(events).toContain(event);
    return events.indexOf(event);
  };
  expect(at('timer after evaluating 300/300')).toBeLessThan(at('preparing 50/300'));
  expect(at('timer after preparing 25/300')).toBeLessThan(at('preparing 50/300'));
  // The host's sync is no yield: this timer runs because the second slice's rows are made in blocks.
  expect(at('timer after writing 0/2')).toBeLessThan(at('writing 1/3'));
});

test('a review written in small slices and blocks is the same workbook as one written in one request', async () => {
  const tape = generatedTape(300);
  const states: string[] = [];
  for (const small of [false, true]) {
    const host = await withTape(tape);
    const outcome = await buildReviewFromTape(small ? { replaceExisting: false, chunkSize: 7, writeBudget: 30_000 } : { replaceExisting: false });
    expect(outcome.writeSlices > 1).toBe(small);
    states.push(JSON.stringify(workbookState(host)));
  }
  expect(states[1]).toBe(states[0]);
});

describe('a fault at any operation leaves the workbook as before, or the review complete', () => {
  test.each([
    ['in one request', undefined],
    ['in slices', 3_000],
  ])('%s', async (_how, writeBudget) => {
    let host = await withTape(EXAMPLE);
    armFault(host.workbook);
    await buildReviewFromTape({ replaceExisting: false, writeBudget });
    const operations = operationCount(host.workbook);
    disarmFaults(host.workbook);
    const complete = JSON.stringify(workbookState(host));
    expect(operations).toBeGreaterThan(10);
    let rolledBack = 0;
    let finished = 0;
    for (let k = 1; k <= operations; k++) {
      host = await withTape(EXAMPLE);
      const before = JSON.stringify(workbookState(host));
      armFault(host.workbook, k);
      let failed: unknown = null;
      try {
        await buildReviewFromTape({ replaceExisting: false, writeBudget });
      } catch (error) {
        failed = error;
      }
      disarmFaults(host.workbook);
      const after = JSON.stringify(workbookState(host));
      if (after === before) {
        rolledBack++;
        expect(failed).toBeInstanceOf(WriteFailedError);
        expect((failed as Error).message).toMatch(/Nothing was changed/);
      } else {
        expect(after).toBe(complete);
        expect(failed).toBeNull();
        finished++;
      }
    }
    expect(rolledBack + finished).toBe(operations);
    expect(rolledBack).toBeGreaterThan(0);
  });
});

test('from the case sheets: one row per case, a built summary linked, its decision read live through LM_Decision', async () => {
  const host = installGlobals(globalThis);
  const first = await createCaseSheet({ caseJson: FIXTURE_CASE_JSON });
  await createCaseSheet({ caseJson: { ...structuredClone(FIXTURE_CASE_JSON), caseId: 'C-OTHER' } });
  // A third case with text in an amount: its row says which sheet, cell and field.
  const broken = await createCaseSheet({ caseJson: { ...structuredClone(FIXTURE_CASE_JSON), caseId: 'C-BROKEN' } });
  host.user.setCell(broken.sheetName, caseFieldCell('loan.upb'), 'lots');
  const { sheetName: summary } = await buildCaseSummary(evaluateParsedCase(FIXTURE_CASE), FIXTURE_CASE, { replaceExisting: false });
  // The summary names its Decision cell LM_Decision (caseSummaryPlan); the decision typed there rolls up.
  const decisionRow = Object.entries(host.getSheetSnapshot(summary)!.cells).find(([a, c]) => a.startsWith('A') && c.value === 'Decision')![0].slice(1);
  const hasName = host.workbook.names.some((n) => n.name === 'LM_Decision' && n.scopeSheetId === host.workbook.sheetByName(summary)!.id);
  if (!hasName) {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(summary);
      sheet.names.add('LM_Decision', sheet.getRange(`B${decisionRow}`));
      await context.sync();
    });
  }
  host.user.setCell(summary, `B${decisionRow}`, 'Approve');
  host.resetSyncCount();

  const outcome = await buildReviewFromCases({ replaceExisting: false });
  expect(outcome.loans).toBe(3);
  expect(host.syncCount()).toBe(4); // index, every case sheet at once, build, swap
  expect(outcome.problems).toHaveLength(1);
  expect(outcome.problems[0].problem).toContain(`'${broken.sheetName}'!${caseFieldCell('loan.upb')}`);
  const rows = reviewTable(host, outcome.sheetName);
  const linked = rows.find((r) => r['Case ID'] === FIXTURE_CASE.caseId)!;
  expect(String(summaryFormula(host, outcome.sheetName, FIXTURE_CASE.caseId))).toContain(`#'${summary}'!A1`);
  expect(linked.Summary).toBe(summary);
  expect(linked.Decision).toBe('Approve');
  expect(total(host, outcome.sheetName, 'J', 'Approve')).toBe(1);
  expect(summaryFormula(host, outcome.sheetName, 'C-OTHER')).toBeUndefined();
  // Live: a decision changed on the summary changes the review.
  host.user.setCell(summary, `B${decisionRow}`, 'Decline');
  expect(total(host, outcome.sheetName, 'J', 'Approve')).toBe(0);
  void first;
});

describe('New case from this row', () => {
  test('the selected tape row becomes a case sheet named after its case id', async () => {
    const host = await withTape(EXAMPLE);
    host.user.select('Loans', 'E3'); // row 3: T-002
    const made = await newCaseFromSelectedRow();
    expect(made).toMatchObject({ ok: true, caseId: 'T-002', sheetName: 'Case T-002' });
    const cells = host.getSheetSnapshot('Case T-002')!.cells;
    expect(cells[caseFieldCell('loan.upb')].value).toBe(212500);
    // The case sheet shows the investor in plain English (its choice list).
    expect(cells[caseFieldCell('investor')].value).toBe('Fannie Mae');
  });

  test('a cell the case format cannot take is named by cell, column and field; no sheet is made', async () => {
    const bad = EXAMPLE.map((row) => [...row]);
    bad[2][bad[0].indexOf('upb')] = 'about 200k';
    const host = await withTape(bad);
    host.user.select('Loans', 'A3');
    const before = host.sheetNames();
    const made = await newCaseFromSelectedRow();
    expect(made.ok).toBe(false);
    if (!made.ok) {
      expect(made.problem).toMatch(/^Row 3, 'Loans'!E3 \(column "upb"\): loan\.upb: /);
      expect(made.problem).not.toContain('about 200k');
    }
    expect(host.sheetNames()).toEqual(before);
  });

  test('the header row or a cell outside any table: told what to select', async () => {
    const host = await withTape(EXAMPLE);
    host.user.select('Loans', 'C1');
    expect(await newCaseFromSelectedRow()).toMatchObject({ ok: false, problem: expect.stringMatching(/header row/) });
    host.user.select('Sheet1', 'B2');
    expect(await newCaseFromSelectedRow()).toMatchObject({ ok: false, problem: expect.stringMatching(/Select a cell of a loan-tape table/) });
  });
});

test('a tape cell the case format cannot take: its review row names the row and the field, not what was typed', async () => {
  const bad = EXAMPLE.map((row) => [...row]);
  bad[4][bad[0].indexOf('upb')] = 'Smith owes lots';
  const host = await withTape(bad);
  const outcome = await buildReviewFromTape({ replaceExisting: false });
  expect(outcome.loans).toBe(8);
  const problem = outcome.problems.find((p) => p.row === 5)!.problem;
  expect(problem).toMatch(/^row 5, loan\.upb: /);
  expect(problem).not.toContain('Smith');
  expect(JSON.stringify(host.getSheetSnapshot('Portfolio Review'))).not.toContain('Smith');
});
