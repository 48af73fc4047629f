/**
 * Long custom-function calls in slices. The pane and the functions share one runtime
 * (SharedRuntime 1.1) with one JavaScript thread: while a function computes, the pane does not
 * repaint or answer clicks and no other LM function runs. A call that loops over many rows
 * gives the thread back to the event loop between slices, so whatever queued meanwhile (a
 * click, a render, another function's call) runs before the next slice.
 *
 * A slice ends after `maxRows` rows or `maxMs` milliseconds, whichever comes first: the row cap
 * makes the number of yields fixed for a given table (tests rely on it), the time cap keeps a
 * slice short on a slow or busy machine. Slicing changes when rows are evaluated, never what they give.
 */

export interface SliceBudget {
  /** Rows evaluated before the call yields, at most. */
  maxRows: number;
  /** Milliseconds of work before the call yields, at most (checked after each row). */
  maxMs: number;
}

/**
 * 250 rows (about 15 ms at the bench's 60 µs a loan) or 16 ms: one frame at 60 Hz. The pane
 * then never waits more than a frame plus one row.
 */
export const DEFAULT_SLICE: SliceBudget = { maxRows: 250, maxMs: 16 };

/** Milliseconds from a monotonic clock (performance.now in pages and in Node). */
export function nowMs(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Resolves on a later turn of the event loop, after the tasks already queued.
 * - In a page (Excel's shared runtime is one; so is the workbench): a MessageChannel message.
 *   Browsers clamp a setTimeout(0) scheduled from nested timers to 4 ms (HTML standard, timers:
 *   "timer nesting level" greater than 5), a message is not clamped.
 * - In Node (Jest, the bench): setImmediate, which runs after the timers phase of the loop, so a
 *   due timer fires between two slices.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'function' && typeof document !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Counts rows and time for one call: `rowDone()` after each row says whether the slice is spent,
 * then `yield()` gives the thread back. `onSlice` hears each slice's length in ms (the bench's
 * longest blocking slice); `finish()` reports the last one. No await per row: only a spent slice
 * costs a turn of the event loop.
 */
export class Slicer {
  private sliceStart = nowMs();
  private rows = 0;

  constructor(
    private readonly budget: SliceBudget = DEFAULT_SLICE,
    private readonly onSlice?: (ms: number) => void,
  ) {}

  /** Call after each row: true when the slice is spent and the caller should `await yield()`. */
  rowDone(): boolean {
    this.rows++;
    return this.rows >= this.budget.maxRows || nowMs() - this.sliceStart >= this.budget.maxMs;
  }

  /** Ends the slice and resolves on a later turn of the event loop. */
  async yield(): Promise<void> {
    this.onSlice?.(nowMs() - this.sliceStart);
    await yieldToEventLoop();
    this.sliceStart = nowMs();
    this.rows = 0;
  }

  /** Call when the work is done: reports the final slice. */
  finish(): void {
    this.onSlice?.(nowMs() - this.sliceStart);
  }
}
