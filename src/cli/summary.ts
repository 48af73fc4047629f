/**
 * `lm summary`: the standard Case Summary workbook (Case Input + Case Summary sheets) as an .xlsx
 * file, without Excel; one case, or every case file of a folder (batch).
 *
 * A batch never stops at a bad case: each problem is reported on stderr as `FILE: field: message`
 * and the next case is written. Files are written whole or not at all (a temporary file renamed
 * into place), and an existing file is never replaced without --force.
 */
import { basename, extname, join } from 'path';
import type { checkCase } from '../engine/case/check';
import { excerpt } from '../engine/errors';
import type { InputProblem } from '../engine/errors';
import { caseWorkbookBytes } from '../xlsx/caseWorkbook';
import type { CliIo, Loaded } from './main';

export const SUMMARY_OPTIONS = `  --xlsx OUT         summary: the workbook to write (.xlsx), or the folder for a folder of cases
  --force            summary: replace a workbook that exists (never done without it)
`;

export const SUMMARY_HELP = `  lm summary CASE.json --xlsx OUT.xlsx [--force]    write the Case Input and Case Summary workbook (.xlsx), no Excel needed
  lm summary DIR --xlsx OUTDIR [--force]            the same for every *.json case in DIR: OUTDIR/<case id>.xlsx
`;

// The exit codes of main.ts (0 done, 1 internal error, 2 bad input), not imported to keep the import one way.
const EXIT_OK = 0;
const EXIT_INTERNAL = 1;
const EXIT_BAD_INPUT = 2;

/** What `lm summary` needs of the file system beyond reading a case (src/cli/lm.ts binds it to Node's fs). */
export interface CliFiles {
  /** What is at `path`: a file, a folder, something else, or nothing (null). */
  kind(path: string): 'file' | 'directory' | 'other' | null;
  /** The entry names of a folder. */
  list(directory: string): string[];
  /** Creates the folder and its parents when missing. */
  makeDirectory(directory: string): void;
  /**
   * Writes the whole file or nothing. Without `replace`, fails with code EEXIST when the file exists
   * (even if it appeared meanwhile).
   */
  writeFile(path: string, bytes: Uint8Array, replace: boolean): void;
}

export interface SummaryArgs {
  source: string;
  xlsx: string;
  force: boolean;
  programs?: string[];
}

/** The steps the command shares with `lm evaluate`: reading a case, and the one check (parse and evaluate) of engine/case/check.ts (main.ts passes them in). */
export interface SummarySteps {
  load(file: string, io: CliIo): Promise<Loaded>;
  check: typeof checkCase;
}

export function parseSummaryArgs(rest: string[]): SummaryArgs | { error: string } {
  const sources: string[] = [];
  let xlsx: string | undefined;
  let force = false;
  let programs: string[] | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--xlsx' || arg.startsWith('--xlsx=')) {
      xlsx = arg.startsWith('--xlsx=') ? arg.slice('--xlsx='.length) : rest[++i];
      if (!xlsx || xlsx.startsWith('--')) return { error: '--xlsx needs where to write, e.g. --xlsx summary.xlsx (or a folder for a batch)' };
    } else if (arg === '--force') {
      force = true;
    } else if (arg === '--programs' || arg.startsWith('--programs=')) {
      const list = arg.startsWith('--programs=') ? arg.slice('--programs='.length) : rest[++i];
      programs = (list ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
      if (programs.length === 0) return { error: '--programs needs a comma-separated list of program ids, e.g. --programs GSE-FLEX' };
    } else if (arg.startsWith('-')) {
      return { error: `unknown option "${arg}" for summary` };
    } else {
      sources.push(arg);
    }
  }
  if (sources.length !== 1) return { error: sources.length === 0 ? 'summary needs a case file or a folder of case files, e.g. lm summary case.json --xlsx case.xlsx' : `summary takes one case file or folder, got ${sources.length}` };
  if (!xlsx) return { error: 'summary needs --xlsx OUT.xlsx (the workbook to write; for a folder of cases, --xlsx OUTDIR)' };
  return { source: sources[0], xlsx, force, programs };
}

