/**
 * Runs batches of loans on worker threads (one per core by default) and hands the replies back in
 * input order. At most `maxInFlight` batches are out at a time, so memory stays flat however long
 * the tape: the reader waits (`submit` resolves) until a slot is free.
 */
import { Worker } from 'worker_threads';
import { reviewBatch, type BatchItem, type BatchReply, type WorkerSetup } from './batch';
import type { PortfolioReviewRow } from '../../engine/portfolioReview';

export interface PoolOptions {
  workers: number;
  /** The compiled worker script; tests pass a bootstrap that can load TypeScript. */
  workerScript: string;
  /** Extra `eval` bootstrap: when set, the worker runs this code (which must load the worker). */
  workerEval?: boolean;
  onRows: (rows: PortfolioReviewRow[]) => void | Promise<void>;
}

export interface BatchRunner {
  submit(items: BatchItem[]): Promise<void>;
  /** Waits for every submitted batch, then stops the workers. */
  finish(): Promise<void>;
  /** Stops at once (Ctrl-C); pending batches are dropped. */
  cancel(): Promise<void>;
}

/** The same contract on the calling thread (`--workers 0`, tests, tiny tapes). */
export function inProcessRunner(setup: WorkerSetup, onRows: PoolOptions['onRows']): BatchRunner {
  return {
    async submit(items) {
      await onRows(reviewBatch(setup, items));
    },
    async finish() {},
    async cancel() {},
  };
}

export function workerPool(setup: WorkerSetup, options: PoolOptions): BatchRunner {
  const maxInFlight = options.workers * 2;
  const workers = Array.from({ length: options.workers }, () => new Worker(options.workerScript, { workerData: setup, eval: options.workerEval === true }));
  const done = new Map<number, PortfolioReviewRow[]>();
  let nextSeq = 0;
  let nextToEmit = 0;
  let inFlight = 0;
  let failure: Error | null = null;
  let emitting: Promise<void> = Promise.resolve();
  const slotWaiters: (() => void)[] = [];
  let drainedWaiter: (() => void) | null = null;

  const emitReady = () => {
    emitting = emitting.then(async () => {
      while (done.has(nextToEmit)) {
        const rows = done.get(nextToEmit) as PortfolioReviewRow[];
        done.delete(nextToEmit);
        nextToEmit++;
        await options.onRows(rows);
        inFlight--;
        slotWaiters.shift()?.();
      }
      if (inFlight === 0 && drainedWaiter) drainedWaiter();
    });
  };
  for (const worker of workers) {
    worker.on('message', (reply: BatchReply) => {
      done.set(reply.seq, reply.rows);
      emitReady();
    });
    worker.on('error', (error) => {
      failure = error;
      slotWaiters.splice(0).forEach((wake) => wake());
      drainedWaiter?.();
    });
  }
  const stop = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
  return {
    async submit(items) {
      if (failure) throw failure;
      while (inFlight >= maxInFlight) {
        await new Promise<void>((wake) => slotWaiters.push(wake));
        if (failure) throw failure;
      }
      inFlight++;
      const seq = nextSeq++;
      // Round robin: batches are of equal size, and each worker holds about two in its queue.
      workers[seq % workers.length].postMessage({ seq, items });
    },
    async finish() {
      if (inFlight > 0 && !failure) await new Promise<void>((resolve) => (drainedWaiter = resolve));
      await emitting;
      await stop();
      if (failure) throw failure;
    },
    async cancel() {
      await stop();
    },
  };
}
