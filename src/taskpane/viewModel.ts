/**
 * View models for the task pane: turns an Evaluation and input problems into the strings the
 * pane shows. Formatting only: every figure was computed (and rounded) by the engine; this file
 * never adds, subtracts or compares money, it only prints it.
 */
import type { Evaluation, OptionResult } from '../engine/results';

const currencyFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Rates such as 0.04875 keep their third decimal of a percent (4.875%). */
const rateDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 3 });

/** The placeholder for "no figure": a dash reads better than "null" or an empty cell. */
export const NO_FIGURE = '—';

/** $1,880.41; a dash when there is no amount. */
export function formatCurrency(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return NO_FIGURE;
  return currencyFormat.format(amount);
}

/** A number that is already a percent (the engine's reductionPercent 20.01) → "20.01%". */
export function formatPercentNumber(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return NO_FIGURE;
  return `${twoDecimals.format(percent)}%`;
}

/** A fraction (a rate 0.0475, a DTI 0.3125) shown as a percent: "4.75%", "31.25%". */
export function formatFractionAsPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NO_FIGURE;
  // Shift the decimal point in the string, not by multiplying a binary float (0.0475 * 100 = 4.749999...).
  return `${rateDecimals.format(Number(shiftDecimalPoint(fraction, 2)))}%`;
}

/** Moves the decimal point of a number's shortest decimal representation right by `places`, exactly. */
function shiftDecimalPoint(value: number, places: number): string {
  const [mantissa, exponent = '0'] = value.toExponential().split('e');
  return `${mantissa}e${Number(exponent) + places}`;
}

export interface OptionRow {
  program: string;
  label: string;
  eligible: boolean;
  eligibleText: 'Yes' | 'No';
  newPayment: string;
  reduction: string;
  /** The reason it was not eligible, or the key terms when it is. */
  reason: string;
  recommended: boolean;
}

/** The new monthly payment an option leads to, as the engine reported it (or a dash / "unchanged"). */
function newPaymentOf(option: OptionResult): string {
  switch (option.kind) {
    case 'modification':
    case 'repayment':
    case 'forbearance':
      return formatCurrency(option.monthlyPayment);
    case 'deferral':
      // A deferral leaves P&I and term unchanged (engine.md section 5).
      return 'unchanged';
    default:
      return NO_FIGURE;
  }
}

/** A short description of the terms of an eligible option, built only from the engine's figures. */
function termsOf(option: OptionResult): string {
  switch (option.kind) {
    case 'modification':
      return `${formatFractionAsPercent(option.rate)} for ${option.termMonths} months` + (option.forbearance > 0 ? `, ${formatCurrency(option.forbearance)} forborne` : '');
    case 'repayment':
      return option.months !== null ? `${option.months} months` : '';
    case 'forbearance':
      return option.months !== null ? `${option.months} months` + (option.arrearsAtEnd !== null ? `, arrears at end ${formatCurrency(option.arrearsAtEnd)}` : '') : '';
    case 'deferral':
      return option.deferredAmount !== null ? `${formatCurrency(option.deferredAmount)} deferred (${option.deferredMonths ?? NO_FIGURE} months)` : '';
    case 'partialClaim':
      return option.partialClaim !== null ? `partial claim ${formatCurrency(option.partialClaim)}` : '';
    case 'disposition':
      return option.netProceeds !== null && option.netProceeds !== undefined
        ? `net proceeds ${formatCurrency(option.netProceeds)}` + (option.netReturnPercent != null ? ` (${formatPercentNumber(option.netReturnPercent)})` : '')
        : '';
    default:
      return '';
  }
}

/** One row per option, in the investor's waterfall order. */
export function optionRows(evaluation: Evaluation): OptionRow[] {
  const order = evaluation.waterfall.length > 0 ? evaluation.waterfall : Object.keys(evaluation.options);
  return order
    .filter((id) => evaluation.options[id] !== undefined)
    .map((id) => {
      const option = evaluation.options[id];
      return {
        program: id,
        label: option.label || id,
        eligible: option.eligible,
        eligibleText: option.eligible ? 'Yes' : 'No',
        newPayment: newPaymentOf(option),
        reduction: option.kind === 'modification' ? formatPercentNumber(option.reductionPercent) : NO_FIGURE,
        reason: option.eligible ? termsOf(option) : [option.reason, option.reasonDetail].filter(Boolean).join(': ') || 'not eligible',
        recommended: evaluation.recommendation.program === id,
      };
    });
}

export interface RecommendationView {
  /** "GSE Flex Modification" or "No option is eligible". */
  title: string;
  program: string | null;
  rationale: string;
  /** Key figures of the recommended option, label → formatted value. */
  figures: { label: string; value: string }[];
}

export function recommendationView(evaluation: Evaluation): RecommendationView {
  const { program, rationale } = evaluation.recommendation;
  const option = program ? evaluation.options[program] : undefined;
  if (!program || !option) return { title: 'No option is eligible', program: null, rationale, figures: [] };
  const figures: { label: string; value: string }[] = [];
  if (option.kind === 'modification') {
    figures.push(
      { label: 'Rate', value: formatFractionAsPercent(option.rate) },
      { label: 'Term', value: `${option.termMonths} months` },
      { label: 'Post-capitalization UPB', value: formatCurrency(option.postCapitalizationUpb) },
      { label: 'Interest-bearing UPB', value: formatCurrency(option.interestBearingUpb) },
      { label: 'Principal forbearance', value: formatCurrency(option.forbearance) },
      { label: 'New P&I', value: formatCurrency(option.principalAndInterest) },
      { label: 'New monthly payment', value: formatCurrency(option.monthlyPayment) },
      { label: 'P&I reduction', value: formatPercentNumber(option.reductionPercent) },
      { label: 'Trial payment', value: `${formatCurrency(option.trialPayment)} × ${option.trialPaymentCount}` },
    );
    if (option.firstPaymentDate) figures.push({ label: 'First modified payment', value: option.firstPaymentDate });
  } else {
    const terms = termsOf(option);
    if (terms) figures.push({ label: 'Terms', value: terms });
    const payment = newPaymentOf(option);
    if (payment !== NO_FIGURE) figures.push({ label: 'Monthly payment', value: payment });
  }
  return { title: option.label || program, program, rationale, figures };
}

