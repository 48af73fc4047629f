/**
 * The workbook actions through the in-memory Excel host: the Case Summary (values, native
 * formulas recomputed by HyperFormula, round trips, naming), the Case Input round trip and its
 * problems, the case register, the settings.
 */
import { evaluateParsedCase } from '../../src/engine/evaluate';
import { parseCase } from '../../src/engine/case/parse';
import type { LoanCase } from '../../src/engine/case/types';
import type { Evaluation, ModificationResult, OptionResult } from '../../src/engine/results';
import {
  activateSheet,
  buildCaseSummary,
  createCaseSheet,
  findSummarySheet,
  inspectSummary,
  listCases,
  loadSettings,
  readCaseFromInputSheet,
  replaceCaseSheet,
  saveSettings,
  selectCell,
} from '../../src/excel/workbookActions';
import { PLACED_FIELDS } from '../../src/summary/caseInputLayout';
import { SUMMARY_PRINT_SCALE, caseSummaryPlan } from '../../src/summary/caseSummaryPlan';
import { installGlobals, type InMemoryExcel } from '../../src/workbench/excelHost';
import { FIXTURE_CASE, FIXTURE_CASE_JSON, FIXTURE_FIGURES } from '../summary/fixtures';

let host: InMemoryExcel;
beforeEach(() => {
  host = installGlobals(globalThis);
});

const cellOf = (sheet: string, address: string) => host.getSheetSnapshot(sheet)!.cells[address];
const fieldCell = (path: string) => `B${PLACED_FIELDS.find((f) => f.path === path)!.row + 1}`;

