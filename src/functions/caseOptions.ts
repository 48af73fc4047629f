/// <reference types="custom-functions-runtime" />
/**
 * LM.CASEOPTIONS: a two-column label/value range laid out like the Case Input sheet, read into a
 * case (src/engine/labelRange.ts; labels of src/summary/caseInputLayout.ts or field paths),
 * evaluated by the engine, and spilled as the options table with the recommendation.
 *
 * Named for what it spills: the case's loss-mitigation options. It was LM.EVALUATE until
 * EVALUATE turned out to be an Excel 4.0 macro function name, which Microsoft's naming
 * guidelines tell add-ins to avoid: "Avoid names that match ... An Excel 4.0 Macro Function (such
 * as RUN, ECHO)" (Microsoft Learn, custom-functions-naming, read 2026-12-06; EVALUATE is in the
 * Excel 4.0 macro functions reference it links).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { CaseInputError } from '../engine/errors';
import { evaluateCase } from '../engine/evaluate';
import { caseJsonFromLabelRange } from '../engine/labelRange';
import type { Evaluation, OptionResult } from '../engine/results';
import { HOUSING_EXPENSE_LINES, PLACED_FIELDS, choiceCode } from '../summary/caseInputLayout';
import { PassedErrorValue, cellsOf, optionalText, plainCell } from './arguments';
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

export const CASEOPTIONS_HEADER = ['Option', 'Program', 'Eligible', 'New payment', 'Reduction', 'Rate', 'Term (months)', 'Forbearance', 'Reason'];

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
  const rows: (string | number | boolean)[][] = [CASEOPTIONS_HEADER];
  for (const id of evaluation.waterfall) {
    const option = evaluation.options[id];
    if (option) rows.push(optionRow(option));
  }
  const chosen = evaluation.recommendation.program;
  const recommendation: (string | number | boolean)[] = ['Recommendation', chosen ?? 'none', '', '', '', '', '', '', evaluation.recommendation.rationale];
  rows.push(recommendation);
  return rows;
}

/** The range as plain cells: an error value or a data type in it is named by its row (one case: the call fails). */
function plainRange(range: unknown[][]): (string | number | boolean | null | undefined)[][] {
  return range.map((cells, index) =>
    (Array.isArray(cells) ? cells : [cells]).map((cell) => {
      try {
        return plainCell(cell, `case_range row ${index + 1}`, 'a plain number, text or date');
      } catch (error) {
        if (error instanceof PassedErrorValue) throw new CaseInputError([{ field: `case_range row ${index + 1}`, message: `holds ${error.code}: fix that cell` }]);
        throw error;
      }
    }),
  );
}

/**
 * Evaluates a case laid out like the Case Input sheet (labels, values); spills its options, then the recommendation.
 * @customfunction CASEOPTIONS CASEOPTIONS
 * @helpurl https://localhost:3000/help/functions.html#lmcaseoptions
 * @param case_range Two columns: labels (Case Input labels or field names such as loan.rate) and values. Blank values take the defaults.
 * @param [programs] Evaluate only these program ids, e.g. "GSE-FLEX" or a range of ids; blank: the investor's whole waterfall.
 * @returns A table: option, program, eligible, new payment, reduction, rate, term, forbearance, reason; then the recommendation.
 */
export function caseoptions(case_range: any[][], programs?: any[][]): any[][] {
  return excelFunction(() => {
    const range = Array.isArray(case_range) && Array.isArray(case_range[0]) ? (case_range as unknown[][]) : [[case_range]];
    const read = caseJsonFromLabelRange(withChoiceCodes(plainRange(range)) as never, CASE_INPUT_LABELS);
    if (!read.ok) throw new CaseInputError(read.problems.map((p) => ({ field: `case_range ${p.field}`, message: p.message })));
    const wanted = cellsOf(programs)
      .map((cell) => optionalText(cell, 'programs'))
      .filter((id): id is string => id !== null)
      .map((id) => id.toUpperCase());
    const evaluation = evaluateCase(read.json, wanted.length > 0 ? { programs: wanted } : {});
    return evaluationTable(evaluation);
  });
}
