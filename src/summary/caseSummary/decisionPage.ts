/**
 * Page 1 of the Case Summary: the decision a manager signs. The recommendation and its reasons,
 * the payment before and after, the key figures, every option with eligible yes/no and why, the
 * Regulation X dates and the approval block, in plain English (no engine identifiers: those
 * stay in the detail pages, where an auditor needs them).
 */
import { daysBetween, type IsoDate } from '../../engine/dates';
import { centsNumber, sumDecimals } from '../../engine/money';
import type { Evaluation, ModificationResult, OptionResult } from '../../engine/results';
import { FORMATS, type CellValue, type PlannedCell } from '../sheetPlan';
import { dateValue, humanize, investorName, maskLoanNumber, otherTerms, plainEnglish, proposedPayment } from './format';
import type { SummaryInput } from './input';
import { LAST_COLUMN, SUMMARY_COLUMNS, type SheetWriter } from './writer';

/** A compliance date this close to the evaluation date (or closer) is flagged as near. */
export const COMPLIANCE_NEAR_DAYS = 5;
export const APPROVAL_DECISIONS = ['Approve', 'Decline', 'Return for rework'] as const;
/** The sheet-scoped name of the approval block's Decision cell (the Portfolio Review reads it). */
export const DECISION_NAME = 'LM_Decision';

/** Where page 1 put what the detail pages and the anchors need. */
export interface DecisionPageCells {
  currentPayment: string;
  decision: string;
  /** Page-1 cells that show a detail figure by formula: filled in once the detail is placed. */
  pendingReferences: { cell: PlannedCell; figure: keyof DetailFigureAddresses }[];
}

/** The detail cells page 1 refers to. */
export interface DetailFigureAddresses {
  totalArrears: string;
  grossMonthlyIncome: string;
  frontEndDti: string;
  backEndDti: string;
}

export function writeTitle(w: SheetWriter, input: SummaryInput): void {
  const { evaluation } = input;
  w.put(0, 0, { value: 'Case Summary', style: 'title' });
  w.merges.push(`A1:${LAST_COLUMN}1`);
  w.rowHeights[1] = 24;
  w.put(1, 0, {
    text: true,
    value: `Case ${evaluation.caseId} · ${investorName(evaluation.investor)} · evaluated ${evaluation.evaluationDate} · LM Workbench engine ${evaluation.engineVersion}`,
    style: 'subtitle',
  });
  w.merges.push(`A2:${LAST_COLUMN}2`);
  w.row = 2;
}

/** The rationale's route and "why it fits", in words; the options passed over have their own rows. */
export function recommendationReasons(evaluation: Evaluation): string {
  let text = evaluation.recommendation.rationale;
  const passed = text.indexOf('Passed over:');
  const why = text.indexOf('Why it fits:');
  if (passed >= 0 && why > passed) text = text.slice(0, passed) + text.slice(why);
  text = text.replace(/^Recommended: .*?\((?:[A-Z0-9-]+)\)\.\s*/, '');
  return plainEnglish(text.trim(), evaluation);
}

export function writeDecision(w: SheetWriter, input: SummaryInput): { currentPayment: string; contractualPI: string; escrow: string } {
  const { evaluation, loanCase, recommended } = input;
  w.section('Decision', false);
  w.field('Recommended option', recommended ? recommended.label || 'the recommended option' : 'No option fits this case', undefined, {
    style: recommended ? 'good' : 'flag',
    wideValue: true,
  });
  w.field('Why', recommendationReasons(evaluation), undefined, { wideValue: true });
  const [piCell, escrowCell] = pairRow(w, [
    ['Contractual P&I', numberValue(loanCase.loan.contractualPI, FORMATS.currency)],
    ['Monthly escrow', numberValue(loanCase.loan.monthlyEscrow, FORMATS.currency)],
  ]);
  const contractualPI = piCell.address;
  const escrow = escrowCell.address;
  const currentFigure = centsNumber(sumDecimals([loanCase.loan.contractualPI, loanCase.loan.monthlyEscrow]));
  const currentPayment = w.field('Payment now', null, FORMATS.currency, { formula: `=${contractualPI}+${escrow}`, cachedResult: currentFigure, style: 'total', note: 'P&I plus escrow' });
  const proposed = recommended ? proposedPayment(recommended) : null;
  const proposedAddress = w.field('Payment after', proposed, FORMATS.currency, {
    style: 'total',
    note: proposed === null ? (recommended ? 'the option sets no new monthly payment' : 'no option recommended') : undefined,
  });
  if (proposed !== null) {
    w.field('Change', null, FORMATS.currency, {
      formula: `=${proposedAddress}-${currentPayment}`,
      cachedResult: centsNumber(sumDecimals([proposed, -currentFigure])),
      style: 'total',
    });
  }
  return { currentPayment, contractualPI, escrow };
}

