/**
 * The in-memory host refuses what Excel refuses, with Excel's error code. Each rule cites its
 * Microsoft source beside its code in src/workbench/excelHost (the proxy families that api.ts
 * re-exports: workbook.ts, worksheets.ts, ranges.ts, rangeFormat.ts, names.ts, tables.ts, charts.ts,
 * conditionalFormats.ts) and in docs/pane-workbench.md; each test here fails if the host turns kind again.
 */
import { createInMemoryExcel, type InMemoryExcel } from '../../src/workbench/excelHost';
import { REQUEST_PAYLOAD_LIMIT, type RequestContext } from '../../src/workbench/excelHost/api';
import { codeOf, syncCodeOn } from '../support/hostErrorCodes';

let host: InMemoryExcel;
beforeEach(() => {
  host = createInMemoryExcel();
});

const run = <T>(batch: (context: RequestContext) => Promise<T>): Promise<T> => host.Excel.run(batch);

const syncCode = (batch: (context: RequestContext) => void): Promise<string> => syncCodeOn(host, batch);

/** A sheet "Data" with a table, a chart, a name and a validation list, made through the API. */
async function furnish(): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.add('Data');
    sheet.getRange('A1:B3').values = [
      ['Month', 'Payment'],
      ['Jan', 100],
      ['Feb', 200],
    ];
    sheet.tables.add(sheet.getRange('A1:B3'), true).name = 'Payments';
    sheet.charts.add('ColumnClustered', sheet.getRange('A1:B3'), 'Columns').title.text = 'Payments';
    context.workbook.names.add('FirstPayment', sheet.getRange('B2'), 'the first payment');
    sheet.getRange('D1').dataValidation.rule = { list: { inCellDropDown: true, source: 'Yes,No' } };
    const highlight = sheet.getRange('B2:B3').conditionalFormats.add('ContainsText').textComparison;
    highlight.format.fill.color = '#FFC7CE';
    highlight.format.font.color = '#9C0006';
    highlight.rule = { operator: 'Contains', text: '200' };
    await context.sync();
  });
}

type Getter = (context: RequestContext) => { object: object; read: () => unknown; load: () => void };

