/**
 * The pane's Portfolio Review for `npm run bench`: a generated loan tape as an Excel table in the
 * in-memory host, then the real src/excel code (buildReviewFromTape) reads it, evaluates it in
 * chunks that yield, and writes the review sheet. Figures: total time, context.sync() calls and
 * slices, and the longest time the event loop was held (by the evaluation between two yields,
 * and by anything, measured by a zero-delay timer probe: the in-memory host applies a whole
 * request synchronously, which a real Excel does outside the add-in's thread).
 */
import { resolveTapeHeaders } from '../engine/loanTape';
import { reviewTapeRow } from '../engine/portfolioBatch';
import { buildReviewFromTape } from '../excel/portfolioReviewActions';
import { planGrid } from '../excel/renderPlan';
import { evaluateInChunks, yieldToEventLoop } from '../excel/reviewChunks';
import { rowPayloadBytes, sliceRows } from '../excel/slicedWrite';
import { portfolioReviewPlan } from '../summary/portfolioReviewPlan';
import { installGlobals } from '../workbench/excelHost';
import { writeTapeTable } from '../workbench/page/exampleTape';
import { casesAsLoanTape, generateCases } from './loanGenerator';

export interface ReviewSheetFigures {
  loans: number;
  /** Read, evaluate and write, from the click to the finished sheet. */
  totalMs: number;
  syncs: number;
  readSlices: number;
  writeSlices: number;
  /** Longest evaluation chunk between two yields. */
  longestEvaluationBlockMs: number;
  /** Longest gap seen by a zero-delay timer during the whole review (the host's request work included). */
  longestEventLoopGapMs: number;
  problems: number;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** A timer that re-arms itself and records the longest gap between its runs: how long the event loop was held. */
function eventLoopProbe(): { stop(): void; longestGapMs(): number } {
  let longestGap = 0;
  let last = now();
  let probing = true;
  const tick = () => {
    const t = now();
    longestGap = Math.max(longestGap, t - last);
    last = t;
    if (probing) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return {
    stop: () => {
      probing = false;
    },
    longestGapMs: () => longestGap,
  };
}

export async function measureReviewSheet(loans: number): Promise<ReviewSheetFigures> {
  const host = installGlobals(globalThis);
  await writeTapeTable(globalThis.Excel as never, 'Loans', casesAsLoanTape(generateCases(loans)));
  host.user.select('Loans', 'A2');
  host.resetSyncCount();

  const probe = eventLoopProbe();

  const started = now();
  const outcome = await buildReviewFromTape({ replaceExisting: false });
  const totalMs = now() - started;
  probe.stop();
  return {
    loans: outcome.loans,
    totalMs: Math.round(totalMs),
    syncs: host.syncCount(),
    readSlices: outcome.readSlices,
    writeSlices: outcome.writeSlices,
    longestEvaluationBlockMs: Math.round(outcome.longestBlockMs * 10) / 10,
    longestEventLoopGapMs: Math.round(probe.longestGapMs()),
    problems: outcome.problems.length,
  };
}

export interface ReviewResponsivenessFigures {
  loans: number;
  /** Evaluation in chunks that yield, then the sheet plan and its slices: the add-in's own work. */
  totalMs: number;
  evaluationMs: number;
  planMs: number;
  writeSlices: number;
  longestEvaluationBlockMs: number;
  longestEventLoopGapMs: number;
}

/**
 * A large tape (100,000 loans) without the in-memory host: what runs on the add-in's thread
 * (evaluation in yielding chunks, the review plan and its payload slices), with the same timer
 * probe. The host's own cell writes are left out at this size: HyperFormula holding 2.3 million
 * review cells plus 2.9 million tape cells needs gigabytes, which is the stand-in's cost, not the
 * add-in's (Excel applies a request in its own process).
 */
export async function measureReviewResponsiveness(loans: number): Promise<ReviewResponsivenessFigures> {
  const tape = casesAsLoanTape(generateCases(loans));
  const headers = resolveTapeHeaders(tape[0]);
  const items = tape.slice(1).map((cells, i) => ({ cells, row: i + 2 }));
  const probe = eventLoopProbe();
  const started = now();
  const { rows, longestBlockMs } = await evaluateInChunks(items, (loan) => reviewTapeRow(loan.row, headers, loan.cells));
  const evaluated = now();
  await yieldToEventLoop();
  // As buildReviewFromTape: a yield before and after the plan; the grid; slices cut one by one.
  const plan = portfolioReviewPlan(rows, { reviewDate: rows[0]?.evaluationDate ?? '2025-10-15', source: 'bench' });
  await yieldToEventLoop();
  const grid = planGrid(plan);
  const slices = sliceRows(grid.inputs.map((row, r) => rowPayloadBytes(row, grid.formats[r])));
  const done = now();
  await yieldToEventLoop();
  probe.stop();
  return {
    loans,
    totalMs: Math.round(done - started),
    evaluationMs: Math.round(evaluated - started),
    planMs: Math.round(done - evaluated),
    writeSlices: slices.length,
    longestEvaluationBlockMs: Math.round(longestBlockMs * 10) / 10,
    longestEventLoopGapMs: Math.round(probe.longestGapMs()),
  };
}
