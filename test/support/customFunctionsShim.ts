/// <reference types="custom-functions-runtime" />
/**
 * A stand-in for the `CustomFunctions` global of Excel's runtime, the shape Excel gives it:
 * `new CustomFunctions.Error(code, message)` with `code` one of the `ErrorCode` strings
 * ("#VALUE!", "#DIV/0!"...), and `associate` (a no-op here: the webpack plugin writes those calls).
 * Importing this module installs it when no runtime is present. Error and ErrorCode are the
 * workbench page's (src/workbench/page/customFunctions.ts, plain TypeScript without DOM use).
 */
import { CustomFunctionError, ERROR_CODES } from '../../src/workbench/page/customFunctions';

export function installCustomFunctionsShim(): void {
  const target = globalThis as unknown as { CustomFunctions?: unknown };
  if (target.CustomFunctions) return;
  target.CustomFunctions = { Error: CustomFunctionError, ErrorCode: ERROR_CODES, associate: () => undefined };
}

installCustomFunctionsShim();

/** Runs `call` and returns the CustomFunctions.Error it throws (fails the test when it returns instead). */
export function excelErrorOf(call: () => unknown): { code: string; message: string } {
  try {
    const value = call();
    throw new Error(`expected an Excel error, got ${JSON.stringify(value)}`);
  } catch (error) {
    if (!(error instanceof CustomFunctionError)) throw error;
    return { code: error.code, message: error.message ?? '' };
  }
}

/** The CustomFunctions.Error an asynchronous function rejects with (fails the test when it resolves instead). */
export async function excelErrorOfAsync(call: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  let value: unknown;
  try {
    value = await call();
  } catch (error) {
    if (!(error instanceof CustomFunctionError)) throw error;
    return { code: error.code, message: error.message ?? '' };
  }
  throw new Error(`expected an Excel error, got ${JSON.stringify(value)}`);
}

/**
 * The custom message of an error as Excel would show it: the shim's Error, like Excel's, keeps
 * the code as its message when none was given, so that counts as no message.
 */
export function customMessage(error: { code: string; message?: string }): string {
  return error.message === undefined || error.message === error.code ? '' : error.message;
}