/** One readable property of every proxy class of api.ts (FreezePanes has no properties in Office.js). */
const PROXIES: Record<string, Getter> = {
  Workbook: (c) => ({ object: c.workbook, read: () => c.workbook.name, load: () => c.workbook.load('name') }),
  WorksheetCollection: (c) => {
    const o = c.workbook.worksheets;
    return { object: o, read: () => o.items, load: () => o.load('items/name') };
  },
  'WorksheetCollection.getCount (ClientResult)': (c) => {
    const result = c.workbook.worksheets.getCount();
    return { object: result, read: () => result.value, load: () => undefined };
  },
  Worksheet: (c) => {
    const o = c.workbook.worksheets.getItem('Data');
    return { object: o, read: () => o.name, load: () => o.load('name') };
  },
  'Worksheet.isNullObject': (c) => {
    const o = c.workbook.worksheets.getItemOrNullObject('Data');
    return { object: o, read: () => o.isNullObject, load: () => undefined };
  },
  PageLayout: (c) => {
    const o = c.workbook.worksheets.getItem('Data').pageLayout;
    return { object: o, read: () => o.orientation, load: () => o.load('orientation') };
  },
  PageBreakCollection: (c) => {
    const o = c.workbook.worksheets.getItem('Data').horizontalPageBreaks;
    return { object: o, read: () => o.items, load: () => o.load('items') };
  },
  WorksheetProtection: (c) => {
    const o = c.workbook.worksheets.getItem('Data').protection;
    return { object: o, read: () => o.protected, load: () => o.load('protected') };
  },
  Range: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('A1:B3');
    return { object: o, read: () => o.values, load: () => o.load('values') };
  },
  RangeFormat: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('A1');
    return { object: o.format, read: () => o.format.columnWidth, load: () => o.load('format/columnWidth') };
  },
  RangeFill: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('A1');
    return { object: o.format.fill, read: () => o.format.fill.color, load: () => o.load('format/fill/color') };
  },
  RangeFont: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('A1');
    return { object: o.format.font, read: () => o.format.font.bold, load: () => o.format.load('font/bold') };
  },
  FormatProtection: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('A1').format.protection;
    return { object: o, read: () => o.locked, load: () => o.load('locked') };
  },
  RangeBorderCollection: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('A1').format.borders;
    return { object: o, read: () => o.count, load: () => o.load('count') };
  },
  RangeBorder: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('A1').format.borders.getItem('EdgeTop');
    return { object: o, read: () => o.style, load: () => o.load('style') };
  },
  DataValidation: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('D1').dataValidation;
    return { object: o, read: () => o.type, load: () => o.load('type') };
  },
  NamedItemCollection: (c) => {
    const o = c.workbook.names;
    return { object: o, read: () => o.items, load: () => o.load('items/name') };
  },
  NamedItem: (c) => {
    const o = c.workbook.names.getItem('FirstPayment');
    return { object: o, read: () => o.formula, load: () => o.load('formula') };
  },
  TableCollection: (c) => {
    const o = c.workbook.tables;
    return { object: o, read: () => o.count, load: () => o.load('count') };
  },
  Table: (c) => {
    const o = c.workbook.tables.getItem('Payments');
    return { object: o, read: () => o.name, load: () => o.load('name') };
  },
  TableRowCollection: (c) => {
    const o = c.workbook.tables.getItem('Payments').rows;
    return { object: o, read: () => o.count, load: () => o.load('count') };
  },
  ChartCollection: (c) => {
    const o = c.workbook.worksheets.getItem('Data').charts;
    return { object: o, read: () => o.count, load: () => o.load('count') };
  },
  Chart: (c) => {
    const o = c.workbook.worksheets.getItem('Data').charts.getItem('Chart 1');
    return { object: o, read: () => o.name, load: () => o.load('name') };
  },
  ChartTitle: (c) => {
    const o = c.workbook.worksheets.getItem('Data').charts.getItem('Chart 1');
    return { object: o.title, read: () => o.title.text, load: () => o.load('title/text') };
  },
  ConditionalFormatCollection: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('B2:B3').conditionalFormats;
    return { object: o, read: () => o.items, load: () => o.load('items') };
  },
  ConditionalFormat: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('B2:B3').conditionalFormats.getItemAt(0);
    return { object: o, read: () => o.priority, load: () => o.load('priority') };
  },
  TextConditionalFormat: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('B2:B3').conditionalFormats.getItemAt(0).textComparison;
    return { object: o, read: () => o.rule, load: () => o.load('rule') };
  },
  ConditionalRangeFormat: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('B2:B3').conditionalFormats.getItemAt(0).textComparison.format;
    return { object: o, read: () => o.fill.color, load: () => o.load('fill/color') };
  },
  ConditionalRangeFill: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('B2:B3').conditionalFormats.getItemAt(0).textComparison.format.fill;
    return { object: o, read: () => o.color, load: () => o.load('color') };
  },
  ConditionalRangeFont: (c) => {
    const o = c.workbook.worksheets.getItem('Data').getRange('B2:B3').conditionalFormats.getItemAt(0).textComparison.format.font;
    return { object: o, read: () => o.color, load: () => o.load('color') };
  },
  ChartLegend: (c) => {
    const o = c.workbook.worksheets.getItem('Data').charts.getItem('Chart 1').legend;
    return { object: o, read: () => o.position, load: () => o.load('position') };
  },
};

describe('PropertyNotLoaded: every proxy object (Office.js: "call the load method ... and context.sync()")', () => {
  test.each(Object.keys(PROXIES))('%s: read before load and sync throws; after them it reads', async (name) => {
    await furnish();
    await run(async (context) => {
      const { read, load } = PROXIES[name](context);
      expect(codeOf(read)).toBe('PropertyNotLoaded');
      load();
      expect(codeOf(read)).toBe('PropertyNotLoaded'); // loading is queued: still unknown before the sync
      await context.sync();
      expect(codeOf(read)).toBe('none');
    });
  });

  test('every exported proxy class of api.ts is in the list above', async () => {
    const api = await import('../../src/workbench/excelHost/api');
    const classes = Object.keys(api).filter((k) => /Proxy$/.test(k) && k !== 'FreezePanesProxy');
    const covered = new Set(Object.keys(PROXIES).map((k) => k.split(/[ .]/)[0].replace(/^WorksheetProtection$/, 'Protection')));
    expect(classes.map((k) => k.replace(/Proxy$/, '')).filter((k) => !covered.has(k))).toEqual([]);
  });
});

