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
import { buildReviewFromTape, reviewPlanInChunks } from '../excel/portfolioReviewActions';
import { evaluateInChunks, paceOf, yieldToEventLoop } from '../excel/reviewChunks';
import { renderPlanInSlices } from '../excel/slicedWrite';
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
      // The gap still open counts too: a build that never yields until it ends is one long gap.
      longestGap = Math.max(longestGap, now() - last);
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
  /** Evaluation in chunks that yield, then the sheet plan and its write slices: the add-in's own work. */
  totalMs: number;
  evaluationMs: number;
  /** After the evaluation: the plan, and the write slices' rows made, measured and queued. */
  planMs: number;
  writeSlices: number;
  longestEvaluationBlockMs: number;
  longestEventLoopGapMs: number;
}

/**
 * A request context and sheet that drop whatever is queued on them; the context's sync is a yield
 * to the event loop, as a real round trip is. With them the review's own write code runs (rows
 * made slice by slice, slices cut, layout queued) without a host applying the cells.
 */
function droppingExcel(): { context: Excel.RequestContext; sheet: Excel.Worksheet } {
  const anything: object = new Proxy(function () {}, {
    // Not a thenable: awaiting a queued object must not wait for it.
    get: (_target, property) => (property === 'then' ? undefined : anything),
    set: () => true,
    apply: () => anything,
  });
  const context = { workbook: anything, sync: yieldToEventLoop } as unknown as Excel.RequestContext;
  return { context, sheet: anything as Excel.Worksheet };
}

/**
 * A large tape (100,000 loans) without the in-memory host: what runs on the add-in's thread
 * (evaluation in yielding chunks, the review plan in yielding chunks, and the write's slices: each
 * slice's rows made, measured and queued, with a yield for each round trip), with the same timer
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
  // As writeReview: a yield, the plan in chunks, then the slices (pace as writeReview's).
  await yieldToEventLoop();
  const plan = await reviewPlanInChunks(rows, { reviewDate: rows[0]?.evaluationDate ?? '2025-10-15', source: 'bench' });
  const { context, sheet } = droppingExcel();
  const writeSlices = await renderPlanInSlices(context, sheet, plan, { pace: paceOf() });
  const done = now();
  await yieldToEventLoop();
  probe.stop();
  return {
    loans,
    totalMs: Math.round(done - started),
    evaluationMs: Math.round(evaluated - started),
    planMs: Math.round(done - evaluated),
    writeSlices,
    longestEvaluationBlockMs: Math.round(longestBlockMs * 10) / 10,
    longestEventLoopGapMs: Math.round(probe.longestGapMs()),
  };
}
