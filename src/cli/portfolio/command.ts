/**
 * `lm portfolio TAPE [--json | --csv] [--out FILE] [--defaults FILE.json] [--workers N]`: the
 * Portfolio Review of a whole loan tape, streamed. Rows come out in tape order; a row that cannot
 * be evaluated comes out as an error row (row, field, fix) and never stops the batch.
 * Progress goes to stderr on a terminal; the closing summary always.
 */
import { availableParallelism } from 'os';
import { createWriteStream, readFileSync } from 'fs';
import { basename, join } from 'path';
import ExcelJS from 'exceljs';
import { ENGINE_VERSION } from '../../engine/version';
import { portfolioReviewPlan } from '../../summary/portfolioReviewPlan';
import { addPlanSheet } from '../../xlsx/planSheet';
import type { Writable } from 'stream';
import { exceptionOf, type PortfolioReviewRow } from '../../engine/portfolioReview';
import type { WorkerSetup } from './batch';
import { inProcessRunner, workerPool, type BatchRunner } from './pool';
import { csvHeader, csvLine, jsonLine } from './reviewWriters';
import { MAX_RECORD_BYTES } from './limits';
import { TapeHeaderError, isRecordTooLong, openTape, tapeFileProblem, tapeFormatOf } from './tapeSource';

export const PORTFOLIO_HELP = `  lm portfolio TAPE [--json|--csv] [--out FILE] [--defaults D.json] [--workers N]
  lm portfolio TAPE --xlsx OUT.xlsx                 the Portfolio Review of a loan tape (.csv or .xlsx with
                                                    the LM.PORTFOLIO headers, or .jsonl: one case per line)`;

export interface PortfolioIo {
  stderr(text: string): void;
  /** Where the review goes: stdout, or the --out file. */
  output(file: string | null): Writable;
  /** Whether stderr is a terminal (progress lines are shown only there). */
  stderrIsTty: boolean;
  /** The compiled worker script (dist/cli/portfolio/worker.js) or a bootstrap; see PoolOptions. */
  workerScript?: { file: string; eval: boolean };
}

interface PortfolioArgs {
  tape: string;
  format: 'json' | 'csv' | 'xlsx';
  out: string | null;
  defaultsFile: string | null;
  workers: number;
  tapeFormat?: string;
}

const BATCH_SIZE = 250;
/** Excel's 1,048,576 rows less the review's title, totals and chart blocks. */
const MAX_XLSX_ROWS = 1_000_000;

class TooManyRowsError extends Error {}

export async function runPortfolio(argv: string[], io: PortfolioIo): Promise<number> {
  const args = parsePortfolioArgs(argv);
  if ('error' in args) {
    io.stderr(`lm portfolio: ${args.error}\n`);
    return 2;
  }
  const tapeFormat = tapeFormatOf(args.tape, args.tapeFormat);
  if (typeof tapeFormat !== 'string') {
    io.stderr(`${args.tape}: ${tapeFormat.error}\n`);
    return 2;
  }
  const problem = tapeFileProblem(args.tape);
  if (problem) {
    io.stderr(`${args.tape}: cannot read the tape: ${problem}\n`);
    return 2;
  }
  let defaults: Record<string, unknown> | undefined;
  if (args.defaultsFile) {
    const loaded = readDefaults(args.defaultsFile);
    if ('error' in loaded) {
      io.stderr(`${args.defaultsFile}: ${loaded.error}\n`);
      return 2;
    }
    defaults = loaded.defaults;
  }

  let tape: Awaited<ReturnType<typeof openTape>>;
  try {
    tape = await openTape(args.tape, tapeFormat, BATCH_SIZE);
  } catch (error) {
    io.stderr(`${args.tape}: ${tapeReadProblem(error)}\n`);
    return 2;
  }
  const setup: WorkerSetup = { options: { defaults }, headerRow: tape.headerRow };
  // The .xlsx review sorts exceptions first, so it holds the rows (at most one sheet's worth).
  const collected: PortfolioReviewRow[] | null = args.format === 'xlsx' ? [] : null;
  const out = args.format === 'xlsx' ? null : io.output(args.out);
  const write = (text: string): Promise<void> | void => {
    if (out && !out.write(text)) return new Promise((resolve) => out.once('drain', () => resolve()));
  };
  if (args.format === 'csv') await write(csvHeader());

  const counts = { loans: 0, errors: 0, byException: new Map<string, number>() };
  const started = Date.now();
  let lastProgress = started;
  const onRows = async (rows: PortfolioReviewRow[]) => {
    let text = '';
    for (const row of rows) {
      counts.loans++;
      if (row.error) counts.errors++;
      const exception = exceptionOf(row);
      counts.byException.set(exception, (counts.byException.get(exception) ?? 0) + 1);
      if (collected) {
        if (collected.length >= MAX_XLSX_ROWS) throw new TooManyRowsError();
        collected.push(row);
      } else text += args.format === 'csv' ? csvLine(row) : jsonLine(row);
    }
    if (text) await write(text);
    const now = Date.now();
    if (io.stderrIsTty && now - lastProgress >= 500) {
      lastProgress = now;
      io.stderr(`\r${counts.loans.toLocaleString('en-US')} loans, ${Math.round((counts.loans * 1000) / (now - started)).toLocaleString('en-US')}/s `);
    }
  };

  const runner: BatchRunner =
    args.workers === 0
      ? inProcessRunner(setup, onRows)
      : workerPool(setup, {
          workers: args.workers,
          workerScript: io.workerScript?.file ?? join(__dirname, 'worker.js'),
          workerEval: io.workerScript?.eval,
          onRows,
        });
  const cancel = () => {
    void runner.cancel().then(() => {
      io.stderr('\nlm portfolio: cancelled\n');
      process.exit(130);
    });
  };
  process.once('SIGINT', cancel);
  try {
    for await (const batch of tape.batches) await runner.submit(batch);
    await runner.finish();
  } catch (error) {
    await runner.cancel();
    tape.close();
    const problem = error instanceof TooManyRowsError ? `more than ${MAX_XLSX_ROWS.toLocaleString('en-US')} loans do not fit one review sheet: use --csv or --json, or split the tape` : tapeReadProblem(error);
    io.stderr(`${io.stderrIsTty ? '\n' : ''}${args.tape}: ${problem} (after ${counts.loans} loans)\n`);
    return 2;
  } finally {
    process.removeListener('SIGINT', cancel);
  }
  if (collected && args.out) {
    const reviewDate = collected.find((row) => row.evaluationDate)?.evaluationDate ?? new Date().toISOString().slice(0, 10);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = `LM Workbench ${ENGINE_VERSION}`;
    workbook.calcProperties = { fullCalcOnLoad: true };
    addPlanSheet(workbook, portfolioReviewPlan(collected, { reviewDate, source: basename(args.tape) }), { chartNote: (title) => `${title}: chart not written (the .xlsx writer has no charts); the data is here, Insert > Chart makes it` });
    await workbook.xlsx.writeFile(args.out);
  } else if (out && args.out) await new Promise<void>((resolve) => out.end(resolve));

  const seconds = (Date.now() - started) / 1000;
  const exceptions = [...counts.byException].filter(([name]) => name !== 'none').map(([name, n]) => `${name} ${n}`).join(', ');
  io.stderr(
    `${io.stderrIsTty ? '\r' : ''}lm portfolio: ${counts.loans} loans (${counts.errors} could not be evaluated) in ${seconds.toFixed(1)} s, ` +
      `${Math.round(counts.loans / Math.max(seconds, 0.001))} loans/s on ${args.workers === 0 ? 'the main thread' : `${args.workers} worker(s)`}` +
      `, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB${exceptions ? `; exceptions: ${exceptions}` : ''}\n`,
  );
  return 0;
}

