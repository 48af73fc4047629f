/**
 * A loan tape (LM.PORTFOLIO): a table with one loan per row and case-format field names as
 * headers (`upb`, `rate`, `loan.contractualPI`... see caseFields.ts). Each row becomes a case,
 * is evaluated through the investor's waterfall, and yields one summary row. A bad row yields
 * an error row naming the row and the field; it never fails the whole tape.
 *
 * At risk (a triage flag for a portfolio manager, not a rule of any investor; our definition):
 *  - no home-retention option is eligible (only disposition, or nothing), or
 *  - the back-end DTI is 55% or more (the HAMP counselling threshold, fha-va-usda.md PORTFOLIO), or
 *  - the property valuation is older than the AFFORDABILITY rulebook's maximum age (90 days,
 *    Fannie Mae F-1-27) at the evaluation date.
 */
import { CaseJsonBuilder, cellToFieldValue, isBlankCell, resolveField, type CellValue, type ResolvedField } from './caseFields';
import { daysBetween, isIsoDate } from './dates';
import { CaseInputError } from './errors';
import { evaluateCase, recommendedOptionOfCase, type EvaluateOptions } from './evaluate';
import { exactCents, ratioOfCents } from './cents';
import { Decimal, percentNumber, ratioNumber } from './money';
import type { Evaluation, OptionResult, Recommendation } from './results';
import { findRulebook } from './rulebooks';

/** Back-end DTI at or above which a loan is flagged at risk. */
export const AT_RISK_BACK_END_DTI = 0.55;

export interface LoanTapeResult {
  /** 1-based row of the tape, counting the header row as row 1 (as Excel would number it). */
  row: number;
  caseId: string | null;
  /** Recommended program id, `null` when none is eligible or the row has an error. */
  program: string | null;
  /** The monthly payment (P&I + escrow) under the recommended option; `null` when it has none. */
  newPayment: number | null;
  /** Reduction as a fraction: the P&I reduction of a modification, else the payment reduction. */
  reduction: number | null;
  atRisk: boolean | null;
  /** Why the loan is at risk, in words; empty when it is not. */
  atRiskReasons: string[];
  /** The row's problem ("row 4, loan.rate: ..."), `null` when it was evaluated. */
  error: string | null;
}

export interface LoanTapeOptions extends EvaluateOptions {
  /** Applied to every row before its own values (e.g. the workbook's evaluation date or posted rate). */
  defaults?: Record<string, unknown>;
  /**
   * 'recommendation' (the default): each row is evaluated by `recommendedOptionOfCase`, which
   * skips what the tape does not show (Regulation X timeline, every NPV, the rationale, the
   * programs the recommendation does not reach) and gives the same row; 'full': by `evaluateCase`.
   */
  scope?: 'recommendation' | 'full';
}

/** What the tape reads of an evaluation (a full `Evaluation` or a `RecommendationEvaluation`). */
export type TapeEvaluation = Pick<Evaluation, 'caseId' | 'evaluationDate' | 'waterfall' | 'options' | 'affordability'> & {
  recommendation: Pick<Recommendation, 'program'>;
};

/**
 * Evaluates a loan tape. `table[0]` is the header row. Completely blank rows are skipped (a
 * table often ends with some). An unusable header fails every row, naming the header.
 */
export function evaluateLoanTape(table: CellValue[][], options: LoanTapeOptions = {}): LoanTapeResult[] {
  if (table.length === 0) return [];
  const headers = resolveTapeHeaders(table[0]);
  const results: LoanTapeResult[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r];
    if (cells.every(isBlankCell)) continue;
    results.push(evaluateTapeRow(r + 1, headers, cells, options));
  }
  return results;
}

/** The tape's columns resolved to case fields once (null for a blank header), or the header's problems. */
export type TapeHeaders = { ok: true; fields: (ResolvedField | null)[] } | { ok: false; problem: string };

export function resolveTapeHeaders(headerRow: CellValue[]): TapeHeaders {
  const fields = headerRow.map((cell) => (isBlankCell(cell) ? null : resolveField(String(cell))));
  const problems = fields
    .map((h, column) => (h && 'error' in h ? `column ${column + 1}: ${h.error}` : null))
    .filter((p): p is string => p !== null);
  if (problems.length > 0) return { ok: false, problem: `header ${problems.join('; ')}` };
  return { ok: true, fields: fields as (ResolvedField | null)[] };
}

