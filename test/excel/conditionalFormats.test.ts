/**
 * Conditional formats in the in-memory host, held to Microsoft's reference for
 * Excel.ConditionalFormatCollection / ConditionalFormat / TextConditionalFormat (ExcelApi 1.6) and
 * "Apply conditional formatting to Excel ranges" (office-js-docs-pr). Expected results are written
 * from those pages and from how Excel evaluates a "Text that Contains" rule
 * (NOT(ISERROR(SEARCH(text, cell))): case-insensitive, an empty cell contains nothing).
 */
import { createInMemoryExcel, type InMemoryExcel } from '../../src/workbench/excelHost';
import type { RequestContext } from '../../src/workbench/excelHost/api';
import { conditionalLookAt } from '../../src/workbench/excelHost/conditionalFormats';
import { gridFromWorkbook } from '../../src/workbench/page/gridModel';
import { syncCodeOn } from '../support/hostErrorCodes';

let host: InMemoryExcel;
beforeEach(() => {
  host = createInMemoryExcel();
});

const run = <T>(batch: (context: RequestContext) => Promise<T>): Promise<T> => host.Excel.run(batch);

const syncCode = (batch: (context: RequestContext) => void): Promise<string> => syncCodeOn(host, batch);

const sheet1 = (c: RequestContext) => c.workbook.worksheets.getItem('Sheet1');

/** Adds a "text contains" format with a fill to `address` of Sheet1. */
function addHighlight(c: RequestContext, address: string, text: string, fill: string, operator = 'Contains') {
  const format = sheet1(c).getRange(address).conditionalFormats.add('ContainsText');
  format.textComparison.format.fill.color = fill;
  format.textComparison.rule = { operator: operator as 'Contains', text };
  return format;
}

/** The fill the conditional formats give a cell of Sheet1, as the host evaluates them. */
function fillAt(address: string): string | undefined {
  const sheet = host.workbook.sheetByName('Sheet1')!;
  const match = /^([A-Z])(\d+)$/.exec(address)!;
  const row = Number(match[2]) - 1;
  const column = match[1].charCodeAt(0) - 65;
  return conditionalLookAt(sheet, row, column, host.workbook.computedValue(sheet, row, column)).fill;
}

async function putColumn(values: (string | number)[]): Promise<void> {
  await run(async (c) => {
    sheet1(c).getRange(`A1:A${values.length}`).values = values.map((v) => [v]);
    await c.sync();
  });
}

describe('ConditionalFormatCollection.add', () => {
  test('a type outside Excel.ConditionalFormatType is InvalidArgument', async () => {
    expect(await syncCode((c) => void sheet1(c).getRange('A1:A3').conditionalFormats.add('Contains' as 'ContainsText'))).toBe('InvalidArgument');
  });

  test('a valid kind the host does not evaluate is refused, never silently kept', async () => {
    for (const type of ['CellValue', 'Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria'] as const) {
      expect(await syncCode((c) => void sheet1(c).getRange('A1:A3').conditionalFormats.add(type))).toBe('NotImplemented');
    }
  });

  test('each new format goes to the top priority (index 0)', async () => {
    await run(async (c) => {
      addHighlight(c, 'A1:A3', 'first', '#FFC7CE');
      addHighlight(c, 'A1:A3', 'second', '#C6EFCE');
      await c.sync();
      const top = sheet1(c).getRange('A1:A3').conditionalFormats.getItemAt(0);
      top.load('priority');
      top.textComparison.load('rule');
      const count = sheet1(c).getRange('A1:A3').conditionalFormats.getCount();
      await c.sync();
      expect(top.priority).toBe(0);
      expect(top.textComparison.rule).toEqual({ operator: 'Contains', text: 'second' });
      expect(count.value).toBe(2);
    });
  });

  test('the collection of a range holds the formats that touch it, and only those', async () => {
    await run(async (c) => {
      addHighlight(c, 'A1:A3', 'x', '#FFC7CE');
      addHighlight(c, 'C1:C3', 'y', '#FFC7CE');
      await c.sync();
      const a = sheet1(c).getRange('A2').conditionalFormats.getCount();
      const b = sheet1(c).getRange('B1:B9').conditionalFormats.getCount();
      const all = sheet1(c).getRange('A1:C3').conditionalFormats.getCount();
      await c.sync();
      expect([a.value, b.value, all.value]).toEqual([1, 0, 2]);
    });
  });
});

