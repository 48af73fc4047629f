/**
 * A worker thread of `lm portfolio`: receives batches of tape rows (or cases) and answers with
 * their review rows. Pure engine work; the main thread reads and writes.
 */
import { parentPort, workerData } from 'worker_threads';
import { reviewBatch, type BatchRequest, type WorkerSetup } from './batch';

const setup = workerData as WorkerSetup;
parentPort?.on('message', (request: BatchRequest) => {
  parentPort?.postMessage({ seq: request.seq, rows: reviewBatch(setup, request.items) });
});
