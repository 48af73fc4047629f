/**
 * The pane's flow (caseFlow.ts) with a fake workbook: what is read, what is evaluated, what is
 * written, and that nothing is evaluated or written from a case with problems.
 */
import { parseCase } from '../../src/engine/case/parse';
import type { CaseInput, LoanCase } from '../../src/engine/case/types';
import type { Evaluation } from '../../src/engine/results';
import type { SheetProblem, WorkbookSettings } from '../../src/excel/workbookActions';
import { applySettingsToCase, buildSummary, evaluateFromSheet, exportCase, importCase, readCaseFile, type Workbook } from '../../src/taskpane/caseFlow';
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

/** A workbook whose Case Input sheet holds `sheetCase` (or problems), recording every call. */
function fakeWorkbook(options: { sheet?: string | null; sheetCase?: unknown; sheetProblems?: SheetProblem[]; existingSummary?: string | null } = {}) {
  const calls: { name: string; args: unknown[] }[] = [];
  const record =
    <T>(name: string, result: (...args: unknown[]) => T) =>
    async (...args: unknown[]) => {
      calls.push({ name, args });
      return result(...args);
    };
  const sheet = options.sheet === undefined ? 'Case Input' : options.sheet;
  const workbook = {
    createCaseInputSheet: record('createCaseInputSheet', () => ({ sheetName: 'Case Input (2)' })),
    findCaseInputSheet: record('findCaseInputSheet', () => sheet),
    readCaseFromInputSheet: record('readCaseFromInputSheet', () =>
      options.sheetProblems ? { ok: false as const, problems: options.sheetProblems } : { ok: true as const, caseJson: (options.sheetCase ?? sample) as CaseInput },
    ),
    writeCaseToInputSheet: record('writeCaseToInputSheet', (_json, name) => ({ sheetName: name as string })),
    findSummarySheet: record('findSummarySheet', () => options.existingSummary ?? null),
    buildCaseSummary: record('buildCaseSummary', () => ({ sheetName: 'Case Summary WB-2025-0101', syncs: 4 })),
    loadSettings: record('loadSettings', () => EMPTY_SETTINGS),
    saveSettings: record('saveSettings', () => undefined),
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
  test('no Case Input sheet: nothing is read', async () => {
    const fake = fakeWorkbook({ sheet: null });
    expect(await evaluateFromSheet(fake.workbook, EMPTY_SETTINGS)).toEqual({ kind: 'noInputSheet' });
    expect(fake.names()).toEqual(['findCaseInputSheet']);
  });

  test("the sheet's problems are passed on with their cells; nothing is evaluated", async () => {
    const problems = [{ cell: "'Case Input'!B9", field: 'loan.rate', message: 'rate 4.75 looks like a percent: enter 4.75% or 0.0475' }];
    const outcome = await evaluateFromSheet(fakeWorkbook({ sheetProblems: problems }).workbook, EMPTY_SETTINGS);
    expect(outcome).toEqual({ kind: 'problems', sheetName: 'Case Input', problems });
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

  test('a file that is not JSON, or not a valid case, writes nothing', async () => {
    const fake = fakeWorkbook();
    const notJson = await importCase(fake.workbook, '{ "caseId": ');
    expect(notJson.ok).toBe(false);
    const typo = await importCase(fake.workbook, JSON.stringify({ ...sample, lon: {} }));
    expect(typo).toEqual({ ok: false, problems: [{ cell: '', field: 'lon', message: 'unknown field "lon"; did you mean "loan"?' }] });
    expect(fake.names()).toEqual([]);
  });

  test('import writes over the existing Case Input sheet, or creates one', async () => {
    const existing = fakeWorkbook();
    expect(await importCase(existing.workbook, JSON.stringify(sample))).toEqual({ ok: true, sheetName: 'Case Input', caseId: 'WB-2025-0101' });
    expect(existing.names()).toEqual(['findCaseInputSheet', 'writeCaseToInputSheet']);
    const none = fakeWorkbook({ sheet: null });
    expect(await importCase(none.workbook, JSON.stringify(sample))).toEqual({ ok: true, sheetName: 'Case Input (2)', caseId: 'WB-2025-0101' });
    expect(none.names()).toEqual(['findCaseInputSheet', 'createCaseInputSheet']);
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
    const problems = [{ cell: "'Case Input'!B5", field: 'caseId', message: 'required' }];
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
    expect(await buildSummary(fake.workbook, { loanCase, evaluation }, 'J. Doe', ask)).toEqual({ kind: 'built', sheetName: 'Case Summary WB-2025-0101', syncs: 4, replaced: false });
    expect(ask).not.toHaveBeenCalled();
    expect(fake.calls[1].args[2]).toEqual({ replaceExisting: false, preparer: 'J. Doe' });
  });

  test('an existing summary is replaced only when the user says Replace', async () => {
    const fake = fakeWorkbook({ existingSummary: 'Case Summary WB-2025-0101' });
    const outcome = await buildSummary(fake.workbook, { loanCase, evaluation }, '', async () => 'replace');
    expect(outcome).toMatchObject({ kind: 'built', replaced: true });
    expect(fake.calls[1].args[2]).toEqual({ replaceExisting: true });
  });

  test('Keep both builds a new sheet; Cancel builds nothing', async () => {
    const keep = fakeWorkbook({ existingSummary: 'Case Summary WB-2025-0101' });
    await buildSummary(keep.workbook, { loanCase, evaluation }, '', async () => 'keepBoth');
    expect(keep.calls[1].args[2]).toEqual({ replaceExisting: false });
    const cancel = fakeWorkbook({ existingSummary: 'Case Summary WB-2025-0101' });
    expect(await buildSummary(cancel.workbook, { loanCase, evaluation }, '', async () => 'cancel')).toEqual({ kind: 'cancelled', existing: 'Case Summary WB-2025-0101' });
    expect(cancel.names()).toEqual(['findSummarySheet']);
  });
});
