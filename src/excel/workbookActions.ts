/**
 * The task pane's actions on the standard workbook (case-summary.md): create, read and fill the
 * Case Input sheet, build the Case Summary, keep the workbook's settings. The only code that
 * talks to Office.js (through the global `Excel.run`); every action uses a constant number of
 * `context.sync()` round trips (at most 3), whatever the size of the case.
 *
 * The add-in marks the sheets it made with workbook-level defined names pointing at the sheet's
 * A1 (`LMW_CaseInput_1`, `LMW_Summary_3`...). A name follows its sheet when the user renames it;
 * a sheet without such a name is the user's own and is never replaced or deleted.
 */
import { parseCase } from '../engine/case/parse';
import type { CaseInput, LoanCase } from '../engine/case/types';
import type { Evaluation } from '../engine/results';
import { INPUT_TABLES } from '../summary/caseInputLayout';
import { CASE_INPUT_SHEET_NAME, caseInputPlan } from '../summary/caseInputPlan';
import { caseFromInputValues } from '../summary/caseInputRead';
import { caseSummaryPlan, summarySheetBaseName } from '../summary/caseSummaryPlan';
import { qualifiedAddress, uniqueSheetName } from '../summary/sheetPlan';
import { renderPlan } from './renderPlan';

export interface SheetProblem {
  /** Like "'Case Input'!C7" (empty when the problem is not in a cell, e.g. no sheet). */
  cell: string;
  field: string;
  message: string;
}

export interface WorkbookSettings {
  modificationRate: number | null;
  pmms: number | null;
  preparer: string;
  rulebookOverrides: Record<string, Record<string, number | string | boolean>>;
}

export const SETTINGS_SHEET_NAME = 'LM Settings';
const CASE_INPUT_MARKER = 'LMW_CaseInput_';
const SUMMARY_MARKER = 'LMW_Summary_';
const SUMMARY_COMMENT = 'LM Workbench case summary of case ';

interface Marker {
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

function markers(names: Excel.NamedItem[], prefix: string, sheetNames: string[]): Marker[] {
  const lower = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
  return names
    .filter((item) => item.name.startsWith(prefix) && /^\d+$/.test(item.name.slice(prefix.length)))
    .map((item) => {
      const pointed = sheetOfFormula(item.formula);
      return { name: item.name, n: Number(item.name.slice(prefix.length)), sheetName: pointed ? (lower.get(pointed.toLowerCase()) ?? null) : null, comment: item.comment ?? '' };
    })
    .sort((a, b) => a.n - b.n);
}

/** What the first round trip of every action loads: the sheets, the workbook's names and tables. */
async function loadWorkbookIndex(context: Excel.RequestContext, count: () => void) {
  const sheets = context.workbook.worksheets.load('items/name,items/position,items/visibility');
  const names = context.workbook.names.load('items/name,items/formula,items/comment,items/type');
  const tables = context.workbook.tables.load('items/name');
  count();
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  return {
    sheetNames,
    positions: new Map(sheets.items.map((s) => [s.name, s.position])),
    names: names.items,
    tableNames: tables.items.map((t) => t.name),
    caseInputMarkers: markers(names.items, CASE_INPUT_MARKER, sheetNames),
    summaryMarkers: markers(names.items, SUMMARY_MARKER, sheetNames),
  };
}

type WorkbookIndex = Awaited<ReturnType<typeof loadWorkbookIndex>>;

function nextMarkerNumber(list: Marker[]): number {
  return list.reduce((max, m) => Math.max(max, m.n), 0) + 1;
}

function markSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, name: string, comment: string): void {
  context.workbook.names.add(name, sheet.getRange('A1'), comment);
}

/** Removes the markers whose sheet was deleted (their formula became #REF!). */
function dropStaleMarkers(context: Excel.RequestContext, list: Marker[]): void {
  for (const marker of list) if (marker.sheetName === null) context.workbook.names.getItem(marker.name).delete();
}

function caseInputFromIndex(index: WorkbookIndex): string | null {
  const marked = index.caseInputMarkers.find((m) => m.sheetName !== null);
  if (marked) return marked.sheetName;
  // A sheet named Case Input without the marker (e.g. from an older template) is read, never replaced.
  return index.sheetNames.find((n) => n.toLowerCase() === CASE_INPUT_SHEET_NAME.toLowerCase()) ?? null;
}

/** Table names free in the workbook for a new Case Input (`LM_Incomes`, else `LM_Incomes_2`...). */
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

/**
 * Adds a Case Input sheet (filled from `caseJson` when given). Never over an existing sheet: the
 * name becomes "Case Input (2)" and so on. Key cells get workbook-level defined names (LM_UPB...)
 * unless another Case Input already holds them; then the names are scoped to the new sheet.
 */
