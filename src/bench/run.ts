/**
 * The measurements of `npm run bench` (scripts/bench.js compiles this and calls `runBench`).
 * Every figure is the median of several rounds after a warm-up, on deterministic generated
 * loans (seeded PRNG). Figures only: the bench asserts nothing.
 */
import type { Rulebook } from '../engine/rulebooks/types';
import { parseCase } from '../engine/case/parse';
import { computeAffordability } from '../engine/affordability';
import { evaluateCase } from '../engine/evaluate';
import { evaluateLoanTape } from '../engine/loanTape';
import { findProgram } from '../engine/programs';
import type { EvaluationContext } from '../engine/programs/types';
import { findRulebook, parameterValues, rulebookRef } from '../engine/rulebooks';
import type { LoanCase } from '../engine/case/types';
import type { OptionResult } from '../engine/results';
import { flexFloat64 } from './flexFloat64';
import { casesAsLoanTape, flexLoanOf, generateCases } from './loanGenerator';

export interface BenchFigures {
  flexEvaluationsPerSecond: number | null;
  flexFloat64EvaluationsPerSecond: number;
  flexDecimalToFloatRatio: number | null;
  fullCaseEvaluationsPerSecond: number | null;
  portfolio10kMs: number | null;
  portfolio10kErrorRows: number | null;
  [extra: string]: unknown;
}

export interface BenchOptions {
  rounds: number;
  log: (message: string) => void;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median milliseconds of `rounds` runs of `body` after one warm-up run. */
function timeRounds(rounds: number, body: () => void): number {
  body();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = now();
    body();
    times.push(now() - start);
  }
  return median(times);
}

/** A minimal evaluation context, as evaluate.ts builds it, so the bench can time one program alone. */
function contextFor(loanCase: LoanCase): EvaluationContext {
  const results: Record<string, OptionResult> = {};
  return {
    loanCase,
    affordability: computeAffordability(loanCase),
    results,
    rulebook(book: Rulebook) {
      const rulebook = findRulebook(book.id);
      if (!rulebook) throw new Error(`no rulebook "${book.id}"`);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return { ref: rulebookRef(rulebook), params: parameterValues(rulebook) as any, rulebook: rulebook as any };
    },
  };
}

export function runBench(options: BenchOptions): BenchFigures {
  const { rounds, log } = options;
  const flexCases = generateCases(2000, 11);
  const flexLoans = flexCases.map(flexLoanOf);

  // Flex, decimal engine (the GSE-FLEX program alone, on pre-parsed cases with their
  // affordability) against the float64 comparator, measured alternately round by round so
  // that both see the same machine load (the machine is shared).
  const flex = findProgram('GSE-FLEX');
  const parsed = flexCases.map((json) => parseCase(json));
  const firstProblem = parsed.find((p) => !p.ok);
  let contexts: EvaluationContext[] | null = null;
  if (!flex) log('GSE-FLEX is not registered yet: flexEvaluationsPerSecond is null');
  else if (firstProblem && !firstProblem.ok) log(`generated cases do not parse (${firstProblem.problems[0]?.field}: ${firstProblem.problems[0]?.message}): flex figures are null`);
  else contexts = parsed.map((p) => contextFor((p as { case: LoanCase }).case));

  let sink = 0;
  const floatPass = () => {
    for (const loan of flexLoans) sink += flexFloat64(loan).principalAndInterest;
  };
  const decimalPass = () => {
    if (flex && contexts) for (const context of contexts) flex.evaluate(context);
  };
  // Each side's pass is repeated until a round lasts at least 100 ms, so that timer, GC and JIT
  // noise stay small on both sides alike.
  const repeatsFor100Ms = (pass: () => void): number => {
    let repeats = 1;
    pass();
    for (;;) {
      const start = now();
      for (let k = 0; k < repeats; k++) pass();
      if (now() - start >= 100) return repeats;
      repeats *= 2;
    }
  };
  const floatRepeats = repeatsFor100Ms(floatPass);
  const decimalRepeats = flex && contexts ? repeatsFor100Ms(decimalPass) : 0;
  const floatPerSecond: number[] = [];
  const decimalPerSecond: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let start = now();
    for (let k = 0; k < floatRepeats; k++) floatPass();
    floatPerSecond.push((flexLoans.length * floatRepeats * 1000) / (now() - start));
    if (flex && contexts) {
      start = now();
      for (let k = 0; k < decimalRepeats; k++) decimalPass();
      decimalPerSecond.push((contexts.length * decimalRepeats * 1000) / (now() - start));
    }
  }
  const flexFloat64EvaluationsPerSecond = Math.round(median(floatPerSecond));
  const flexEvaluationsPerSecond = decimalPerSecond.length > 0 ? Math.round(median(decimalPerSecond)) : null;

  // Full case: parse + every program of the waterfall + timeline + recommendation.
  let fullCaseEvaluationsPerSecond: number | null = null;
  const fullCases = flexCases.slice(0, 1000);
  try {
    const fullMs = timeRounds(rounds, () => {
      for (const json of fullCases) evaluateCase(json);
    });
    fullCaseEvaluationsPerSecond = Math.round((fullCases.length / fullMs) * 1000);
  } catch (error) {
    log(`evaluateCase fails on generated cases (${(error as Error).message.split('\n')[0]}): fullCaseEvaluationsPerSecond is null`);
  }

  // LM.PORTFOLIO engine time: 10,000 loans from a table of cells, as Excel passes it. Warm-up on
  // 500 rows; then up to 3 rounds, stopping after the first when it took over 10 seconds.
  const tape = casesAsLoanTape(generateCases(10000, 20251015));
  evaluateLoanTape(tape.slice(0, 501));
  let errorRows = 0;
  const portfolioTimes: number[] = [];
  for (let r = 0; r < Math.max(1, Math.min(rounds, 3)); r++) {
    const start = now();
    errorRows = evaluateLoanTape(tape).filter((row) => row.error !== null).length;
    portfolioTimes.push(now() - start);
    if (portfolioTimes[0] > 10000) {
      log(`LM.PORTFOLIO: one round took ${Math.round(portfolioTimes[0])} ms: not repeated`);
      break;
    }
  }
  const portfolioMs = median(portfolioTimes);
  if (errorRows > 0) log(`LM.PORTFOLIO: ${errorRows} of 10000 rows are error rows`);
  if (sink === -1) log('');

  return {
    flexEvaluationsPerSecond,
    flexFloat64EvaluationsPerSecond,
    flexDecimalToFloatRatio: flexEvaluationsPerSecond ? round2(flexFloat64EvaluationsPerSecond / flexEvaluationsPerSecond) : null,
    fullCaseEvaluationsPerSecond,
    portfolio10kMs: Math.round(portfolioMs),
    portfolio10kErrorRows: errorRows,
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
