/** STUB (being implemented): the Office.js actions on the standard workbook. Signatures are final. */
import type { CaseInput, LoanCase } from '../engine/case/types';
import type { Evaluation } from '../engine/results';

export interface SheetProblem { cell: string; field: string; message: string }
export interface WorkbookSettings {
  modificationRate: number | null;
  pmms: number | null;
  preparer: string;
  rulebookOverrides: Record<string, Record<string, number | string | boolean>>;
}
const notYet = (): never => { throw new Error('not implemented yet'); };
export async function createCaseInputSheet(_options?: { caseJson?: CaseInput; sheetName?: string }): Promise<{ sheetName: string }> { return notYet(); }
export async function findCaseInputSheet(): Promise<string | null> { return notYet(); }
export async function readCaseFromInputSheet(_sheetName?: string): Promise<{ ok: true; caseJson: CaseInput } | { ok: false; problems: SheetProblem[] }> { return notYet(); }
export async function writeCaseToInputSheet(_caseJson: CaseInput, _sheetName?: string): Promise<{ sheetName: string }> { return notYet(); }
export async function findSummarySheet(_caseId: string): Promise<string | null> { return notYet(); }
export async function buildCaseSummary(_evaluation: Evaluation, _loanCase: LoanCase, _options: { replaceExisting: boolean; preparer?: string }): Promise<{ sheetName: string; syncs: number }> { return notYet(); }
export async function loadSettings(): Promise<WorkbookSettings> { return notYet(); }
export async function saveSettings(_settings: WorkbookSettings): Promise<void> { return notYet(); }
