/**
 * The `lm` command line: evaluate or validate a case file (shared/spec/case-format.md).
 *
 * `runCli` takes its I/O as arguments so that tests run it in-process; src/cli/lm.ts binds it to
 * the process. Exit codes: 0 done, 2 bad input or usage (every problem on stderr, one per line
 * `field: message`), 1 an internal error of the engine.
 *
 * `validate` and `evaluate` share one check (`checkCase`): the case is parsed AND evaluated, so
 * validate can never call "valid" a case that evaluate refuses.
 *
 * Borrower data is personal: the CLI reads only the file it is given, writes only to
 * stdout/stderr, and masks the loan number to its last 4 digits in human output. Everything it
 * writes passes through `forTerminal` (or `jsonForTerminal`): no terminal control sequence in a
 * case file reaches the terminal.
 */
import { checkCase } from '../engine/case/check';
import { excerpt, stripControls, type InputProblem } from '../engine/errors';
import { ENGINE_VERSION } from '../engine/version';
import { formatReport } from './format';
import { PORTFOLIO_HELP } from './portfolio/command';
import { SUMMARY_HELP, SUMMARY_OPTIONS, parseSummaryArgs, runSummary, type CliFiles, type SummaryArgs } from './summary';

export { checkCase };
import { MAX_CASE_FILE_BYTES } from './readCaseFile';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file as UTF-8 text; throws (or rejects) when it cannot. */
  readFile(path: string): string | Promise<string>;
  /** Folders and file writing, for `lm summary` (src/cli/lm.ts gives Node's). */
  files?: CliFiles;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

export const HELP = `lm ${ENGINE_VERSION}: loss-mitigation evaluation of a borrower case (LM Workbench)

Usage:
  lm evaluate CASE.json [--json] [--programs A,B]   evaluate the case through its investor's waterfall
  lm validate CASE.json                             check the case file and list every problem
${SUMMARY_HELP}${PORTFOLIO_HELP}
  lm --help | --version

Options:
  --json             print the evaluation as JSON (the format of case-format.md) instead of a report
  --programs A,B     evaluate only these programs, e.g. --programs GSE-FLEX,REPAYMENT-PLAN
${SUMMARY_OPTIONS}
A reference example ({ "source", "case", "expect" }) is accepted: its "case" is evaluated.
The case file must be a regular file of at most ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB, in UTF-8.
validate runs the same checks as evaluate: "valid" means evaluate will run.
Exit status: 0 done, 2 bad input (each problem on stderr as "field: message"), 1 internal error.
`;

interface ParsedArgs {
  command: 'evaluate' | 'validate' | 'summary' | 'help' | 'version';
  file?: string;
  json: boolean;
  programs?: string[];
  summary?: SummaryArgs;
}

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Every text written is cleaned of terminal control sequences; the JSON output escapes them instead.
  const io: CliIo & { json(text: string): void } = {
    stdout: (text) => rawIo.stdout(forTerminal(text)),
    stderr: (text) => rawIo.stderr(forTerminal(text)),
    json: (text) => rawIo.stdout(jsonForTerminal(text)),
    readFile: (path) => rawIo.readFile(path),
    files: rawIo.files,
  };
  const args = parseArgs(argv);
  if ('error' in args) {
    io.stderr(`lm: ${args.error}\n\n${HELP}`);
    return EXIT_BAD_INPUT;
  }
  if (args.command === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (args.command === 'version') {
    io.stdout(`${ENGINE_VERSION}\n`);
    return EXIT_OK;
  }
  const file = args.file as string;
  if (args.command === 'summary') return runSummary(args.summary as SummaryArgs, io, { load: loadCaseFile, check: checkCase });

  const loaded = await loadCaseFile(file, io);
  if (!loaded.ok) {
    writeProblems(io, loaded.problems);
    return EXIT_BAD_INPUT;
  }
  if (loaded.wrapped && !args.json) {
    io.stderr(`note: ${file} is a reference example; evaluating its "case" (its "expect" figures are not compared here)\n`);
  }

  const checked = checkCase(loaded.caseJson, { programs: args.programs });
  if (checked.verdict === 'invalid') {
    writeProblems(io, checked.problems);
    return EXIT_BAD_INPUT;
  }
  if (checked.verdict === 'internal error') {
    // The case id is free text: it is not repeated; the engine's message is cut to an excerpt.
    io.stderr(`lm: internal error while evaluating the case: ${excerpt(checked.message)}\n`);
    return EXIT_INTERNAL;
  }
  const { evaluation, loanCase } = checked;

  if (args.command === 'validate') {
    for (const warning of evaluation.warnings) io.stderr(`warning: ${warning}\n`);
    const count = evaluation.warnings.length;
    io.stdout(`${file}: valid case ${excerpt(loanCase.caseId)} (${loanCase.investor})${count ? `, ${count} warning(s)` : ''}\n`);
    return EXIT_OK;
  }

  if (args.json) {
    io.json(`${JSON.stringify(evaluation, null, 2)}\n`);
  } else {
    for (const warning of evaluation.warnings) io.stderr(`warning: ${warning}\n`);
    io.stdout(formatReport(evaluation, loanCase));
  }
  return EXIT_OK;
}

