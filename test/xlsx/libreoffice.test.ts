/**
 * A second, real spreadsheet application checks our sheets (issue 10): the standard Case Summary
 * workbook that `lm summary --xlsx` writes is recalculated by LibreOffice Calc (headless, every
 * formula recalculated on load), read back, and compared with the engine:
 *
 * - every formula cell of the Case Summary equals the engine's figure at the precision the sheet
 *   shows (cents; ratios to RATIO_DECIMALS), and every other cell of both sheets keeps its value;
 * - a copy whose cached results are all wrong comes back right: LibreOffice really recalculated;
 * - after an income amount and a housing expense are edited in the file (before recalculation),
 *   the formulas agree with the engine evaluated on the edited case;
 * - the Case Input sheet, as LibreOffice saved it, reads back as the same case.
 *
 * It covers the example case of every investor (examples/*.json) and two edges of the sheet
 * (housing expense from the escrow, no income at all). Files go to os.tmpdir(), with a fresh
 * LibreOffice profile per run; the soffice run is time-boxed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { RATIO_DECIMALS } from '../../src/engine/affordability';
import { parseCase } from '../../src/engine/case/parse';
import { caseToJson } from '../../src/engine/case/serialize';
import type { CaseInput, LoanCase } from '../../src/engine/case/types';
import { evaluateParsedCase } from '../../src/engine/evaluate';
import type { Evaluation } from '../../src/engine/results';
import { caseFromInputValues } from '../../src/summary/caseInputRead';
import { FORMATS, cellAddress, parseCellAddress, type CellValue, type PlannedCell, type SheetPlan } from '../../src/summary/sheetPlan';
import { CHART_NOTE, caseWorkbook, caseWorkbookBytes, caseWorkbookPlans, type CaseWorkbookPlans } from '../../src/xlsx/caseWorkbook';
import { INSTALL_HINT, findSoffice, recalculateWithLibreOffice } from '../support/libreOffice';
import { formulaOf, valueAt, type SheetValue } from '../support/xlsxCells';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
/** One soffice run converts every file; a cold start plus ~1 s a file fits well inside this. */
const LIBREOFFICE_TIMEOUT_MS = 240_000;
/** A cached result no formula of these cases can have: it must not survive recalculation. */
const POISON = -987654.32;
const INCOME_EDIT = 250.37;
const HOUSING_EDIT = 41.13;

interface Variant {
  name: string;
  loanCase: LoanCase;
  evaluation: Evaluation;
  plans: CaseWorkbookPlans;
  edit: Edit;
  edited: { loanCase: LoanCase; evaluation: Evaluation };
}

/** Cells of the Case Summary edited in the file, and the same edits on the case. */
interface Edit {
  cells: { address: string; value: number }[];
  apply(caseJson: CaseInput): void;
}

