/**
 * What the pane's buttons do, without React: read the case from the Case Input sheet, apply the
 * workbook's settings, evaluate, build the summary, import and export the JSON. The workbook
 * actions (src/excel, the only code that touches Office.js) are passed in, so this logic is
 * tested with fakes and the pane components stay free of domain logic.
 */
import { parseCase } from '../engine/case/parse';
import { caseToJson } from '../engine/case/serialize';
import type { CaseInput, LoanCase } from '../engine/case/types';
import { CaseInputError } from '../engine/errors';
import { evaluateParsedCase } from '../engine/evaluate';
import type { Evaluation } from '../engine/results';
import type * as WorkbookActions from '../excel/workbookActions';
import type { SheetProblem, WorkbookSettings } from '../excel/workbookActions';
import { rateToText } from './settingsForm';

/** The workbook functions the pane calls (src/excel/workbookActions.ts). */
export type Workbook = Pick<
  typeof WorkbookActions,
  | 'createCaseInputSheet'
  | 'findCaseInputSheet'
  | 'readCaseFromInputSheet'
  | 'writeCaseToInputSheet'
  | 'findSummarySheet'
  | 'buildCaseSummary'
  | 'loadSettings'
  | 'saveSettings'
>;

export interface PaneProblem {
  cell: string;
  field: string;
  message: string;
}

export type EvaluateOutcome =
  | { kind: 'noInputSheet' }
  | { kind: 'problems'; sheetName: string; problems: PaneProblem[] }
  | { kind: 'evaluated'; sheetName: string; loanCase: LoanCase; evaluation: Evaluation; notes: string[] };

/**
 * The workbook's posted rates override the case's market block when they are set (the workbook
 * holds the rates that move weekly; engine.md: they are inputs, never constants). Returns the
 * case to evaluate and a note for each rate that was replaced, for the pane to say so.
 */
export function applySettingsToCase(loanCase: LoanCase, settings: WorkbookSettings): { loanCase: LoanCase; notes: string[] } {
  const notes: string[] = [];
  const market = { ...loanCase.market };
  if (settings.modificationRate !== null && settings.modificationRate !== undefined) {
    notes.push(describeOverride('posted modification rate', settings.modificationRate, loanCase.market.modificationRate));
    market.modificationRate = settings.modificationRate;
  }
  if (settings.pmms !== null && settings.pmms !== undefined) {
    notes.push(describeOverride('PMMS rate', settings.pmms, loanCase.market.pmms));
    market.pmms = settings.pmms;
  }
  return { loanCase: { ...loanCase, market }, notes };
}

function describeOverride(what: string, used: number, fromCase: number | null): string {
  if (fromCase === null) return `The workbook's ${what} ${rateToText(used)} is used (the case has none).`;
  if (fromCase === used) return `The workbook's ${what} ${rateToText(used)} is used (the case says the same).`;
  return `The workbook's ${what} ${rateToText(used)} is used instead of the case's ${rateToText(fromCase)}.`;
}

function sheetProblems(problems: SheetProblem[]): PaneProblem[] {
  return problems.map((p) => ({ cell: p.cell ?? '', field: p.field, message: p.message }));
}

/** Reads the Case Input sheet, validates, applies the settings and evaluates. Nothing is evaluated from a case with problems. */
export async function evaluateFromSheet(workbook: Workbook, settings: WorkbookSettings): Promise<EvaluateOutcome> {
  const sheetName = await workbook.findCaseInputSheet();
  if (sheetName === null) return { kind: 'noInputSheet' };
  const read = await workbook.readCaseFromInputSheet(sheetName);
  if (!read.ok) return { kind: 'problems', sheetName, problems: sheetProblems(read.problems) };
  const parsed = parseCase(read.caseJson);
  // The sheet reader validates too; this catches what only the full case format can see.
  if (!parsed.ok) return { kind: 'problems', sheetName, problems: parsed.problems.map((p) => ({ cell: '', field: p.field, message: p.message })) };
  const { loanCase, notes } = applySettingsToCase(parsed.case, settings);
  try {
    const evaluation = evaluateParsedCase(loanCase, { rulebookOverrides: settings.rulebookOverrides }, parsed.warnings);
    return { kind: 'evaluated', sheetName, loanCase, evaluation, notes };
  } catch (error) {
    // e.g. a rulebook override the engine rejects: shown as a problem, never a crash.
    if (error instanceof CaseInputError) {
      return { kind: 'problems', sheetName, problems: error.problems.map((p) => ({ cell: '', field: p.field, message: p.message })) };
    }
    throw error;
  }
}

