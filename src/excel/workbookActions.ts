/**
 * The task pane's actions on the workbook (case-summary.md): case sheets (one per case), the
 * Case Summary, the workbook's settings. The only code that talks to Office.js (through the
 * global `Excel.run`); every action uses a small constant number of `context.sync()` round
 * trips, whatever the size of the case or the number of cases.
 *
 * The add-in marks the sheets it made with workbook-level defined names pointing at the sheet's
 * A1 (`LMW_CaseInput_1`, `LMW_Summary_3`, `LMW_Settings_1`). A name follows its sheet when the
 * user renames it; a sheet without such a name is the user's own: it is never read as a case or
 * as settings, never written, replaced or deleted, whatever its name.
 *
 * Every write is all-or-nothing (stagedWrite.ts): built under a temporary name, swapped in by one
 * last batch, and undone (or finished) by a follow-up batch when a sync fails.
 */
import { parseCase } from '../engine/case/parse';
import type { CaseInput, LoanCase } from '../engine/case/types';
import type { Evaluation } from '../engine/results';
import { INPUT_TABLES, PLACED_FIELDS, VALUE_COLUMN } from '../summary/caseInputLayout';
import { caseInputPlan } from '../summary/caseInputPlan';
import { caseFromInputValues } from '../summary/caseInputRead';
import { caseSummaryPlan, summarySheetBaseName } from '../summary/caseSummaryPlan';
import { cellAddress, qualifiedAddress, uniqueSheetName } from '../summary/sheetPlan';
import { renderPlan } from './renderPlan';
import { readSettingsValues, SETTINGS_ROWS, type SettingsProblem, type WorkbookSettings } from './settingsValues';
import { stagedWrite, WriteFailedError } from './stagedWrite';
import { editedCells, fingerprintOf, readApproval, withApproval, type Approval, type Fingerprint } from './summaryEdits';

export { WriteFailedError } from './stagedWrite';
export type { SettingsProblem, WorkbookSettings } from './settingsValues';

export interface SheetProblem {
  /** Like "'Case 2025-001843'!B7" (empty when the problem is not in a cell, e.g. no sheet). */
  cell: string;
  field: string;
  message: string;
}

export const SETTINGS_SHEET_NAME = 'LM Settings';
const CASE_INPUT_MARKER = 'LMW_CaseInput_';
const SUMMARY_MARKER = 'LMW_Summary_';
const SETTINGS_MARKER = 'LMW_Settings_';
const CASE_INPUT_COMMENT = 'LM Workbench Case Input';
export const SUMMARY_COMMENT = 'LM Workbench case summary of case ';
const SETTINGS_COMMENT = 'LM Workbench settings';
/** Where the fingerprint of a summary is kept (Office document settings travel with the file). */
const FINGERPRINT_KEY = 'LMW.summaryFingerprint.';

export interface Marker {
  name: string;
  n: number;
  sheetName: string | null;
  comment: string;
}

