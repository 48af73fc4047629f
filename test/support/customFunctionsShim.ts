/// <reference types="custom-functions-runtime" />
/**
 * A stand-in for the `CustomFunctions` global of Excel's runtime, the shape Excel gives it:
 * `new CustomFunctions.Error(code, message)` with `code` one of the `ErrorCode` strings
 * ("#VALUE!", "#DIV/0!"...), and `associate` (a no-op here: the webpack plugin writes those calls).
 * Importing this module installs it when no runtime is present.
 */

export class CustomFunctionsErrorShim extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message);
    this.name = 'CustomFunctions.Error';
    this.code = code;
  }
}

export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export function installCustomFunctionsShim(): void {
  const target = globalThis as unknown as { CustomFunctions?: unknown };
  if (target.CustomFunctions) return;
  target.CustomFunctions = { Error: CustomFunctionsErrorShim, ErrorCode: ERROR_CODES, associate: () => undefined };
}

installCustomFunctionsShim();

/** Runs `call` and returns the CustomFunctions.Error it throws (fails the test when it returns instead). */
export function excelErrorOf(call: () => unknown): { code: string; message: string } {
  try {
    const value = call();
    throw new Error(`expected an Excel error, got ${JSON.stringify(value)}`);
  } catch (error) {
    if (!(error instanceof CustomFunctionsErrorShim)) throw error;
    return { code: error.code, message: error.message ?? '' };
  }
}
