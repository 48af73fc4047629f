/** Runs the CLI in-process, capturing its output, over files held in memory (the CLI tests share it). */
import { runCli } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** What a missing file gives on disk, so the CLI words it as it would for a real one. */
function noSuchFile(p: string): never {
  const error = new Error(`ENOENT: no such file, open '${p}'`) as NodeJS.ErrnoException;
  error.code = 'ENOENT';
  throw error;
}

/**
 * `files` first (own keys only, so a path such as "constructor" is not taken from the prototype);
 * any other path goes to `readOther`: by default it does not exist.
 */
export async function runCliOver(argv: string[], files: Record<string, string> = {}, readOther: (p: string) => string = noSuchFile): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : readOther(p)),
  });
  return { code, stdout, stderr };
}