/** The reader's failure in words (never the file's text). */
function tapeReadProblem(error: unknown): string {
  if (isRecordTooLong(error)) return `a record is longer than ${MAX_RECORD_BYTES / 1024} KB: is this a loan tape?`;
  if (error instanceof TapeHeaderError) return `the header row is ${error.message}`;
  return 'the tape could not be read to its end';
}

function parsePortfolioArgs(argv: string[]): PortfolioArgs | { error: string } {
  const files: string[] = [];
  const args: Omit<PortfolioArgs, 'tape'> = { format: 'json', out: null, defaultsFile: null, workers: Math.max(1, availableParallelism()) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i];
    if (arg === '--json') args.format = 'json';
    else if (arg === '--csv') args.format = 'csv';
    else if (arg === '--xlsx') {
      args.format = 'xlsx';
      args.out = value() ?? null;
      if (args.out === null || !/\.xlsx$/i.test(args.out)) return { error: '--xlsx needs the output file, e.g. --xlsx review.xlsx' };
    }
    else if (arg === '--out') args.out = value() ?? null;
    else if (arg === '--defaults') args.defaultsFile = value() ?? null;
    else if (arg === '--format') args.tapeFormat = value();
    else if (arg === '--workers') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 64) return { error: '--workers must be a whole number from 0 (the main thread) to 64' };
      args.workers = n;
    } else if (arg.startsWith('-')) return { error: `unknown option "${arg.slice(0, 30)}"` };
    else files.push(arg);
  }
  if (files.length !== 1) return { error: files.length === 0 ? 'portfolio needs a tape, e.g. lm portfolio tape.csv --csv' : `portfolio takes one tape, got ${files.length}` };
  if (args.out === null && argv.includes('--out')) return { error: '--out needs a file name' };
  return { tape: files[0], ...args };
}

function readDefaults(file: string): { defaults: Record<string, unknown> } | { error: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { error: 'cannot read the defaults file' };
  }
  if (text.length > 1024 * 1024) return { error: 'the defaults file is over 1 MB: it holds only the fields every case shares' };
  try {
    const json = JSON.parse(text) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return { error: 'the defaults must be one JSON object in the case format (e.g. {"evaluationDate": "2026-12-01"})' };
    return { defaults: json as Record<string, unknown> };
  } catch {
    return { error: 'not valid JSON' };
  }
}

/** The Node bindings of PortfolioIo for the `lm` executable. */
export function nodePortfolioIo(): PortfolioIo {
  return {
    stderr: (text) => process.stderr.write(text),
    output: (file) => (file ? createWriteStream(file) : process.stdout),
    stderrIsTty: process.stderr.isTTY === true,
  };
}