describe('Case Summary', () => {
  const evaluation = evaluateParsedCase(FIXTURE_CASE);
  const anchors = caseSummaryPlan(evaluation, FIXTURE_CASE, { sheetName: 'x' }).anchors;

  test('native formulas recomputed by HyperFormula equal the hand figures and the engine', async () => {
    const { sheetName, syncs } = await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: false, preparer: 'A. Specialist' });
    expect(sheetName).toBe('Case Summary 2025-001843');
    expect(syncs).toBeLessThanOrEqual(3);
    const value = (address: string) => cellOf(sheetName, address).value as number;
    expect(cellOf(sheetName, anchors.frontEndDti).formula).toMatch(/^=IF\(/);
    expect(value(anchors.grossMonthlyIncome)).toBeCloseTo(FIXTURE_FIGURES.grossMonthlyIncome, 2);
    expect(value(anchors.housingExpense)).toBeCloseTo(FIXTURE_FIGURES.housingExpense, 2);
    expect(value(anchors.otherDebts)).toBeCloseTo(FIXTURE_FIGURES.otherDebts, 2);
    expect(value(anchors.frontEndDti)).toBeCloseTo(FIXTURE_FIGURES.frontEndDti, 8);
    expect(value(anchors.backEndDti)).toBeCloseTo(FIXTURE_FIGURES.backEndDti, 8);
    expect(value(anchors.surplusIncome)).toBeCloseTo(FIXTURE_FIGURES.surplusIncome, 2);
    expect(value(anchors.totalArrears)).toBeCloseTo(FIXTURE_FIGURES.totalArrears, 2);
    expect(value(anchors.currentPayment)).toBeCloseTo(FIXTURE_FIGURES.currentPayment, 2);
    // The engine's ratios are rounded to 4 decimals: the sheet's formulas agree within that rounding.
    expect(Math.abs(value(anchors.frontEndDti) - evaluation.affordability.frontEndDti!)).toBeLessThanOrEqual(0.00005);
    expect(Math.abs(value(anchors.backEndDti) - evaluation.affordability.backEndDti!)).toBeLessThanOrEqual(0.00005);
    expect(value(anchors.surplusIncome)).toBeCloseTo(evaluation.affordability.surplusIncome!, 2);
  });

  test('formulas follow an edit of the lines above', async () => {
    const { sheetName } = await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: false });
    const incomeRow = Number(anchors.grossMonthlyIncome.replace(/\D/g, '')) - 3; // the first income line (header is 1 above it)
    // Wages 5,308.33 -> 6,000: gross 6,000 + 650 + 1,200 = 7,850; front-end 2,308.14 / 7,850.
    host.user.setCell(sheetName, `D${incomeRow}`, 6000);
    expect(cellOf(sheetName, anchors.grossMonthlyIncome).value).toBeCloseTo(7850, 6);
    expect(cellOf(sheetName, anchors.frontEndDti).value).toBeCloseTo(2308.14 / 7850, 10);
  });

  test('engine results are values; no LM. function anywhere; currency, percent and date formats', async () => {
    const { sheetName } = await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: false });
    const snapshot = host.getSheetSnapshot(sheetName)!;
    for (const cell of Object.values(snapshot.cells)) {
      if (cell.formula) expect(cell.formula).not.toMatch(/LM\./i);
      expect(String(cell.value)).not.toMatch(/^#(NAME|REF|VALUE|DIV)/);
    }
    const flex = evaluation.options['GSE-FLEX'] as ModificationResult;
    const row = anchors.optionRows['GSE-FLEX'];
    expect(snapshot.cells[`C${row}`]).toMatchObject({ value: flex.monthlyPayment, numberFormat: '$#,##0.00' });
    expect(snapshot.cells[`D${row}`].value).toBeCloseTo(flex.monthlyPayment - FIXTURE_FIGURES.currentPayment, 6);
    expect(snapshot.cells[`E${row}`]).toMatchObject({ value: flex.reductionPercent / 100, numberFormat: '0.00%' });
    expect(snapshot.cells[`F${row}`]).toMatchObject({ value: flex.rate, numberFormat: '0.000%' });
    const evalDateCell = Object.entries(snapshot.cells).find(([, c]) => c.value === 'Evaluation date')![0];
    expect(snapshot.cells[`B${evalDateCell.slice(1)}`]).toMatchObject({ text: '2025-10-15', numberFormat: 'yyyy-mm-dd' });
    const caseIdCell = Object.entries(snapshot.cells).find(([address, c]) => address.startsWith('A') && c.value === 'Case ID')![0];
    expect(snapshot.cells[`B${caseIdCell.slice(1)}`].text).toBe('2025-001843'); // case id stays text
    expect(snapshot.showGridlines).toBe(false);
    expect(snapshot.frozenRows).toBe(2);
    // Portrait Letter at a fixed scale, with a page break after page 1 (the decision).
    expect(snapshot.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: SUMMARY_PRINT_SCALE }, printTitleRows: '1:2', horizontalPageBreaks: [anchors.lastDecisionRow] });
    // The Decision cell carries the sheet's own LM_Decision (the Portfolio Review reads it).
    expect(snapshot.names.filter((n) => n.name === 'LM_Decision')).toEqual([
      expect.objectContaining({ scope: 'Worksheet', formula: `='Case Summary 2025-001843'!$${anchors.decision.replace(/(\d+)/, '$$$1')}` }),
    ]);
    expect(snapshot.validations.find((v) => v.address === anchors.decision)?.list).toEqual(['Approve', 'Decline', 'Return for rework']);
    expect(snapshot.charts).toHaveLength(1);
    expect(snapshot.charts[0].sourceAddress).toBe(`'Case Summary 2025-001843'!${anchors.chartData}`);
  });

  test('at most 3 round trips for a case with 30 options and 25 income lines', async () => {
    const base = evaluateParsedCase(FIXTURE_CASE);
    const template = base.options['GSE-FLEX'];
    const options: Record<string, OptionResult> = {};
    const waterfall: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = `OPTION-${i}`;
      options[id] = { ...template, program: id, label: `Option ${i}`, eligible: i % 2 === 0 } as OptionResult;
      waterfall.push(id);
    }
    const big: Evaluation = {
      ...base,
      waterfall,
      options,
      affordability: { ...base.affordability, incomeLines: Array.from({ length: 25 }, () => ({ type: 'WAGES', frequency: 'MONTHLY', amount: 100, monthlyAmount: 100, counted: true })) },
      recommendation: { program: 'OPTION-0', rationale: 'test' },
    };
    const bigCase: LoanCase = { ...FIXTURE_CASE, borrower: { ...FIXTURE_CASE.borrower, incomes: Array.from({ length: 25 }, () => ({ type: 'WAGES' as const, amount: 100, frequency: 'MONTHLY' as const })) } };
    const before = host.syncCount();
    const { sheetName, syncs } = await buildCaseSummary(big, bigCase, { replaceExisting: false });
    expect(syncs).toBeLessThanOrEqual(3);
    expect(host.syncCount() - before).toBe(syncs);
    const bigAnchors = caseSummaryPlan(big, bigCase, { sheetName }).anchors;
    expect(cellOf(sheetName, bigAnchors.grossMonthlyIncome).value).toBe(2500);
    expect(cellOf(sheetName, `A${bigAnchors.optionRows['OPTION-29']}`).value).toBe('Option 29');
  });

  test('building twice without replacing makes a second sheet; both survive and the first is still found', async () => {
    const first = await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: false });
    const second = await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: false });
    expect(second.sheetName).toBe('Case Summary 2025-001843 (2)');
    expect(host.sheetNames()).toEqual(expect.arrayContaining([first.sheetName, second.sheetName]));
    expect(await findSummarySheet('2025-001843')).toBe(first.sheetName);
    expect(await findSummarySheet('2099-000001')).toBeNull();
  });

  test('replaceExisting replaces the add-in\'s own summary in place, under the same name', async () => {
    await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: false, preparer: 'First' });
    const count = host.sheetNames().length;
    const again = await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: true, preparer: 'Second' });
    expect(again.sheetName).toBe('Case Summary 2025-001843');
    expect(again.syncs).toBeLessThanOrEqual(4);
    expect(host.sheetNames()).toHaveLength(count);
    const cells = Object.values(host.getSheetSnapshot(again.sheetName)!.cells).map((c) => c.value);
    expect(cells).toContain('Second');
    expect(cells).not.toContain('First');
    expect(await findSummarySheet('2025-001843')).toBe('Case Summary 2025-001843');
  });

  test("a user's own sheet named like a summary is never replaced, even with replaceExisting", async () => {
    host.user.addSheet('Case Summary 2025-001843');
    host.user.setCell('Case Summary 2025-001843', 'A1', 'my own notes');
    expect(await findSummarySheet('2025-001843')).toBeNull();
    const built = await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: true });
    expect(built.sheetName).toBe('Case Summary 2025-001843 (2)');
    expect(cellOf('Case Summary 2025-001843', 'A1').value).toBe('my own notes');
  });

  test('a renamed summary is still recognized as the add-in\'s', async () => {
    const { sheetName } = await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: false });
    host.user.renameSheet(sheetName, 'For the manager');
    expect(await findSummarySheet('2025-001843')).toBe('For the manager');
  });
});