/**
 * A file name for a case id: letters, digits, ".", "-" and "_" kept, anything else "_"; never
 * hidden, never a Windows device name (CON, NUL, COM1...), at most 100 characters.
 */
export function caseFileName(caseId: string): string {
  let name = caseId
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 100);
  if (name === '' || /^_+$/.test(name)) name = 'case';
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(name)) name = `_${name}`;
  return `${name}.xlsx`;
}

interface Outcome {
  code: number;
}

export async function runSummary(args: SummaryArgs, io: CliIo, steps: SummarySteps): Promise<number> {
  const files = io.files;
  if (!files) {
    io.stderr('lm: summary cannot write files here (no file system given)\n');
    return EXIT_INTERNAL;
  }
  if (files.kind(args.source) === 'directory') return runBatch(args, io, files, steps);

  let target = args.xlsx;
  const targetKind = files.kind(target);
  if (targetKind !== 'directory' && extname(target).toLowerCase() !== '.xlsx') {
    writeProblems(io, [{ field: '--xlsx', message: `"${target}" does not end in .xlsx: name the workbook file, e.g. --xlsx summary.xlsx, or give an existing folder` }]);
    return EXIT_BAD_INPUT;
  }
  const prepared = await prepareCase(args.source, args, io, steps);
  if (!prepared.ok) return reportFailure(io, '', prepared);
  if (targetKind === 'directory') target = join(target, caseFileName(prepared.caseId));
  const written = await writeWorkbook(target, prepared, args.force, files);
  if (!written.ok) return reportFailure(io, '', written);
  io.stdout(`${target}: Case Input and Case Summary of case ${prepared.caseId} (${prepared.investor})\n`);
  return EXIT_OK;
}

async function runBatch(args: SummaryArgs, io: CliIo, files: CliFiles, steps: SummarySteps): Promise<number> {
  const outKind = files.kind(args.xlsx);
  if (outKind !== null && outKind !== 'directory') {
    writeProblems(io, [{ field: '--xlsx', message: `"${args.xlsx}" is not a folder: for a folder of cases, --xlsx names the folder to write the workbooks into` }]);
    return EXIT_BAD_INPUT;
  }
  const caseFiles = files
    .list(args.source)
    .filter((name) => extname(name).toLowerCase() === '.json')
    .sort()
    .map((name) => join(args.source, name))
    .filter((path) => files.kind(path) === 'file');
  if (caseFiles.length === 0) {
    writeProblems(io, [{ field: args.source, message: 'no *.json case files in this folder' }]);
    return EXIT_BAD_INPUT;
  }
  try {
    if (outKind === null) files.makeDirectory(args.xlsx);
  } catch (error) {
    writeProblems(io, [{ field: '--xlsx', message: `cannot create the folder "${args.xlsx}": ${(error as Error).message}` }]);
    return EXIT_BAD_INPUT;
  }

  const taken = new Set<string>();
  let written = 0;
  let worst = EXIT_OK;
  for (const file of caseFiles) {
    const outcome = await batchCase(file, args, io, files, steps, taken);
    if (outcome.code === EXIT_OK) written++;
    // An internal error outranks bad input: it is ours to fix.
    else if (worst !== EXIT_INTERNAL) worst = outcome.code;
  }
  io.stdout(`${written} of ${caseFiles.length} case(s) written to ${args.xlsx}\n`);
  return worst;
}

