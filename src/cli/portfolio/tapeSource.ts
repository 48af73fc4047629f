/**
 * Reads a loan tape as a stream of batches: CSV with the LM.PORTFOLIO headers (RFC 4180: records
 * split here, parsed in the workers, see csvRecord.ts) or JSON lines of cases. Nothing is held but the current batch, so memory stays flat.
 * Limits: a regular file only (a FIFO or device never ends), and one record at most
 * MAX_RECORD_BYTES (a tape row is a few hundred bytes; a run-away record is refused by row).
 */
import { createReadStream, statSync } from 'fs';
import ExcelJS from 'exceljs';
import type { BatchItem } from './batch';
import { MAX_RECORD_BYTES } from './limits';
import { RecordTooLongError, csvRecordBatches, isBlankRecord, parseCsvRecord } from './csvRecord';

export type TapeFormat = 'csv' | 'jsonl' | 'xlsx';


export function tapeFormatOf(file: string, explicit?: string): TapeFormat | { error: string } {
  const format = explicit ?? (/\.csv$/i.test(file) ? 'csv' : /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : /\.xlsx$/i.test(file) ? 'xlsx' : null);
  if (format === 'csv' || format === 'jsonl' || format === 'xlsx') return format;
  if (explicit) return { error: `--format must be csv, jsonl or xlsx, not "${explicit.slice(0, 20)}"` };
  return { error: 'the tape must be a .csv or .xlsx file with the LM.PORTFOLIO headers, or a .jsonl file of cases (or say --format csv|jsonl|xlsx)' };
}

/** A record over MAX_RECORD_BYTES. */
export function isRecordTooLong(error: unknown): boolean {
  return error instanceof RecordTooLongError;
}

/** Why the file cannot be read as a tape, or null. */
export function tapeFileProblem(file: string): string | null {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return 'it is a folder';
    if (!stat.isFile()) return 'not a regular file (a pipe or device has no end): save the tape to a file';
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
  }
}

export interface TapeBatches {
  /** CSV: the header row; JSON lines: null. */
  headerRow: string[] | null;
  batches: AsyncGenerator<BatchItem[]>;
  /** Closes the file (after an error or a cancel; a tape read to its end closes itself). */
  close(): void;
}

/** Opens the tape and reads its header (CSV); then `batches` yields rows `batchSize` at a time. */
export async function openTape(file: string, format: TapeFormat, batchSize: number): Promise<TapeBatches> {
  if (format === 'xlsx') return openXlsxTape(file, batchSize);
  const input = createReadStream(file, { encoding: 'utf8' });
  const close = () => input.destroy();
  if (format === 'jsonl') return { headerRow: null, batches: jsonLineBatches(input, batchSize), close };
  const records = csvRecordBatches(input as AsyncIterable<string>, batchSize);
  try {
    const first = await records.next();
    if (first.done || first.value.length === 0) return { headerRow: [], batches: (async function* () {})(), close };
    const header = parseCsvRecord(first.value[0].record);
    if (!header.ok) throw new TapeHeaderError(header.problem);
    return { headerRow: header.cells, batches: csvBatches(first.value.slice(1), records), close };
  } catch (error) {
    close();
    throw error;
  }
}

/** The header row is not CSV: no row can be read. */
export class TapeHeaderError extends Error {}

/** Record batches without blank rows; the rest of the first batch comes first. */
async function* csvBatches(firstRest: { row: number; record: string }[], records: AsyncGenerator<{ row: number; record: string }[]>): AsyncGenerator<BatchItem[]> {
  const keep = (batch: { row: number; record: string }[]) => batch.filter((item) => !isBlankRecord(item.record));
  if (firstRest.length > 0) yield keep(firstRest);
  for await (const batch of records) yield keep(batch);
}

async function* jsonLineBatches(input: AsyncIterable<unknown>, batchSize: number): AsyncGenerator<BatchItem[]> {
  let batch: BatchItem[] = [];
  let row = 0;
  let pending = '';
  let tooLong = false;
  const take = (line: string): void => {
    row++;
    if (tooLong) {
      batch.push({ row, jsonText: '' });
      tooLong = false;
      return;
    }
    if (line.trim() === '') return;
    batch.push({ row, jsonText: line });
  };
  for await (const chunk of input) {
    let text = pending + (chunk as string);
    if (row === 0 && pending === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let start = 0;
    for (let newline = text.indexOf('\n', start); newline >= 0; newline = text.indexOf('\n', start)) {
      take(text.slice(start, newline));
      start = newline + 1;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    pending = text.slice(start);
    // A line longer than any case is cut off here and reported as its row's problem.
    if (pending.length > MAX_RECORD_BYTES) {
      tooLong = true;
      pending = '';
    }
  }
  if (pending.trim() !== '' || tooLong) take(pending);
  if (batch.length > 0) yield batch;
}

/**
 * An .xlsx tape: the first worksheet, streamed with exceljs's reader (rows are never held whole).
 * The first row with a value is the header; a row is numbered as the sheet numbers it. Cells become
 * the text a CSV export would hold: numbers as numerals, dates as YYYY-MM-DD (Excel stores them as
 * serials; exceljs gives a UTC date), a formula as its cached result, an error as its code.
 */
async function openXlsxTape(file: string, batchSize: number): Promise<TapeBatches> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const sheets = reader[Symbol.asyncIterator]();
  const first = await sheets.next();
  if (first.done) return { headerRow: [], batches: (async function* () {})(), close: () => undefined };
  const rows = first.value[Symbol.asyncIterator]();
  let headerRow: string[] | null = null;
  for (;;) {
    const next = await rows.next();
    if (next.done) return { headerRow: [], batches: (async function* () {})(), close: () => undefined };
    const cells = xlsxRowCells(next.value);
    if (cells.some((cell) => cell !== '')) {
      headerRow = cells;
      break;
    }
  }
  async function* batches(): AsyncGenerator<BatchItem[]> {
    let batch: BatchItem[] = [];
    for (;;) {
      const next = await rows.next();
      if (next.done) break;
      const cells = xlsxRowCells(next.value);
      if (cells.every((cell) => cell.trim() === '')) continue;
      batch.push({ row: next.value.number, cells });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  return { headerRow, batches: batches(), close: () => undefined };
}

function xlsxRowCells(row: ExcelJS.Row): string[] {
  const values = Array.isArray(row.values) ? row.values.slice(1) : [];
  return Array.from(values, (value) => xlsxCellText(value as ExcelJS.CellValue));
}

function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('error' in value) return String(value.error);
    if ('result' in value) return xlsxCellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return '';
}
