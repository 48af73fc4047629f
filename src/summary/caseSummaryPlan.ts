/**
 * The Case Summary sheet as a plan (shared/spec/case-summary.md; docs/sheets.md, "Case Summary").
 *
 * Page 1 is the decision a manager signs (caseSummary/decisionPage.ts); the detail an auditor
 * checks it against follows from page 2 (caseSummary/detailPages.ts). Engine results are written
 * as values, so the sheet reads the same in an Excel without the add-in (no LM.* formula
 * anywhere: no #NAME?). Totals and ratios that Excel can compute from the lines (arrears total,
 * current payment, gross income, housing expense, DTI, change against the current payment) are
 * native formulas, so they follow a manager's edits.
 */
import type { LoanCase } from '../engine/case/types';
import { centsNumber, sumDecimals } from '../engine/money';
import type { Evaluation } from '../engine/results';
import type { SheetPlan } from './sheetPlan';
import {
  writeApproval,
  writeComplianceDates,
  writeDecision,
  writeKeyFigures,
  writeOptionsOverview,
  writeTitle,
  type DetailFigureAddresses,
} from './caseSummary/decisionPage';
import {
  writeAuditTrail,
  writeCaseDetails,
  writeComplianceNotes,
  writeEligibilityChecks,
  writeIncomeAndExpenses,
  writeInterpretations,
  writeLoan,
  writeNpv,
  writeOptionsDetail,
  writeOverrides,
  writePaymentChart,
  writeProperty,
  writeRecommendedTerms,
} from './caseSummary/detailPages';
import type { SummaryInput } from './caseSummary/input';
import { LAST_COLUMN, SUMMARY_COLUMN_WIDTHS, SUMMARY_PRINT_SCALE, SheetWriter } from './caseSummary/writer';
import { columnLetter } from './sheetPlan';

export { APPROVAL_DECISIONS, COMPLIANCE_NEAR_DAYS, DECISION_NAME } from './caseSummary/decisionPage';
export { VALUATION_MAX_AGE_DAYS } from './caseSummary/detailPages';
export { engineIdentifiers, formatFigures, maskLoanNumber, maskSsn, plainEnglish, proposedPayment } from './caseSummary/format';
export { SUMMARY_COLUMNS, SUMMARY_PRINT_SCALE } from './caseSummary/writer';

export interface CaseSummaryPlanOptions {
  preparer?: string;
  sheetName: string;
}

/** The default sheet name of a case's summary ("Case Summary 2025-001843"). */
export function summarySheetBaseName(caseId: string): string {
  return `Case Summary ${caseId}`;
}

/** Where the summary put the figures a test or a later edit needs to find. */
export interface SummaryAnchors {
  currentPayment: string;
  grossMonthlyIncome: string;
  housingExpense: string;
  otherDebts: string;
  frontEndDti: string;
  backEndDti: string;
  totalArrears: string;
  surplusIncome: string;
  /** Row (1-based) of each option in the detail's options table, by program id. */
  optionRows: Record<string, number>;
  decision: string;
  chartData: string | null;
  /** The last row (1-based) of page 1, the decision. */
  lastDecisionRow: number;
}

export function caseSummaryPlan(evaluation: Evaluation, loanCase: LoanCase, options: CaseSummaryPlanOptions): SheetPlan & { anchors: SummaryAnchors } {
  const w = new SheetWriter();
  const recommendedId = evaluation.recommendation.program;
  const input: SummaryInput = { evaluation, loanCase, recommended: recommendedId ? evaluation.options[recommendedId] : undefined, preparer: options.preparer };
  const currentFigure = centsNumber(sumDecimals([loanCase.loan.contractualPI, loanCase.loan.monthlyEscrow]));

  // Page 1: the decision.
  writeTitle(w, input);
  const { currentPayment } = writeDecision(w, input);
  const pending = writeKeyFigures(w, input);
  writeOptionsOverview(w, input, currentPayment, currentFigure);
  writeComplianceDates(w, input);
  const decision = writeApproval(w, input);
  const lastDecisionRow = w.row;

  // Page 2 on: the detail.
  writeCaseDetails(w, input);
  writeComplianceNotes(w, input);
  const { totalArrears } = writeLoan(w, input);
  writeProperty(w, input);
  const income = writeIncomeAndExpenses(w, input, loanCase.loan.contractualPI, loanCase.loan.monthlyEscrow);
  const optionRows = writeOptionsDetail(w, input, currentPayment, currentFigure);
  writeRecommendedTerms(w, input);
  writeEligibilityChecks(w, input);
  writeNpv(w, input);
  writeOverrides(w, input);
  writeInterpretations(w, input);
  writeAuditTrail(w, input);
  const { chartData, charts } = writePaymentChart(w, input, currentPayment, currentFigure);

  // Page 1 shows detail figures by formula, so they follow edits made in the detail.
  const detail: DetailFigureAddresses = { totalArrears, grossMonthlyIncome: income.grossMonthlyIncome, frontEndDti: income.frontEndDti, backEndDti: income.backEndDti };
  for (const { cell, figure } of pending) {
    const source = w.cellAt(detail[figure])!;
    cell.formula = `=${detail[figure]}`;
    cell.cachedResult = source.cachedResult;
  }

  const lastRow = w.row;
  const columnWidths: Record<string, number> = {};
  SUMMARY_COLUMN_WIDTHS.forEach((width, i) => (columnWidths[columnLetter(i)] = width));
  return {
    sheetName: options.sheetName,
    cells: w.cells,
    merges: w.merges,
    names: w.names,
    tables: [],
    validations: w.validations,
    rowHeights: w.rowHeights,
    columnWidths,
    freezeRows: 2,
    print: {
      orientation: 'Portrait',
      fitToPagesWide: 1,
      scale: SUMMARY_PRINT_SCALE,
      paperSize: 'Letter',
      printArea: `A1:${LAST_COLUMN}${lastRow}`,
      titleRows: '$1:$2',
      rowBreaks: [lastDecisionRow + 1],
    },
    charts,
    showGridlines: false,
    tabColor: '#1F3864',
    topAligned: true,
    anchors: { currentPayment, ...income, totalArrears, optionRows, decision, chartData, lastDecisionRow },
  };
}