describe('Replace keeps the manager\'s decision and names what would be lost', () => {
  const evaluation = evaluateParsedCase(FIXTURE_CASE);
  const rowOf = (sheet: string, label: string) => Object.entries(host.getSheetSnapshot(sheet)!.cells).filter(([a, c]) => a.startsWith('A') && c.value === label).pop()![0].slice(1);

  test('the approval block is carried into the replacement; other typed cells are named first', async () => {
    const { sheetName } = await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: false });
    expect(await inspectSummary('2025-001843')).toEqual({ sheetName, approval: {}, editedCells: [] });
    host.user.setCell(sheetName, `B${rowOf(sheetName, 'Decision')}`, 'Decline');
    host.user.setCell(sheetName, `B${rowOf(sheetName, 'Reviewer')}`, 'M. Manager');
    host.user.setCell(sheetName, `B${rowOf(sheetName, 'Comments')}`, 'Income not verified');
    host.user.setCell(sheetName, 'J3', 'call borrower Monday'); // a note typed beside the summary
    const loanNumberRow = rowOf(sheetName, 'Loan number');
    host.user.setCell(sheetName, `B${loanNumberRow}`, 'edited');
    const inspected = await inspectSummary('2025-001843');
    expect(inspected!.approval).toEqual({ Decision: 'Decline', Reviewer: 'M. Manager', Comments: 'Income not verified' });
    expect(inspected!.editedCells).toEqual([`J3 (1. Decision)`, `B${loanNumberRow} (Loan number)`]);

    const again = await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: true });
    expect(again.carried).toEqual({ Decision: 'Decline', Reviewer: 'M. Manager', Comments: 'Income not verified' });
    expect(cellOf(sheetName, `B${rowOf(sheetName, 'Decision')}`).value).toBe('Decline');
    expect(cellOf(sheetName, `B${rowOf(sheetName, 'Reviewer')}`).value).toBe('M. Manager');
    expect(cellOf(sheetName, `B${rowOf(sheetName, 'Comments')}`).value).toBe('Income not verified');
    // The new summary's own fingerprint: nothing typed into it yet beyond the carried block.
    expect((await inspectSummary('2025-001843'))!.editedCells).toEqual([]);
  });

  test('a summary without a fingerprint (older version) says edits cannot be told', async () => {
    await buildCaseSummary(evaluation, FIXTURE_CASE, { replaceExisting: false });
    for (const key of [...host.workbook.settings.keys()]) host.workbook.settings.delete(key);
    expect((await inspectSummary('2025-001843'))!.editedCells).toBeNull();
  });
});

