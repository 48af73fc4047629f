/** Node's file system for `lm summary`: whole files only, never replacing one unless asked. */
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import { basename, dirname, join } from 'path';
import type { CliFiles } from './summary';

export const nodeFiles: CliFiles = {
  kind(path) {
    try {
      const stat = statSync(path);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
    } catch {
      return null;
    }
  },
  list: (directory) => readdirSync(directory),
  makeDirectory: (directory) => {
    mkdirSync(directory, { recursive: true });
  },
  writeFile(path, bytes, replace) {
    // Written beside the target, then moved in: a reader never sees half a workbook. Readable by
    // its owner only: the Case Input sheet holds the borrower's case.
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    writeFileSync(temporary, bytes, { flag: 'wx', mode: 0o600 });
    try {
      if (replace) renameSync(temporary, path);
      else keepExisting(temporary, path);
    } finally {
      if (existsSync(temporary)) unlinkSync(temporary);
    }
  },
};

/** Moves the temporary file to `path` unless a file is there (EEXIST), even one that appeared meanwhile. */
function keepExisting(temporary: string, path: string): void {
  try {
    linkSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // File systems without hard links (FAT, some network shares): an exclusive copy instead.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV') copyFileSync(temporary, path, constants.COPYFILE_EXCL);
    else throw error;
  }
}