/** The rulebooks used, "GSE-FLEX 2024-12-01, AFFORDABILITY 2025-01-01". */
export function rulebooksText(evaluation: Evaluation): string {
  return evaluation.rulebooks.map((r) => `${r.id} ${r.version}`).join(', ');
}

export interface ProblemRow {
  /** The sheet cell to fix ("'Case Input'!B7"), or empty when the problem has no single cell. */
  cell: string;
  field: string;
  message: string;
}

/** Sorts problems as a user fixes them: top to bottom of the sheet, then by field. */
export function problemRows(problems: { cell?: string; field: string; message: string }[]): ProblemRow[] {
  return problems
    .map((p) => ({ cell: p.cell ?? '', field: p.field, message: p.message }))
    .sort((a, b) => compareCells(a.cell, b.cell) || a.field.localeCompare(b.field));
}

/** Orders A1 addresses by row then column; addresses without a cell go last. */
export function compareCells(a: string, b: string): number {
  const pa = cellPosition(a);
  const pb = cellPosition(b);
  if (!pa && !pb) return 0;
  if (!pa) return 1;
  if (!pb) return -1;
  return pa.sheet.localeCompare(pb.sheet) || pa.row - pb.row || pa.column - pb.column;
}

function cellPosition(address: string): { sheet: string; row: number; column: number } | null {
  const match = /^(?:(.*)!)?\$?([A-Z]{1,3})\$?(\d+)/.exec(address);
  if (!match) return null;
  const column = [...match[2]].reduce((n, letter) => n * 26 + (letter.charCodeAt(0) - 64), 0);
  return { sheet: match[1] ?? '', row: Number(match[3]), column };
}

/** How many problems, in words: "1 problem", "3 problems". */
export function problemCountText(count: number): string {
  return `${count} ${count === 1 ? 'problem' : 'problems'}`;
}

/** A safe download name for an exported case: case-2025-001843.json. */
export function exportFileName(caseId: string | null | undefined): string {
  const safe = (caseId ?? '').trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `case-${safe || 'unnamed'}.json`;
}

/** Where a case stands in the workbook's register. */
export type CaseStatus = 'not evaluated' | 'evaluated' | 'summary built' | 'decided';

/** The status of a listed case: decided (a Decision on its summary) > summary built > evaluated this session > not evaluated. */
export function caseStatus(entry: { sheetName: string; summarySheet: string | null; decision: string }, evaluatedSheets: ReadonlySet<string>): CaseStatus {
  if (entry.summarySheet && entry.decision.trim()) return 'decided';
  if (entry.summarySheet) return 'summary built';
  if (evaluatedSheets.has(entry.sheetName)) return 'evaluated';
  return 'not evaluated';
}

export interface CaseRow {
  sheetName: string;
  caseId: string;
  investor: string;
  status: CaseStatus;
  /** "Approve" etc. when decided. */
  decision: string;
  active: boolean;
}

export function caseRows(
  cases: { sheetName: string; caseId: string; investor: string; summarySheet: string | null; decision: string }[],
  activeCase: string | null,
  evaluatedSheets: ReadonlySet<string>,
): CaseRow[] {
  return cases.map((c) => ({
    sheetName: c.sheetName,
    caseId: c.caseId || '(no case ID yet)',
    investor: c.investor || NO_FIGURE,
    status: caseStatus(c, evaluatedSheets),
    decision: c.decision,
    active: c.sheetName === activeCase,
  }));
}

/**
 * For a blank case sheet: the short list of what must be filled in before Evaluate, instead of
 * one problem per field. Labels are the sheet's own (caseInputLayout), so the user finds them.
 */
export function requiredInputs(fields: { label: string; hint: string }[]): string[] {
  return fields.filter((f) => /^Required/.test(f.hint)).map((f) => f.label);
}

/** The text of the Replace prompt for a summary: what is carried, and what would be lost. */
export function replacePromptText(existing: { sheetName: string; approval: Record<string, unknown>; editedCells: string[] | null }): { carried: string; lost: string } {
  const carriedKeys = Object.keys(existing.approval);
  const carried =
    carriedKeys.length > 0
      ? `Replace carries the approval block into the new summary: ${carriedKeys.map((k) => `${k} "${String(existing.approval[k])}"`).join(', ')}.`
      : 'The approval block (Reviewer, Date, Decision, Comments) is empty; Replace carries it over if it is filled in.';
  let lost: string;
  if (existing.editedCells === null) lost = 'This summary was built by an older version, so the add-in cannot tell which other cells you typed into: any such edit would be lost.';
  else if (existing.editedCells.length === 0) lost = 'No other cell of it was typed into.';
  else {
    const shown = existing.editedCells.slice(0, 12);
    lost = `These cells you typed into would be lost: ${shown.join(', ')}${existing.editedCells.length > shown.length ? ` and ${existing.editedCells.length - shown.length} more` : ''}. Choose Keep both to keep them.`;
  }
  return { carried, lost };
}
