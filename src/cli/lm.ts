/** The `lm` executable: runs the CLI with the process's arguments and I/O (bin/lm.js loads the compiled file). */
import { excerpt } from '../engine/errors';
import { runCli } from './main';
import { readCaseFile } from './readCaseFile';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Bounded: only a regular file of at most MAX_CASE_FILE_BYTES is read.
  readFile: (path) => readCaseFile(path),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lm: internal error: ${excerpt((error as Error)?.message ?? String(error))}\n`);
    process.exitCode = 1;
  },
);