/** Two label / value pairs a row: A | B:C and D:F | G:I. */
function pairRow(w: SheetWriter, pairs: [string, Omit<PlannedCell, 'address'>][]): PlannedCell[] {
  const r = w.row;
  const placed: PlannedCell[] = [];
  const texts: [string | null, number, number][] = [];
  pairs.forEach(([label, value], i) => {
    const [labelFrom, labelTo, valueFrom, valueTo] = i === 0 ? [0, 0, 1, 2] : [3, 5, 6, 8];
    w.put(r, labelFrom, { value: label, style: 'label' });
    if (labelTo > labelFrom) w.merges.push(`${cellAt(r, labelFrom)}:${cellAt(r, labelTo)}`);
    const address = w.put(r, valueFrom, value);
    w.merges.push(`${address}:${cellAt(r, valueTo)}`);
    placed.push(w.cellAt(address)!);
    texts.push([label, labelFrom, labelTo], [typeof value.value === 'string' ? value.value : null, valueFrom, valueTo]);
  });
  w.fitRow(r, texts);
  w.row++;
  return placed;
}

const cellAt = (row: number, column: number) => `${String.fromCharCode(65 + column)}${row + 1}`;
const textValue = (value: string): Omit<PlannedCell, 'address'> => ({ value, text: true, numberFormat: FORMATS.text });
const numberValue = (value: CellValue, numberFormat: string): Omit<PlannedCell, 'address'> => ({ value, numberFormat });

export function writeKeyFigures(w: SheetWriter, input: SummaryInput): DecisionPageCells['pendingReferences'] {
  const { evaluation, loanCase, recommended } = input;
  const { loan, borrower, property } = loanCase;
  const affordability = evaluation.affordability;
  w.section('Key figures', false);
  pairRow(w, [
    ['Case ID', textValue(evaluation.caseId)],
    ['Investor', { value: investorName(evaluation.investor) }],
  ]);
  pairRow(w, [
    ['Loan number', textValue(maskLoanNumber(loan.loanNumber))],
    ['Borrower(s)', textValue(borrower.names.length > 0 ? borrower.names.join('; ') : 'not given')],
  ]);
  pairRow(w, [
    ['Evaluation date', numberValue(dateValue(evaluation.evaluationDate), FORMATS.date)],
    ['Hardship', textValue(humanize(borrower.hardship))],
  ]);
  const pending: DecisionPageCells['pendingReferences'] = [];
  const [, arrears] = pairRow(w, [
    ['Months delinquent', numberValue(loan.monthsDelinquent, FORMATS.integer)],
    ['Total arrears', { formula: '=0', cachedResult: null, numberFormat: FORMATS.currency }],
  ]);
  pending.push({ cell: arrears, figure: 'totalArrears' });
  pairRow(w, [
    ['Principal balance', numberValue(loan.upb, FORMATS.currency)],
    ['Property value', property.value === null ? { value: 'not given', style: 'flag' } : numberValue(property.value, FORMATS.currency)],
  ]);
  const [gross, frontEnd] = pairRow(w, [
    ['Gross monthly income', { formula: '=0', cachedResult: null, numberFormat: FORMATS.currency }],
    ['Housing ratio now', { formula: '=0', cachedResult: null, numberFormat: FORMATS.percent }],
  ]);
  pending.push({ cell: gross, figure: 'grossMonthlyIncome' }, { cell: frontEnd, figure: 'frontEndDti' });
  const modification = recommended?.kind === 'modification' ? (recommended as ModificationResult) : null;
  const [, backEnd] = pairRow(w, [
    ['Loan-to-value', affordability.ltv === null ? { value: 'not computed' } : numberValue(affordability.ltv, FORMATS.percent)],
    ['Debt ratio now', { formula: '=0', cachedResult: null, numberFormat: FORMATS.percent }],
  ]);
  pending.push({ cell: backEnd, figure: 'backEndDti' });
  if (modification) {
    pairRow(w, [
      ['New rate and term', textValue(`${(modification.rate * 100).toFixed(3)}%, ${modification.termMonths} months`)],
      ['Housing ratio after', modification.postModificationDti === null ? { value: 'not computed' } : numberValue(modification.postModificationDti, FORMATS.percent)],
    ]);
  }
  return pending;
}

