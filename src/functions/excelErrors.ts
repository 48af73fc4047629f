/// <reference types="custom-functions-runtime" />
/**
 * The boundary between the engine's errors and the error a cell shows.
 *
 * Every LM function body runs inside `excelFunction`: whatever it throws becomes a
 * `CustomFunctions.Error` (#VALUE!, #NUM!, #DIV/0! or #N/A) whose message names the argument and
 * the fix; Excel shows the message when the user hovers the error. Nothing is logged (borrower
 * data is personal). `CustomFunctions` is the global of Excel's runtime; Jest and the
 * HyperFormula bridge install a shim of the same shape (test/support/customFunctionsShim.ts).
 */
import { ArgumentError, CaseInputError } from '../engine/errors';

export type ExcelErrorKind = ArgumentError['kind'];

/** Excel's error code for each kind of bad input. */
function errorCode(kind: ExcelErrorKind): CustomFunctions.ErrorCode {
  switch (kind) {
    case 'num':
      return CustomFunctions.ErrorCode.invalidNumber;
    case 'div0':
      return CustomFunctions.ErrorCode.divisionByZero;
    case 'na':
      return CustomFunctions.ErrorCode.notAvailable;
    default:
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

/** A cell error with a message. */
export function excelError(kind: ExcelErrorKind, message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(errorCode(kind), message);
}

/**
 * Maps engine names to the function's argument names: the engine says `loan.upb` or `housing`,
 * the user typed `upb` or `housing_expense`. Unmapped names are shown as they are.
 */
export type ArgumentNames = Record<string, string>;

/** Replaces a leading engine name in a message with the argument name. */
function renamed(message: string, engineName: string, argumentName: string): string {
  return message.startsWith(engineName) ? argumentName + message.slice(engineName.length) : message;
}

/** Converts anything a function body threw into the cell error it should show. */
export function toExcelError(error: unknown, names: ArgumentNames = {}): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof ArgumentError) {
    const argument = names[error.argument] ?? error.argument;
    let message = renamed(error.message, error.argument, argument);
    if (!message.includes(argument)) message = `${argument}: ${message}`;
    return excelError(error.kind, message);
  }
  if (error instanceof CaseInputError) {
    const messages = error.problems.map((problem) => {
      const argument = names[problem.field] ?? problem.field;
      const message = renamed(problem.message, problem.field.split('.').pop() ?? problem.field, argument);
      return message.startsWith(argument) ? message : `${argument}: ${message}`;
    });
    return excelError('value', messages.join('; '));
  }
  // A defect, not bad input: say so rather than show a wrong number.
  const detail = error instanceof Error ? error.message : String(error);
  return excelError('na', `LM could not compute this (${detail})`);
}

/** Runs a function body; anything it throws is rethrown as the cell error (the documented way for custom functions). */
export function excelFunction<T>(body: () => T, names: ArgumentNames = {}): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error, names);
  }
}