async function batchCase(file: string, args: SummaryArgs, io: CliIo, files: CliFiles, steps: SummarySteps, taken: Set<string>): Promise<Outcome> {
  const prepared = await prepareCase(file, args, io, steps);
  if (!prepared.ok) return { code: reportFailure(io, file, prepared) };
  // Two case ids may give the same file name (or differ only in case, one file on Windows and macOS).
  let name = caseFileName(prepared.caseId);
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = caseFileName(`${prepared.caseId}-${n}`);
  taken.add(name.toLowerCase());
  const target = join(args.xlsx, name);
  const written = await writeWorkbook(target, prepared, args.force, files);
  if (!written.ok) return { code: reportFailure(io, file, written) };
  io.stdout(`${target}: case ${prepared.caseId} (${prepared.investor}) from ${basename(file)}\n`);
  return { code: EXIT_OK };
}

type Prepared =
  | { ok: true; caseId: string; investor: string; bytes: () => Promise<Uint8Array> }
  | { ok: false; code: number; problems?: InputProblem[]; internal?: string };

async function prepareCase(file: string, args: SummaryArgs, io: CliIo, steps: SummarySteps): Promise<Prepared> {
  const loaded = await steps.load(file, io);
  if (!loaded.ok) return { ok: false, code: EXIT_BAD_INPUT, problems: loaded.problems };
  if (loaded.wrapped) io.stderr(`note: ${file} is a reference example; its "case" is summarized\n`);
  const checked = steps.check(loaded.caseJson, { programs: args.programs });
  if (checked.verdict === 'invalid') return { ok: false, code: EXIT_BAD_INPUT, problems: checked.problems };
  // The case id is free text: not repeated; the engine's message is cut to an excerpt.
  if (checked.verdict === 'internal error') return { ok: false, code: EXIT_INTERNAL, internal: `internal error while evaluating the case: ${excerpt(checked.message)}` };
  const { loanCase, evaluation } = checked;
  return { ok: true, caseId: loanCase.caseId, investor: loanCase.investor, bytes: () => caseWorkbookBytes(loanCase, evaluation) };
}

async function writeWorkbook(target: string, prepared: Extract<Prepared, { ok: true }>, replace: boolean, files: CliFiles): Promise<{ ok: true } | Extract<Prepared, { ok: false }>> {
  const kind = files.kind(target);
  if (kind !== null && (!replace || kind !== 'file')) return { ok: false, code: EXIT_BAD_INPUT, problems: [exists(target, kind)] };
  let bytes: Uint8Array;
  try {
    bytes = await prepared.bytes();
  } catch (error) {
    return { ok: false, code: EXIT_INTERNAL, internal: `internal error while writing the workbook of ${prepared.caseId}: ${(error as Error).message ?? String(error)}` };
  }
  try {
    files.writeFile(target, bytes, replace);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { ok: false, code: EXIT_BAD_INPUT, problems: [exists(target, 'file')] };
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
    return { ok: false, code: EXIT_BAD_INPUT, problems: [{ field: target, message: `cannot write the workbook: ${why}` }] };
  }
  return { ok: true };
}

function exists(target: string, kind: 'file' | 'directory' | 'other'): InputProblem {
  return kind === 'file'
    ? { field: target, message: 'the file exists and was left as it is: choose another name, or add --force to replace it' }
    : { field: target, message: `a ${kind === 'directory' ? 'folder' : 'non-file'} with this name exists: choose another name` };
}

/** Each problem as `field: message`; in a batch, `FILE: field: message` (unless the field is that file). */
function reportFailure(io: CliIo, file: string, failure: { code: number; problems?: InputProblem[]; internal?: string }): number {
  const prefix = (field: string) => (file === '' || field === file ? '' : `${file}: `);
  if (failure.problems) for (const p of failure.problems) io.stderr(`${prefix(p.field)}${p.field}: ${p.message}\n`);
  else io.stderr(`${file ? `${file}: ` : ''}lm: ${failure.internal}\n`);
  return failure.code;
}

function writeProblems(io: CliIo, problems: InputProblem[]): void {
  for (const p of problems) io.stderr(`${p.field}: ${p.message}\n`);
}