export type ImportOutcome = { ok: true; caseJson: CaseInput; caseId: string } | { ok: false; problems: PaneProblem[] };

/**
 * Reads an imported case file: the JSON of case-format.md, or a reference case file that wraps
 * it as { "source": ..., "case": {...}, "expect": {...} }. The case is validated before it
 * reaches the sheet; every problem is reported.
 */
export function readCaseFile(text: string): ImportOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ cell: '', field: '(file)', message: `the file is not valid JSON (${(error as Error).message})` }] };
  }
  const candidate = isReferenceWrapper(raw) ? raw.case : raw;
  const parsed = parseCase(candidate);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ cell: '', field: p.field, message: p.message })) };
  // The sheet receives the full case (every field, defaults applied), the same as an export.
  return { ok: true, caseJson: caseToJson(parsed.case), caseId: parsed.case.caseId };
}

function isReferenceWrapper(raw: unknown): raw is { case: unknown } {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'case' in raw && !('caseId' in raw);
}

/** Imports a case file into the Case Input sheet (creating the sheet when there is none). */
export async function importCase(workbook: Workbook, text: string): Promise<{ ok: true; sheetName: string; caseId: string } | { ok: false; problems: PaneProblem[] }> {
  const read = readCaseFile(text);
  if (!read.ok) return read;
  const existing = await workbook.findCaseInputSheet();
  const { sheetName } = existing !== null ? await workbook.writeCaseToInputSheet(read.caseJson, existing) : await workbook.createCaseInputSheet({ caseJson: read.caseJson });
  return { ok: true, sheetName, caseId: read.caseId };
}

export type ExportOutcome =
  | { ok: true; json: string; caseId: string }
  | { ok: false; problems: PaneProblem[] }
  | { ok: false; noInputSheet: true };

/** The case on the sheet as case-format JSON (every field present, via the engine's serializer). */
export async function exportCase(workbook: Workbook): Promise<ExportOutcome> {
  const sheetName = await workbook.findCaseInputSheet();
  if (sheetName === null) return { ok: false, noInputSheet: true };
  const read = await workbook.readCaseFromInputSheet(sheetName);
  if (!read.ok) return { ok: false, problems: sheetProblems(read.problems) };
  const parsed = parseCase(read.caseJson);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ cell: '', field: p.field, message: p.message })) };
  return { ok: true, json: `${JSON.stringify(caseToJson(parsed.case), null, 2)}\n`, caseId: parsed.case.caseId };
}

/** How the user answered "a summary of this case exists". */
export type ExistingSummaryChoice = 'replace' | 'keepBoth' | 'cancel';

export type BuildOutcome =
  | { kind: 'built'; sheetName: string; syncs: number; replaced: boolean }
  | { kind: 'cancelled'; existing: string };

/**
 * Builds the Case Summary of an evaluated case. When a summary of the same case exists, `ask`
 * decides (the pane shows a dialog): replace it, keep both (the new one gets a new name), or cancel.
 */
export async function buildSummary(
  workbook: Workbook,
  evaluated: { loanCase: LoanCase; evaluation: Evaluation },
  preparer: string,
  ask: (existingSheet: string) => Promise<ExistingSummaryChoice>,
): Promise<BuildOutcome> {
  const existing = await workbook.findSummarySheet(evaluated.evaluation.caseId);
  let replaceExisting = false;
  if (existing !== null) {
    const choice = await ask(existing);
    if (choice === 'cancel') return { kind: 'cancelled', existing };
    replaceExisting = choice === 'replace';
  }
  const options = preparer ? { replaceExisting, preparer } : { replaceExisting };
  const { sheetName, syncs } = await workbook.buildCaseSummary(evaluated.evaluation, evaluated.loanCase, options);
  return { kind: 'built', sheetName, syncs, replaced: replaceExisting };
}