/** The sheet a name such as ='Case Summary 2025-001843'!$A$1 points at; null when it is #REF!. */
export function sheetOfFormula(formula: string): string | null {
  const body = formula.replace(/^=/, '');
  if (body.includes('#REF!')) return null;
  const bang = body.lastIndexOf('!');
  if (bang < 0) return null;
  const sheet = body.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

export function markers(names: Excel.NamedItem[], prefix: string, sheetNames: string[]): Marker[] {
  const lower = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
  return names
    .filter((item) => item.name.startsWith(prefix) && /^\d+$/.test(item.name.slice(prefix.length)))
    .map((item) => {
      const pointed = sheetOfFormula(item.formula);
      return { name: item.name, n: Number(item.name.slice(prefix.length)), sheetName: pointed ? (lower.get(pointed.toLowerCase()) ?? null) : null, comment: item.comment ?? '' };
    })
    .sort((a, b) => a.n - b.n);
}

/** What the first round trip of every action loads: the sheets, the active one, the names and tables. */
export async function loadWorkbookIndex(context: Excel.RequestContext) {
  const sheets = context.workbook.worksheets.load('items/name,items/position,items/visibility');
  const names = context.workbook.names.load('items/name,items/formula,items/comment,items/type');
  const tables = context.workbook.tables.load('items/name');
  const active = context.workbook.worksheets.getActiveWorksheet().load('name');
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  return {
    sheetNames,
    activeSheet: active.name,
    positions: new Map(sheets.items.map((s) => [s.name, s.position])),
    names: names.items,
    tableNames: tables.items.map((t) => t.name),
    caseInputMarkers: markers(names.items, CASE_INPUT_MARKER, sheetNames),
    summaryMarkers: markers(names.items, SUMMARY_MARKER, sheetNames),
    settingsMarkers: markers(names.items, SETTINGS_MARKER, sheetNames),
  };
}

export type WorkbookIndex = Awaited<ReturnType<typeof loadWorkbookIndex>>;

export function nextMarkerName(prefix: string, list: Marker[]): string {
  return `${prefix}${list.reduce((max, m) => Math.max(max, m.n), 0) + 1}`;
}

/** Removes the markers whose sheet was deleted (their formula became #REF!). */
export function dropStaleMarkers(context: Excel.RequestContext, list: Marker[]): void {
  for (const marker of list) if (marker.sheetName === null) context.workbook.names.getItem(marker.name).delete();
}

/** The case sheets: the sheets marked as the add-in's Case Input, in marker order. */
export function caseSheetsOf(index: WorkbookIndex): string[] {
  return index.caseInputMarkers.filter((m) => m.sheetName !== null).map((m) => m.sheetName!);
}

function caseMarkerOf(index: WorkbookIndex, sheetName: string): Marker | undefined {
  return index.caseInputMarkers.find((m) => m.sheetName !== null && m.sheetName.toLowerCase() === sheetName.toLowerCase());
}

/** Table names free in the workbook for a new case sheet (`LM_Incomes`, else `LM_Incomes_2`...). */
function freeTableNames(taken: string[]): Record<string, string> {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const chosen: Record<string, string> = {};
  for (const layout of INPUT_TABLES) {
    let name = layout.tableName;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${layout.tableName}_${i}`;
    used.add(name.toLowerCase());
    chosen[layout.key] = name;
  }
  return chosen;
}

function tableNameMapper(chosen: Record<string, string>): (planned: string) => string {
  return (planned) => {
    const layout = INPUT_TABLES.find((t) => t.tableName === planned || chosen[t.key] === planned);
    return layout ? chosen[layout.key] : planned;
  };
}

/** "Case 2025-001843" (a valid sheet name of at most 31 characters), "New case" without an id. */
export function caseSheetBaseName(caseId: string | null | undefined): string {
  const id = (caseId ?? '').trim();
  return id ? `Case ${id}` : 'New case';
}

// ------------------------------------------------------------------------------- Case sheets

export interface CaseSheetInfo {
  sheetName: string;
  caseId: string;
  investor: string;
  /** The add-in's summary of this case, when one was built. */
  summarySheet: string | null;
  /** The Decision typed into that summary's approval block ("" when none). */
  decision: string;
}

export interface CaseList {
  /** The active sheet's name. */
  activeSheet: string;
  /** The case the user is on: the active case sheet, or the case of the active summary; else null. */
  activeCase: string | null;
  cases: CaseSheetInfo[];
}

const CASE_ID_ROW = PLACED_FIELDS.find((f) => f.path === 'caseId')!.row;
const INVESTOR_ROW = PLACED_FIELDS.find((f) => f.path === 'investor')!.row;

/** The workbook's cases (two round trips whatever their number). */
export async function listCases(): Promise<CaseList> {
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context);
    const caseSheets = caseSheetsOf(index);
    const heads = caseSheets.map((name) => context.workbook.worksheets.getItem(name).getRangeByIndexes(CASE_ID_ROW, VALUE_COLUMN, INVESTOR_ROW - CASE_ID_ROW + 1, 1).load('values'));
    const summaries = index.summaryMarkers.filter((m) => m.sheetName !== null);
    const used = summaries.map((m) => context.workbook.worksheets.getItem(m.sheetName!).getUsedRange(true).load('values,rowIndex,columnIndex'));
    if (caseSheets.length > 0 || summaries.length > 0) await context.sync();
    const decisions = new Map<string, { sheet: string; decision: string }>();
    summaries.forEach((m, i) => {
      const caseId = m.comment.startsWith(SUMMARY_COMMENT) ? m.comment.slice(SUMMARY_COMMENT.length) : '';
      if (!caseId || decisions.has(caseId)) return;
      const { approval } = readApproval(used[i].values, used[i].rowIndex, used[i].columnIndex);
      decisions.set(caseId, { sheet: m.sheetName!, decision: approval.Decision === undefined ? '' : String(approval.Decision) });
    });
    const cases = caseSheets.map((sheetName, i) => {
      const values = heads[i].values;
      const caseId = String(values[0]?.[0] ?? '').trim();
      const summary = caseId ? decisions.get(caseId) : undefined;
      return { sheetName, caseId, investor: String(values[INVESTOR_ROW - CASE_ID_ROW]?.[0] ?? '').trim(), summarySheet: summary?.sheet ?? null, decision: summary?.decision ?? '' };
    });
    // On a case sheet: that case. On one of the add-in's summaries: the case it summarizes.
    const active = index.activeSheet.toLowerCase();
    const summaryOfActive = index.summaryMarkers.find((m) => m.sheetName?.toLowerCase() === active);
    const summarizedId = summaryOfActive?.comment.startsWith(SUMMARY_COMMENT) ? summaryOfActive.comment.slice(SUMMARY_COMMENT.length) : null;
    const activeCase = caseSheets.find((n) => n.toLowerCase() === active) ?? (summarizedId ? (cases.find((c) => c.caseId === summarizedId)?.sheetName ?? null) : null);
    return { activeSheet: index.activeSheet, activeCase, cases };
  });
}

/** Goes to a sheet (the pane's case list). */
export async function activateSheet(sheetName: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheetName).activate();
    await context.sync();
  });
}

/** Selects a cell such as "'Case 2025-001843'!B7" (clicking a problem in the pane). */
export async function selectCell(qualified: string): Promise<void> {
  const bang = qualified.lastIndexOf('!');
  if (bang < 0) return;
  const sheet = qualified.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(qualified.slice(bang + 1)).select();
    await context.sync();
  });
}

/**
 * Adds a case sheet, named after the case ID ("Case 2025-001843", never over an existing sheet:
 * "Case 2025-001843 (2)"), filled from `caseJson` when given. The `LM_*` names of its key cells
 * are scoped to the sheet, so every case has its own `LM_UPB`. Three round trips; all or nothing.
 */
export async function createCaseSheet(options: { caseJson?: CaseInput } = {}): Promise<{ sheetName: string; recovered: boolean }> {
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context);
    const sheetName = uniqueSheetName(caseSheetBaseName(options.caseJson?.caseId), index.sheetNames);
    const tableNames = freeTableNames([...index.tableNames, ...index.names.map((n) => n.name)]);
    const plan = caseInputPlan(options.caseJson, { sheetName, tableNames });
    return stagedWrite(
      context,
      {
        finalName: sheetName,
        marker: { name: nextMarkerName(CASE_INPUT_MARKER, index.caseInputMarkers), comment: CASE_INPUT_COMMENT },
        activate: true,
        build: (ctx, sheet) => renderPlan(ctx, sheet, plan, { tableName: tableNameMapper(tableNames), nameScope: () => 'worksheet' }),
        afterSwap: (ctx) => dropStaleMarkers(ctx, index.caseInputMarkers),
      },
      index.sheetNames,
      'Creating the case sheet',
    );
  });
}

/**
 * Replaces the case on one of the add-in's case sheets (import, after the user chose "Replace
 * this case"): a complete new sheet is built, then takes the old one's name and place. A sheet
 * the add-in did not make is refused. Three round trips; all or nothing.
 */
export async function replaceCaseSheet(sheetName: string, caseJson: CaseInput): Promise<{ sheetName: string; recovered: boolean }> {
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context);
    const marker = caseMarkerOf(index, sheetName);
    if (!marker) throw new Error(`"${sheetName}" is not a case sheet the add-in made: it was left as it is. Import the case as a new case sheet instead.`);
    const actual = marker.sheetName!;
    const ownTables = context.workbook.worksheets.getItem(actual).tables.load('items/name');
    await context.sync();
    // The old sheet's tables still exist while the new one is built: the new one takes free names.
    const tableNames = freeTableNames([...index.tableNames, ...index.names.map((n) => n.name), ...ownTables.items.map((t) => t.name)]);
    const plan = caseInputPlan(caseJson, { sheetName: actual, tableNames });
    return stagedWrite(
      context,
      {
        finalName: actual,
        replacing: { sheetName: actual, marker: marker.name, position: index.positions.get(actual) ?? 0 },
        marker: { name: nextMarkerName(CASE_INPUT_MARKER, index.caseInputMarkers), comment: CASE_INPUT_COMMENT },
        activate: true,
        build: (ctx, sheet) => renderPlan(ctx, sheet, plan, { tableName: tableNameMapper(tableNames), nameScope: () => 'worksheet' }),
      },
      index.sheetNames,
      'Importing the case',
    );
  });
}

type CaseRead = { ok: true; sheetName: string; caseJson: CaseInput } | { ok: false; sheetName: string; problems: SheetProblem[]; caseJson: CaseInput };

/**
 * Reads the case from one of the add-in's case sheets: every problem at once, each with its
 * cell; the case is checked with the engine's parseCase (two round trips). `caseJson` is what
 * could be read even when there are problems (for Duplicate).
 */
export async function readCaseFromInputSheet(sheetName: string): Promise<CaseRead> {
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context);
    const marker = caseMarkerOf(index, sheetName);
    if (!marker) {
      return {
        ok: false as const,
        sheetName,
        caseJson: {} as CaseInput,
        problems: [{ cell: '', field: '(sheet)', message: `"${sheetName}" is not a case sheet made by the add-in: choose New case, or pick a case from the list.` }],
      };
    }
    const actual = marker.sheetName!;
    const used = context.workbook.worksheets.getItem(actual).getUsedRange(true).load('values,rowIndex,columnIndex,rowCount');
    await context.sync();
    const values = used.values;
    const cell = (row: number, column: number): unknown => values[row - used.rowIndex]?.[column - used.columnIndex] ?? '';
    const read = caseFromInputValues(cell, used.rowIndex + used.rowCount - 1);

    const problems: SheetProblem[] = read.problems.map((p) => ({ cell: qualifiedAddress(actual, p.address), field: p.field, message: p.message }));
    const flagged = new Set(read.problems.map((p) => p.address));
    const parsed = parseCase(read.caseJson);
    if (!parsed.ok) {
      for (const problem of parsed.problems) {
        const address = read.cellOf(problem.field);
        // A cell already reported (e.g. text in an amount) is not reported again as "missing".
        if (flagged.has(address)) continue;
        problems.push({ cell: qualifiedAddress(actual, address), field: problem.field, message: problem.message });
      }
    }
    if (problems.length > 0) return { ok: false as const, sheetName: actual, problems, caseJson: read.caseJson };
    return { ok: true as const, sheetName: actual, caseJson: read.caseJson };
  });
}

// ------------------------------------------------------------------------------- Summaries

function summaryMarkerOf(index: WorkbookIndex, caseId: string): Marker | undefined {
  return index.summaryMarkers.find((m) => m.sheetName !== null && m.comment === `${SUMMARY_COMMENT}${caseId}`);
}

export interface ExistingSummary {
  sheetName: string;
  /** The approval block as typed (carried into a replacement). */
  approval: Approval;
  /**
   * Other cells that differ from what the add-in wrote, each "C45 (New monthly payment)"; null
   * when the summary has no fingerprint (built by an older version), so edits cannot be told.
   */
  editedCells: string[] | null;
}

function fingerprintStore(): { get(key: string): unknown; set(key: string, value: unknown): void; remove(key: string): void; saveAsync(cb?: () => void): void } | null {
  try {
    return typeof Office !== 'undefined' && Office.context?.document?.settings ? (Office.context.document.settings as never) : null;
  } catch {
    return null;
  }
}

/** The add-in's summary of this case, with what the user typed into it; null when there is none. */
export async function inspectSummary(caseId: string): Promise<ExistingSummary | null> {
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context);
    const marker = summaryMarkerOf(index, caseId);
    if (!marker) return null;
    const used = context.workbook.worksheets.getItem(marker.sheetName!).getUsedRange(true).load('values,formulas,rowIndex,columnIndex');
    await context.sync();
    const { approval, cells } = readApproval(used.values, used.rowIndex, used.columnIndex);
    const stored = fingerprintStore()?.get(`${FINGERPRINT_KEY}${marker.name}`);
    let edited: string[] | null = null;
    if (stored && typeof stored === 'object') {
      const addresses = editedCells(stored as Fingerprint, used.formulas, used.rowIndex, used.columnIndex, new Set(cells));
      edited = addresses.map((address) => {
        const row = Number(address.replace(/^[A-Z]+/, '')) - 1;
        const label = used.values[row - used.rowIndex]?.[0 - used.columnIndex];
        return label && String(label).trim() ? `${address} (${String(label).trim()})` : address;
      });
    }
    return { sheetName: marker.sheetName!, approval, editedCells: edited };
  });
}

/** The summary sheet the add-in built for this case (the first one still in the workbook), or null. */
export async function findSummarySheet(caseId: string): Promise<string | null> {
  return Excel.run(async (context) => summaryMarkerOf(await loadWorkbookIndex(context), caseId)?.sheetName ?? null);
}

/**
 * Builds the Case Summary sheet. `replaceExisting` replaces the add-in's own summary of the same
 * case (the pane asks first), carrying its approval block (Reviewer, Date, Decision, Comments)
 * into the new one; otherwise the new sheet gets a new name, "Case Summary 2025-001843 (2)". A
 * sheet the user made is never touched, whatever its name. Three round trips (four when
 * replacing); all or nothing.
 */
export async function buildCaseSummary(
  evaluation: Evaluation,
  loanCase: LoanCase,
  options: { replaceExisting: boolean; preparer?: string },
): Promise<{ sheetName: string; syncs: number; carried: Approval; recovered: boolean }> {
  return Excel.run(async (context) => {
    let syncs = 1;
    const index = await loadWorkbookIndex(context);
    const existing = options.replaceExisting ? summaryMarkerOf(index, evaluation.caseId) : undefined;
    let carried: Approval = {};
    if (existing) {
      const used = context.workbook.worksheets.getItem(existing.sheetName!).getUsedRange(true).load('values,rowIndex,columnIndex');
      await context.sync();
      syncs++;
      carried = readApproval(used.values, used.rowIndex, used.columnIndex).approval;
    }
    const sheetName = existing?.sheetName ?? uniqueSheetName(summarySheetBaseName(evaluation.caseId), index.sheetNames);
    const plan = withApproval(caseSummaryPlan(evaluation, loanCase, { preparer: options.preparer, sheetName }), carried);
    const markerName = nextMarkerName(SUMMARY_MARKER, index.summaryMarkers);
    let written: Excel.Range | null = null;
    const result = await stagedWrite(
      context,
      {
        finalName: sheetName,
        ...(existing ? { replacing: { sheetName: existing.sheetName!, marker: existing.name, position: index.positions.get(existing.sheetName!) ?? 0 } } : {}),
        marker: { name: markerName, comment: `${SUMMARY_COMMENT}${evaluation.caseId}` },
        activate: true,
        build: (ctx, sheet) => renderPlan(ctx, sheet, plan),
        // Read back in the swap's batch: the fingerprint holds what Excel stored.
        afterSwap: (ctx, sheet) => {
          dropStaleMarkers(ctx, index.summaryMarkers);
          written = sheet.getUsedRange(true).load('formulas,rowIndex,columnIndex');
        },
      },
      index.sheetNames,
      existing ? 'Replacing the Case Summary' : 'Building the Case Summary',
    );
    syncs += 2;
    const store = fingerprintStore();
    if (result.recovered) {
      // The swap's read-back was lost with its batch: read the finished sheet again.
      written = await Excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem(result.sheetName).getUsedRange(true).load('formulas,rowIndex,columnIndex');
        await ctx.sync();
        return range;
      });
    }
    if (store && written) {
      const range = written as Excel.Range;
      try {
        store.set(`${FINGERPRINT_KEY}${markerName}`, fingerprintOf(range.formulas, range.rowIndex, range.columnIndex));
        if (existing) store.remove(`${FINGERPRINT_KEY}${existing.name}`);
        store.saveAsync();
      } catch {
        /* without a fingerprint, a later Replace says it cannot tell which cells were edited */
      }
    }
    return { sheetName: result.sheetName, syncs, carried, recovered: result.recovered };
  });
}

// ------------------------------------------------------------------------------- Settings

/** Where the settings values sit on the settings sheet. */
const SETTINGS_BODY = `A2:B${SETTINGS_ROWS.length + 1}`;

/**
 * The workbook's settings, kept on the add-in's hidden settings sheet (marked like its other
 * sheets, so that a sheet the user named "LM Settings" is never read as settings). Every value
 * is validated as strictly as a case value; each problem names the setting and the fix.
 */
export async function loadSettings(): Promise<{ settings: WorkbookSettings; problems: SettingsProblem[]; sheetName: string | null }> {
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context);
    const marker = index.settingsMarkers.find((m) => m.sheetName !== null);
    if (!marker) return { ...readSettingsValues(null), sheetName: null };
    const range = context.workbook.worksheets.getItem(marker.sheetName!).getRange(`B2:B${SETTINGS_ROWS.length + 1}`).load('values');
    await context.sync();
    return { ...readSettingsValues(range.values.map((row) => row[0])), sheetName: marker.sheetName };
  });
}

/**
 * Saves the settings. On the add-in's settings sheet the values are written by one operation (so
 * they change all together or not at all); without one, a hidden sheet is built and swapped in
 * ("LM Settings", or "LM Settings (2)" when the user has a sheet of that name).
 */
export async function saveSettings(settings: WorkbookSettings): Promise<{ sheetName: string; recovered: boolean }> {
  const values = SETTINGS_ROWS.map((row) => {
    const value = settings[row.key];
    if (row.key === 'rulebookOverrides') return [row.label, Object.keys(settings.rulebookOverrides ?? {}).length > 0 ? JSON.stringify(value) : ''];
    return [row.label, value === null || value === undefined ? '' : (value as string | number)];
  });
  const formats = SETTINGS_ROWS.map((row) => ['@', row.format]);
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context);
    const marker = index.settingsMarkers.find((m) => m.sheetName !== null);
    if (marker) {
      const body = context.workbook.worksheets.getItem(marker.sheetName!).getRange(SETTINGS_BODY);
      body.numberFormat = formats; // the same formats every time: re-applying them changes nothing
      body.values = values; // one operation: the four values change together or not at all
      try {
        await context.sync();
      } catch (error) {
        throw new WriteFailedError(`Saving the settings failed (${error instanceof Error ? error.message : String(error)}). Nothing was changed: the settings are as they were.`, error);
      }
      return { sheetName: marker.sheetName!, recovered: false };
    }
    return stagedWrite(
      context,
      {
        finalName: uniqueSheetName(SETTINGS_SHEET_NAME, index.sheetNames),
        marker: { name: nextMarkerName(SETTINGS_MARKER, index.settingsMarkers), comment: SETTINGS_COMMENT },
        hidden: true,
        build: (_ctx, sheet) => {
          sheet.getRange('A1').values = [['LM Workbench settings (kept with the workbook; change them from the task pane)']];
          sheet.getRange('A1').format.font.bold = true;
          sheet.getRange('A:A').format.columnWidth = 200;
          sheet.getRange('B:B').format.columnWidth = 300;
          const body = sheet.getRange(SETTINGS_BODY);
          body.numberFormat = formats;
          body.values = values;
        },
        afterSwap: (ctx) => dropStaleMarkers(ctx, index.settingsMarkers),
      },
      index.sheetNames,
      'Saving the settings',
    );
  });
}

/** The cell of a case field on a case sheet (for tests and the pane). */
export function caseFieldCell(path: string): string {
  const field = PLACED_FIELDS.find((f) => f.path === path);
  return field ? cellAddress(field.row, VALUE_COLUMN) : 'A1';
}
