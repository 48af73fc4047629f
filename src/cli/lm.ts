/** The `lm` executable: runs the CLI with the process's arguments and I/O (bin/lm.js loads the compiled file). */
import { readFileSync } from 'fs';
import { runCli } from './main';
import { nodeFiles } from './nodeFiles';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  files: nodeFiles,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lm: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
