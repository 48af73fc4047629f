/**
 * The .xlsx that `lm summary --xlsx` writes, read back with exceljs (no LibreOffice needed): the
 * sheets, formats, looks, widths, frozen rows, print settings, list validations, defined names,
 * tables, text kept as text and every formula's cached result.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseCase } from '../../src/engine/case/parse';
import type { CaseInput } from '../../src/engine/case/types';
import { evaluateParsedCase } from '../../src/engine/evaluate';
import { caseWorkbook, caseWorkbookBytes, caseWorkbookPlans } from '../../src/xlsx/caseWorkbook';
import { addPlanSheet, argb, cellContent, columnWidthInCharacters } from '../../src/xlsx/planSheet';
import { cellAddress, parseCellAddress } from '../../src/summary/sheetPlan';
import { sheetValue } from '../support/xlsxCells';

function cellsOf(range: string): string[] {
  const [first, last] = range.split(':');
  const from = parseCellAddress(first);
  const to = parseCellAddress(last ?? first);
  const cells: string[] = [];
  for (let r = from.row; r <= to.row; r++) for (let c = from.column; c <= to.column; c++) cells.push(cellAddress(r, c));
  return cells;
}

const example = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'fannie-flex.json'), 'utf8')) as CaseInput;

async function written(caseJson: CaseInput) {
  const parsed = parseCase(caseJson);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const evaluation = evaluateParsedCase(parsed.case, {}, parsed.warnings);
  const plans = caseWorkbookPlans(parsed.case, evaluation);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await caseWorkbookBytes(parsed.case, evaluation)) as unknown as ArrayBuffer);
  // exceljs does not read calcPr back: the flag is checked on the workbook as it is written.
  expect(caseWorkbook(plans).calcProperties.fullCalcOnLoad).toBe(true);
  return { book, plans, evaluation };
}

describe('column widths (ECMA-376 Part 1, 18.3.1.13: width = Truncate(pixels / 7 * 256) / 256 for Calibri 11)', () => {
  test("Excel's default column, 64 pixels (48 points), is stored as 9.140625", () => {
    expect(columnWidthInCharacters(48)).toBe(9.140625);
  });
  test('a 100-pixel column (75 points) is 14.28515625', () => {
    expect(columnWidthInCharacters(75)).toBe(Math.trunc((100 / 7) * 256) / 256);
  });
});

test('colours become opaque ARGB; anything but #RRGGBB is refused', () => {
  expect(argb('#1f3864')).toBe('FF1F3864');
  expect(() => argb('navy')).toThrow('not a #RRGGBB colour');
});

test('a formula keeps its cached result; a string that looks like a formula stays a string', () => {
  expect(cellContent({ formula: '=SUM(B1:B3)', cachedResult: 12.5 })).toEqual({ formula: 'SUM(B1:B3)', result: 12.5 });
  expect(cellContent({ formula: '=B1/B2' })).toEqual({ formula: 'B1/B2' });
  expect(cellContent({ value: '=SUM(A1)' })).toBe('=SUM(A1)');
  expect(cellContent({})).toBeNull();
});

describe('the Case Summary workbook of the Fannie Mae Flex example', () => {
  let result: Awaited<ReturnType<typeof written>>;
  beforeAll(async () => {
    // Text that a spreadsheet would turn into a formula, a number or a date if it were typed.
    const tricky = structuredClone(example);
    tricky.caseId = '2025-001843';
    tricky.borrower!.names = ['=HYPERLINK("http://x")', '+1 555 0100'];
    result = await written(tricky);
  });

  test('two sheets: Case Input, then the Case Summary (active), Excel recalculates on open', () => {
    const { book } = result;
    expect(book.worksheets.map((s) => s.name)).toEqual(['Case Input', 'Case Summary 2025-001843']);
    expect(book.views[0].activeTab).toBe(1);
    expect(book.creator).toMatch(/^LM Workbench /);
  });

  test('every planned cell: its value or formula (with the engine figure cached), number format and look', () => {
    const { book, plans } = result;
    for (const plan of [plans.caseInput, plans.caseSummary]) {
      const sheet = book.getWorksheet(plan.sheetName)!;
      for (const planned of plan.cells) {
        const cell = sheet.getCell(planned.address);
        if (planned.formula) {
          expect(cell.formula).toBe(planned.formula.slice(1));
          expect(cell.result).toBe(planned.cachedResult);
        } else {
          expect(sheetValue(cell.value)).toEqual(planned.value ?? null);
        }
        if (planned.numberFormat) expect(cell.numFmt).toBe(planned.numberFormat);
        if (planned.style === 'section') expect(cell.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } });
        if (planned.style === 'total') expect(cell.font?.bold).toBe(true);
      }
    }
  });

  test('text stays text: the case id, the names typed like a formula or a phone number', () => {
    const { book, plans } = result;
    const input = book.getWorksheet(plans.caseInput.sheetName)!;
    expect(input.getCell('B5').value).toBe('2025-001843');
    expect(input.getCell('B5').numFmt).toBe('@');
    const names = [...Array(input.rowCount).keys()].map((r) => input.getCell(r + 1, 5).value);
    expect(names).toEqual(expect.arrayContaining(['=HYPERLINK("http://x")', '+1 555 0100']));
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula ?? '').not.toMatch(/HYPERLINK/)));
  });

  test('widths, heights, frozen header rows, gridlines, tab colour', () => {
    const { book, plans } = result;
    for (const plan of [plans.caseInput, plans.caseSummary]) {
      const sheet = book.getWorksheet(plan.sheetName)!;
      for (const [column, points] of Object.entries(plan.columnWidths)) expect(sheet.getColumn(column).width).toBe(columnWidthInCharacters(points));
      for (const [row, height] of Object.entries(plan.rowHeights ?? {})) expect(sheet.getRow(Number(row)).height).toBe(height);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: plan.freezeRows, showGridLines: plan.showGridlines });
      expect(sheet.properties.tabColor).toEqual({ argb: argb(plan.tabColor!) });
    }
  });

  test('print settings: orientation, one page wide, print area and title rows', () => {
    const { book, plans } = result;
    for (const plan of [plans.caseInput, plans.caseSummary]) {
      const setup = book.getWorksheet(plan.sheetName)!.pageSetup;
      expect(setup.orientation).toBe(plan.print.orientation.toLowerCase());
      if (plan.print.scale === undefined) {
        expect(setup.fitToPage).toBe(true);
        expect(setup.fitToWidth).toBe(plan.print.fitToPagesWide);
        expect(setup.fitToHeight).toBe(0);
      } else {
        // The summary prints at a fixed scale, with a manual break after page 1.
        expect(setup.fitToPage).toBe(false);
        expect(setup.scale).toBe(plan.print.scale);
        // exceljs does not read rowBreaks back: checked on the workbook as it is written (the print test prints it).
        const breaks = (caseWorkbook(plans).getWorksheet(plan.sheetName) as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id);
        expect(breaks).toEqual((plan.print.rowBreaks ?? []).map((row) => row - 1));
      }
      expect(setup.printArea?.replace(/\$/g, '')).toBe(plan.print.printArea);
      expect(setup.printTitlesRow?.replace(/\$/g, '')).toBe(plan.print.titleRows.replace(/\$/g, ''));
    }
  });

  test('list validations, defined names and tables of the Case Input; the decision list of the summary', () => {
    const { book, plans } = result;
    for (const plan of [plans.caseInput, plans.caseSummary]) {
      const sheet = book.getWorksheet(plan.sheetName)!;
      const model = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
      for (const validation of plan.validations) {
        // exceljs reads a range's rule back cell by cell.
        for (const address of cellsOf(validation.address)) expect(model[address]).toMatchObject({ type: 'list', formulae: [`"${validation.list.join(',')}"`] });
      }
    }
    const names = new Map(book.definedNames.model.map((n) => [n.name, n.ranges]));
    for (const name of plans.caseInput.names) expect(names.get(name.name)).toEqual([`'Case Input'!${name.address}`]);
    const input = book.getWorksheet(plans.caseInput.sheetName)! as unknown as { getTable(name: string): { table: { ref: string; tableRef?: string } } | undefined };
    for (const table of plans.caseInput.tables) expect(input.getTable(table.name)).toBeDefined();
  });

  test('tables avoid what makes Excel repair an exceljs table: names without spaces, unique one-line headers', () => {
    // exceljs issues #1659 and #1345 (and excelts #91): a table name with a space, a header with a
    // tab or a line break, or a note in a table's cell makes Excel "repair" the file.
    const { plans } = result;
    for (const table of plans.caseInput.tables) {
      expect(table.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]{0,254}$/);
      expect(table.headers.every((h) => h.trim() !== '' && !/[\t\r\n]/.test(h))).toBe(true);
      expect(new Set(table.headers.map((h) => h.toLowerCase())).size).toBe(table.headers.length);
    }
  });

  test('where the chart would be, a note says why the file has none', () => {
    const { book, plans } = result;
    const chart = plans.caseSummary.charts[0];
    expect(book.getWorksheet(plans.caseSummary.sheetName)!.getCell(chart.topLeft).value).toMatch(/^Chart not included/);
  });
});

describe('sheet-scoped defined names in the file (ECMA-376 Part 1, 18.2.5: definedName@localSheetId)', () => {
  test("each Case Summary's LM_Decision belongs to its own sheet, by the sheet's position", () => {
    const parsed = parseCase(JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'fannie-flex.json'), 'utf8')));
    if (!parsed.ok) throw new Error('the example does not parse');
    const evaluation = evaluateParsedCase(parsed.case);
    const plans = caseWorkbookPlans(parsed.case, evaluation);
    const book = caseWorkbook(plans);
    // A second summary in the same file: exceljs alone would merge the two names into one.
    addPlanSheet(book, { ...plans.caseSummary, sheetName: 'Case Summary (2)' });
    const written = (book.definedNames as unknown as { model: { name: string; ranges: string[]; localSheetId?: number }[] }).model.filter((n) => n.name === 'LM_Decision');
    const decision = plans.caseSummary.anchors.decision.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    expect(written).toEqual([
      { name: 'LM_Decision', ranges: [`'${plans.caseSummary.sheetName}'!${decision}`], localSheetId: 1 },
      { name: 'LM_Decision', ranges: [`'Case Summary (2)'!${decision}`], localSheetId: 2 },
    ]);
  });
});
