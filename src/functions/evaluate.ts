/// <reference types="custom-functions-runtime" />
/**
 * LM.EVALUATE: a two-column label/value range laid out like the Case Input sheet, read into a
 * case (src/engine/labelRange.ts; labels of src/summary/caseInputLayout.ts or field paths),
 * evaluated by the engine, and spilled as the options table with the recommendation.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { CaseInputError } from '../engine/errors';
import { evaluateCase } from '../engine/evaluate';
import { caseJsonFromLabelRange } from '../engine/labelRange';
import type { Evaluation, OptionResult } from '../engine/results';
import { HOUSING_EXPENSE_LINES, PLACED_FIELDS, choiceCode } from '../summary/caseInputLayout';
import { cellsOf, optionalText } from './arguments';
import { excelFunction } from './excelErrors';

/** The Case Input sheet shows plain-English choices ("Fannie Mae"): rows of its list fields get the case-format code back. */
const CHOICE_FIELDS = new Map(PLACED_FIELDS.filter((f) => f.kind === 'enum' && f.options).map((f) => [f.label.toLowerCase(), f.options!]));

function withChoiceCodes(range: unknown[][]): unknown[][] {
  return range.map((row) => {
    const options = typeof row[0] === 'string' ? CHOICE_FIELDS.get(row[0].trim().toLowerCase()) : undefined;
    const code = options && typeof row[1] === 'string' ? choiceCode(row[1], options) : null;
    return code ? [row[0], code, ...row.slice(2)] : row;
  });
}

/** Case Input labels -> case field paths, so a copy of the sheet's label/value columns reads as a case. */
export const CASE_INPUT_LABELS: Record<string, string> = Object.fromEntries([
  ...PLACED_FIELDS.map((field) => [field.label, field.path]),
  ...HOUSING_EXPENSE_LINES.map((line) => [line.label, `borrower.housingExpenses.${line.key}`]),
]);

export const EVALUATE_HEADER = ['Option', 'Program', 'Eligible', 'New payment', 'Reduction', 'Rate', 'Term (months)', 'Forbearance', 'Reason'];

const numberOrBlank = (value: unknown): number | string => (typeof value === 'number' ? value : '');

/** One row of the options table. Reduction as a fraction (format as %), rate as a fraction. */
function optionRow(option: OptionResult): (string | number | boolean)[] {
  const o = option as unknown as Record<string, unknown>;
  const reduction = typeof o.reductionPercent === 'number' ? Number((o.reductionPercent / 100).toFixed(4)) : '';
  return [
    option.label,
    option.program,
    option.eligible,
    numberOrBlank(o.monthlyPayment),
    reduction,
    numberOrBlank(o.rate),
    numberOrBlank(o.termMonths),
    numberOrBlank(o.forbearance),
    option.eligible ? '' : [option.reason, option.reasonDetail].filter(Boolean).join(': '),
  ];
}

/** The spilled table: header, one row per option in waterfall order, then the recommendation. */
export function evaluationTable(evaluation: Evaluation): (string | number | boolean)[][] {
  const rows: (string | number | boolean)[][] = [EVALUATE_HEADER];
  for (const id of evaluation.waterfall) {
    const option = evaluation.options[id];
    if (option) rows.push(optionRow(option));
  }
  const chosen = evaluation.recommendation.program;
  const recommendation: (string | number | boolean)[] = ['Recommendation', chosen ?? 'none', '', '', '', '', '', '', evaluation.recommendation.rationale];
  rows.push(recommendation);
  return rows;
}

/**
 * Evaluates a case from a two-column range laid out like the Case Input sheet (labels in the first column, values in the second) and spills the options table in waterfall order with the recommendation.
 * @customfunction EVALUATE EVALUATE
 * @param case_range Two columns: labels (Case Input labels such as "Interest rate", or field names such as loan.rate or upb) and values. Blank values take the case defaults; headings are skipped.
 * @param [programs] Evaluate only these program ids, e.g. "GSE-FLEX" or a range of ids; blank: the investor's whole waterfall.
 * @returns A table: option, program, eligible, new payment, reduction (fraction), rate, term, forbearance, reason; the last row is the recommendation with its rationale.
 */
export function evaluate(case_range: any[][], programs?: any[][]): any[][] {
  return excelFunction(() => {
    const range = Array.isArray(case_range) && Array.isArray(case_range[0]) ? (case_range as unknown[][]) : [[case_range]];
    const read = caseJsonFromLabelRange(withChoiceCodes(range) as never, CASE_INPUT_LABELS);
    if (!read.ok) throw new CaseInputError(read.problems.map((p) => ({ field: `case_range ${p.field}`, message: p.message })));
    const wanted = cellsOf(programs)
      .map((cell) => optionalText(cell, 'programs'))
      .filter((id): id is string => id !== null)
      .map((id) => id.toUpperCase());
    const evaluation = evaluateCase(read.json, wanted.length > 0 ? { programs: wanted } : {});
    return evaluationTable(evaluation);
  });
}
