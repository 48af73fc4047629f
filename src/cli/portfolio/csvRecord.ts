/**
 * CSV (RFC 4180) in two steps, so that the main thread only splits the tape and the workers parse:
 * - `csvRecordBatches` splits text into records: a line break ends a record only outside quotes
 *   (a quoted field may hold line breaks; a doubled quote "" toggles twice and changes nothing);
 * - `parseCsvRecord` turns one record into cells: a record without a quote is split on commas (no
 *   field can then hold a comma or a line break), any other goes through csv-parse.
 */
import { parse } from 'csv-parse/sync';
import { MAX_RECORD_BYTES } from './limits';

export class RecordTooLongError extends Error {
  constructor() {
    super(`a record is longer than ${MAX_RECORD_BYTES / 1024} KB`);
  }
}

/** Records of the text, `batchSize` at a time, numbered from 1 (the header). Line ends: LF or CRLF. */
export async function* csvRecordBatches(input: AsyncIterable<string>, batchSize: number): AsyncGenerator<{ row: number; record: string }[]> {
  let pending = '';
  let scanned = 0;
  let inQuotes = false;
  let row = 0;
  let batch: { row: number; record: string }[] = [];
  const take = (record: string) => {
    row++;
    batch.push({ row, record: record.endsWith('\r') ? record.slice(0, -1) : record });
  };
  for await (const chunk of input) {
    const text = row === 0 && pending === '' && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    pending += text;
    let start = 0;
    for (let i = scanned; i < pending.length; i++) {
      const c = pending.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes) {
        take(pending.slice(start, i));
        start = i + 1;
      }
    }
    pending = pending.slice(start);
    scanned = pending.length;
    if (pending.length > MAX_RECORD_BYTES) throw new RecordTooLongError();
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (pending !== '') take(pending);
  if (batch.length > 0) yield batch;
}

/** The cells of one record, or why it is not CSV (never the record's text: it is personal data). */
export function parseCsvRecord(record: string): { ok: true; cells: string[] } | { ok: false; problem: string } {
  if (!record.includes('"')) return { ok: true, cells: record.split(',') };
  try {
    const rows = parse(record, { relax_column_count: true }) as string[][];
    return { ok: true, cells: rows[0] ?? [] };
  } catch {
    return { ok: false, problem: 'not valid CSV: a quote is not closed, or text follows a closing quote' };
  }
}

/** A record of nothing but commas and blanks: a blank row, skipped as LM.PORTFOLIO skips a table's blank rows. */
export function isBlankRecord(record: string): boolean {
  return /^[,\s]*$/.test(record);
}
