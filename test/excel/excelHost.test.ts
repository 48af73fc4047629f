/** The in-memory Excel host behaves like the Office.js proxies the add-in relies on. */
import { createInMemoryExcel, type InMemoryExcel } from '../../src/workbench/excelHost';
import type { RequestContext } from '../../src/workbench/excelHost/api';

let host: InMemoryExcel;
beforeEach(() => {
  host = createInMemoryExcel();
});

const run = <T>(batch: (context: RequestContext) => Promise<T>): Promise<T> => host.Excel.run(batch);

describe('proxy semantics', () => {
  test('a property that was not loaded cannot be read; after load and sync it can', async () => {
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => range.values).toThrow(/not available.*load/);
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([['']]);
    });
  });

  test('writes are queued and applied at sync', async () => {
    await run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[2, 3]];
      expect(host.getSheetSnapshot('Sheet1')!.cells.A1).toBeUndefined();
      await context.sync();
      expect(host.getSheetSnapshot('Sheet1')!.cells.A1.value).toBe(2);
    });
  });

  test('each sync counts; Excel.run sends what is still queued at its end', async () => {
    const before = host.syncCount();
    await run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
    });
    expect(host.syncCount() - before).toBe(2);
    expect(host.getSheetSnapshot('Sheet1')!.cells.A2.value).toBe(2);
  });

  test('subscribers hear of every sync (the workbench redraws)', async () => {
    let heard = 0;
    const unsubscribe = host.subscribe(() => heard++);
    await run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await context.sync();
    });
    unsubscribe();
    await run(async (context) => context.sync());
    expect(heard).toBe(1);
  });

  test('a missing sheet fails the sync with ItemNotFound; getItemOrNullObject answers isNullObject', async () => {
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('Nope').getRange('A1').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('sheet1');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test('a matrix of the wrong size is rejected like Excel', async () => {
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('two sheets cannot share a name (case-insensitive)', async () => {
    await expect(
      run(async (context) => {
        context.workbook.worksheets.add('sheet1');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });
});

describe('formulas are computed by HyperFormula', () => {
  test('SUM and division follow edits; errors show as Excel error values', async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A4').formulas = [[100], [250.5], ['=SUM(A1:A2)'], ['=A3/0']];
      const range = sheet.getRange('A3:A4').load('values,formulas');
      await context.sync();
      expect(range.values).toEqual([[350.5], ['#DIV/0!']]);
      expect(range.formulas).toEqual([['=SUM(A1:A2)'], ['=A3/0']]);
      sheet.getRange('A1').values = [[200]];
      range.load('values');
      await context.sync();
      expect(range.values[0][0]).toBe(450.5);
    });
  });

  test('formulas across sheets and through defined names, which follow a rename', async () => {
    await run(async (context) => {
      const input = context.workbook.worksheets.add('Case Input');
      input.getRange('B5').values = [[347868.83]];
      context.workbook.names.add('LM_UPB', input.getRange('B5'));
      const other = context.workbook.worksheets.getItem('Sheet1');
      other.getRange('A1:A2').formulas = [['=LM_UPB*2'], ["='Case Input'!B5+1"]];
      input.name = 'Loan Input';
      const result = other.getRange('A1:A2').load('values');
      const name = context.workbook.names.getItem('LM_UPB').load('formula,type');
      await context.sync();
      expect(result.values).toEqual([[695737.66], [347869.83]]);
      expect(name.formula).toBe("='Loan Input'!$B$5");
      expect(name.type).toBe('Range');
    });
  });
});

describe('what Excel makes of written values', () => {
  test('numeric text becomes a number unless the cell is formatted as text; ISO dates become date serials', async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('B1').numberFormat = [['@']];
      sheet.getRange('A1:C1').values = [['0012345678', '0012345678', '2025-10-15']];
      sheet.getRange('D1').values = [["'2025-10-15"]];
      const r = sheet.getRange('A1:D1').load('values,text');
      await context.sync();
      // 2025-10-15 is day 45945 of Excel's 1900 date system (45658 = 2025-01-01, + 287 days).
      expect(r.values).toEqual([[12345678, '0012345678', 45945, '2025-10-15']]);
      expect(r.text[0][2]).toBe('2025-10-15');
    });
  });
});

describe('tables, validation, charts, layout', () => {
  test('tables: add over a header row, add rows, unique names shared with defined names', async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:B1').values = [['Type', 'Amount']];
      const table = sheet.tables.add('A1:B1', true);
      table.name = 'LM_Incomes';
      table.rows.add(null, [['WAGES', 2450]]);
      const body = table.getDataBodyRange().load('values');
      await context.sync();
      // A new table has one blank body row; rows.add appends after it (as Excel does).
      expect(body.values).toEqual([['', ''], ['WAGES', 2450]]);
      context.workbook.names.add('LM_Incomes', sheet.getRange('A1'));
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    });
  });

  test('validation lists, merges, freeze panes, print setup, charts and gridlines land in the snapshot', async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:C3').values = [['Option', 'Current', 'Proposed'], ['Flex', 2263.14, 1880.41], ['Repay', 2263.14, 3394.71]];
      sheet.getRange('E1').dataValidation.rule = { list: { inCellDropDown: true, source: 'Approve,Decline,Return for rework' } };
      sheet.getRange('A5:C5').merge();
      sheet.freezePanes.freezeRows(2);
      sheet.pageLayout.orientation = 'Landscape';
      sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
      sheet.pageLayout.setPrintArea('A1:K40');
      sheet.pageLayout.setPrintTitleRows('$1:$2');
      sheet.showGridlines = false;
      sheet.getRange('A:A').format.columnWidth = 200;
      sheet.getRange('A1').format.fill.color = '#1F3864';
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C3'), 'Columns');
      chart.title.text = 'Payments';
      chart.setPosition('E5', 'K20');
      await context.sync();
    });
    const snapshot = host.getSheetSnapshot('Sheet1')!;
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot); // plain JSON for the workbench
    expect(snapshot.validations[0]).toMatchObject({ address: 'E1', list: ['Approve', 'Decline', 'Return for rework'] });
    expect(snapshot.merges).toEqual(['A5:C5']);
    expect(snapshot.frozenRows).toBe(2);
    expect(snapshot.pageLayout).toMatchObject({ orientation: 'Landscape', printArea: 'A1:K40', printTitleRows: '1:2', zoom: { horizontalFitToPages: 1 } });
    expect(snapshot.showGridlines).toBe(false);
    expect(snapshot.columnWidths.A).toBe(200);
    expect(snapshot.cells.A1.style.fill).toBe('#1F3864');
    expect(snapshot.charts[0]).toMatchObject({ type: 'ColumnClustered', title: 'Payments', sourceAddress: 'Sheet1!A1:C3', topLeft: 'E5', bottomRight: 'K20' });
  });

  test('deleting a sheet turns workbook names that pointed at it into #REF!', async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.add('Temp');
      context.workbook.names.add('Marker', sheet.getRange('A1'), 'a comment');
      await context.sync();
      sheet.delete();
      const names = context.workbook.names.load('items/name,items/formula,items/comment');
      await context.sync();
      expect(names.items.map((n) => [n.name, n.formula, n.comment])).toEqual([['Marker', '=#REF!$A$1', 'a comment']]);
    });
  });

  test('the only visible sheet cannot be hidden or deleted', async () => {
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});