describe('case sheets', () => {
  test('a new case sheet is named after its case ID, unique whatever the case of the letters', async () => {
    host.user.addSheet('case 2025-001843'); // the user's own sheet, named alike
    const { sheetName } = await createCaseSheet({ caseJson: FIXTURE_CASE_JSON });
    expect(sheetName).toBe('Case 2025-001843 (2)');
    const long = await createCaseSheet({ caseJson: { ...FIXTURE_CASE_JSON, caseId: 'A-VERY-LONG-CASE-ID-0123456789-XYZ' } });
    expect(long.sheetName.length).toBeLessThanOrEqual(31);
    expect((await createCaseSheet()).sheetName).toBe('New case');
  });

  test('the register lists every case with its investor and summary status; the active one is known', async () => {
    const first = await createCaseSheet({ caseJson: FIXTURE_CASE_JSON });
    const second = await createCaseSheet({ caseJson: { ...FIXTURE_CASE_JSON, caseId: 'B-2', investor: 'FHA' } });
    const { sheetName: summary } = await buildCaseSummary(evaluateParsedCase(FIXTURE_CASE), FIXTURE_CASE, { replaceExisting: false });
    let list = await listCases();
    expect(list.cases).toEqual([
      { sheetName: first.sheetName, caseId: '2025-001843', investor: 'Freddie Mac', summarySheet: summary, decision: '' },
      { sheetName: second.sheetName, caseId: 'B-2', investor: 'FHA', summarySheet: null, decision: '' },
    ]);
    expect(list.activeCase).toBe(first.sheetName); // on its summary: that case
    const decisionRow = Object.entries(host.getSheetSnapshot(summary)!.cells).find(([a, c]) => a.startsWith('A') && c.value === 'Decision')![0].slice(1);
    host.user.setCell(summary, `B${decisionRow}`, 'Approve');
    await activateSheet('Sheet1');
    expect((await listCases()).activeCase).toBeNull();
    await activateSheet(second.sheetName);
    list = await listCases();
    expect(list.activeCase).toBe(second.sheetName);
    expect(list.cases[0].decision).toBe('Approve');
  });

  test("a user's sheet named like a case is not a case: not listed, not read", async () => {
    host.user.addSheet('Case Input');
    host.user.setCell('Case Input', 'B5', 'mine');
    expect((await listCases()).cases).toEqual([]);
    const read = await readCaseFromInputSheet('Case Input');
    expect(read).toMatchObject({ ok: false, problems: [expect.objectContaining({ field: '(sheet)', message: expect.stringMatching(/not a case sheet made by the add-in/) })] });
    await expect(replaceCaseSheet('Case Input', FIXTURE_CASE_JSON)).rejects.toThrow(/not a case sheet the add-in made/);
    expect(cellOf('Case Input', 'B5').value).toBe('mine');
  });

  test('a blank case sheet reads as an empty case (the pane then lists only what is required)', async () => {
    const { sheetName } = await createCaseSheet();
    const read = await readCaseFromInputSheet(sheetName);
    expect(read.ok).toBe(false);
    expect(read.caseJson).toEqual({});
  });

  test('clicking a problem selects its cell', async () => {
    const { sheetName } = await createCaseSheet({ caseJson: FIXTURE_CASE_JSON });
    await activateSheet('Sheet1');
    await selectCell(`'${sheetName}'!B9`);
    expect(host.workbook.sheetById(host.workbook.activeSheetId!)!.name).toBe(sheetName);
  });
});

