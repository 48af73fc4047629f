/**
 * The pane's flow (caseFlow.ts) with a fake workbook: what is read, what is evaluated, what is
 * written, and that nothing is evaluated or written from a case with problems.
 */
import { parseCase } from '../../src/engine/case/parse';
import type { CaseInput, LoanCase } from '../../src/engine/case/types';
import type { Evaluation } from '../../src/engine/results';
import type { CaseSheetInfo, SheetProblem, WorkbookSettings } from '../../src/excel/workbookActions';
import { applySettingsToCase, buildSummary, duplicateCase, evaluateFromSheet, exportCase, importCase, readCaseFile, type Workbook } from '../../src/taskpane/caseFlow';
import { EMPTY_SETTINGS } from '../../src/taskpane/settingsForm';
import sample from '../../src/workbench/page/sampleCase.json';
import largeSample from '../../src/workbench/page/sampleCaseLarge.json';
import { readReferenceCase } from '../support/referenceCases';

const freddieScenario5 = readReferenceCase('gse-flex-forbearance.json');

function parsed(input: unknown): LoanCase {
  const result = parseCase(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.case;
}

/**
 * A workbook with case sheets (`cases`, the active one `active`), the first holding `sheetCase`
 * (or problems), recording every call.
 */
function fakeWorkbook(
  options: { sheet?: string | null; active?: string; otherCases?: CaseSheetInfo[]; sheetCase?: unknown; sheetProblems?: SheetProblem[]; existingSummary?: string | null } = {},
) {
  const calls: { name: string; args: unknown[] }[] = [];
  const record =
    <T>(name: string, result: (...args: unknown[]) => T) =>
    async (...args: unknown[]) => {
      calls.push({ name, args });
      return result(...args);
    };
  const sheet = options.sheet === undefined ? 'Case WB-2025-0101' : options.sheet;
  const cases: CaseSheetInfo[] = [
    ...(sheet ? [{ sheetName: sheet, caseId: 'WB-2025-0101', investor: 'FANNIE', summarySheet: null, decision: '' }] : []),
    ...(options.otherCases ?? []),
  ];
  const active = options.active ?? sheet ?? 'Sheet1';
  const workbook = {
    listCases: record('listCases', () => ({ activeSheet: active, activeCase: cases.some((c) => c.sheetName === active) ? active : null, cases })),
    activateSheet: record('activateSheet', () => undefined),
    selectCell: record('selectCell', () => undefined),
    createCaseSheet: record('createCaseSheet', () => ({ sheetName: 'Case WB-2025-0101 (2)', recovered: false })),
    replaceCaseSheet: record('replaceCaseSheet', (name) => ({ sheetName: name as string, recovered: false })),
    readCaseFromInputSheet: record('readCaseFromInputSheet', (name) =>
      options.sheetProblems
        ? { ok: false as const, sheetName: name, problems: options.sheetProblems, caseJson: {} }
        : { ok: true as const, sheetName: name, caseJson: (options.sheetCase ?? sample) as CaseInput },
    ),
    inspectSummary: record('inspectSummary', () => (options.existingSummary ? { sheetName: options.existingSummary, approval: { Decision: 'Approve' }, editedCells: [] } : null)),
    buildCaseSummary: record('buildCaseSummary', () => ({ sheetName: 'Case Summary WB-2025-0101', syncs: 3, carried: {}, recovered: false })),
    loadSettings: record('loadSettings', () => ({ settings: EMPTY_SETTINGS, problems: [], sheetName: null })),
    saveSettings: record('saveSettings', () => ({ sheetName: 'LM Settings', recovered: false })),
  } as unknown as Workbook;
  return { workbook, calls, names: () => calls.map((c) => c.name) };
}

describe('applySettingsToCase', () => {
  const loanCase = parsed(sample);

  test('no workbook rates: the case is evaluated as it is, with nothing to say', () => {
    const { loanCase: used, notes } = applySettingsToCase(loanCase, EMPTY_SETTINGS);
    expect(used.market).toEqual(loanCase.market);
    expect(notes).toEqual([]);
  });

  test("the workbook's rates override the case's market block, and the pane says so", () => {
    const settings: WorkbookSettings = { ...EMPTY_SETTINGS, modificationRate: 0.0675, pmms: 0.0625 };
    const { loanCase: used, notes } = applySettingsToCase(loanCase, settings);
    expect(used.market).toEqual({ modificationRate: 0.0675, pmms: 0.0625 });
    expect(notes).toEqual([
      "The workbook's posted modification rate 6.75% is used instead of the case's 6.5%.",
      "The workbook's PMMS rate 6.25% is used (the case says the same).",
    ]);
    // The case read from the sheet is not changed in place.
    expect(loanCase.market).toEqual({ modificationRate: 0.065, pmms: 0.0625 });
  });

  test('a case without a market rate takes the workbook one', () => {
    const bare = parsed({ ...sample, market: {} });
    const { notes } = applySettingsToCase(bare, { ...EMPTY_SETTINGS, modificationRate: 0.065 });
    expect(notes).toEqual(["The workbook's posted modification rate 6.5% is used (the case has none)."]);
  });
});

describe('evaluateFromSheet', () => {
  test('no case sheet: nothing is read', async () => {
    const fake = fakeWorkbook({ sheet: null });
    expect(await evaluateFromSheet(fake.workbook, EMPTY_SETTINGS)).toEqual({ kind: 'noInputSheet' });
    expect(fake.names()).toEqual(['listCases']);
  });

  test('the case sheet the user is on is the one read, not the first one', async () => {
    const other = { sheetName: 'Case B-2', caseId: 'B-2', investor: 'FHA', summarySheet: null, decision: '' };
    const fake = fakeWorkbook({ otherCases: [other], active: 'Case B-2' });
    const outcome = await evaluateFromSheet(fake.workbook, EMPTY_SETTINGS);
    expect(outcome).toMatchObject({ kind: 'evaluated', sheetName: 'Case B-2' });
    expect(fake.calls.find((c) => c.name === 'readCaseFromInputSheet')!.args).toEqual(['Case B-2']);
  });

  test('on a sheet that is not a case sheet, the user is asked which case; cancel reads nothing', async () => {
    const other = { sheetName: 'Case B-2', caseId: 'B-2', investor: 'FHA', summarySheet: null, decision: '' };
    const asked: string[][] = [];
    const fake = fakeWorkbook({ otherCases: [other], active: 'My notes' });
    const chosen = await evaluateFromSheet(fake.workbook, EMPTY_SETTINGS, async (cases, activeSheet) => {
      asked.push([activeSheet, ...cases.map((c) => c.sheetName)]);
      return 'Case B-2';
    });
    expect(asked).toEqual([['My notes', 'Case WB-2025-0101', 'Case B-2']]);
    expect(chosen).toMatchObject({ kind: 'evaluated', sheetName: 'Case B-2' });
    const cancel = fakeWorkbook({ otherCases: [other], active: 'My notes' });
    expect(await evaluateFromSheet(cancel.workbook, EMPTY_SETTINGS, async () => null)).toEqual({ kind: 'cancelled' });
    expect(cancel.names()).toEqual(['listCases']);
  });

  test('settings with problems: nothing is evaluated, the problems point at the settings', async () => {
    const issues = [{ setting: 'PMMS rate', message: "The workbook's PMMS rate 62.5 looks like a percent: enter 62.5% or 0.625; open Settings in the pane to correct it" }];
    const fake = fakeWorkbook();
    const outcome = await evaluateFromSheet(fake.workbook, EMPTY_SETTINGS, undefined, issues);
    expect(outcome).toEqual({ kind: 'problems', sheetName: 'Case WB-2025-0101', problems: [{ cell: '', field: 'Settings: PMMS rate', message: issues[0].message }] });
    expect(fake.names()).toEqual(['listCases']);
  });

  test('a blank case sheet is flagged blank (the pane lists what is required)', async () => {
    const outcome = await evaluateFromSheet(fakeWorkbook({ sheetProblems: [{ cell: "'Case X'!B5", field: 'caseId', message: 'required' }] }).workbook, EMPTY_SETTINGS);
    expect(outcome).toMatchObject({ kind: 'problems', blank: true });
  });

  test("the sheet's problems are passed on with their cells; nothing is evaluated", async () => {
    const problems = [{ cell: "'Case WB-2025-0101'!B9", field: 'loan.rate', message: 'rate 4.75 looks like a percent: enter 4.75% or 0.0475' }];
    const outcome = await evaluateFromSheet(fakeWorkbook({ sheetProblems: problems }).workbook, EMPTY_SETTINGS);
    expect(outcome).toEqual({ kind: 'problems', sheetName: 'Case WB-2025-0101', problems, blank: true });
  });

  test('a case the format rejects is reported field by field', async () => {
    const outcome = await evaluateFromSheet(fakeWorkbook({ sheetCase: { ...sample, loan: { ...sample.loan, rate: 4.5 } } }).workbook, EMPTY_SETTINGS);
    expect(outcome.kind).toBe('problems');
    if (outcome.kind === 'problems') {
      expect(outcome.problems).toEqual([{ cell: '', field: 'loan.rate', message: expect.stringContaining('looks like a percent') }]);
    }
  });

  test('a valid case is evaluated with the workbook rates in force', async () => {
    const outcome = await evaluateFromSheet(fakeWorkbook().workbook, { ...EMPTY_SETTINGS, modificationRate: 0.0675 });
    expect(outcome.kind).toBe('evaluated');
    if (outcome.kind === 'evaluated') {
      expect(outcome.loanCase.market.modificationRate).toBe(0.0675);
      expect(outcome.evaluation.caseId).toBe('WB-2025-0101');
      expect(outcome.notes).toHaveLength(1);
    }
  });

  test('the large sample (many income lines and debts) evaluates too', async () => {
    const outcome = await evaluateFromSheet(fakeWorkbook({ sheetCase: largeSample }).workbook, EMPTY_SETTINGS);
    expect(outcome.kind).toBe('evaluated');
    if (outcome.kind === 'evaluated') expect(outcome.loanCase.borrower.incomes.length).toBeGreaterThanOrEqual(12);
  });
});

describe('import and export', () => {
  test('a reference case file is unwrapped; the sheet gets the full case', () => {
    const result = readCaseFile(JSON.stringify(freddieScenario5));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.caseId).toBe('REF-FLEX-1');
      // Defaults are written out (case-format.md: missing optional fields take the defaults).
      expect(result.caseJson.loan?.escrowShortage).toBe(0);
      expect(result.caseJson.loan?.upb).toBe(347868.83);
    }
  });

  test('a file that is not JSON, or not a valid case, writes nothing and asks nothing', async () => {
    const fake = fakeWorkbook();
    const ask = jest.fn();
    const notJson = await importCase(fake.workbook, '{ "caseId": ', ask);
    expect(notJson.ok).toBe(false);
    const typo = await importCase(fake.workbook, JSON.stringify({ ...sample, lon: {} }), ask);
    expect(typo).toEqual({ ok: false, problems: [{ cell: '', field: 'lon', message: 'unknown field "lon"; did you mean "loan"?' }] });
    expect(fake.names()).toEqual([]);
    expect(ask).not.toHaveBeenCalled();
  });

  test('import asks: replace this case, new case sheet, or cancel', async () => {
    const text = JSON.stringify(sample);
    const replace = fakeWorkbook();
    const ask = jest.fn(async () => 'replace' as const);
    expect(await importCase(replace.workbook, text, ask)).toEqual({ ok: true, sheetName: 'Case WB-2025-0101', caseId: 'WB-2025-0101', replaced: true });
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ sheetName: 'Case WB-2025-0101' }), 'WB-2025-0101');
    expect(replace.names()).toEqual(['listCases', 'replaceCaseSheet']);
    const asNew = fakeWorkbook();
    expect(await importCase(asNew.workbook, text, async () => 'new')).toMatchObject({ ok: true, sheetName: 'Case WB-2025-0101 (2)', replaced: false });
    expect(asNew.names()).toEqual(['listCases', 'createCaseSheet']);
    const cancel = fakeWorkbook();
    expect(await importCase(cancel.workbook, text, async () => 'cancel')).toEqual({ ok: false, cancelled: true });
    expect(cancel.names()).toEqual(['listCases']);
  });

  test('with no case it could replace, import creates a case sheet without asking', async () => {
    const none = fakeWorkbook({ sheet: null });
    const ask = jest.fn();
    expect(await importCase(none.workbook, JSON.stringify(sample), ask)).toMatchObject({ ok: true, replaced: false });
    expect(ask).not.toHaveBeenCalled();
    expect(none.names()).toEqual(['listCases', 'createCaseSheet']);
  });

  test('duplicate creates a variant under a new case ID', async () => {
    const fake = fakeWorkbook();
    const copy = await duplicateCase(fake.workbook, 'Case WB-2025-0101', ['WB-2025-0101', 'WB-2025-0101-V2']);
    expect(copy).toMatchObject({ caseId: 'WB-2025-0101-V3', partial: false });
    expect((fake.calls[1].args[0] as { caseJson: CaseInput }).caseJson.caseId).toBe('WB-2025-0101-V3');
  });

  test('export gives the case-format JSON of the parsed case, which parses back to the same case', async () => {
    const outcome = await exportCase(fakeWorkbook().workbook);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.caseId).toBe('WB-2025-0101');
      expect(parsed(JSON.parse(outcome.json))).toEqual(parsed(sample));
    }
  });

  test('export of a case with problems gives the problems', async () => {
    const problems = [{ cell: "'Case WB-2025-0101'!B5", field: 'caseId', message: 'required' }];
    expect(await exportCase(fakeWorkbook({ sheetProblems: problems }).workbook)).toEqual({ ok: false, problems });
    expect(await exportCase(fakeWorkbook({ sheet: null }).workbook)).toEqual({ ok: false, noInputSheet: true });
  });
});

