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
import type { CaseSheetInfo, ExistingSummary, SettingsProblem, SheetProblem, WorkbookSettings } from '../excel/workbookActions';
import { rateToText } from './settingsForm';

/** The workbook functions the pane calls (src/excel/workbookActions.ts). */
export type Workbook = Pick<
  typeof WorkbookActions,
  | 'listCases'
  | 'activateSheet'
  | 'selectCell'
  | 'createCaseSheet'
  | 'replaceCaseSheet'
  | 'readCaseFromInputSheet'
  | 'inspectSummary'
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
  | { kind: 'cancelled' }
  | { kind: 'problems'; sheetName: string; problems: PaneProblem[]; blank?: boolean }
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

/**
 * The case sheet an action works on: the active sheet when it is one of the add-in's case sheets,
 * else the one the user picks (`choose`; null: cancelled). Never a sheet the add-in did not make.
 */
export async function targetCaseSheet(
  workbook: Workbook,
  choose: (cases: CaseSheetInfo[], activeSheet: string) => Promise<string | null>,
): Promise<{ kind: 'sheet'; sheetName: string } | { kind: 'noInputSheet' } | { kind: 'cancelled' }> {
  const list = await workbook.listCases();
  if (list.activeCase) return { kind: 'sheet', sheetName: list.activeCase };
  if (list.cases.length === 0) return { kind: 'noInputSheet' };
  const chosen = await choose(list.cases, list.activeSheet);
  return chosen === null ? { kind: 'cancelled' } : { kind: 'sheet', sheetName: chosen };
}

/** The settings problems as pane problems (no cell: they are fixed in Settings). */
function settingsProblems(problems: SettingsProblem[]): PaneProblem[] {
  return problems.map((p) => ({ cell: '', field: `Settings: ${p.setting}`, message: p.message }));
}

/**
 * Reads the case sheet, validates, applies the settings and evaluates. Nothing is evaluated from
 * a case with problems, nor with settings that have problems (a PMMS typed 62.5 is refused).
 */