describe('TextConditionalFormat.rule and the look', () => {
  test('the operator is one of Contains, NotContains, BeginsWith, EndsWith', async () => {
    for (const operator of ['Contains', 'NotContains', 'BeginsWith', 'EndsWith']) expect(await syncCode((c) => addHighlight(c, 'A1:A3', 'x', 'red', operator))).toBe('none');
    for (const operator of ['Equals', 'Invalid', 'contains', '']) expect(await syncCode((c) => addHighlight(c, 'A1:A3', 'x', 'red', operator))).toBe('InvalidArgument');
  });

  test('the text is 1 to 255 characters', async () => {
    expect(await syncCode((c) => addHighlight(c, 'A1:A3', '', 'red'))).toBe('InvalidArgument');
    expect(await syncCode((c) => addHighlight(c, 'A1:A3', 'x'.repeat(255), 'red'))).toBe('none');
    expect(await syncCode((c) => addHighlight(c, 'A1:A3', 'x'.repeat(256), 'red'))).toBe('InvalidArgument');
  });

  test('a colour is #RRGGBB or an HTML colour name', async () => {
    expect(await syncCode((c) => addHighlight(c, 'A1:A3', 'x', '#C6EFCE'))).toBe('none');
    expect(await syncCode((c) => addHighlight(c, 'A1:A3', 'x', 'lightgreen'))).toBe('none');
    for (const bad of ['#C6EFC', 'C6EFCE', 'rgb(1,2,3)', '#GGGGGG']) expect(await syncCode((c) => addHighlight(c, 'A1:A3', 'x', bad))).toBe('InvalidArgument');
    expect(await syncCode((c) => (sheet1(c).getRange('A1').conditionalFormats.add('ContainsText').textComparison.format.font.color = '12'))).toBe('InvalidArgument');
  });

  test('what was set reads back after a load', async () => {
    await run(async (c) => {
      const format = addHighlight(c, 'A1:A3', 'Passed', '#FFC7CE');
      format.textComparison.format.font.color = '#9C0006';
      await c.sync();
      const item = sheet1(c).getRange('A1:A3').conditionalFormats.getItemAt(0);
      item.load('type,stopIfTrue');
      item.textComparison.load('rule');
      item.textComparison.format.fill.load('color');
      item.textComparison.format.font.load('color');
      await c.sync();
      expect(item.type).toBe('ContainsText');
      expect(item.stopIfTrue).toBe(false);
      expect(item.textComparison.rule).toEqual({ operator: 'Contains', text: 'Passed' });
      expect(item.textComparison.format.fill.color).toBe('#FFC7CE');
      expect(item.textComparison.format.font.color).toBe('#9C0006');
    });
  });
});

describe('which cells a text rule colours (Excel: SEARCH, case-insensitive)', () => {
  test('Contains ignores case and matches inside the text; a number is compared as its text', async () => {
    await putColumn(['Deadline passed: confirm done', 'DEADLINE PASSED', 'passed', 'Due soon', 1200]);
    await run(async (c) => {
      addHighlight(c, 'A1:A5', 'Passed', '#FFC7CE');
      addHighlight(c, 'A1:A5', '20', '#FFEB9C');
      await c.sync();
    });
    expect(['A1', 'A2', 'A3', 'A4', 'A5'].map(fillAt)).toEqual(['#FFC7CE', '#FFC7CE', '#FFC7CE', undefined, '#FFEB9C']);
  });

  test('an empty cell contains nothing, and NotContains colours it', async () => {
    await putColumn(['OK', '', 'No dates']);
    await run(async (c) => {
      addHighlight(c, 'A1:A3', 'OK', '#C6EFCE');
      await c.sync();
    });
    expect(['A1', 'A2', 'A3'].map(fillAt)).toEqual(['#C6EFCE', undefined, undefined]);
    await run(async (c) => {
      sheet1(c).getRange('A1:A3').conditionalFormats.clearAll();
      addHighlight(c, 'A1:A3', 'OK', '#FFC7CE', 'NotContains');
      await c.sync();
    });
    expect(['A1', 'A2', 'A3'].map(fillAt)).toEqual([undefined, '#FFC7CE', '#FFC7CE']);
  });

  test('BeginsWith and EndsWith', async () => {
    await putColumn(['Due soon', 'Not due soon', 'Due']);
    await run(async (c) => {
      addHighlight(c, 'A1:A3', 'due', '#FFEB9C', 'BeginsWith');
      await c.sync();
    });
    expect(['A1', 'A2', 'A3'].map(fillAt)).toEqual(['#FFEB9C', undefined, '#FFEB9C']);
    await run(async (c) => {
      sheet1(c).getRange('A1:A3').conditionalFormats.clearAll();
      addHighlight(c, 'A1:A3', 'SOON', '#FFEB9C', 'EndsWith');
      await c.sync();
    });
    expect(['A1', 'A2', 'A3'].map(fillAt)).toEqual(['#FFEB9C', '#FFEB9C', undefined]);
  });

  test('a format without a rule colours nothing', async () => {
    await putColumn(['OK']);
    await run(async (c) => {
      sheet1(c).getRange('A1').conditionalFormats.add('ContainsText').textComparison.format.fill.color = 'red';
      await c.sync();
    });
    expect(fillAt('A1')).toBeUndefined();
  });

  test('the higher priority wins an element both set; stopIfTrue stops the lower ones', async () => {
    await putColumn(['Deadline passed']);
    await run(async (c) => {
      const low = addHighlight(c, 'A1', 'Deadline', '#FFEB9C');
      low.textComparison.format.font.bold = true;
      addHighlight(c, 'A1', 'passed', '#FFC7CE'); // added last: top priority
      await c.sync();
    });
    const sheet = host.workbook.sheetByName('Sheet1')!;
    expect(conditionalLookAt(sheet, 0, 0, 'Deadline passed')).toEqual({ fill: '#FFC7CE', bold: true });
    await run(async (c) => {
      sheet1(c).getRange('A1').conditionalFormats.getItemAt(0).stopIfTrue = true;
      await c.sync();
    });
    expect(conditionalLookAt(sheet, 0, 0, 'Deadline passed')).toEqual({ fill: '#FFC7CE' });
  });

  test('setting a priority moves the format (out of bounds: to the end)', async () => {
    await putColumn(['Deadline passed']);
    await run(async (c) => {
      addHighlight(c, 'A1', 'Deadline', '#FFEB9C');
      addHighlight(c, 'A1', 'passed', '#FFC7CE');
      await c.sync();
      sheet1(c).getRange('A1').conditionalFormats.getItemAt(0).priority = 99;
      await c.sync();
    });
    expect(fillAt('A1')).toBe('#FFEB9C');
  });
});