/** Why each option is or is not the one, in words. */
export function optionReason(option: OptionResult, evaluation: Evaluation, recommendedId: string | null): string {
  const terms = otherTerms(option);
  if (option.program === recommendedId) return plainEnglish(`Recommended${terms ? `: ${terms}` : ''}`, evaluation);
  const passedOver = evaluation.recommendation.passedOver?.find((p) => p.program === option.program);
  if (passedOver) return plainEnglish(`Passed over: ${passedOver.reason}`, evaluation);
  if (!option.eligible) return plainEnglish([option.reason, option.reasonDetail].filter(Boolean).join(': ') || 'not eligible', evaluation);
  return plainEnglish(`Eligible; not chosen (the recommendation stops at the first option that fits)${terms ? `: ${terms}` : ''}`, evaluation);
}

export function writeOptionsOverview(w: SheetWriter, input: SummaryInput, currentPayment: string, currentFigure: number): void {
  const { evaluation } = input;
  w.section('Every option, in the investor’s order', false);
  w.header(['Option', 'Eligible', 'Payment', 'Change', 'Why']);
  w.merges.push(`E${w.row}:${LAST_COLUMN}${w.row}`);
  for (const id of evaluation.waterfall) {
    const option = evaluation.options[id];
    if (!option) continue;
    const r = w.row;
    const payment = proposedPayment(option);
    w.put(r, 0, { value: option.label || 'Unnamed option', style: 'wrapLabel' });
    w.put(r, 1, { value: option.eligible ? 'Yes' : 'No', style: option.eligible ? 'good' : 'flag' });
    w.put(r, 2, { value: payment, numberFormat: FORMATS.currency });
    w.put(r, 3, payment === null ? { value: null } : { formula: `=C${r + 1}-${currentPayment}`, cachedResult: centsNumber(sumDecimals([payment, -currentFigure])), numberFormat: FORMATS.currency });
    const reason = optionReason(option, evaluation, evaluation.recommendation.program);
    w.wide(r, 4, { value: reason, style: option.program === evaluation.recommendation.program ? 'good' : undefined });
    w.fitRow(r, [
      [option.label, 0, 0],
      [reason, 4, SUMMARY_COLUMNS - 1],
    ]);
    w.row++;
  }
  if (evaluation.waterfall.length === 0) {
    w.put(w.row, 0, { value: 'No option was evaluated', style: 'flag' });
    w.row++;
  }
}

/**
 * The status of a compliance date: the engine's own flag when it gave one (missed, near,
 * reached, not required), else computed here from the evaluation date.
 */
