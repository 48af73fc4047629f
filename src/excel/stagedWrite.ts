/**
 * All-or-nothing sheet writes. Excel has no transaction: the operations of a batch are applied in
 * order until one fails, and those before it stay applied ("Error handling with the
 * application-specific JavaScript APIs", learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * So every write of the add-in (new case, import, summary, settings) goes in two steps whose
 * every intermediate state can be recognised and undone:
 *
 * 1. **Build**: the new sheet is added under a temporary name ("LMW build 1") that no sheet had,
 *    and filled. The user's sheets are not touched. A failure here: the temporary sheet is
 *    deleted (its tables and sheet-scoped names go with it).
 * 2. **Swap** (one batch, only after the build's sync succeeded): the sheet being replaced, if
 *    any, is renamed aside ("LMW old 1"); the new sheet takes the final name (the commit point);
 *    then the marker names are moved, the old sheet deleted, the new one activated. A failure
 *    before the commit point rolls back (the old sheet gets its name back, the new one is
 *    deleted); after it, rolls forward (the remaining steps are redone).
 *
 * Recovery runs in a follow-up batch and first looks at what is in the workbook, since the
 * add-in cannot know which operations of the failed batch were applied.
 */
import { uniqueSheetName } from '../summary/sheetPlan';

export interface StagedSheet {
  /** The name the new sheet gets when the write succeeds. */
  finalName: string;
  /** The add-in's own sheet being replaced (it gives its name and position to the new one). */
  replacing?: { sheetName: string; marker: string; position: number };
  /** The workbook-level marker name the new sheet gets (LMW_Summary_3...), pointing at its A1. */
  marker: { name: string; comment: string };
  hidden?: boolean;
  activate?: boolean;
  /**
   * Queues the content of the new sheet (called once, on the staging sheet). A large sheet may
   * sync some of it itself (writes split under Excel's request size limit) and return a promise:
   * whatever it synced is on the staging sheet, which a failure deletes.
   */
  build(context: Excel.RequestContext, sheet: Excel.Worksheet): void | Promise<void>;
  /** Queued after the swap in the same batch (e.g. loads of the finished sheet). */
  afterSwap?(context: Excel.RequestContext, sheet: Excel.Worksheet): void;
}

/** A write that failed: `message` says what happened and what the workbook holds now. */
export class WriteFailedError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'WriteFailedError';
  }
}

const BUILD_PREFIX = 'LMW build';
const OLD_PREFIX = 'LMW old';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the build and the swap in the given context (two syncs); on a failure, recovers in a new
 * `Excel.run` and then either returns (rolled forward: the write is complete) or throws
 * WriteFailedError (rolled back: the workbook is as it was).
 */
export async function stagedWrite(
  context: Excel.RequestContext,
  spec: StagedSheet,
  sheetNames: string[],
  what: string,
): Promise<{ sheetName: string; recovered: boolean }> {
  const buildName = uniqueSheetName(`${BUILD_PREFIX} 1`, sheetNames);
  const oldName = spec.replacing ? uniqueSheetName(`${OLD_PREFIX} 1`, [...sheetNames, buildName]) : null;
  let phase: 'build' | 'swap' = 'build';
  try {
    const sheet = context.workbook.worksheets.add(buildName);
    await spec.build(context, sheet);
    if (spec.hidden) sheet.visibility = 'Hidden';
    await context.sync();

    phase = 'swap';
    if (spec.replacing) context.workbook.worksheets.getItem(spec.replacing.sheetName).name = oldName!;
    sheet.name = spec.finalName; // the commit point
    queueFinish(context, spec, oldName);
    spec.afterSwap?.(context, sheet);
    await context.sync();
    return { sheetName: spec.finalName, recovered: false };
  } catch (error) {
    let outcome: 'back' | 'forward';
    try {
      outcome = await recover(spec, buildName, oldName, phase);
    } catch (cleanupError) {
      throw new WriteFailedError(
        `${what} failed (${describe(error)}) and could not be cleaned up (${describe(cleanupError)}). Your own sheets were not changed; ` +
          `delete the sheet "${buildName}" if it is there${oldName ? `, and if "${spec.replacing!.sheetName}" is missing, rename "${oldName}" back to it` : ''}.`,
        error,
      );
    }
    if (outcome === 'forward') return { sheetName: spec.finalName, recovered: true };
    throw new WriteFailedError(`${what} failed (${describe(error)}). Nothing was changed: what had been started was removed.`, error);
  }
}

/** The steps after the commit point: marker, old sheet away, position, activation. */
function queueFinish(context: Excel.RequestContext, spec: StagedSheet, oldName: string | null, state?: { names: Set<string>; sheets: Set<string> }): void {
  const sheet = context.workbook.worksheets.getItem(spec.finalName);
  if (!state || !state.names.has(spec.marker.name.toLowerCase())) context.workbook.names.add(spec.marker.name, sheet.getRange('A1'), spec.marker.comment);
  if (spec.replacing) {
    if (!state || state.names.has(spec.replacing.marker.toLowerCase())) context.workbook.names.getItem(spec.replacing.marker).delete();
    if (!state || state.sheets.has(oldName!.toLowerCase())) context.workbook.worksheets.getItem(oldName!).delete();
    sheet.position = spec.replacing.position;
  }
  if (spec.activate) sheet.activate();
}

async function recover(spec: StagedSheet, buildName: string, oldName: string | null, phase: 'build' | 'swap'): Promise<'back' | 'forward'> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    const names = context.workbook.names.load('items/name');
    await context.sync();
    const state = { sheets: new Set(sheets.items.map((s) => s.name.toLowerCase())), names: new Set(names.items.map((n) => n.name.toLowerCase())) };
    const built = state.sheets.has(buildName.toLowerCase());
    if (phase === 'swap' && !built) {
      // The new sheet took its final name: the write is complete once the last steps are redone.
      queueFinish(context, spec, oldName, state);
      await context.sync();
      return 'forward';
    }
    if (built) context.workbook.worksheets.getItem(buildName).delete();
    if (spec.replacing && oldName && state.sheets.has(oldName.toLowerCase()) && !state.sheets.has(spec.replacing.sheetName.toLowerCase())) {
      context.workbook.worksheets.getItem(oldName).name = spec.replacing.sheetName;
    }
    if (state.names.has(spec.marker.name.toLowerCase())) context.workbook.names.getItem(spec.marker.name).delete();
    await context.sync();
    return 'back';
  });
}
