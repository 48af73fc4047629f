/** The `lm` executable: runs the CLI with the process's arguments and I/O (bin/lm.js loads the compiled file). */
import { excerpt } from '../engine/errors';
import { runCli } from './main';
import { nodeFiles } from './nodeFiles';
import { nodePortfolioIo, runPortfolio } from './portfolio/command';
import { readCaseFile } from './readCaseFile';

const argv = process.argv.slice(2);
// `lm portfolio` streams files of any size, so it takes Node streams rather than CliIo's whole-file reads.
const run =
  argv[0] === 'portfolio' && !argv.includes('--help')
    ? runPortfolio(argv.slice(1), nodePortfolioIo())
    : runCli(argv, {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        // Bounded: only a regular file of at most MAX_CASE_FILE_BYTES is read.
        readFile: (path) => readCaseFile(path),
        files: nodeFiles,
      });
run.then(  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lm: internal error: ${excerpt((error as Error)?.message ?? String(error))}\n`);
    process.exitCode = 1;
  },
);