export async function evaluateFromSheet(
  workbook: Workbook,
  settings: WorkbookSettings,
  choose: (cases: CaseSheetInfo[], activeSheet: string) => Promise<string | null> = async () => null,
  settingsIssues: SettingsProblem[] = [],
): Promise<EvaluateOutcome> {
  const target = await targetCaseSheet(workbook, choose);
  if (target.kind !== 'sheet') return target;
  const sheetName = target.sheetName;
  if (settingsIssues.length > 0) return { kind: 'problems', sheetName, problems: settingsProblems(settingsIssues) };
  const read = await workbook.readCaseFromInputSheet(sheetName);
  if (!read.ok) return { kind: 'problems', sheetName, problems: sheetProblems(read.problems), blank: isBlankCase(read.caseJson) };
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

/** True when nothing was typed into the case sheet (the pane then lists what is required). */
function isBlankCase(caseJson: CaseInput): boolean {
  return Object.keys(caseJson ?? {}).length === 0;
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

/** How the user answered "import this case": over the case sheet they are on, as a new case sheet, or not at all. */
export type ImportChoice = 'replace' | 'new' | 'cancel';

export type ImportResult =
  | { ok: true; sheetName: string; caseId: string; replaced: boolean }
  | { ok: false; problems: PaneProblem[] }
  | { ok: false; cancelled: true };

/**
 * Imports a case file. When there is a case it could replace (the active case sheet, else the
 * case sheet of the same case ID), `ask` decides: replace that case, new case sheet, or cancel.
 * Nothing is written into a sheet the add-in did not make.
 */
export async function importCase(workbook: Workbook, text: string, ask: (replaceable: CaseSheetInfo, caseId: string) => Promise<ImportChoice>): Promise<ImportResult> {
  const read = readCaseFile(text);
  if (!read.ok) return read;
  const list = await workbook.listCases();
  const replaceable = list.cases.find((c) => c.sheetName === list.activeCase) ?? list.cases.find((c) => c.caseId === read.caseId);
  const choice = replaceable ? await ask(replaceable, read.caseId) : 'new';
  if (choice === 'cancel') return { ok: false, cancelled: true };
  if (choice === 'replace' && replaceable) {
    const { sheetName } = await workbook.replaceCaseSheet(replaceable.sheetName, read.caseJson);
    return { ok: true, sheetName, caseId: read.caseId, replaced: true };
  }
  const { sheetName } = await workbook.createCaseSheet({ caseJson: read.caseJson });
  return { ok: true, sheetName, caseId: read.caseId, replaced: false };
}

/** A copy of a case under a new case ID ("2025-001843-V2"), for trying a variant. */
export async function duplicateCase(workbook: Workbook, sheetName: string, takenIds: string[]): Promise<{ sheetName: string; caseId: string; partial: boolean }> {
  const read = await workbook.readCaseFromInputSheet(sheetName);
  const base = (read.caseJson.caseId ?? '').trim() || 'case';
  const taken = new Set(takenIds.map((id) => id.toLowerCase()));
  let n = 2;
  while (taken.has(`${base}-V${n}`.toLowerCase())) n++;
  const caseId = `${base}-V${n}`;
  const created = await workbook.createCaseSheet({ caseJson: { ...read.caseJson, caseId } });
  return { sheetName: created.sheetName, caseId, partial: !read.ok };
}

export type ExportOutcome =
  | { ok: true; json: string; caseId: string }
  | { ok: false; problems: PaneProblem[] }
  | { ok: false; noInputSheet: true };

/** The case on the sheet as case-format JSON (every field present, via the engine's serializer). */
export async function exportCase(workbook: Workbook, choose: (cases: CaseSheetInfo[], activeSheet: string) => Promise<string | null> = async () => null): Promise<ExportOutcome> {
  const target = await targetCaseSheet(workbook, choose);
  if (target.kind !== 'sheet') return { ok: false, noInputSheet: true };
  const sheetName = target.sheetName;
  const read = await workbook.readCaseFromInputSheet(sheetName);
  if (!read.ok) return { ok: false, problems: sheetProblems(read.problems) };
  const parsed = parseCase(read.caseJson);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ cell: '', field: p.field, message: p.message })) };
  return { ok: true, json: `${JSON.stringify(caseToJson(parsed.case), null, 2)}\n`, caseId: parsed.case.caseId };
}

/** How the user answered "a summary of this case exists". */
export type ExistingSummaryChoice = 'replace' | 'keepBoth' | 'cancel';

export type BuildOutcome =
  | { kind: 'built'; sheetName: string; syncs: number; replaced: boolean; carried: string[] }
  | { kind: 'cancelled'; existing: string };

/**
 * Builds the Case Summary of an evaluated case. When the add-in's summary of the same case
 * exists, `ask` decides (the pane shows a dialog naming the decision it carries and the cells
 * the user typed that would be lost): replace it, keep both (the new one gets a new name), or cancel.
 */
export async function buildSummary(
  workbook: Workbook,
  evaluated: { loanCase: LoanCase; evaluation: Evaluation },
  preparer: string,
  ask: (existing: ExistingSummary) => Promise<ExistingSummaryChoice>,
): Promise<BuildOutcome> {
  const existing = await workbook.inspectSummary(evaluated.evaluation.caseId);
  let replaceExisting = false;
  if (existing !== null) {
    const choice = await ask(existing);
    if (choice === 'cancel') return { kind: 'cancelled', existing: existing.sheetName };
    replaceExisting = choice === 'replace';
  }
  const options = preparer ? { replaceExisting, preparer } : { replaceExisting };
  const { sheetName, syncs, carried } = await workbook.buildCaseSummary(evaluated.evaluation, evaluated.loanCase, options);
  return { kind: 'built', sheetName, syncs, replaced: replaceExisting, carried: Object.keys(carried) };
}
