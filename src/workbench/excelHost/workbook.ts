/**
 * `Excel.run`'s request context of the in-memory Excel JavaScript API (the queue of a batch,
 * `sync()` and the request-size limit) and `context.workbook`. Re-exported by api.ts.
 */
import { beforeOperation } from './faults';
import type { WorkbookModel } from './model';
import { ClientObject, InMemoryExcelError, type Op } from './proxyBase';
import { NamedItemCollectionProxy } from './names';
import { RangeProxy } from './ranges';
import { TableCollectionProxy } from './tables';
import { WorksheetCollectionProxy, type WorksheetProxy } from './worksheets';

/**
 * Excel on the web refuses a request over 5 MB with RequestPayloadSizeLimitExceeded ("Resource
 * limits and performance optimization for Office Add-ins", Excel add-ins section; error list in
 * "Error handling with the Excel JavaScript API", office-js-docs-pr, ms.date 02/16/2022). The
 * host estimates a request as the JSON of the cell data written since the last sync and takes
 * 5 MB as 5,000,000 bytes, the stricter reading.
 */
export const REQUEST_PAYLOAD_LIMIT = 5_000_000;

export class RequestContext {
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private ops: Op[] = [];
  private loads: Op[] = [];
  /** Estimated request size since the last sync: the JSON of the cell data written. */
  private payloadBytes = 0;

  constructor(readonly model: WorkbookModel) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  queueLoad(op: Op): void {
    this.loads.push(op);
  }

  /** Counts written cell data towards the request payload (see REQUEST_PAYLOAD_LIMIT). */
  addPayload(input: unknown): void {
    this.payloadBytes += JSON.stringify(input ?? null).length;
  }

  get hasPending(): boolean {
    return this.ops.length > 0 || this.loads.length > 0;
  }

  /** One round trip: runs every queued write in order, then answers the loads. */
  async sync(): Promise<void> {
    this.model.syncs++;
    const ops = this.ops;
    const loads = this.loads;
    const payload = this.payloadBytes;
    this.ops = [];
    this.loads = [];
    this.payloadBytes = 0;
    await Promise.resolve();
    // The whole request is refused before anything runs (Excel on the web checks the request's size).
    if (payload > REQUEST_PAYLOAD_LIMIT) {
      throw new InMemoryExcelError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (about ${Math.round(payload / 1000)} kB written in one sync; the limit is 5 MB). Split the write into smaller syncs.`,
      );
    }
    const hf = this.model.hf;
    hf.suspendEvaluation();
    try {
      for (const op of ops) {
        beforeOperation(this.model); // fault injection (faults.ts); a no-op unless a test armed it
        op();
      }
    } finally {
      hf.resumeEvaluation();
    }
    for (const load of loads) load();
    for (const listener of this.model.listeners) listener();
  }
}

export class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;
  constructor(ctx: RequestContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx, null);
    this.tables = new TableCollectionProxy(ctx, null);
  }
  protected snapshot(): Record<string, unknown> {
    return { name: 'Workbook' };
  }
  get name(): string {
    return this.read('name');
  }
  getActiveWorksheet(): WorksheetProxy {
    return this.worksheets.getActiveWorksheet();
  }
  /** The selection on the active sheet (Excel.Workbook.getSelectedRange, ExcelApi 1.1); A1 when nothing was selected. */
  getSelectedRange(): RangeProxy {
    const sheet = this.worksheets.getActiveWorksheet();
    return new RangeProxy(this.ctx, sheet, () => ({ ...(this.ctx.model.selections.get(sheet.model().id) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }) }));
  }
}
