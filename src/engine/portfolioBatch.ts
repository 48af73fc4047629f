/**
 * One loan of a batch (a loan-tape row or a case JSON) to its Portfolio Review row. Used by the
 * `lm portfolio` workers and in-process; a bad row yields an error row naming the row and the
 * field, never an exception, so one row can never fail the batch.
 */
import { parseCase } from './case/parse';
import { recommendedOptionOfParsedCase, type EvaluateOptions } from './evaluate';
import { CaseInputError } from './errors';
import { caseJsonOfTapeRow, mergeDefaults as deepMerge, type TapeHeaders } from './loanTape';
import type { CellValue } from './caseFields';
import { reviewErrorRow, reviewRowOf, type PortfolioReviewRow } from './portfolioReview';

export interface BatchOptions extends EvaluateOptions {
  /** Merged under every row (e.g. the evaluation date and the posted rates of the whole tape). */
  defaults?: Record<string, unknown>;
}

/** The review row of one loan-tape row. */
export function reviewTapeRow(row: number, headers: TapeHeaders, cells: CellValue[], options: BatchOptions = {}): PortfolioReviewRow {
  const built = caseJsonOfTapeRow(row, headers, cells, options.defaults);
  if (!built.ok) return reviewErrorRow(row, built.caseId, built.problem);
  return reviewCaseJson(row, built.json, options, false);
}

/** The review row of one case (a JSON object in the case format). */
export function reviewCaseJson(row: number, json: unknown, options: BatchOptions = {}, mergeDefaults = true): PortfolioReviewRow {
  const input = mergeDefaults && options.defaults && isObject(json) ? deepMerge(options.defaults, json) : json;
  const caseId = isObject(input) && typeof input.caseId === 'string' ? input.caseId : null;
  const parsed = parseCase(input);
  if (!parsed.ok) return reviewErrorRow(row, caseId, parsed.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  try {
    const evaluation = recommendedOptionOfParsedCase(parsed.case, options, parsed.warnings);
    return reviewRowOf(row, parsed.case, evaluation);
  } catch (error) {
    if (error instanceof CaseInputError) return reviewErrorRow(row, caseId, error.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    // An override the engine cannot apply is the input's problem; anything else is reported as
    // an internal error of that row only, without echoing the row's values.
    const message = error instanceof Error ? error.message : String(error);
    return reviewErrorRow(row, caseId, /^rulebook /.test(message) ? `rulebookOverrides: ${message}` : `internal error: ${message}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