describe('buildSummary', () => {
  const loanCase = parsed(sample);
  const evaluation = { caseId: 'WB-2025-0101' } as Evaluation;

  test('no summary of the case yet: built without asking', async () => {
    const fake = fakeWorkbook();
    const ask = jest.fn();
    expect(await buildSummary(fake.workbook, { loanCase, evaluation }, 'J. Doe', ask)).toEqual({ kind: 'built', sheetName: 'Case Summary WB-2025-0101', syncs: 3, replaced: false, carried: [] });
    expect(ask).not.toHaveBeenCalled();
    expect(fake.calls[1].args[2]).toEqual({ replaceExisting: false, preparer: 'J. Doe' });
  });

  test('an existing summary is replaced only when the user says Replace', async () => {
    const fake = fakeWorkbook({ existingSummary: 'Case Summary WB-2025-0101' });
    const asked: unknown[] = [];
    const outcome = await buildSummary(fake.workbook, { loanCase, evaluation }, '', async (existing) => {
      asked.push(existing);
      return 'replace';
    });
    expect(asked).toEqual([{ sheetName: 'Case Summary WB-2025-0101', approval: { Decision: 'Approve' }, editedCells: [] }]);
    expect(outcome).toMatchObject({ kind: 'built', replaced: true });
    expect(fake.calls[1].args[2]).toEqual({ replaceExisting: true });
  });

  test('Keep both builds a new sheet; Cancel builds nothing', async () => {
    const keep = fakeWorkbook({ existingSummary: 'Case Summary WB-2025-0101' });
    await buildSummary(keep.workbook, { loanCase, evaluation }, '', async () => 'keepBoth');
    expect(keep.calls[1].args[2]).toEqual({ replaceExisting: false });
    const cancel = fakeWorkbook({ existingSummary: 'Case Summary WB-2025-0101' });
    expect(await buildSummary(cancel.workbook, { loanCase, evaluation }, '', async () => 'cancel')).toEqual({ kind: 'cancelled', existing: 'Case Summary WB-2025-0101' });
    expect(cancel.names()).toEqual(['inspectSummary']);
  });
});
