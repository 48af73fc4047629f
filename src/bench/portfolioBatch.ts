/**
 * `lm portfolio` on a generated tape, as a user runs it: the compiled CLI in a child process, on
 * one worker and on every core, output to /dev/null. Loans per second come from the wall clock;
 * peak memory from the CLI's own closing line (maxRSS covers its worker threads).
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { availableParallelism, tmpdir } from 'os';
import path from 'path';
import { writeTapeCsv } from './tapeCsv';

export interface BatchFigures {
  portfolioBatchLoans: number;
  portfolioBatchWorkers: number;
  portfolioBatchSeconds: number | null;
  portfolioBatchLoansPerSecond: number | null;
  portfolioBatchLoansPerSecondPerCore: number | null;
  portfolioBatchOneWorkerLoansPerSecond: number | null;
  portfolioBatchPeakMemoryMb: number | null;
  portfolioBatchErrorRows: number | null;
}

export async function measurePortfolioBatch(loans: number, log: (message: string) => void): Promise<BatchFigures> {
  const cli = path.join(__dirname, '..', 'cli', 'lm.js');
  const workers = Math.max(1, availableParallelism());
  const figures: BatchFigures = {
    portfolioBatchLoans: loans, portfolioBatchWorkers: workers, portfolioBatchSeconds: null, portfolioBatchLoansPerSecond: null,
    portfolioBatchLoansPerSecondPerCore: null, portfolioBatchOneWorkerLoansPerSecond: null, portfolioBatchPeakMemoryMb: null, portfolioBatchErrorRows: null,
  };
  if (!existsSync(cli)) {
    log('lm portfolio not measured: the CLI is not in the bench build');
    return figures;
  }
  // The generated tapes are deterministic: kept between runs in the temporary folder.
  const tapeOf = async (count: number): Promise<string> => {
    const file = path.join(tmpdir(), `lm-bench-tape-${count}.csv`);
    if (!existsSync(file)) {
      log(`writing a ${count.toLocaleString('en-US')}-loan tape to ${file}`);
      await writeTapeCsv(file, count);
    }
    return file;
  };
  const tape = await tapeOf(loans);
  const runOnce = (workerCount: number, tape: string) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [cli, 'portfolio', tape, '--csv', '--out', '/dev/null', '--workers', String(workerCount)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const summary = /lm portfolio: (\d+) loans \((\d+) could not be evaluated\).*peak memory (\d+) MB/.exec(result.stderr ?? '');
    if (result.status !== 0 || !summary) {
      log(`lm portfolio failed (exit ${result.status}): ${(result.stderr ?? '').slice(-300)}`);
      return null;
    }
    return { seconds, loans: Number(summary[1]), errors: Number(summary[2]), peakMb: Number(summary[3]) };
  };
  const all = runOnce(workers, tape);
  if (!all) return figures;
  figures.portfolioBatchSeconds = Math.round(all.seconds * 10) / 10;
  figures.portfolioBatchLoansPerSecond = Math.round(all.loans / all.seconds);
  figures.portfolioBatchLoansPerSecondPerCore = Math.round(all.loans / all.seconds / workers);
  figures.portfolioBatchPeakMemoryMb = all.peakMb;
  figures.portfolioBatchErrorRows = all.errors;
  // One worker on a tenth of the tape: the per-core rate without the pool's parallelism.
  if (workers > 1) {
    const one = runOnce(1, await tapeOf(Math.max(1, Math.round(loans / 10))));
    if (one) figures.portfolioBatchOneWorkerLoansPerSecond = Math.round(one.loans / one.seconds);
  }
  return figures;
}
