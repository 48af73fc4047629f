/**
 * Fault injection for the in-memory host (tests only): counts the write operations applied at
 * `context.sync()` and can make the k-th one fail, as a lost connection or a rejected request
 * would in Excel. Excel applies the operations of a batch in order and stops at the first that
 * fails: those before it stay applied, those after it are never run (Office Add-ins docs,
 * "Error handling with the application-specific JavaScript APIs", and Excel.run / context.sync
 * reference). The host's sync loop does the same, so a fault at k leaves ops 1..k-1 applied.
 */
import type { WorkbookModel } from './model';

export class InjectedFault extends Error {
  readonly code = 'GeneralException';
  constructor(readonly operation: number) {
    super(`Injected fault at write operation ${operation}`);
    this.name = 'RichApi.Error';
  }
}

interface FaultState {
  /** Write operations applied (or attempted) since the counter was reset. */
  count: number;
  /** The operation number that fails (1-based), once; null when none is armed. */
  failAt: number | null;
}

const states = new WeakMap<WorkbookModel, FaultState>();

function stateOf(model: WorkbookModel): FaultState {
  let state = states.get(model);
  if (!state) {
    state = { count: 0, failAt: null };
    states.set(model, state);
  }
  return state;
}

/** Called by the host before each queued write operation; throws when this is the armed one. */
export function beforeOperation(model: WorkbookModel): void {
  const state = states.get(model);
  if (!state) return;
  state.count++;
  if (state.failAt !== null && state.count === state.failAt) {
    state.failAt = null; // one fault per arming: the clean-up that follows runs normally
    throw new InjectedFault(state.count);
  }
}

/** Starts counting write operations from zero; with `failAt`, the failAt-th one throws. */
export function armFault(model: WorkbookModel, failAt: number | null = null): void {
  const state = stateOf(model);
  state.count = 0;
  state.failAt = failAt;
}

export function operationCount(model: WorkbookModel): number {
  return states.get(model)?.count ?? 0;
}

export function disarmFaults(model: WorkbookModel): void {
  states.delete(model);
}