describe('text that Excel reads as a formula (Excel.Range.values: a value starting with +, - or = is a formula)', () => {
  async function write(input: string, numberFormat?: string): Promise<{ value: unknown; formula?: string }> {
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      if (numberFormat) range.numberFormat = [[numberFormat]];
      range.values = [[input]];
      await context.sync();
    });
    const cell = host.getSheetSnapshot('Sheet1')!.cells.A1;
    return { value: cell.value, formula: cell.formula };
  }

  test('"-5" and "+5" are numbers', async () => {
    expect(await write('-5')).toEqual({ value: -5, formula: undefined });
    expect(await write('+5')).toEqual({ value: 5, formula: undefined });
  });

  test('"+HYPERLINK(...)" becomes a live formula', async () => {
    const cell = await write('+HYPERLINK("https://example.invalid","click")');
    expect(cell.formula).toBe('=+HYPERLINK("https://example.invalid","click")');
    expect(cell.value).toBe('click');
  });

  test('"-abc" becomes a formula that shows #NAME?', async () => {
    expect(await write('-abc')).toEqual({ value: '#NAME?', formula: '=-abc' });
  });

  test('"@SUM(...)" is entered as =SUM(...); "=1+2" through values is a formula too', async () => {
    expect(await write('@SUM(2,3)')).toEqual({ value: 5, formula: '=SUM(2,3)' });
    expect(await write('=1+2')).toEqual({ value: 3, formula: '=1+2' });
  });

  test('a formula that cannot be parsed is refused with InvalidArgument', async () => {
    expect(await syncCode((c) => (c.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['-5 days']]))).toBe('InvalidArgument');
    expect(await syncCode((c) => (c.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [['=1+']]))).toBe('InvalidArgument');
  });

  test('a text-formatted cell keeps each of them as text', async () => {
    for (const text of ['=1+2', '+HYPERLINK("x")', '-abc', '@SUM(1)', '-5', '0392']) expect(await write(text, '@')).toEqual({ value: text, formula: undefined });
  });

  test('a leading apostrophe makes the rest text and is not part of the value', async () => {
    expect(await write("'=1+2")).toEqual({ value: '=1+2', formula: undefined });
    expect(await write("'-abc")).toEqual({ value: '-abc', formula: undefined });
  });

  test('a lone sign stays text', async () => {
    expect(await write('-')).toEqual({ value: '-', formula: undefined });
  });
});

describe('worksheet names (Microsoft support, "Rename a worksheet")', () => {
  const addCode = (name: string) => syncCode((c) => void c.workbook.worksheets.add(name));
  test('31 characters at most', async () => {
    expect(await addCode('x'.repeat(31))).toBe('none');
    expect(await addCode('y'.repeat(32))).toBe('InvalidArgument');
  });
  test.each([':', '\\', '/', '?', '*', '[', ']'])('no "%s"', async (ch) => {
    expect(await addCode(`Case${ch}1`)).toBe('InvalidArgument');
  });
  test('no leading or trailing apostrophe; an inner one is fine', async () => {
    expect(await addCode("'Case")).toBe('InvalidArgument');
    expect(await addCode("Case'")).toBe('InvalidArgument');
    expect(await addCode("Bob's case")).toBe('none');
  });
  test('"History" is reserved (any case); blank is refused', async () => {
    expect(await addCode('History')).toBe('InvalidArgument');
    expect(await addCode('history')).toBe('InvalidArgument');
    expect(await addCode('')).toBe('InvalidArgument');
  });
  test('unique regardless of case, on add and on rename', async () => {
    expect(await addCode('SHEET1')).toBe('ItemAlreadyExists');
    await run(async (c) => void c.workbook.worksheets.add('Other'));
    expect(await syncCode((c) => (c.workbook.worksheets.getItem('Other').name = 'sheet1'))).toBe('ItemAlreadyExists');
    expect(await syncCode((c) => (c.workbook.worksheets.getItem('Other').name = 'History'))).toBe('InvalidArgument');
  });
});

describe('list sources and name comments: 255 characters', () => {
  const source = (n: number) => Array.from({ length: n }, () => 'a').join('');
  test('a list source of 255 characters is accepted, 256 refused', async () => {
    expect(await syncCode((c) => (c.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: source(255) } }))).toBe('none');
    expect(await syncCode((c) => (c.workbook.worksheets.getItem('Sheet1').getRange('A2').dataValidation.rule = { list: { inCellDropDown: true, source: source(256) } }))).toBe('InvalidArgument');
  });
  test('a name comment of 255 characters is accepted, 256 refused (on add and on set)', async () => {
    expect(await syncCode((c) => void c.workbook.names.add('Ok', c.workbook.worksheets.getItem('Sheet1').getRange('A1'), source(255)))).toBe('none');
    expect(await syncCode((c) => void c.workbook.names.add('TooLong', c.workbook.worksheets.getItem('Sheet1').getRange('A1'), source(256)))).toBe('InvalidArgument');
    expect(await syncCode((c) => (c.workbook.names.getItem('Ok').comment = source(256)))).toBe('InvalidArgument');
  });
});

