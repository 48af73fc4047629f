/** Sheet names the add-in makes follow Excel's rules ("Rename a worksheet"), so the strict host and Excel accept them. */
import { safeSheetName, uniqueSheetName } from '../../src/summary/sheetPlan';

test('forbidden characters become hyphens; 31 characters at most; no apostrophe at either end', () => {
  expect(safeSheetName('Case Summary 2025/001:843*?')).toBe('Case Summary 2025-001-843--');
  expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
  expect(safeSheetName("'quoted'")).toBe('quoted');
  expect(safeSheetName(`${'a'.repeat(30)}'b`)).toBe('a'.repeat(30)); // cut at 31, then the trailing apostrophe goes
});

test('"History" is reserved by Excel; a blank name becomes "Sheet"', () => {
  expect(safeSheetName('History')).toBe('History sheet');
  expect(safeSheetName(' history ')).toBe('History sheet');
  expect(safeSheetName("''")).toBe('Sheet');
});

test('unique regardless of case', () => {
  expect(uniqueSheetName('Case Input', ['case input'])).toBe('Case Input (2)');
});