describe('Case Input', () => {
  test('a new case sheet has the key defined names (scoped to it), validation lists, tables and one input fill', async () => {
    const { sheetName } = await createCaseSheet();
    expect(sheetName).toBe('New case');
    const snapshot = host.getSheetSnapshot(sheetName)!;
    const names = Object.fromEntries(snapshot.names.filter((n) => n.scope === 'Worksheet').map((n) => [n.name, n.formula]));
    expect(names.LM_UPB).toBe(`='New case'!$${fieldCell('loan.upb').replace(/(\d+)/, '$$$1')}`);
    for (const name of ['LM_Rate', 'LM_RemainingTerm', 'LM_ContractualPI', 'LM_PropertyValue', 'LM_ModificationRate', 'LM_PMMS', 'LM_MonthlyEscrow']) expect(names[name]).toBeDefined();
    expect(snapshot.tables.map((t) => t.name)).toEqual(['LM_BorrowerNames', 'LM_Incomes', 'LM_Debts', 'LM_HousingExpenses']);
    expect(snapshot.validations.find((v) => v.address === fieldCell('investor'))?.list).toEqual(['Fannie Mae', 'Freddie Mac', 'FHA', 'VA', 'USDA', 'Portfolio']);
    expect(snapshot.validations.find((v) => v.address === fieldCell('borrower.hardship'))?.list).toContain('Reduction in income');
    const fills = new Set(PLACED_FIELDS.map((f) => snapshot.cells[`B${f.row + 1}`].style.fill));
    expect(fills.size).toBe(1);
  });

  test('a second case sheet gets a new name, its own sheet-scoped names and suffixed tables', async () => {
    await createCaseSheet();
    const second = await createCaseSheet();
    expect(second.sheetName).toBe('New case (2)');
    const names = host.getSheetSnapshot('New case (2)')!.names.filter((n) => n.name === 'LM_UPB');
    expect(names).toEqual([expect.objectContaining({ scope: 'Worksheet', formula: expect.stringContaining("'New case (2)'!") })]);
    expect(host.getSheetSnapshot('New case (2)')!.tables.map((t) => t.name)).toContain('LM_Incomes_2');
  });

  test('round trip: a case written to the sheet reads back as the same case', async () => {
    const { sheetName } = await createCaseSheet({ caseJson: FIXTURE_CASE_JSON });
    const read = await readCaseFromInputSheet(sheetName);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const again = parseCase(read.caseJson);
    const original = parseCase(FIXTURE_CASE_JSON);
    expect(again.ok && original.ok).toBe(true);
    if (again.ok && original.ok) expect(again.case).toEqual(original.case);
    expect(cellOf(sheetName, fieldCell('loan.loanNumber')).value).toBe('0012345678'); // leading zeros kept
    // Lists show plain English, read back as the case format.
    expect(cellOf(sheetName, fieldCell('investor')).value).toBe('Freddie Mac');
    expect(cellOf(sheetName, fieldCell('borrower.hardship')).value).toBe('Reduction in income');
  });

  test('import replacing a case rebuilds the sheet whole, under the same name and place; other sheets untouched', async () => {
    const { sheetName } = await createCaseSheet({ caseJson: FIXTURE_CASE_JSON });
    host.user.setCell('Sheet1', 'D3', 'my note');
    const position = host.sheetNames().indexOf(sheetName);
    const fewer = { ...FIXTURE_CASE_JSON, borrower: { ...FIXTURE_CASE_JSON.borrower, incomes: [{ type: 'PENSION' as const, amount: 900, frequency: 'MONTHLY' as const }], debts: [] } };
    const before = host.syncCount();
    const replaced = await replaceCaseSheet(sheetName, fewer);
    expect(host.syncCount() - before).toBeLessThanOrEqual(4);
    expect(replaced.sheetName).toBe(sheetName);
    expect(host.sheetNames().indexOf(sheetName)).toBe(position);
    const read = await readCaseFromInputSheet(sheetName);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.caseJson.borrower?.incomes).toEqual([{ type: 'PENSION', amount: 900, frequency: 'MONTHLY' }]);
    expect(read.caseJson.borrower?.debts).toBeUndefined();
    expect(host.getSheetSnapshot(sheetName)!.names.find((n) => n.name === 'LM_UPB')).toBeDefined();
    expect(cellOf('Sheet1', 'D3').value).toBe('my note');
    expect((await listCases()).cases).toHaveLength(1);
    // Only the sheet's own tables exist: nothing was cleared down to row 1,048,576.
    expect(host.getSheetSnapshot(sheetName)!.usedRange).not.toMatch(/1048576/);
  });

  test('reading a bad Case Input reports every problem at once, each with its cell', async () => {
    const { sheetName } = await createCaseSheet({ caseJson: FIXTURE_CASE_JSON });
    host.user.setCell(sheetName, fieldCell('loan.rate'), 4.75); // a percent typed as a number
    host.user.setCell(sheetName, fieldCell('loan.upb'), 'about 350k');
    host.user.setCell(sheetName, fieldCell('investor'), 'GINNIE');
    host.user.setCell(sheetName, fieldCell('evaluationDate'), '15/10/2025');
    host.user.setCell(sheetName, fieldCell('caseId'), null);
    host.user.setCell(sheetName, 'I7', 'FORTNIGHTLY'); // frequency of the second income line (table body starts on row 6)
    const read = await readCaseFromInputSheet(sheetName);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const byCell = Object.fromEntries(read.problems.map((p) => [p.cell, p]));
    const at = (path: string) => byCell[`'${sheetName}'!${fieldCell(path)}`];
    expect(at('loan.rate').message).toBe('Interest rate 4.75 looks like a percent: enter 4.75% or 0.0475');
    expect(at('loan.upb').message).toMatch(/not an amount in dollars/);
    expect(at('investor').message).toMatch(/GINNIE.*Fannie Mae, Freddie Mac/);
    expect(at('evaluationDate').message).toMatch(/YYYY-MM-DD/);
    expect(at('caseId')).toMatchObject({ field: 'caseId' }); // required: reported by parseCase, mapped to its cell
    expect(byCell[`'${sheetName}'!I7`]).toMatchObject({ field: 'borrower.incomes[1].frequency' });
    expect(read.problems).toHaveLength(6);
  });

});