export async function createCaseInputSheet(options: { caseJson?: CaseInput; sheetName?: string } = {}): Promise<{ sheetName: string }> {
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context, () => undefined);
    const sheetName = uniqueSheetName(options.sheetName ?? CASE_INPUT_SHEET_NAME, index.sheetNames);
    const liveNames = new Map(index.names.map((n) => [n.name.toLowerCase(), n]));
    const tableNames = freeTableNames([...index.tableNames, ...index.names.map((n) => n.name)]);
    const plan = caseInputPlan(options.caseJson, { sheetName, tableNames });
    const sheet = context.workbook.worksheets.add(sheetName);
    renderPlan(context, sheet, plan, {
      tableName: tableNameMapper(tableNames),
      nameScope: (name) => {
        const existing = liveNames.get(name.toLowerCase());
        if (!existing) return 'workbook';
        if (existing.formula.includes('#REF!')) {
          existing.delete(); // left by a deleted Case Input: reclaim it
          return 'workbook';
        }
        return 'worksheet';
      },
    });
    markSheet(context, sheet, `${CASE_INPUT_MARKER}${nextMarkerNumber(index.caseInputMarkers)}`, 'LM Workbench Case Input');
    dropStaleMarkers(context, index.caseInputMarkers);
    sheet.activate();
    await context.sync();
    return { sheetName };
  });
}

/** The Case Input sheet the add-in made (the first one), or a sheet named "Case Input"; null when none. */
export async function findCaseInputSheet(): Promise<string | null> {
  return Excel.run(async (context) => caseInputFromIndex(await loadWorkbookIndex(context, () => undefined)));
}

/**
 * Reads the case from a Case Input sheet: every problem at once, each with its cell; the case
 * is checked with the engine's parseCase (two round trips).
 */
export async function readCaseFromInputSheet(sheetName?: string): Promise<{ ok: true; caseJson: CaseInput } | { ok: false; problems: SheetProblem[] }> {
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context, () => undefined);
    const wanted = sheetName ?? caseInputFromIndex(index);
    const actual = wanted ? index.sheetNames.find((n) => n.toLowerCase() === wanted.toLowerCase()) : undefined;
    if (!actual) {
      return {
        ok: false as const,
        problems: [
          {
            cell: '',
            field: '(sheet)',
            message: wanted ? `There is no sheet named "${wanted}": pick the Case Input sheet or create one.` : 'There is no Case Input sheet: create one from the pane first.',
          },
        ],
      };
    }
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
    if (problems.length > 0) return { ok: false as const, problems };
    return { ok: true as const, caseJson: read.caseJson };
  });
}

/**
 * Fills an existing Case Input sheet with a case (import JSON): the scalar cells in place (the
 * defined names keep pointing at them), the tables rebuilt with the case's lines. Without a
 * Case Input sheet, one is created. At most three round trips.
 */
export async function writeCaseToInputSheet(caseJson: CaseInput, sheetName?: string): Promise<{ sheetName: string }> {
  const target = await Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context, () => undefined);
    const wanted = sheetName ?? caseInputFromIndex(index);
    const actual = wanted ? index.sheetNames.find((n) => n.toLowerCase() === wanted.toLowerCase()) : undefined;
    if (!actual) return null;
    const sheet = context.workbook.worksheets.getItem(actual);
    const ownTables = sheet.tables.load('items/name');
    await context.sync();
    const own = new Set(ownTables.items.map((t) => t.name.toLowerCase()));
    const others = [...index.tableNames.filter((n) => !own.has(n.toLowerCase())), ...index.names.map((n) => n.name)];
    const tableNames = freeTableNames(others);
    for (const table of ownTables.items) table.delete();
    const lastTableColumn = INPUT_TABLES[INPUT_TABLES.length - 1];
    const bandEnd = lastTableColumn.column + lastTableColumn.columns.length - 1;
    // The table band is rebuilt from scratch; the scalar cells are overwritten in place.
    sheet.getRangeByIndexes(0, INPUT_TABLES[0].column, 1048576, bandEnd - INPUT_TABLES[0].column + 1).clear('All');
    renderPlan(context, sheet, caseInputPlan(caseJson, { sheetName: actual, tableNames }), { nameScope: () => 'skip', tableName: tableNameMapper(tableNames) });
    sheet.activate();
    await context.sync();
    return actual;
  });
  if (target) return { sheetName: target };
  return createCaseInputSheet({ caseJson, ...(sheetName ? { sheetName } : {}) });
}

/** The summary sheet the add-in built for this case (the first one still in the workbook), or null. */
export async function findSummarySheet(caseId: string): Promise<string | null> {
  return Excel.run(async (context) => {
    const index = await loadWorkbookIndex(context, () => undefined);
    return summaryMarkerOf(index, caseId)?.sheetName ?? null;
  });
}

function summaryMarkerOf(index: WorkbookIndex, caseId: string): Marker | undefined {
  return index.summaryMarkers.find((m) => m.sheetName !== null && m.comment === `${SUMMARY_COMMENT}${caseId}`);
}

/**
 * Builds the Case Summary sheet in two round trips (one to look at the workbook, one to write).
 * `replaceExisting` replaces the add-in's own summary of the same case (the pane asks first);
 * otherwise the new sheet gets a new name, "Case Summary 2025-001843 (2)". A sheet the user
 * made is never touched, whatever its name.
 */
