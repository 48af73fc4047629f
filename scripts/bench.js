#!/usr/bin/env node
/**
 * npm run bench [-- --json] [-- --build] [-- --rounds N] [-- --no-compile] [-- --batch-loans N] [-- --slice-loans N]
 *
 * Compiles the engine, the bench code, the summary plans and the in-memory Excel host to
 * .bench-build/ (tsconfig.bench.json; type errors in work in progress are reported on stderr
 * but do not stop the bench), then measures side by side in one run:
 *  - GSE Flex evaluations per second, decimal engine and the float64 comparator, and the ratio;
 *  - full-case evaluations per second;
 *  - engine time of a 10,000-loan LM.PORTFOLIO call;
 *  - a 100,000-loan LM.PORTFOLIO call in slices: its longest slice (ms between yields), its total
 *    time, and the same tape in one block as the synchronous function ran it (--slice-loans N);
 *  - `lm portfolio` on a generated 1,000,000-loan CSV tape, on every core and on one worker;
 *  - context.sync() round trips to build the Case Summary of the largest sample case;
 *  - gzip size of the production bundles in dist/ (built first only with --build).
 * Figures only: no pass/fail. See docs/bench.md.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const roundsArg = args.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Math.max(1, Number(args[roundsArg + 1]) || 5) : 5;
const notes = [];
const note = (message) => {
  notes.push(message);
  process.stderr.write(`bench: ${message}\n`);
};

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout || ''}${result.stderr || ''}` };
}

if (args.includes('--build')) {
  // Built into .bench-build/dist so that the bench never replaces someone's dist/.
  const build = run(process.execPath, [path.join(root, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production', '--output-path', path.join(root, '.bench-build', 'dist')]);
  if (build.status !== 0) note(`webpack production build failed:\n${build.output.slice(-2000)}`);
}

if (!args.includes('--no-compile')) {
  const tsc = run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bench.json']);
  if (tsc.status !== 0) {
    const errors = tsc.output.split('\n').filter((line) => /error TS/.test(line));
    note(`tsc reported ${errors.length} type error(s) (compiled anyway); first: ${errors[0] || tsc.output.slice(0, 300)}`);
  }
}
const build = path.join(root, '.bench-build');
const { runBench } = require(path.join(build, 'bench/run.js'));

async function main() {
const figures = runBench({ rounds, log: note });

// Case Summary syncs: the largest sample case (samples/, the in-project reference cases, ../shared's when present).
figures.summarySyncs = null;
const summaryBench = path.join(build, 'bench/summarySyncs.js');
const sampleDirs = [path.join(root, 'samples'), path.join(root, 'test', 'fixtures', 'reference'), path.join(root, '..', 'shared', 'reference', 'cases')];
const samples = [];
for (const dir of sampleDirs) {
  if (!fs.existsSync(dir)) continue;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    try {
      const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      samples.push(json && typeof json === 'object' && json.case ? json.case : json);
    } catch {
      note(`sample ${file} is not JSON: skipped`);
    }
  }
}
if (fs.existsSync(summaryBench)) {
  try {
    Object.assign(figures, await require(summaryBench).measureSummarySyncs(samples));
  } catch (error) {
    note(`summary syncs not measured: ${String(error && error.message).split('\n')[0]}`);
  }
} else note('summary syncs not measured: src/bench/summarySyncs.ts is not built');

// LM.PORTFOLIO in slices: how long it holds the shared runtime at most (100,000 loans unless --slice-loans N; 0 skips it).
const sliceArg = args.indexOf('--slice-loans');
const sliceLoans = sliceArg >= 0 ? Math.max(0, Number(args[sliceArg + 1]) || 0) : 100000;
if (sliceLoans > 0) {
  try {
    Object.assign(figures, await require(path.join(build, 'bench/portfolioSlices.js')).measurePortfolioSlices(sliceLoans, note));
  } catch (error) {
    note(`LM.PORTFOLIO slices not measured: ${String(error && error.message).split('\n')[0]}`);
  }
}

// The pane's Portfolio Review (src/excel/portfolioReviewActions.ts) in the in-memory host: a
// 10,000-loan tape table to a finished review sheet; 100,000 loans: the add-in's own work and
// the longest time the event loop was held. `--no-review` skips it.
figures.review10k = null;
figures.review100k = null;
if (!args.includes('--no-review')) {
  try {
    const review = require(path.join(build, 'bench/reviewSheet.js'));
    figures.review10k = await review.measureReviewSheet(10000);
    figures.review100k = await review.measureReviewResponsiveness(100000);
  } catch (error) {
    note(`review sheet not measured: ${String(error && error.message).split('\n')[0]}`);
  }
}

// Bundle sizes: the largest .js of each entry in dist/ (webpack names them functions*.js, taskpane*.js).
const distDir = args.includes('--build') ? path.join(root, '.bench-build', 'dist') : path.join(root, 'dist');
function gzipOf(prefix) {
  const dist = distDir;
  if (!fs.existsSync(dist)) return null;
  const files = fs.readdirSync(dist).filter((f) => f.startsWith(prefix) && f.endsWith('.js'));
  if (files.length === 0) return null;
  return files.reduce((total, f) => total + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
}
figures.functionsBundleGzipBytes = gzipOf('functions');
figures.taskpaneBundleGzipBytes = gzipOf('taskpane');
// webpack writes source maps only in development mode (webpack.config.js devtool): say which build was measured.
figures.bundleBuild = fs.existsSync(path.join(distDir, 'functions.js'))
  ? fs.existsSync(path.join(distDir, 'functions.js.map')) ? 'development' : 'production'
  : null;
if (figures.bundleBuild === 'development') note('dist/ holds a development build: bundle sizes are not the production figures (run `npm run bench -- --build`)');
if (figures.functionsBundleGzipBytes === null || figures.taskpaneBundleGzipBytes === null) {
  note('no production bundle in dist/ (run `npm run build` or `npm run bench -- --build`): bundle sizes are null');
}
// lm portfolio on a generated tape (1,000,000 loans unless --batch-loans N; 0 skips it).
const batchArg = args.indexOf('--batch-loans');
const batchLoans = batchArg >= 0 ? Math.max(0, Number(args[batchArg + 1]) || 0) : 1000000;
if (batchLoans > 0) {
  try {
    Object.assign(figures, await require(path.join(build, 'bench/portfolioBatch.js')).measurePortfolioBatch(batchLoans, note));
  } catch (error) {
    note(`lm portfolio not measured: ${String(error && error.message).split('\n')[0]}`);
  }
}
figures.rounds = rounds;
figures.node = process.version;

if (json) {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  const fmt = (v, unit = '') => (v === null || v === undefined ? 'not measured' : `${Number(v).toLocaleString('en-US')}${unit}`);
  const lines = [
    'LM Workbench bench (median of ' + rounds + ' rounds after warm-up, ' + process.version + ')',
    `  GSE Flex, decimal engine        ${fmt(figures.flexEvaluationsPerSecond, ' evaluations/s')}`,
    `  GSE Flex, float64 comparator    ${fmt(figures.flexFloat64EvaluationsPerSecond, ' evaluations/s')}`,
    `  decimal / float64 time ratio    ${fmt(figures.flexDecimalToFloatRatio, 'x')}   (target: within 30x)`,
    `  full case evaluations           ${fmt(figures.fullCaseEvaluationsPerSecond, ' cases/s')}`,
    `  LM.PORTFOLIO, 10,000 loans      ${fmt(figures.portfolio10kMs, ' ms engine time')}   (target: under 1,000 ms)`,
    `  LM.PORTFOLIO, ${fmt(figures.portfolioSlicedLoans)} loans    longest slice ${fmt(figures.portfolioSlicedLongestSliceMs, ' ms')} (CPU ${fmt(figures.portfolioSlicedLongestSliceCpuMs, ' ms')}, median ${fmt(figures.portfolioSlicedMedianSliceMs, ' ms')}) of ${fmt(figures.portfolioSlicedSlices)} slices, total ${fmt(figures.portfolioSlicedTotalMs, ' ms')} (one block: ${fmt(figures.portfolioOneBlockMs, ' ms')})`,
    `  lm portfolio, ${fmt(figures.portfolioBatchLoans)} loans  ${fmt(figures.portfolioBatchSeconds, ' s')} on ${fmt(figures.portfolioBatchWorkers)} workers: ${fmt(figures.portfolioBatchLoansPerSecond, ' loans/s')}, ${fmt(figures.portfolioBatchLoansPerSecondPerCore, ' loans/s per core')}, one worker ${fmt(figures.portfolioBatchOneWorkerLoansPerSecond, ' loans/s')}, peak ${fmt(figures.portfolioBatchPeakMemoryMb, ' MB')}   (target: 1,000,000 under 60 s)`,
    `  Case Summary context.sync()     ${fmt(figures.summarySyncs, ' syncs')}`,
    `  Portfolio Review, 10,000 loans  ${figures.review10k ? `${fmt(figures.review10k.totalMs, ' ms')} read+evaluate+write in the in-memory host, ${fmt(figures.review10k.syncs, ' syncs')} (${figures.review10k.readSlices} read and ${figures.review10k.writeSlices} write slices), longest evaluation block ${fmt(figures.review10k.longestEvaluationBlockMs, ' ms')}` : 'not measured'}   (target: under 5,000 ms)`,
    `  Portfolio Review, 100,000 loans ${figures.review100k ? `${fmt(figures.review100k.totalMs, ' ms')} evaluate+plan (no host writes), event loop held at most ${fmt(figures.review100k.longestEventLoopGapMs, ' ms')} (evaluation chunks ${fmt(figures.review100k.longestEvaluationBlockMs, ' ms')}), ${figures.review100k.writeSlices} write slices` : 'not measured'}`,
    `  functions bundle, gzip          ${fmt(figures.functionsBundleGzipBytes, ' bytes')}   (target: under 150 KB; ${figures.bundleBuild || 'no'} build)`,
    `  task pane bundle, gzip          ${fmt(figures.taskpaneBundleGzipBytes, ' bytes')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