describe('settings', () => {
  test('saved on a hidden sheet and loaded back', async () => {
    expect(await loadSettings()).toEqual({ settings: { modificationRate: null, pmms: null, preparer: '', rulebookOverrides: {} }, problems: [], sheetName: null });
    const settings = { modificationRate: 0.065, pmms: 0.0625, preparer: 'A. Specialist', rulebookOverrides: { 'PORTFOLIO-MOD': { targetDti: 0.31 } } };
    await saveSettings(settings);
    expect((await loadSettings()).settings).toEqual(settings);
    expect(host.getSheetSnapshot('LM Settings')!.visibility).toBe('Hidden');
    await saveSettings({ ...settings, pmms: null });
    expect((await loadSettings()).settings.pmms).toBeNull();
  });

  test('a sheet the user named "LM Settings" is neither read as settings nor overwritten', async () => {
    host.user.addSheet('LM Settings');
    host.user.setCell('LM Settings', 'B2', 0.5);
    host.user.setCell('LM Settings', 'B5', 'my text');
    expect(await loadSettings()).toEqual(expect.objectContaining({ sheetName: null, problems: [] }));
    const saved = await saveSettings({ modificationRate: 0.065, pmms: null, preparer: '', rulebookOverrides: {} });
    expect(saved.sheetName).toBe('LM Settings (2)');
    expect(cellOf('LM Settings', 'B2').value).toBe(0.5);
    expect(cellOf('LM Settings', 'B5').value).toBe('my text');
    expect((await loadSettings()).settings.modificationRate).toBe(0.065);
  });

  test('settings typed wrong on the sheet are refused with a message pointing at the settings, never used', async () => {
    const { sheetName } = await saveSettings({ modificationRate: 0.065, pmms: 0.0625, preparer: '', rulebookOverrides: {} });
    host.user.setCell(sheetName, 'B3', 62.5); // a PMMS typed as a percent number
    host.user.setCell(sheetName, 'B5', '{"GSE-FLEX": {"forbearanceCapOfUpb": 5}, "GSE-FLX": {}}');
    const loaded = await loadSettings();
    expect(loaded.settings.pmms).toBeNull();
    expect(loaded.settings.rulebookOverrides).toEqual({});
    const messages = loaded.problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/PMMS rate 62.5 looks like a percent.*open Settings/);
    expect(messages).toMatch(/GSE-FLEX\.forbearanceCapOfUpb: must be at most 0\.5: 5 looks like a percent/);
    expect(messages).toMatch(/unknown rulebook "GSE-FLX"; did you mean "GSE-FLEX"/);
    host.user.setCell(sheetName, 'B5', '{ not json');
    expect((await loadSettings()).problems.map((p) => p.message).join(' ')).toMatch(/not valid JSON/);
  });
});
