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