export async function buildCaseSummary(
  evaluation: Evaluation,
  loanCase: LoanCase,
  options: { replaceExisting: boolean; preparer?: string },
): Promise<{ sheetName: string; syncs: number }> {
  return Excel.run(async (context) => {
    let syncs = 0;
    const index = await loadWorkbookIndex(context, () => syncs++);
    const existing = options.replaceExisting ? summaryMarkerOf(index, evaluation.caseId) : undefined;
    const taken = index.sheetNames.filter((n) => !existing || n !== existing.sheetName);
    const sheetName = existing?.sheetName ?? uniqueSheetName(summarySheetBaseName(evaluation.caseId), taken);

    // When replacing: build under a temporary name, then delete the old sheet and take its name and place.
    const buildName = existing ? uniqueSheetName(`${sheetName} new`, index.sheetNames) : sheetName;
    const sheet = context.workbook.worksheets.add(buildName);
    renderPlan(context, sheet, caseSummaryPlan(evaluation, loanCase, { preparer: options.preparer, sheetName }));
    if (existing) {
      context.workbook.names.getItem(existing.name).delete();
      context.workbook.worksheets.getItem(existing.sheetName!).delete();
      sheet.name = sheetName;
      const position = index.positions.get(existing.sheetName!);
      if (position !== undefined) sheet.position = position;
    }
    markSheet(context, sheet, `${SUMMARY_MARKER}${nextMarkerNumber(index.summaryMarkers)}`, `${SUMMARY_COMMENT}${evaluation.caseId}`);
    dropStaleMarkers(context, index.summaryMarkers);
    sheet.activate();
    syncs++;
    await context.sync();
    return { sheetName, syncs };
  });
}

const EMPTY_SETTINGS: WorkbookSettings = { modificationRate: null, pmms: null, preparer: '', rulebookOverrides: {} };

/** The settings rows of the hidden "LM Settings" sheet (label, key, number format). */
const SETTINGS_ROWS: { key: keyof WorkbookSettings; label: string; format: string }[] = [
  { key: 'modificationRate', label: 'GSE posted modification rate', format: '0.000%' },
  { key: 'pmms', label: 'Freddie Mac PMMS rate', format: '0.000%' },
  { key: 'preparer', label: 'Preparer (specialist)', format: '@' },
  { key: 'rulebookOverrides', label: 'Rulebook overrides (JSON)', format: '@' },
];

/**
 * The workbook's settings, kept on a hidden sheet "LM Settings" so that they travel with the
 * file and a manager can unhide and read them. Missing or unreadable values give the defaults.
 */
export async function loadSettings(): Promise<WorkbookSettings> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET_NAME);
    await context.sync();
    if (sheet.isNullObject) return { ...EMPTY_SETTINGS, rulebookOverrides: {} };
    const range = sheet.getRange(`B2:B${SETTINGS_ROWS.length + 1}`).load('values');
    await context.sync();
    const [rate, pmms, preparer, overrides] = range.values.map((row) => row[0]);
    let rulebookOverrides: WorkbookSettings['rulebookOverrides'] = {};
    if (typeof overrides === 'string' && overrides.trim()) {
      try {
        const parsed: unknown = JSON.parse(overrides);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) rulebookOverrides = parsed as WorkbookSettings['rulebookOverrides'];
      } catch {
        /* an unreadable overrides cell is treated as none; the pane shows the settings it loaded */
      }
    }
    return {
      modificationRate: typeof rate === 'number' ? rate : null,
      pmms: typeof pmms === 'number' ? pmms : null,
      preparer: typeof preparer === 'string' ? preparer : preparer === undefined || preparer === null ? '' : String(preparer),
      rulebookOverrides,
    };
  });
}

export async function saveSettings(settings: WorkbookSettings): Promise<void> {
  await Excel.run(async (context) => {
    let sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET_NAME);
    await context.sync();
    if (sheet.isNullObject) {
      sheet = context.workbook.worksheets.add(SETTINGS_SHEET_NAME);
      sheet.getRange('A1').values = [['LM Workbench settings (kept with the workbook; change them from the task pane)']];
      sheet.getRange('A1').format.font.bold = true;
      sheet.getRange('A:A').format.columnWidth = 200;
      sheet.getRange('B:B').format.columnWidth = 300;
      sheet.visibility = 'Hidden';
    }
    const body = sheet.getRange(`A2:B${SETTINGS_ROWS.length + 1}`);
    body.numberFormat = SETTINGS_ROWS.map((row) => ['@', row.format]);
    body.values = SETTINGS_ROWS.map((row) => {
      const value = settings[row.key];
      if (row.key === 'rulebookOverrides') return [row.label, Object.keys(settings.rulebookOverrides ?? {}).length > 0 ? JSON.stringify(value) : ''];
      return [row.label, value === null || value === undefined ? '' : (value as string | number)];
    });
    await context.sync();
  });
}