export function complianceStatus(
  date: IsoDate | null,
  evaluationDate: IsoDate,
  key: string,
  engineFlag: { status?: string } | undefined,
): { text: string; flag: boolean } {
  // The engine's flag decides the status; its message (with the rule cited) is in the detail.
  if (engineFlag?.status === 'not required') return { text: 'not required for this case', flag: false };
  if (!date) return { text: 'not computed: the case lacks the date it counts from', flag: false };
  const daysLeft = daysBetween(evaluationDate, date);
  if (engineFlag?.status === 'missed') return { text: daysLeft < 0 ? `MISSED by ${-daysLeft} days` : 'MISSED', flag: true };
  if (engineFlag?.status === 'near' && key !== 'earliestForeclosureReferral') return { text: `NEAR: ${daysLeft} days left`, flag: true };
  if (engineFlag?.status === 'reached') return { text: 'REACHED: a foreclosure referral is permitted (unless a complete application is pending)', flag: true };
  if (key === 'earliestForeclosureReferral') {
    // Not a deadline: the first date a referral is permitted.
    if (daysLeft <= 0) return { text: 'REACHED: a foreclosure referral is permitted (unless a complete application is pending)', flag: true };
    if (daysLeft <= COMPLIANCE_NEAR_DAYS) return { text: `NEAR: permitted in ${daysLeft} days`, flag: true };
    return { text: `permitted in ${daysLeft} days`, flag: false };
  }
  if (daysLeft < 0) return { text: `MISSED by ${-daysLeft} days`, flag: true };
  if (daysLeft <= COMPLIANCE_NEAR_DAYS) return { text: `NEAR: ${daysLeft} days left`, flag: true };
  return { text: `${daysLeft} days left`, flag: false };
}

export function writeComplianceDates(w: SheetWriter, input: SummaryInput): void {
  const { evaluation } = input;
  const timeline = evaluation.timeline;
  w.section('Regulation X dates', false);
  w.put(w.row, 0, { value: 'Deadline', style: 'tableHeader' });
  w.put(w.row, 2, { value: 'Date', style: 'tableHeader' });
  w.put(w.row, 3, { value: 'Status', style: 'tableHeader' });
  w.row++;
  w.merges.push(`A${w.row}:B${w.row}`, `D${w.row}:${LAST_COLUMN}${w.row}`);
  const deadlines: [string, string, IsoDate | null][] = [
    ['Acknowledgment due', 'acknowledgmentDue', timeline.acknowledgmentDue],
    ['Evaluation due', 'evaluationDue', timeline.evaluationDue],
    [timeline.appealDeadlineBasis === 'latest' ? 'Appeal deadline (at the latest)' : 'Appeal deadline', 'appealDeadline', timeline.appealDeadline],
    ['Earliest foreclosure referral', 'earliestForeclosureReferral', timeline.earliestForeclosureReferral],
  ];
  if (timeline.acceptanceDeadline) deadlines.push(['Offer acceptance window ends', 'acceptanceDeadline', timeline.acceptanceDeadline]);
  const engineFlags = Array.isArray(timeline.flags) ? timeline.flags : [];
  for (const [label, key, date] of deadlines) {
    const status = complianceStatus(date, evaluation.evaluationDate, key, engineFlags.find((f) => f.item === key));
    const r = w.row;
    w.put(r, 0, { value: label, style: 'wrapLabel' });
    w.merges.push(`A${r + 1}:B${r + 1}`);
    w.put(r, 2, { value: dateValue(date), numberFormat: FORMATS.date });
    w.wide(r, 3, { value: plainEnglish(status.text, evaluation), style: status.flag ? 'flag' : 'note' });
    w.fitRow(r, [[label, 0, 1]]);
    w.row++;
  }
}

/** The approval block: its heading ends in "Approval" and its labels are in column A (src/excel/summaryEdits.ts reads it so). */
export function writeApproval(w: SheetWriter, input: SummaryInput): string {
  w.section('Approval', false);
  const preparer = input.preparer && input.preparer.trim() ? input.preparer.trim() : null;
  w.field('Specialist', preparer, FORMATS.text, { style: 'input', wideValue: true });
  w.field('Reviewer', null, FORMATS.text, { style: 'input', wideValue: true });
  w.field('Date', null, FORMATS.date, { style: 'input' });
  const decision = w.field('Decision', null, FORMATS.text, { style: 'input', note: APPROVAL_DECISIONS.join(' / ') });
  w.validations.push({ address: decision, list: APPROVAL_DECISIONS });
  w.names.push({ name: DECISION_NAME, address: decision, scope: 'worksheet', comment: 'The manager’s decision on this Case Summary (read by the Portfolio Review).' });
  w.put(w.row, 0, { value: 'Comments', style: 'label' });
  w.wide(w.row, 1, { value: null, style: 'input' });
  w.rowHeights[w.row + 1] = 2 * 15;
  w.row++;
  return decision;
}
