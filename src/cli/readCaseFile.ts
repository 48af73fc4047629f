/**
 * Reads a case file for the CLI, refusing what is not one before reading it (docs/engine-core.md,
 * "Sizes"): anything but a regular file (a folder, a FIFO that would block forever, /dev/zero
 * that never ends) and a file over MAX_CASE_FILE_BYTES. The file is opened without blocking,
 * checked with fstat on the open descriptor (no window between the check and the read), and
 * read with a bounded buffer, so a file that grows while it is read is still refused.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'fs';

/** A case file is a few kilobytes (a reference example with its expected figures, some tens): 5 MB is far beyond any. */
export const MAX_CASE_FILE_BYTES = 5 * 1024 * 1024;

/** An error with the code that runCli turns into a message naming the file and the fix. */
export class CaseFileError extends Error {
  readonly code: 'ENOTREG' | 'ETOOBIG' | 'EBADUTF8';
  constructor(code: CaseFileError['code'], message: string) {
    super(message);
    this.name = 'CaseFileError';
    this.code = code;
  }
}

export function readCaseFile(path: string, maxBytes = MAX_CASE_FILE_BYTES): string {
  // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      const error = new Error('is a folder') as NodeJS.ErrnoException;
      error.code = 'EISDIR';
      throw error;
    }
    if (!stat.isFile()) throw new CaseFileError('ENOTREG', 'not a regular file');
    if (stat.size > maxBytes) throw new CaseFileError('ETOOBIG', `${stat.size} bytes`);
    // The buffer starts at the size fstat gave and grows (up to one byte past the limit) if the file grows.
    let buffer = Buffer.alloc(Math.min(maxBytes + 1, stat.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new CaseFileError('ETOOBIG', `more than ${maxBytes} bytes`);
        const larger = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) throw new CaseFileError('ETOOBIG', `more than ${maxBytes} bytes`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw new CaseFileError('EBADUTF8', 'not UTF-8 text');
    }
  } finally {
    closeSync(fd);
  }
}
