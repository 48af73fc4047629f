/**
 * Printing in the in-memory host, as Excel does it (ExcelApi 1.9): manual horizontal page breaks
 * (Excel.PageBreakCollection.add puts a break before the top-left cell of the range given; at
 * most 1026 a sheet, Worksheet.HPageBreaks), the print scale (PageLayoutZoomOptions.scale: 10 to
 * 400) and the paper size (an Excel.PaperType value). Each refusal is Excel's InvalidArgument.
 */
import { createInMemoryExcel, type InMemoryExcel } from '../../src/workbench/excelHost';
import { MAX_HORIZONTAL_PAGE_BREAKS, type RequestContext } from '../../src/workbench/excelHost/api';
import { codeOf, syncCodeOn } from '../support/hostErrorCodes';

let host: InMemoryExcel;
beforeEach(() => {
  host = createInMemoryExcel();
});

const syncCode = (batch: (context: RequestContext) => void): Promise<string> => syncCodeOn(host, batch);

const sheet = (context: RequestContext) => context.workbook.worksheets.getItem('Sheet1');

describe('horizontal page breaks', () => {
  test('a break goes before the top row of the range (an address or a Range), once per row, in row order', async () => {
    expect(
      await syncCode((c) => {
        sheet(c).horizontalPageBreaks.add('A40');
        sheet(c).horizontalPageBreaks.add(sheet(c).getRange('C12:D20'));
        sheet(c).horizontalPageBreaks.add('B40');
      }),
    ).toBe('none');
    expect(host.getSheetSnapshot('Sheet1')!.pageLayout.horizontalPageBreaks).toEqual([11, 39]);
  });

  test('the breaks load as items with their row (PropertyNotLoaded before the load)', async () => {
    await syncCode((c) => sheet(c).horizontalPageBreaks.add('A5'));
    await host.Excel.run(async (context: RequestContext) => {
      const breaks = sheet(context).horizontalPageBreaks;
      expect(codeOf(() => breaks.items)).toBe('PropertyNotLoaded');
      breaks.load('items');
      await context.sync();
      expect(breaks.items).toEqual([{ rowIndex: 4, columnIndex: 0 }]);
    });
  });

  test('a range on another sheet, or no range at all, is refused', async () => {
    await syncCode((c) => c.workbook.worksheets.add('Other'));
    expect(await syncCode((c) => sheet(c).horizontalPageBreaks.add("'Other'!A5"))).toBe('InvalidArgument');
    expect(await syncCode((c) => sheet(c).horizontalPageBreaks.add('not a range'))).toBe('InvalidArgument');
  });

  test(`at most ${MAX_HORIZONTAL_PAGE_BREAKS} breaks a sheet`, async () => {
    expect(await syncCode((c) => { for (let row = 2; row < 2 + MAX_HORIZONTAL_PAGE_BREAKS; row++) sheet(c).horizontalPageBreaks.add(`A${row}`); })).toBe('none');
    expect(await syncCode((c) => sheet(c).horizontalPageBreaks.add(`A${3 + MAX_HORIZONTAL_PAGE_BREAKS}`))).toBe('InvalidArgument');
  });
});

describe('print scale and paper', () => {
  test('a scale from 10 to 400 is taken; 9 and 401 are refused', async () => {
    expect(await syncCode((c) => (sheet(c).pageLayout.zoom = { scale: 10 }))).toBe('none');
    expect(await syncCode((c) => (sheet(c).pageLayout.zoom = { scale: 400 }))).toBe('none');
    expect(await syncCode((c) => (sheet(c).pageLayout.zoom = { scale: 9 }))).toBe('InvalidArgument');
    expect(await syncCode((c) => (sheet(c).pageLayout.zoom = { scale: 401 }))).toBe('InvalidArgument');
    expect(host.getSheetSnapshot('Sheet1')!.pageLayout.zoom).toEqual({ scale: 400 });
  });

  test('the paper is one of Excel.PaperType', async () => {
    expect(await syncCode((c) => (sheet(c).pageLayout.paperSize = 'A4' as Excel.PaperType))).toBe('none');
    expect(await syncCode((c) => (sheet(c).pageLayout.paperSize = 'Napkin' as Excel.PaperType))).toBe('InvalidArgument');
    expect(host.getSheetSnapshot('Sheet1')!.pageLayout.paperSize).toBe('A4');
  });
});