function evaluate(caseJson: unknown): { loanCase: LoanCase; evaluation: Evaluation } {
  const parsed = parseCase(caseJson);
  if (!parsed.ok) throw new Error(`invalid test case: ${parsed.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  return { loanCase: parsed.case, evaluation: evaluateParsedCase(parsed.case, {}, parsed.warnings) };
}

function cellWithValue(plan: SheetPlan, column: string, value: string): PlannedCell | undefined {
  return plan.cells.find((c) => c.value === value && c.address.replace(/\d+$/, '') === column);
}

/** Income line 1's amount (column C of the first monthly conversion) and one housing expense line, +cents. */
function editFor(plans: CaseWorkbookPlans, loanCase: LoanCase): Edit {
  const summary = plans.caseSummary;
  const cells: Edit['cells'] = [];
  const steps: ((caseJson: CaseInput) => void)[] = [];
  const conversion = summary.cells.find((c) => /^=C(\d+)\*\d+\/\d+$/.test(c.formula ?? ''));
  if (conversion) {
    const row = /^=C(\d+)/.exec(conversion.formula as string)![1];
    const amount = loanCase.borrower.incomes[0].amount;
    cells.push({ address: `C${row}`, value: new Decimal(amount).plus(INCOME_EDIT).toNumber() });
    steps.push((c) => {
      c.borrower!.incomes![0]!.amount = new Decimal(amount).plus(INCOME_EDIT).toNumber();
    });
  }
  const taxes = cellWithValue(summary, 'A', 'Property taxes');
  const escrow = cellWithValue(summary, 'A', 'Monthly escrow (stands for taxes and insurance)');
  const line = taxes ?? escrow;
  if (!line) throw new Error('no housing expense line to edit');
  const row = parseCellAddress(line.address).row + 1;
  const before = taxes ? loanCase.borrower.housingExpenses.taxes : loanCase.loan.monthlyEscrow;
  const after = new Decimal(before).plus(HOUSING_EDIT).toNumber();
  cells.push({ address: `D${row}`, value: after });
  steps.push((c) => {
    if (taxes) c.borrower!.housingExpenses = { ...c.borrower!.housingExpenses, taxes: after };
    else c.loan!.monthlyEscrow = after;
  });
  return { cells, apply: (c) => steps.forEach((step) => step(c)) };
}

function variant(name: string, caseJson: unknown): Variant {
  const { loanCase, evaluation } = evaluate(caseJson);
  const plans = caseWorkbookPlans(loanCase, evaluation);
  const edit = editFor(plans, loanCase);
  const editedJson = caseToJson(loanCase);
  edit.apply(editedJson);
  return { name, loanCase, evaluation, plans, edit, edited: evaluate(editedJson) };
}

function variants(): Variant[] {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
  const list = files.map((file) => variant(file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'))));
  const base = JSON.parse(readFileSync(join(EXAMPLES, 'fannie-flex.json'), 'utf8')) as CaseInput;
  // No itemized housing expense: the escrow stands for taxes and insurance (the summary's ESCROW lines).
  const escrowBasis = structuredClone(base);
  escrowBasis.borrower!.housingExpenses = {};
  list.push(variant('edge-escrow-basis', escrowBasis));
  // No income: gross income 0, ratios and surplus "n/a" (the engine: null).
  const noIncome = structuredClone(base);
  noIncome.borrower!.incomes = [];
  list.push(variant('edge-no-income', noIncome));
  return list;
}

/** Decimals the sheet shows a figure to: cents for money, RATIO_DECIMALS for percentages (0.00% of a fraction). */
function precisionOf(numberFormat: string | undefined): number | null {
  if (numberFormat === FORMATS.currency) return 2;
  if (numberFormat === FORMATS.percent) return RATIO_DECIMALS;
  return null;
}

/** LibreOffice's value at the sheet's precision (half-up, after removing binary noise) against the engine's figure. */
function agrees(sheet: SheetValue, engine: CellValue, numberFormat: string | undefined): boolean {
  if (typeof engine !== 'number') return sheet === engine;
  if (typeof sheet !== 'number') return false;
  const decimals = precisionOf(numberFormat);
  if (decimals === null) return Math.abs(sheet - engine) < 1e-9;
  const shown = new Decimal(sheet).toDecimalPlaces(9, Decimal.ROUND_HALF_UP).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  return shown.equals(new Decimal(engine));
}

/** Plain cells of a plan, tables' headers and bodies included (what the sheet must still hold). */
function plainCells(plan: SheetPlan): { address: string; value: CellValue }[] {
  const cells: { address: string; value: CellValue }[] = plan.cells.filter((c) => !c.formula).map((c) => ({ address: c.address, value: c.value ?? null }));
  for (const table of plan.tables) {
    const origin = parseCellAddress(table.headerAddress.split(':')[0]);
    table.headers.forEach((header, c) => cells.push({ address: cellAddress(origin.row, origin.column + c), value: header }));
    table.rows.forEach((row, r) => row.forEach((value, c) => cells.push({ address: cellAddress(origin.row + 1 + r, origin.column + c), value })));
  }
  return cells;
}

function sameValue(sheet: SheetValue, planned: CellValue): boolean {
  if (planned === null || planned === '') return sheet === null;
  if (typeof planned === 'number') return typeof sheet === 'number' && Math.abs(sheet - planned) <= Math.abs(planned) * 1e-14;
  return sheet === planned;
}

/** The engine's figures for the anchors of the Case Summary, straight from the evaluation (not from the plan). */
function anchorFigures(plans: CaseWorkbookPlans, evaluation: Evaluation): { address: string; figure: CellValue; format: string }[] {
  const a = evaluation.affordability;
  const anchors = plans.caseSummary.anchors;
  const hasIncome = (a.grossMonthlyIncome ?? 0) > 0;
  const figures = [
    { address: anchors.grossMonthlyIncome, figure: a.grossMonthlyIncome ?? 0, format: FORMATS.currency },
    { address: anchors.housingExpense, figure: a.housingExpense, format: FORMATS.currency },
    { address: anchors.otherDebts, figure: a.otherDebtPayments, format: FORMATS.currency },
    { address: anchors.frontEndDti, figure: hasIncome ? a.frontEndDti : 'n/a', format: FORMATS.percent },
    { address: anchors.backEndDti, figure: hasIncome ? a.backEndDti : 'n/a', format: FORMATS.percent },
    { address: anchors.surplusIncome, figure: hasIncome ? a.surplusIncome : 'n/a', format: FORMATS.currency },
  ];
  // Page 1 shows some of these figures by a reference ("=D120"): those cells follow the edits too.
  const references = plans.caseSummary.cells.flatMap((cell) => {
    const source = figures.find((f) => cell.formula === `=${f.address}`);
    return source ? [{ ...source, address: cell.address }] : [];
  });
  return [...figures, ...references];
}

/** The monthly conversion cells of the income lines, with the engine's monthly amount of each line. */
function incomeLineFigures(plans: CaseWorkbookPlans, evaluation: Evaluation): { address: string; figure: CellValue; format: string }[] {
  const conversions = plans.caseSummary.cells.filter((c) => /^=C\d+\*\d+\/\d+$/.test(c.formula ?? ''));
  expect(conversions).toHaveLength(evaluation.affordability.incomeLines.length);
  return conversions.map((c, i) => ({ address: c.address, figure: evaluation.affordability.incomeLines[i].monthlyAmount, format: FORMATS.currency }));
}

function poisoned(plans: CaseWorkbookPlans): CaseWorkbookPlans {
  const copy = structuredClone(plans);
  for (const cell of copy.caseSummary.cells) if (cell.formula) cell.cachedResult = POISON;
  return copy;
}

const soffice = findSoffice();
const work = mkdtempSync(join(tmpdir(), 'lm-xlsx-libreoffice-'));
const cases = variants();
const converted = new Map<string, string>();
const figures = { files: 0, cellsChecked: 0, formulaCellsCompared: 0, disagreements: 0, elapsedMs: 0 };

beforeAll(async () => {
  if (!soffice) throw new Error(INSTALL_HINT);
  const inputs: string[] = [];
  for (const v of cases) {
    // As `lm summary --xlsx` writes it: cached results are the engine's figures.
    const asWritten = join(work, `${v.name}.xlsx`);
    writeFileSync(asWritten, await caseWorkbookBytes(v.loanCase, v.evaluation));
    // Every cached result wrong: only a recalculation gives the right figures back.
    const wrong = join(work, `${v.name}-wrong-cache.xlsx`);
    writeFileSync(wrong, new Uint8Array((await caseWorkbook(poisoned(v.plans)).xlsx.writeBuffer()) as ArrayBuffer));
    // The file as written, with two input cells edited (their dependants' cached results now stale).
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(asWritten);
    const sheet = book.getWorksheet(v.plans.caseSummary.sheetName)!;
    for (const cell of v.edit.cells) sheet.getCell(cell.address).value = cell.value;
    const edited = join(work, `${v.name}-edited.xlsx`);
    await book.xlsx.writeFile(edited);
    inputs.push(asWritten, wrong, edited);
  }
  const run = await recalculateWithLibreOffice(soffice, inputs, join(work, 'recalculated'), work, LIBREOFFICE_TIMEOUT_MS);
  for (const [input, output] of run.outputs) converted.set(input, output);
  figures.files = inputs.length;
  figures.elapsedMs = run.elapsedMs;
}, LIBREOFFICE_TIMEOUT_MS + 60_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (figures.files > 0) {
    console.log(
      `LibreOffice: ${figures.files} files in ${(figures.elapsedMs / 1000).toFixed(1)} s (${(figures.elapsedMs / figures.files / 1000).toFixed(2)} s a file); ` +
        `${figures.cellsChecked} cells checked; ${cases.reduce((n, v) => n + v.plans.caseSummary.cells.filter((c) => c.formula).length, 0)} formula cells in ${cases.length} summaries, ` +
        `${figures.formulaCellsCompared} comparisons with the engine (3 files each, anchors twice), ${figures.disagreements} disagreements`,
    );
  }
});

async function recalculated(file: string): Promise<ExcelJS.Workbook> {
  const output = converted.get(join(work, file));
  if (!output) throw new Error(`LibreOffice did not convert ${file}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(output);
  return book;
}

function compareFormula(sheet: ExcelJS.Worksheet, address: string, figure: CellValue, format: string | undefined, problems: string[], context: string): void {
  figures.formulaCellsCompared++;
  const value = valueAt(sheet, address);
  if (!agrees(value, figure, format)) {
    figures.disagreements++;
    problems.push(`${context} ${address}: LibreOffice ${JSON.stringify(value)}, engine ${JSON.stringify(figure)}`);
  }
}

describe.each(cases.map((v) => [v.name, v] as const))('%s', (name, v) => {
  const summary = v.plans.caseSummary;
  const formulaCells = summary.cells.filter((c) => c.formula);

  test.each(['', '-wrong-cache'])('recalculated%s: every formula equals the engine figure, every other cell keeps its value', async (suffix) => {
    const book = await recalculated(`${name}${suffix}.xlsx`);
    const sheet = book.getWorksheet(summary.sheetName)!;
    const problems: string[] = [];
    expect(formulaCells.length).toBeGreaterThan(0);
    for (const cell of formulaCells) {
      expect(formulaOf(sheet, cell.address)).toBe(cell.formula!.slice(1));
      expect(cell.cachedResult).not.toBeUndefined(); // the engine has a figure for every formula of the summary
      compareFormula(sheet, cell.address, cell.cachedResult!, cell.numberFormat, problems, name + suffix);
    }
    // The same figures taken from the evaluation itself, not from the plan.
    for (const { address, figure, format } of [...anchorFigures(v.plans, v.evaluation), ...incomeLineFigures(v.plans, v.evaluation)]) {
      compareFormula(sheet, address, figure, format, problems, `${name}${suffix} (evaluation)`);
    }
    for (const cell of plainCells(summary)) {
      figures.cellsChecked++;
      if (!sameValue(valueAt(sheet, cell.address), cell.value)) problems.push(`${cell.address}: ${JSON.stringify(valueAt(sheet, cell.address))} instead of ${JSON.stringify(cell.value)}`);
    }
    figures.cellsChecked += formulaCells.length;
    if (summary.charts.length > 0) expect(valueAt(sheet, summary.charts[0].topLeft)).toBe(CHART_NOTE);
    expect(problems).toEqual([]);
  });

  test('edited before recalculation: the formulas agree with the engine on the edited case', async () => {
    const book = await recalculated(`${name}-edited.xlsx`);
    const sheet = book.getWorksheet(summary.sheetName)!;
    const problems: string[] = [];
    for (const cell of v.edit.cells) expect(valueAt(sheet, cell.address)).toBe(cell.value);
    const followEdits = [...anchorFigures(v.plans, v.edited.evaluation), ...incomeLineFigures(v.plans, v.edited.evaluation)];
    const followed = new Set(followEdits.map((f) => f.address));
    for (const { address, figure, format } of followEdits) compareFormula(sheet, address, figure, format, problems, `${name} edited`);
    // The other formulas do not depend on the edited cells: still the unedited case's figures.
    for (const cell of formulaCells.filter((c) => !followed.has(c.address))) compareFormula(sheet, cell.address, cell.cachedResult!, cell.numberFormat, problems, `${name} edited`);
    figures.cellsChecked += formulaCells.length;
    expect(problems).toEqual([]);
    // The edits moved the figures: the test would see a recalculation that did not happen.
    expect(v.edited.evaluation.affordability.housingExpense).not.toBe(v.evaluation.affordability.housingExpense);
  });

  // Frozen rows and gridlines are view settings: a headless conversion has no view and writes
  // LibreOffice's defaults, so they cannot be checked this way (test/xlsx/caseWorkbook.test.ts checks the file).
  test('LibreOffice read the layout: orientation, fit or scale, print titles, tab colour, list validations, defined names, merges', async () => {
    const book = await recalculated(`${name}.xlsx`);
    for (const plan of [v.plans.caseInput, summary]) {
      const sheet = book.getWorksheet(plan.sheetName)!;
      expect(sheet.properties.tabColor).toEqual({ argb: `FF${plan.tabColor!.slice(1).toUpperCase()}` });
      // (LibreOffice writes fitToPage="true", which exceljs reads as false: only the page counts are compared.)
      if (plan.print.scale === undefined) expect(sheet.pageSetup).toMatchObject({ orientation: plan.print.orientation.toLowerCase(), fitToWidth: plan.print.fitToPagesWide, fitToHeight: 0 });
      else expect(sheet.pageSetup).toMatchObject({ orientation: plan.print.orientation.toLowerCase(), scale: plan.print.scale });
      expect(sheet.pageSetup.printTitlesRow?.replace(/\$/g, '')).toBe(plan.print.titleRows.replace(/\$/g, ''));
      const rules = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
      for (const validation of plan.validations) {
        const first = validation.address.split(':')[0];
        expect(rules[first]?.type).toBe('list');
        expect(rules[first]?.formulae[0]).toBe(`"${validation.list.join(',')}"`); // LibreOffice adds an unused formula2

      }
      const merged = (sheet as unknown as { _merges: Record<string, { range: string }> })._merges;
      expect(Object.values(merged).map((m) => m.range).sort()).toEqual([...plan.merges].sort());
    }
    const names = new Map(book.definedNames.model.map((n) => [n.name, n.ranges]));
    for (const name of v.plans.caseInput.names) expect(names.get(name.name)).toEqual([`'Case Input'!${name.address}`]);
  });

  test('the Case Input sheet, saved by LibreOffice, holds every planned cell and reads back as the same case', async () => {
    const book = await recalculated(`${name}.xlsx`);
    const sheet = book.getWorksheet(v.plans.caseInput.sheetName)!;
    const problems: string[] = [];
    for (const cell of plainCells(v.plans.caseInput)) {
      figures.cellsChecked++;
      if (!sameValue(valueAt(sheet, cell.address), cell.value)) problems.push(`${cell.address}: ${JSON.stringify(valueAt(sheet, cell.address))} instead of ${JSON.stringify(cell.value)}`);
    }
    expect(problems).toEqual([]);
    const read = caseFromInputValues((row, column) => valueAt(sheet, cellAddress(row, column)), sheet.rowCount);
    expect(read.problems).toEqual([]);
    const again = parseCase(read.caseJson);
    expect(again.ok && again.case).toEqual(v.loanCase);
  });
});
