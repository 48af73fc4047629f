/**
 * How long LM.PORTFOLIO holds the shared runtime: a 100,000-row call, in slices
 * (src/functions/slices.ts). Reports the longest slice (the most the pane and the other
 * functions wait: milliseconds between two yields), the number of slices, and the call's total
 * time; and, for comparison, the same call in one block (no slice limit: what the synchronous
 * function held the runtime for). Wall time counts the moments the OS ran other processes (the
 * bench machine is shared), so the longest slice is also given in this process's CPU time. Figures only. Runs in Node: the yields are setImmediate, where a
 * page (Excel's runtime, the workbench) uses a MessageChannel message.
 */
import { portfolioInSlices } from '../functions/portfolio';
import { nowMs } from '../functions/slices';
import { CustomFunctionError, ERROR_CODES } from '../workbench/page/customFunctions';
import { casesAsLoanTape, generateCases } from './loanGenerator';

export interface PortfolioSliceFigures {
  portfolioSlicedLoans: number;
  /** Wall time of the whole call, first row to result. */
  portfolioSlicedTotalMs: number;
  /** The longest slice in wall time (includes any time the OS gave the CPU to other processes). */
  portfolioSlicedLongestSliceMs: number;
  /** The longest slice in this process's CPU time (what the call itself held the thread for). */
  portfolioSlicedLongestSliceCpuMs: number;
  portfolioSlicedMedianSliceMs: number;
  portfolioSlicedSlices: number;
  /** The same call in one block (no slice limit): what the synchronous function held the runtime for. */
  portfolioOneBlockMs: number | null;
  portfolioSlicedErrorRows: number;
}

/** The `CustomFunctions` global of Excel's runtime, for the error paths of the function (the same shape the tests install). */
function installCustomFunctions(): void {
  const target = globalThis as unknown as { CustomFunctions?: unknown };
  if (!target.CustomFunctions) target.CustomFunctions = { Error: CustomFunctionError, ErrorCode: ERROR_CODES, associate: () => undefined };
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const round1 = (x: number): number => Math.round(x * 10) / 10;

export async function measurePortfolioSlices(loans: number, log: (message: string) => void, oneBlock = true): Promise<PortfolioSliceFigures> {
  installCustomFunctions();
  const tape = casesAsLoanTape(generateCases(loans, 20251015));
  await portfolioInSlices(tape.slice(0, 2001), true); // warm-up (JIT) on 2,000 rows

  const wall: number[] = [];
  const cpu: number[] = [];
  let cpuMark = cpuMs();
  const start = nowMs();
  const rows = await portfolioInSlices(tape, true, {
    onSlice: (ms) => {
      wall.push(ms);
      const now = cpuMs();
      cpu.push(now - cpuMark);
      cpuMark = now;
    },
  });
  const totalMs = nowMs() - start;
  const errorRows = rows.slice(1).filter((row) => row[2] === '#ERROR').length;
  if (errorRows > 0) log(`LM.PORTFOLIO in slices: ${errorRows} of ${loans} rows are error rows`);

  let oneBlockMs: number | null = null;
  if (oneBlock) {
    const blockStart = nowMs();
    await portfolioInSlices(tape, true, { budget: { maxRows: Number.POSITIVE_INFINITY, maxMs: Number.POSITIVE_INFINITY } });
    oneBlockMs = nowMs() - blockStart;
  }
  const sorted = [...wall].sort((a, b) => a - b);
  return {
    portfolioSlicedLoans: loans,
    portfolioSlicedTotalMs: Math.round(totalMs),
    portfolioSlicedLongestSliceMs: round1(sorted[sorted.length - 1]),
    portfolioSlicedLongestSliceCpuMs: round1(Math.max(...cpu)),
    portfolioSlicedMedianSliceMs: round1(sorted[Math.floor(sorted.length / 2)]),
    portfolioSlicedSlices: wall.length,
    portfolioOneBlockMs: oneBlockMs === null ? null : Math.round(oneBlockMs),
    portfolioSlicedErrorRows: errorRows,
  };
}
