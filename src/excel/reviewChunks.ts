/**
 * Evaluates many loans without freezing the pane or the custom functions: the loans are taken in
 * chunks, and between chunks the loop yields to the event loop (a zero-delay timer), so clicks,
 * repaints and LM.* calls queued meanwhile run. Office add-ins share one JavaScript runtime
 * between the task pane and the custom functions when the add-in uses the shared runtime; the
 * engine runs in the pane's thread (no worker: see docs/portfolio.md). A chunk ends after
 * REVIEW_CHUNK loans or REVIEW_SLICE_MS, whichever comes first. Cancel is an AbortSignal,
 * checked at every yield.
 */
import type { PortfolioReviewRow } from '../engine/portfolioReview';

/** At most this many loans between two yields. */
export const REVIEW_CHUNK = 500;
/**
 * And at most this long: a loan takes from about 0.1 to 1 ms depending on the machine and its
 * load, so a count alone could hold the pane for half a second; 40 ms keeps a click or a repaint
 * waiting no longer than a frame or three.
 */
export const REVIEW_SLICE_MS = 40;

/** What the user sees while a review runs. */
export interface ReviewProgress {
  /** 'preparing': the review's table rows made from the evaluated loans (done and total: loans). */
  phase: 'reading' | 'evaluating' | 'preparing' | 'writing';
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
  /**
   * At most this many items (loans, sheet rows) between two yields. The evaluation takes
   * REVIEW_CHUNK when it is not given; the sheet's rows (microseconds each) only the time budget.
   */
  chunkSize?: number;
}

/**
 * Paces synchronous work that goes item by item: after each item the work asks `due()`, and when
 * it says so calls `pause()`, which yields to the event loop and then checks Cancel. Due after
 * REVIEW_SLICE_MS since the last pause, or after `chunkSize` items when one is given.
 */
export interface Pace {
  /** Counts one item done; true when the work has held the event loop long enough. */
  due(): boolean;
  pause(): Promise<void>;
  /** The longest time (ms) the work held the event loop before a pause (the bench's responsiveness figure). */
  longestBlockMs(): number;
}

export function paceOf(options: Pick<ChunkOptions, 'signal' | 'chunkSize'> = {}): Pace {
  const chunk = Math.max(1, options.chunkSize ?? Infinity);
  let began = performance.now();
  let items = 0;
  let longest = 0;
  return {
    due: () => ++items >= chunk || performance.now() - began >= REVIEW_SLICE_MS,
    longestBlockMs: () => longest,
    pause: async () => {
      longest = Math.max(longest, performance.now() - began);
      await yieldToEventLoop();
      throwIfCancelled(options.signal);
      began = performance.now();
      items = 0;
    },
  };
}

/**
 * Maps every item, pausing when the pace says so and once after the last item (what follows starts
 * a block of its own). `onPause` is told how many items are done before each pause.
 */
export async function mapInChunks<T, U>(items: readonly T[], map: (item: T, index: number) => U, pace: Pace, onPause?: (done: number) => void): Promise<U[]> {
  const mapped: U[] = [];
  for (let i = 0; i < items.length; i++) {
    mapped.push(map(items[i], i));
    if (pace.due() && i + 1 < items.length) {
      onPause?.(i + 1);
      await pace.pause();
    }
  }
  onPause?.(items.length);
  await pace.pause();
  return mapped;
}

/**
 * Evaluates every item, yielding between chunks. Returns the rows and the longest time (ms) the
 * loop held the event loop between two yields (the bench's responsiveness figure).
 */
export async function evaluateInChunks<T>(items: readonly T[], evaluate: (item: T, index: number) => PortfolioReviewRow, options: ChunkOptions = {}): Promise<{ rows: PortfolioReviewRow[]; longestBlockMs: number }> {
  throwIfCancelled(options.signal);
  if (items.length === 0) return { rows: [], longestBlockMs: 0 };
  // The loans take the same pace as the sheet's rows, with a count too: REVIEW_CHUNK unless told.
  const pace = paceOf({ signal: options.signal, chunkSize: options.chunkSize ?? REVIEW_CHUNK });
  const rows = await mapInChunks(items, evaluate, pace, (done) => options.onProgress?.({ phase: 'evaluating', done, total: items.length }));
  return { rows, longestBlockMs: pace.longestBlockMs() };
}