describe('request payload (Excel on the web: 5 MB)', () => {
  test('a sync writing more than 5 MB of values fails whole with RequestPayloadSizeLimitExceeded; smaller syncs pass', async () => {
    const rows = 1000;
    const text = 'x'.repeat(Math.ceil(REQUEST_PAYLOAD_LIMIT / rows)); // just over the limit in one write
    const block = Array.from({ length: rows }, () => [text]);
    expect(await syncCode((c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('B1').values = [['queued before']];
      c.workbook.worksheets.getItem('Sheet1').getRange(`A1:A${rows}`).values = block;
    })).toBe('RequestPayloadSizeLimitExceeded');
    expect(host.getSheetSnapshot('Sheet1')!.cells.B1).toBeUndefined(); // the request was refused, not half run
    const half = block.slice(0, rows / 2);
    expect(await syncCode((c) => (c.workbook.worksheets.getItem('Sheet1').getRange(`A1:A${rows / 2}`).values = half))).toBe('none');
  });
});

describe('tables.add with a plain address (TableCollection.add: the active sheet is used)', () => {
  test('an address without a sheet name lands on the active sheet, even through another sheet\'s collection', async () => {
    await run(async (c) => {
      c.workbook.worksheets.add('Other');
      c.workbook.worksheets.getItem('Sheet1').activate();
      c.workbook.worksheets.getItem('Other').tables.add('A1:B2', true).name = 'Landed';
      c.workbook.worksheets.getItem('Other').tables.add(c.workbook.worksheets.getItem('Other').getRange('D1:E2'), true).name = 'OnOther';
      await c.sync();
    });
    expect(host.getSheetSnapshot('Sheet1')!.tables.map((t) => t.name)).toEqual(['Landed']);
    expect(host.getSheetSnapshot('Other')!.tables.map((t) => t.name)).toEqual(['OnOther']);
  });
});

describe('sheet protection', () => {
  async function protect(): Promise<void> {
    await run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('B2').format.protection.locked = false;
      sheet.protection.protect();
      await c.sync();
    });
  }
  test('writes, clears, formats and tables on locked cells throw AccessDenied; unlocked cells take values', async () => {
    await protect();
    const on = (c: RequestContext) => c.workbook.worksheets.getItem('Sheet1');
    expect(await syncCode((c) => (on(c).getRange('A1').values = [[1]]))).toBe('AccessDenied');
    expect(await syncCode((c) => (on(c).getRange('A1').formulas = [['=1+1']]))).toBe('AccessDenied');
    expect(await syncCode((c) => on(c).getRange('A1:C3').clear())).toBe('AccessDenied');
    expect(await syncCode((c) => (on(c).getRange('A1').numberFormat = [['@']]))).toBe('AccessDenied');
    expect(await syncCode((c) => (on(c).getRange('A1').format.fill.color = '#FF0000'))).toBe('AccessDenied');
    expect(await syncCode((c) => void on(c).tables.add(on(c).getRange('D1:E2'), true))).toBe('AccessDenied');
    expect(await syncCode((c) => (on(c).getRange('B2').format.protection.locked = true))).toBe('AccessDenied');
    expect(await syncCode((c) => (on(c).getRange('B2').values = [['typed']]))).toBe('none');
    expect(host.getSheetSnapshot('Sheet1')!.cells.A1).toBeUndefined();
    expect(host.getSheetSnapshot('Sheet1')!.cells.B2.value).toBe('typed');
  });
  test('after unprotect the sheet takes writes again', async () => {
    await protect();
    await run(async (c) => void c.workbook.worksheets.getItem('Sheet1').protection.unprotect());
    expect(await syncCode((c) => (c.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]]))).toBe('none');
  });
});

describe('batch semantics and the sync counter', () => {
  test('calls queued before a failing call are applied, the rest are not; the failed sync counts', async () => {
    host.resetSyncCount();
    const code = await syncCode((c) => {
      const sheet = c.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [['before']];
      c.workbook.worksheets.add('Bad[name]');
      sheet.getRange('A2').values = [['after']];
    });
    expect(code).toBe('InvalidArgument');
    const cells = host.getSheetSnapshot('Sheet1')!.cells;
    expect(cells.A1.value).toBe('before');
    expect(cells.A2).toBeUndefined();
    expect(host.syncCount()).toBe(1);
  });
});
