/**
 * The workbench grid's number formats. Expected texts are what Excel shows for these format
 * codes (Excel's documented rules: sections positive;negative;zero, % multiplies by 100,
 * half away from zero at the shown decimals; date serials count days from 1899-12-30).
 */
import { formatCellValue, formatSections, serialToDate } from '../../../src/workbench/page/numberFormat';
import { parseA1, a1, columnName, cellCss } from '../../../src/workbench/page/gridModel';

describe('formatCellValue', () => {
  test('currency with thousands separators and cents', () => {
    expect(formatCellValue(1880.41, '$#,##0.00')).toBe('$1,880.41');
    expect(formatCellValue(356130.7, '$#,##0.00')).toBe('$356,130.70');
    expect(formatCellValue(0, '$#,##0.00')).toBe('$0.00');
    expect(formatCellValue(-1234.5, '$#,##0.00')).toBe('-$1,234.50');
  });

  test('a negative section replaces the sign (accounting parentheses)', () => {
    expect(formatCellValue(-1234.5, '$#,##0.00;($#,##0.00)')).toBe('($1,234.50)');
    expect(formatCellValue(0, '#,##0;-#,##0;"nil"')).toBe('nil');
  });

  test('half away from zero at the shown decimals, after 15 significant digits (1.005 shows 1.01)', () => {
    // 1.005 is stored as 1.00499999999999989..., Excel still shows 1.01.
    expect(formatCellValue(1.005, '0.00')).toBe('1.01');
    expect(formatCellValue(2.5, '0')).toBe('3');
    expect(formatCellValue(-2.5, '0')).toBe('-3');
  });

  test('percent: times 100 with the decimals of the format', () => {
    expect(formatCellValue(0.3048, '0.00%')).toBe('30.48%');
    expect(formatCellValue(0.0475, '0.000%')).toBe('4.750%');
    expect(formatCellValue(0.2001, '0%')).toBe('20%');
  });

  test('dates from serials: 45962 is 2025-11-01', () => {
    // 2025-11-01 is 45,962 days after 1899-12-30 (2025-01-01 is serial 45658, plus 304 days).
    expect(formatCellValue(45962, 'yyyy-mm-dd')).toBe('2025-11-01');
    expect(formatCellValue(45962, 'm/d/yyyy')).toBe('11/1/2025');
    expect(formatCellValue(45962, 'mmm d, yyyy')).toBe('Nov 1, 2025');
    expect(formatCellValue(45962, 'dddd')).toBe('Saturday');
    expect(serialToDate(1).toISOString().slice(0, 10)).toBe('1899-12-31');
  });

  test('General and text', () => {
    expect(formatCellValue(480, 'General')).toBe('480');
    expect(formatCellValue(0.1 + 0.2, 'General')).toBe('0.3');
    expect(formatCellValue('Case Summary', '@')).toBe('Case Summary');
    expect(formatCellValue(12, undefined)).toBe('12');
    expect(formatCellValue(true, 'General')).toBe('TRUE');
    expect(formatCellValue(null, '$#,##0.00')).toBe('');
    expect(formatCellValue('', '0.00%')).toBe('');
  });

  test('integer and fixed formats', () => {
    expect(formatCellValue(322, '0')).toBe('322');
    expect(formatCellValue(1234567, '#,##0')).toBe('1,234,567');
    expect(formatCellValue(0.5, '#.00')).toBe('.50');
    expect(formatCellValue(0.5, '0.00')).toBe('0.50');
  });

  test('sections split on ; outside quotes', () => {
    expect(formatSections('0;"a;b";0')).toEqual(['0', '"a;b"', '0']);
  });
});

describe('grid helpers', () => {
  test('A1 addresses', () => {
    expect(columnName(0)).toBe('A');
    expect(columnName(25)).toBe('Z');
    expect(columnName(26)).toBe('AA');
    expect(a1(6, 2)).toBe('C7');
    expect(parseA1('$AA$10')).toEqual({ row: 9, column: 26 });
    expect(parseA1('A1:B2')).toBeNull();
  });

  test('cell styles become CSS', () => {
    expect(cellCss({ fill: '#1F3864', bold: true, fontColor: '#FFFFFF', fontSize: 12, horizontalAlignment: 'Center' })).toEqual({
      backgroundColor: '#1F3864',
      fontWeight: 700,
      color: '#FFFFFF',
      fontSize: '12pt',
      textAlign: 'center',
    });
  });

  test('vertical alignment: Top, Center and Bottom are drawn; anything else keeps the grid default', () => {
    expect(cellCss({ verticalAlignment: 'Top' }).verticalAlign).toBe('top');
    expect(cellCss({ verticalAlignment: 'Center' }).verticalAlign).toBe('middle');
    expect(cellCss({ verticalAlignment: 'Bottom' }).verticalAlign).toBe('bottom');
    expect(cellCss({ verticalAlignment: 'Justify' }).verticalAlign).toBeUndefined();
    expect(cellCss({}).verticalAlign).toBeUndefined();
  });
});
