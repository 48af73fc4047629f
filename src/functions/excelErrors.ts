/// <reference types="custom-functions-runtime" />
/**
 * The boundary between the engine's errors and the error a cell shows.
 *
 * Every LM function body runs inside `excelFunction`: whatever it throws becomes a
 * `CustomFunctions.Error`. Nothing is logged (borrower data is personal). `CustomFunctions` is
 * the global of Excel's runtime; Jest and the HyperFormula bridge install a shim of the same
 * shape (test/support/customFunctionsShim.ts).
 *
 * Excel shows a custom message only with #VALUE! and #N/A: "The #VALUE! and #N/A errors also
 * support custom error messages" (Microsoft Learn, "Handle and return errors from your custom
 * function", learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors, read
 * 2026-12-06; the ErrorCode reference says the same of each other code). So bad input whose
 * message matters is #VALUE! (a wrong value) or #N/A (the result is not available, e.g. a
 * loan not eligible for a deferral), and `excelError` never attaches a message to #NUM!,
 * #DIV/0! or any other code: what the cell shows here is what Excel shows.
 */
import { ArgumentError, CaseInputError } from '../engine/errors';
import { PassedErrorValue } from './arguments';

export type ExcelErrorKind = ArgumentError['kind'];

/** The kinds whose message Excel displays (see the header). */
export const KINDS_WITH_MESSAGE: readonly ExcelErrorKind[] = ['value', 'na'];

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

/** True for the codes whose message Excel displays (#VALUE!, #N/A). */
export function codeShowsMessage(code: string): boolean {
  return code === CustomFunctions.ErrorCode.invalidValue || code === CustomFunctions.ErrorCode.notAvailable;
}

/** A cell error: with its message for #VALUE! and #N/A, bare for every other code (as Excel shows it). */
export function excelError(kind: ExcelErrorKind, message: string): CustomFunctions.Error {
  const code = errorCode(kind);
  return codeShowsMessage(code) ? new CustomFunctions.Error(code, message) : new CustomFunctions.Error(code);
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

const own = (names: ArgumentNames, key: string): string | undefined => (Object.prototype.hasOwnProperty.call(names, key) ? names[key] : undefined);

/**
 * An argument's error value, passed on with its own code as Excel's own functions do. #NAME?
 * and #REF! are "supported as a custom function input error, but not as a custom function
 * output error" (Microsoft Learn, custom-functions-errors): they become #VALUE! saying so.
 */
function passedError(error: PassedErrorValue, argument: string): CustomFunctions.Error {
  const code = error.code as CustomFunctions.ErrorCode;
  if (code === CustomFunctions.ErrorCode.invalidName || code === CustomFunctions.ErrorCode.invalidReference) {
    return excelError('value', `${argument} holds ${code}: fix that cell`);
  }
  return codeShowsMessage(code) ? new CustomFunctions.Error(code, `${argument} holds ${code}`) : new CustomFunctions.Error(code);
}

/** Converts anything a function body threw into the cell error it should show. */
export function toExcelError(error: unknown, names: ArgumentNames = {}): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) {
    // Already a cell error (e.g. an error value passed through): still no message where Excel shows none.
    return codeShowsMessage(error.code) || error.message === undefined ? error : new CustomFunctions.Error(error.code);
  }
  if (error instanceof PassedErrorValue) return passedError(error, own(names, error.argument) ?? error.argument);
  if (error instanceof ArgumentError) {
    const argument = own(names, error.argument) ?? error.argument;
    let message = renamed(error.message, error.argument, argument);
    if (!message.includes(argument)) message = `${argument}: ${message}`;
    return excelError(error.kind, message);
  }
  if (error instanceof CaseInputError) {
    const messages = error.problems.map((problem) => {
      const argument = own(names, problem.field) ?? problem.field;
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
