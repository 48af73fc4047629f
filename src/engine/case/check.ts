/**
 * The one check of a case (docs/engine-core.md, "Validation"): parse it, then evaluate it. `lm
 * validate` and `lm evaluate` both use it, so "valid" always means "evaluates". A problem the
 * engine finds while evaluating (a CaseInputError, e.g. an unknown program id) is the user's
 * input like a parse problem; anything else thrown is an internal error, which the bad-input
 * matrix and the fuzz tests hold at zero.
 */
import { CaseInputError, type InputProblem } from '../errors';
import { evaluateParsedCase, type EvaluateOptions } from '../evaluate';
import type { Evaluation } from '../results';
import { parseCase } from './parse';
import type { LoanCase } from './types';

export type CaseCheck =
  | { verdict: 'valid'; loanCase: LoanCase; evaluation: Evaluation }
  | { verdict: 'invalid'; problems: InputProblem[] }
  | { verdict: 'internal error'; message: string };

export function checkCase(caseJson: unknown, options: EvaluateOptions = {}): CaseCheck {
  const parsed = parseCase(caseJson);
  if (!parsed.ok) return { verdict: 'invalid', problems: parsed.problems };
  try {
    return { verdict: 'valid', loanCase: parsed.case, evaluation: evaluateParsedCase(parsed.case, options, parsed.warnings) };
  } catch (error) {
    if (error instanceof CaseInputError) return { verdict: 'invalid', problems: error.problems };
    return { verdict: 'internal error', message: error instanceof Error ? error.message : String(error) };
  }
}
