/**
 * Evaluates many loans without freezing the pane or the custom functions: the loans are taken in
 * chunks, and between chunks the loop yields to the event loop (a zero-delay timer), so clicks,
 * repaints and LM.* calls queued meanwhile run. Office add-ins share one JavaScript runtime
 * between the task pane and the custom functions when the add-in uses the shared runtime; the
 * engine runs in the pane's thread (no worker: see docs/portfolio.md). Cancel is an AbortSignal,
 * checked at every yield.
 */
import type { PortfolioReviewRow } from '../engine/portfolioReview';

/** Loans evaluated between two yields (about 50 ms of work at the bench's rate). */
export const REVIEW_CHUNK = 500;

/** What the user sees while a review runs. */
export interface ReviewProgress {
  phase: 'reading' | 'evaluating' | 'writing';
  done: number;
  total: number;
}

/** The review was cancelled: nothing was written (or what was started was removed). */
export class ReviewCancelled extends Error {
  constructor() {
    super('The Portfolio Review was cancelled. Nothing was changed in the workbook.');
    this.name = 'ReviewCancelled';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ReviewCancelled();
}

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface ChunkOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ReviewProgress) => void;
  chunkSize?: number;
}

/**
 * Evaluates every item, yielding between chunks. Returns the rows and the longest time (ms) the
 * loop held the event loop between two yields (the bench's responsiveness figure).
 */
export async function evaluateInChunks<T>(items: readonly T[], evaluate: (item: T, index: number) => PortfolioReviewRow, options: ChunkOptions = {}): Promise<{ rows: PortfolioReviewRow[]; longestBlockMs: number }> {
  const chunk = Math.max(1, options.chunkSize ?? REVIEW_CHUNK);
  const rows: PortfolioReviewRow[] = [];
  let longestBlockMs = 0;
  for (let start = 0; start < items.length; start += chunk) {
    throwIfCancelled(options.signal);
    const began = performance.now();
    const end = Math.min(items.length, start + chunk);
    for (let i = start; i < end; i++) rows.push(evaluate(items[i], i));
    longestBlockMs = Math.max(longestBlockMs, performance.now() - began);
    options.onProgress?.({ phase: 'evaluating', done: end, total: items.length });
    await yieldToEventLoop();
  }
  throwIfCancelled(options.signal);
  return { rows, longestBlockMs };
}
