/**
 * Case parsing and validation (case-format.md). STUB: to be completed by the engine-core work.
 */
import type { LoanCase } from './types';
import type { InputProblem } from '../errors';

export type ParseResult = { ok: true; case: LoanCase; warnings: string[] } | { ok: false; problems: InputProblem[] };

export function parseCase(_input: unknown): ParseResult {
  return { ok: false, problems: [{ field: '(case)', message: 'case parsing is not implemented yet' }] };
}