/** Text for a terminal: no escape sequences, no control characters but newline and tab. */
export function forTerminal(text: string): string {
  return stripControls(text);
}

/** JSON for a terminal: C1 controls, DEL and bidirectional overrides (which JSON.stringify leaves raw) written as \u escapes; still the same JSON. */
export function jsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function parseArgs(argv: string[]): ParsedArgs | { error: string } {
  if (argv.length === 0) return { error: 'no command given' };
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help', json: false };
  if (argv.includes('--version') || argv.includes('-v')) return { command: 'version', json: false };
  const [command, ...rest] = argv;
  if (command === 'summary') {
    const summary = parseSummaryArgs(rest);
    return 'error' in summary ? summary : { command, json: false, file: summary.source, summary };
  }
  if (command !== 'evaluate' && command !== 'validate') return { error: `unknown command "${excerpt(command)}"` };
  const result: ParsedArgs = { command, json: false };
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json' && command === 'evaluate') {
      result.json = true;
    } else if ((arg === '--programs' || arg.startsWith('--programs=')) && command === 'evaluate') {
      const list = arg.startsWith('--programs=') ? arg.slice('--programs='.length) : rest[++i];
      const programs = (list ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
      if (programs.length === 0) return { error: '--programs needs a comma-separated list of program ids, e.g. --programs GSE-FLEX' };
      result.programs = programs;
    } else if (arg.startsWith('-')) {
      return { error: `unknown option "${excerpt(arg)}" for ${command}` };
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) return { error: files.length === 0 ? `${command} needs a case file, e.g. lm ${command} case.json` : `${command} takes one case file, got ${files.length}` };
  result.file = files[0];
  return result;
}

export type Loaded = { ok: true; caseJson: unknown; wrapped: boolean } | { ok: false; problems: InputProblem[] };

/** Reads and parses the file; a reference example (top-level keys among source/case/expect, with a case) yields its case. */
export async function loadCaseFile(file: string, io: CliIo): Promise<Loaded> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    return { ok: false, problems: [{ field: file, message: `cannot read the file: ${whyUnreadable(error)}` }] };
  }
  // The reader of lm.ts refuses a large file before reading it; an in-memory reader is held to the same limit.
  if (text.length > MAX_CASE_FILE_BYTES || Buffer.byteLength(text, 'utf8') > MAX_CASE_FILE_BYTES) {
    return { ok: false, problems: [{ field: file, message: tooBigMessage() }] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ field: file, message: `not valid JSON: ${describeJsonError(text, error as Error)}` }] };
  }
  if (isReferenceExample(json)) return { ok: true, caseJson: json.case, wrapped: true };
  return { ok: true, caseJson: json, wrapped: false };
}

function tooBigMessage(): string {
  return `the file is larger than ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB; a case file is a few kilobytes: check that this is the case file`;
}

function whyUnreadable(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTREG':
      return 'it is not a regular file (a device, a pipe or a socket); save the case to a file and give that file';
    case 'ETOOBIG':
      return tooBigMessage();
    case 'EBADUTF8':
      return 'it is not UTF-8 text; save the case file as UTF-8';
    default:
      return excerpt((error as Error)?.message ?? String(error));
  }
}

export function isReferenceExample(json: unknown): json is { case: unknown } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const keys = Object.keys(json);
  return keys.includes('case') && keys.every((k) => k === 'source' || k === 'case' || k === 'expect');
}

/** "Expected ',' ... at line 3, column 5", computed from the parser's position (Node's message varies by version). */
export function describeJsonError(text: string, error: Error): string {
  // Node quotes the text around an unexpected token ('Unexpected token }, "{"a":}" is not valid JSON'):
  // the case text is not repeated, only the token, sanitized.
  const token = /^Unexpected token '([\s\S]*?)', "[\s\S]*" is not valid JSON$/.exec(error.message);
  if (token) {
    const code = token[1].codePointAt(0) ?? 0;
    // eslint-disable-next-line no-control-regex
    return /^[\u0000-\u001f\u007f-\u009f]/.test(token[1]) ? `unexpected control character U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `unexpected "${excerpt(token[1])}"`;
  }
  const message = stripControls(error.message.replace(/\s*\(line \d+ column \d+\)/, ''));
  const match = /at position (\d+)/.exec(message);
  const position = match ? Number(match[1]) : /end of JSON input/.test(message) ? text.length : null;
  const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/^Unexpected end of JSON input$/, 'the file ends too early');
  if (position === null) return reason;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${reason} at line ${line}, column ${column}`;
}

function writeProblems(io: CliIo, problems: InputProblem[]): void {
  for (const p of problems) io.stderr(`${p.field}: ${p.message}\n`);
}
