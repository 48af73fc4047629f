/**
 * The standard Case Summary workbook as an .xlsx file, made without Excel: the Case Input sheet
 * (the case as the pane's New case / Import writes it) and the Case Summary sheet (as Build Case
 * Summary writes it), from the same sheet plans the add-in renders.
 */
import ExcelJS from 'exceljs';
import type { LoanCase } from '../engine/case/types';
import { caseToJson } from '../engine/case/serialize';
import type { Evaluation } from '../engine/results';
import { ENGINE_VERSION } from '../engine/version';
import { caseInputPlan } from '../summary/caseInputPlan';
import { caseSummaryPlan, summarySheetBaseName } from '../summary/caseSummaryPlan';
import { uniqueSheetName, type SheetPlan } from '../summary/sheetPlan';
import { addPlanSheet } from './planSheet';

export interface CaseWorkbookOptions {
  /** Printed as "Prepared by" and the specialist of the approval block. */
  preparer?: string;
}

export interface CaseWorkbookPlans {
  caseInput: SheetPlan;
  caseSummary: ReturnType<typeof caseSummaryPlan>;
}

export const CHART_NOTE =
  'Chart not included: this file was written without Excel (lm summary), and the library that writes it cannot draw charts. The figures are on the left; Build Case Summary in the add-in draws the chart.';

/** The two plans of the workbook, with the sheet names the pane would choose in an empty workbook. */
export function caseWorkbookPlans(loanCase: LoanCase, evaluation: Evaluation, options: CaseWorkbookOptions = {}): CaseWorkbookPlans {
  const caseInput = caseInputPlan(caseToJson(loanCase));
  const sheetName = uniqueSheetName(summarySheetBaseName(evaluation.caseId), [caseInput.sheetName]);
  const caseSummary = caseSummaryPlan(evaluation, loanCase, { preparer: options.preparer, sheetName });
  return { caseInput, caseSummary };
}

/** The workbook object (exceljs), Case Summary first and active, as the pane leaves it after Build Case Summary. */
export function caseWorkbook(plans: CaseWorkbookPlans): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  // No personal data in the file's properties: the author is the program, the dates are the evaluation's.
  workbook.creator = `LM Workbench ${ENGINE_VERSION}`;
  workbook.lastModifiedBy = `LM Workbench ${ENGINE_VERSION}`;
  // Excel recalculates every formula when it opens the file; the cached results are the engine's figures.
  workbook.calcProperties = { fullCalcOnLoad: true };
  addPlanSheet(workbook, plans.caseInput);
  addPlanSheet(workbook, plans.caseSummary, { chartNote: () => CHART_NOTE });
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return workbook;
}

/** The .xlsx file's bytes. */
export async function caseWorkbookBytes(loanCase: LoanCase, evaluation: Evaluation, options: CaseWorkbookOptions = {}): Promise<Uint8Array> {
  const workbook = caseWorkbook(caseWorkbookPlans(loanCase, evaluation, options));
  const created = new Date(`${evaluation.evaluationDate}T00:00:00Z`);
  workbook.created = created;
  workbook.modified = created;
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