/** A tape row as case JSON (defaults merged under it, caseId "row N" when absent), or its problem. */
export function caseJsonOfTapeRow(
  row: number,
  headers: TapeHeaders,
  cells: CellValue[],
  defaults?: Record<string, unknown>,
): { ok: true; json: Record<string, unknown>; caseId: string } | { ok: false; caseId: string | null; problem: string } {
  if (!headers.ok) return { ok: false, caseId: null, problem: headers.problem };
  const builder = new CaseJsonBuilder();
  let caseId: string | null = null;
  for (let c = 0; c < headers.fields.length; c++) {
    const field = headers.fields[c];
    if (!field) continue;
    const converted = cellToFieldValue(cells[c], field.fieldKind);
    if (!converted.ok) return { ok: false, caseId, problem: `${field.path}: ${converted.message}` };
    const problem = builder.set(field, converted.value);
    if (problem) return { ok: false, caseId, problem };
    if (field.path === 'caseId' && converted.value !== null) caseId = String(converted.value);
  }
  // Without defaults the merge would only copy the row's object: use it as it is.
  const json = defaults && Object.keys(defaults).length > 0 ? mergeDefaults(defaults, builder.build()) : builder.build();
  if (json.caseId === undefined) json.caseId = `row ${row}`;
  return { ok: true, json, caseId: String(json.caseId) };
}

