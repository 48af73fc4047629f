/** What the main thread sends a worker, and the evaluation of one batch (shared by workers and the in-process path). */
import { resolveTapeHeaders } from '../../engine/loanTape';
import { MAX_RECORD_BYTES } from './limits';
import { parseCsvRecord } from './csvRecord';
import { reviewCaseJson, reviewTapeRow, type BatchOptions } from '../../engine/portfolioBatch';
import { reviewErrorRow, type PortfolioReviewRow } from '../../engine/portfolioReview';

export interface WorkerSetup {
  options: BatchOptions;
  /** The tape's header row (CSV tapes); absent for JSON lines of cases. */
  headerRow: string[] | null;
}

/** One loan: a CSV record or a case JSON text, parsed in the worker (the main thread only splits the tape), or an .xlsx row's cells. */
export type BatchItem = { row: number; record: string } | { row: number; cells: string[] } | { row: number; jsonText: string };

export interface BatchRequest {
  seq: number;
  items: BatchItem[];
}

export interface BatchReply {
  seq: number;
  rows: PortfolioReviewRow[];
}

const headersBySetup = new WeakMap<WorkerSetup, ReturnType<typeof resolveTapeHeaders>>();

export function reviewBatch(setup: WorkerSetup, items: BatchItem[]): PortfolioReviewRow[] {
  let headers = headersBySetup.get(setup);
  if (!headers && setup.headerRow) {
    headers = resolveTapeHeaders(setup.headerRow);
    headersBySetup.set(setup, headers);
  }
  return items.map((item) => {
    if ('cells' in item) return reviewTapeRow(item.row, headers ?? { ok: false, problem: 'the tape has no header row' }, item.cells, setup.options);
    if ('record' in item) {
      const parsed = parseCsvRecord(item.record);
      if (!parsed.ok) return reviewErrorRow(item.row, null, parsed.problem);
      return reviewTapeRow(item.row, headers ?? { ok: false, problem: 'the tape has no header row' }, parsed.cells, setup.options);
    }
    if (item.jsonText === '') return reviewErrorRow(item.row, null, `the line is longer than ${MAX_RECORD_BYTES / 1024} KB: one case object per line`);
    let json: unknown;
    try {
      json = JSON.parse(item.jsonText);
    } catch {
      // The parser's message can quote the line's text (personal data): name the line only.
      return reviewErrorRow(item.row, null, 'not valid JSON: each line must be one case object in the case format');
    }
    return reviewCaseJson(item.row, json, setup.options);
  });
}
