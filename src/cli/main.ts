/**
 * The `lm` command line: evaluate or validate a case file (shared/spec/case-format.md).
 *
 * `runCli` takes its I/O as arguments so that tests run it in-process; src/cli/lm.ts binds it to
 * the process. Exit codes: 0 done, 2 bad input or usage (every problem on stderr, one per line
 * `field: message`), 1 an internal error of the engine.
 *
 * Borrower data is personal: the CLI reads only the file it is given, writes only to
 * stdout/stderr, and masks the loan number to its last 4 digits in human output.
 */
import { CaseInputError, type InputProblem } from '../engine/errors';
import { evaluateParsedCase } from '../engine/evaluate';
import { parseCase } from '../engine/case/parse';
import type { Evaluation } from '../engine/results';
import type { LoanCase } from '../engine/case/types';
import { ENGINE_VERSION } from '../engine/version';
import { formatReport } from './format';
import { PORTFOLIO_HELP } from './portfolio/command';
import { SUMMARY_HELP, SUMMARY_OPTIONS, parseSummaryArgs, runSummary, type CliFiles, type SummaryArgs } from './summary';

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
Exit status: 0 done, 2 bad input (each problem on stderr as "field: message"), 1 internal error.
`;

interface ParsedArgs {
  command: 'evaluate' | 'validate' | 'summary' | 'help' | 'version';
  file?: string;
  json: boolean;
  programs?: string[];
  summary?: SummaryArgs;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
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
  if (args.command === 'summary') return runSummary(args.summary as SummaryArgs, io, { load: loadCaseFile, parse: parseCase, evaluate: evaluateForCli });

  const loaded = await loadCaseFile(file, io);
  if (!loaded.ok) {
    writeProblems(io, loaded.problems);
    return EXIT_BAD_INPUT;
  }
  if (loaded.wrapped && !args.json) {
    io.stderr(`note: ${file} is a reference example; evaluating its "case" (its "expect" figures are not compared here)\n`);
  }

  const parsed = parseCase(loaded.caseJson);
  if (!parsed.ok) {
    writeProblems(io, parsed.problems);
    return EXIT_BAD_INPUT;
  }

  if (args.command === 'validate') {
    for (const warning of parsed.warnings) io.stderr(`warning: ${warning}\n`);
    io.stdout(`${file}: valid case ${parsed.case.caseId} (${parsed.case.investor})${parsed.warnings.length ? `, ${parsed.warnings.length} warning(s)` : ''}\n`);
    return EXIT_OK;
  }

  const evaluated = evaluateForCli(parsed.case, args.programs, parsed.warnings);
  if (!evaluated.ok) {
    if (evaluated.problems) writeProblems(io, evaluated.problems);
    else io.stderr(`lm: ${evaluated.internal}\n`);
    return evaluated.code;
  }
  const evaluation = evaluated.evaluation;

  if (args.json) {
    io.stdout(`${JSON.stringify(evaluation, null, 2)}\n`);
  } else {
    for (const warning of evaluation.warnings) io.stderr(`warning: ${warning}\n`);
    io.stdout(formatReport(evaluation, parsed.case));
  }
  return EXIT_OK;
}

export type CliEvaluation =
  | { ok: true; evaluation: Evaluation }
  | { ok: false; code: typeof EXIT_BAD_INPUT; problems: InputProblem[]; internal?: undefined }
  | { ok: false; code: typeof EXIT_INTERNAL; internal: string; problems?: undefined };

/** Evaluates a parsed case: the user's mistakes (bad input, a rulebook override that cannot apply) apart from internal errors. */
export function evaluateForCli(loanCase: LoanCase, programs: string[] | undefined, warnings: string[]): CliEvaluation {
  try {
    return { ok: true, evaluation: evaluateParsedCase(loanCase, { programs }, warnings) };
  } catch (error) {
    if (error instanceof CaseInputError) return { ok: false, code: EXIT_BAD_INPUT, problems: error.problems };
    if (error instanceof RangeError || error instanceof TypeError) {
      // A rulebook override the engine could not apply (withOverrides) is the user's input, not a crash.
      if (/^rulebook /.test(error.message)) return { ok: false, code: EXIT_BAD_INPUT, problems: [{ field: 'rulebookOverrides', message: error.message }] };
    }
    return { ok: false, code: EXIT_INTERNAL, internal: `internal error while evaluating ${loanCase.caseId}: ${(error as Error).message ?? String(error)}` };
  }
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
  if (command !== 'evaluate' && command !== 'validate') return { error: `unknown command "${command}"` };
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
      return { error: `unknown option "${arg}" for ${command}` };
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
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, problems: [{ field: file, message: `cannot read the file: ${why}` }] };
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

export function isReferenceExample(json: unknown): json is { case: unknown } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const keys = Object.keys(json);
  return keys.includes('case') && keys.every((k) => k === 'source' || k === 'case' || k === 'expect');
}

/** "Expected ',' ... at line 3, column 5", computed from the parser's position (Node's message varies by version). */
export function describeJsonError(text: string, error: Error): string {
  const message = error.message.replace(/\s*\(line \d+ column \d+\)/, '');
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