/** One non-blank row of the tape (`row` is its 1-based sheet row). Exported for LM.PORTFOLIO, which evaluates the tape in slices. */
export function evaluateTapeRow(row: number, headers: TapeHeaders, cells: CellValue[], options: LoanTapeOptions): LoanTapeResult {
  const built = caseJsonOfTapeRow(row, headers, cells, options.defaults);
  if (!built.ok) return errorRow(row, built.caseId, built.problem);
  const { json, caseId } = built;

  let evaluation: TapeEvaluation;
  try {
    evaluation = options.scope === 'full' ? evaluateCase(json, options) : recommendedOptionOfCase(json, options);
  } catch (error) {
    if (error instanceof CaseInputError) {
      return errorRow(row, caseId, error.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    }
    return errorRow(row, caseId, error instanceof Error ? error.message : String(error));
  }
  return summarizeEvaluation(row, evaluation, json);
}

/** The tape's summary of one evaluation. Exported for the bench and tests. */
export function summarizeEvaluation(row: number, evaluation: TapeEvaluation, json: Record<string, unknown>): LoanTapeResult {
  const program = evaluation.recommendation.program;
  const option = program ? evaluation.options[program] : undefined;
  const loan = (json.loan ?? {}) as Record<string, unknown>;
  const contractualPI = typeof loan.contractualPI === 'number' ? loan.contractualPI : null;
  const escrow = typeof loan.monthlyEscrow === 'number' ? loan.monthlyEscrow : 0;
  const newPayment = option ? paymentUnder(option, contractualPI, escrow) : null;
  const reduction = option ? reductionUnder(option, contractualPI, escrow, newPayment) : null;

  const atRiskReasons: string[] = [];
  const retentionEligible = evaluation.waterfall.some((id) => {
    const result = evaluation.options[id];
    return result && result.eligible && result.kind !== 'disposition';
  });
  if (!retentionEligible) atRiskReasons.push('no home-retention option is eligible');
  const backEnd = evaluation.affordability.backEndDti;
  // Number comparison is the decimal one: decimal.js reads a number as its shortest round-trip
  // string, and that reading is strictly increasing in the number.
  if (backEnd !== null && backEnd >= AT_RISK_BACK_END_DTI) {
    atRiskReasons.push(`back-end DTI ${percentNumber(backEnd).toFixed(2)}% is ${percentNumber(AT_RISK_BACK_END_DTI)}% or more`);
  }
  const stale = staleValuation(json, evaluation.evaluationDate);
  if (stale) atRiskReasons.push(stale);

  return {
    row,
    caseId: evaluation.caseId,
    program,
    newPayment,
    reduction,
    atRisk: atRiskReasons.length > 0,
    atRiskReasons,
    error: null,
  };
}

/** Decimals of the reduction fraction (a percent with two decimals). */
const REDUCTION_DECIMALS = 4;

/** P&I + escrow under the option; options that keep the contractual payment (deferral, partial claim) report it. */
function paymentUnder(option: OptionResult, contractualPI: number | null, escrow: number): number | null {
  const payment = (option as { monthlyPayment?: unknown }).monthlyPayment;
  if (typeof payment === 'number') return payment;
  if ((option.kind === 'deferral' || option.kind === 'partialClaim') && contractualPI !== null) {
    const piCents = exactCents(contractualPI);
    const escrowCents = exactCents(escrow);
    if (piCents !== null && escrowCents !== null) return (piCents + escrowCents) / 100;
    return new Decimal(contractualPI).plus(escrow).toNumber();
  }
  return null;
}

function reductionUnder(option: OptionResult, contractualPI: number | null, escrow: number, newPayment: number | null): number | null {
  const percent = (option as { reductionPercent?: unknown }).reductionPercent;
  if (typeof percent === 'number') {
    // A percent of whole hundredths k / 100 is the fraction k / 10^4 exactly (see signedHundredths).
    const hundredths = signedHundredths(percent);
    return hundredths !== null ? hundredths / 10_000 : new Decimal(percent).dividedBy(100).toNumber();
  }
  if (newPayment === null || contractualPI === null) return null;
  const inCents = reductionInCents(contractualPI, escrow, newPayment);
  if (inCents !== undefined) return inCents;
  const current = new Decimal(contractualPI).plus(escrow);
  if (current.isZero()) return null;
  return ratioNumber(current.minus(newPayment).dividedBy(current), REDUCTION_DECIMALS);
}

/**
 * (current - new) / current rounded half-up (away from zero) to REDUCTION_DECIMALS, current = P&I +
 * escrow, in integer cents (ratioOfCents) when all three are whole cents; undefined otherwise.
 * A payment increase gives a negative reduction, -0 when it rounds to zero (as decimal.js does).
 */
function reductionInCents(contractualPI: number, escrow: number, newPayment: number): number | null | undefined {
  const piCents = exactCents(contractualPI);
  const escrowCents = exactCents(escrow);
  const newCents = exactCents(newPayment);
  if (piCents === null || escrowCents === null || newCents === null) return undefined;
  const current = piCents + escrowCents;
  if (current === 0) return null;
  const saved = current - newCents;
  const magnitude = ratioOfCents(Math.abs(saved), current, REDUCTION_DECIMALS);
  if (magnitude === null) return undefined;
  return saved < 0 ? -magnitude : magnitude;
}

/**
 * k when the number is k / 100 for an integer k (|number| < 10^9, not -0): then decimal.js reads
 * it as exactly k / 100 (see exactCents), else null.
 */
function signedHundredths(value: number): number | null {
  if (Object.is(value, -0)) return null;
  const k = exactCents(Math.abs(value));
  return k === null ? null : value < 0 ? -k : k;
}

function staleValuation(json: Record<string, unknown>, evaluationDate: string): string | null {
  const property = (json.property ?? {}) as Record<string, unknown>;
  const valuationDate = property.valuationDate;
  if (typeof valuationDate !== 'string' || !isIsoDate(valuationDate) || !isIsoDate(evaluationDate)) return null;
  const maxAge = maxValuationAgeDays();
  const age = daysBetween(valuationDate, evaluationDate);
  return age > maxAge ? `valuation is ${age} days old (more than ${maxAge})` : null;
}

let cachedMaxAge: number | null = null;

/** The AFFORDABILITY rulebook's maximum valuation age, read once (the published rulebook does not change at run time). */
function maxValuationAgeDays(): number {
  if (cachedMaxAge === null) cachedMaxAge = Number(findRulebook('AFFORDABILITY')?.parameters.maxValuationAgeDays?.value ?? 90);
  return cachedMaxAge;
}

function errorRow(row: number, caseId: string | null, message: string): LoanTapeResult {
  return { row, caseId, program: null, newPayment: null, reduction: null, atRisk: null, atRiskReasons: [], error: `row ${row}, ${message}` };
}

/** Deep merge of plain objects: `over` wins; arrays are replaced, not merged. */
export function mergeDefaults(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = Object.prototype.hasOwnProperty.call(out, key) ? out[key] : undefined;
    // defineProperty, not assignment: a "__proto__" key of parsed JSON stays an own (unknown) field
    // that the case parser refuses by name, and never replaces the object's prototype.
    Object.defineProperty(out, key, { value: isPlainObject(current) && isPlainObject(value) ? mergeDefaults(current, value) : value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
