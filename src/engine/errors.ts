/**
 * Input problems. The engine never guesses: a value it cannot use is reported with the field
 * (a JSON path such as `loan.rate`, or a function argument name) and the fix.
 */

export interface InputProblem {
  /** Where the problem is: a JSON path (`loan.rate`, `borrower.incomes[0].frequency`) or an argument name. */
  field: string;
  /** What is wrong and how to fix it, in a specialist's words. */
  message: string;
}

/** Thrown by engine entry points given input they cannot evaluate; carries every problem found. */
export class CaseInputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
    this.name = 'CaseInputError';
    this.problems = problems;
  }
}

/**
 * A single bad argument to a calculation (used by the calculation functions that custom
 * functions wrap). `kind` maps to the Excel error the cell shows.
 */
export class ArgumentError extends Error {
  readonly argument: string;
  readonly kind: 'value' | 'num' | 'div0' | 'na';
  constructor(argument: string, message: string, kind: 'value' | 'num' | 'div0' | 'na' = 'value') {
    super(message);
    this.name = 'ArgumentError';
    this.argument = argument;
    this.kind = kind;
  }
}

/** The message for a rate that was typed as a percent number, per engine.md section 1. */
export function percentTypedAsNumberMessage(argument: string, rate: number): string {
  return `${argument} ${rate} looks like a percent: enter ${rate}% or ${Number((rate / 100).toPrecision(12))}`;
}

/** The most characters of user text ever repeated in a message (docs/engine-core.md, "Sizes"). */
export const EXCERPT_LENGTH = 40;

/**
 * Terminal control sequences (ANSI CSI and OSC escapes, other ESC sequences), C0 and C1 control
 * characters and the bidirectional overrides (which reorder what a reader sees): none of them may
 * reach a terminal or a message from user text.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[\s\S]?|\u009b[0-?]*[ -/]*[@-~]?|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without terminal control sequences and control characters (newline and tab are kept). */
export function stripControls(text: string): string {
  return text.replace(CONTROL_SEQUENCES, '').replace(CONTROL_CHARACTERS, '');
}

/** Runs of digits that could be a Social Security number (9 digits, with or without dashes or spaces). */
const SSN_SHAPED = /\d{3}[-\s.]?\d{2}[-\s.]?\d{4}/;

/** True when a text or number has the shape of a Social Security number (9 digits): it is then never repeated. */
export function looksLikeSsn(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e8 && Math.abs(value) < 1e9;
  return typeof value === 'string' && SSN_SHAPED.test(value);
}

/**
 * User text as it may appear in a message: one line, no control sequences, at most
 * EXCERPT_LENGTH characters (then "…"). Text with the shape of an SSN is not repeated at all.
 */
export function excerpt(text: string): string {
  // Only the head is read: a 50 MB value costs no more than a short one.
  const raw = text.slice(0, EXCERPT_LENGTH * 4);
  if (looksLikeSsn(raw)) return '(not repeated: it has the shape of a Social Security number)';
  const head = stripControls(raw).replace(/[\n\t\r]+/g, ' ');
  const chars = Array.from(head);
  return chars.length > EXCERPT_LENGTH || text.length > EXCERPT_LENGTH * 4 ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : head;
}

/** A number as it may appear in a message: as written, unless it has the shape of an SSN. */
export function numberExcerpt(n: number): string {
  return looksLikeSsn(n) ? '(a 9-digit number, not repeated: it has the shape of a Social Security number)' : String(n);
}