describe('conditional formats and the rest of the sheet', () => {
  test('on locked cells of a protected sheet every change is AccessDenied', async () => {
    await run(async (c) => {
      addHighlight(c, 'B1:B3', 'x', 'red');
      sheet1(c).protection.protect();
      await c.sync();
    });
    const existing = (c: RequestContext) => sheet1(c).getRange('B1:B3').conditionalFormats.getItemAt(0);
    expect(await syncCode((c) => existing(c).textComparison.format.fill.clear())).toBe('AccessDenied');
    expect(await syncCode((c) => (existing(c).textComparison.format.font.color = 'blue'))).toBe('AccessDenied');
    expect(await syncCode((c) => (existing(c).textComparison.rule = { operator: 'Contains', text: 'y' }))).toBe('AccessDenied');
    expect(await syncCode((c) => (existing(c).stopIfTrue = true))).toBe('AccessDenied');
    expect(await syncCode((c) => existing(c).delete())).toBe('AccessDenied');
    expect(await syncCode((c) => void sheet1(c).getRange('A1:A3').conditionalFormats.add('ContainsText'))).toBe('AccessDenied');
    expect(await syncCode((c) => sheet1(c).getRange('A1:A3').conditionalFormats.clearAll())).toBe('AccessDenied');
  });

  test('delete() and clear("Formats") remove a format; clearing other cells leaves it', async () => {
    await putColumn(['OK', 'OK']);
    await run(async (c) => {
      addHighlight(c, 'A1:A2', 'OK', '#C6EFCE');
      await c.sync();
      sheet1(c).getRange('B1:B9').clear('Formats');
      await c.sync();
    });
    expect(fillAt('A1')).toBe('#C6EFCE');
    await run(async (c) => {
      sheet1(c).getRange('A1:A9').clear('Formats');
      await c.sync();
    });
    expect(fillAt('A1')).toBeUndefined();
    await run(async (c) => {
      addHighlight(c, 'A1:A2', 'OK', '#C6EFCE');
      await c.sync();
      sheet1(c).getRange('A1').conditionalFormats.getItemAt(0).delete();
      await c.sync();
    });
    expect(host.getSheetSnapshot('Sheet1')!.conditionalFormats).toEqual([]);
  });

  test("a format down to a table's last row grows with the table", async () => {
    await run(async (c) => {
      const sheet = sheet1(c);
      sheet.getRange('A1:B3').values = [
        ['Loan', 'Status'],
        ['1', 'OK'],
        ['2', 'Passed'],
      ];
      const table = sheet.tables.add(sheet.getRange('A1:B3'), true);
      table.name = 'Review';
      addHighlight(c, 'B2:B3', 'Passed', '#FFC7CE');
      await c.sync();
      table.rows.add(null, [['3', 'Passed']]);
      await c.sync();
    });
    expect(host.getSheetSnapshot('Sheet1')!.conditionalFormats.map((f) => f.address)).toEqual(['B2:B4']);
    expect(fillAt('B4')).toBe('#FFC7CE');
  });

  test('the workbench grid draws the look over the cell', async () => {
    await putColumn(['Passed', 'OK']);
    await run(async (c) => {
      sheet1(c).getRange('A1:A2').format.fill.color = '#FFFFFF';
      const rule = addHighlight(c, 'A1:A2', 'Passed', '#FFC7CE');
      rule.textComparison.format.font.color = '#9C0006';
      await c.sync();
    });
    const grid = gridFromWorkbook(host.workbook).find((s) => s.name === 'Sheet1')!;
    expect(grid.cells[0][0]!.style).toMatchObject({ fill: '#FFC7CE', fontColor: '#9C0006' });
    expect(grid.cells[1][0]!.style.fill).toBe('#FFFFFF');
  });
});
