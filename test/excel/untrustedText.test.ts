/**
 * Issue 9, "Untrusted text stays text": user-supplied text (a case file's case id, loan number,
 * borrower names, debt types, preparer...) is written so Excel keeps it as text whatever its first
 * character. The in-memory host reads =, +, - and @ as Excel does (a formula), so a renderer that
 * wrote such text raw into a General cell would make a live formula here too and fail this test.
 */
import { parseCase } from '../../src/engine/case/parse';
import type { CaseInput } from '../../src/engine/case/types';
import { evaluateParsedCase } from '../../src/engine/evaluate';
import { buildCaseSummary, createCaseSheet } from '../../src/excel/workbookActions';
import { caseSummaryPlan } from '../../src/summary/caseSummaryPlan';
import { installGlobals, type InMemoryExcel } from '../../src/workbench/excelHost';
import { FIXTURE_CASE_JSON } from '../summary/fixtures';

const PREFIXES = ['=', '+', '-', '@', '\t', '\r'];

/** The fixture case with every free-text field starting with `prefix` (payloads a hostile case file could carry). */
function hostileCase(prefix: string): CaseInput {
  const c = structuredClone(FIXTURE_CASE_JSON);
  const debts = c.borrower!.debts!;
  return {
    ...c,
    caseId: `${prefix}HYPERLINK("https://example.invalid/x","open")`,
    loan: { ...c.loan, loanNumber: `${prefix}1+1` },
    borrower: {
      ...c.borrower,
      names: [`${prefix}cmd|' /C calc'!A0`, `${prefix}SUM(1,2)`],
      debts: [{ ...debts[0], type: `${prefix}abc` }, { ...debts[1], type: `${prefix}5` }],
    },
  } as CaseInput;
}

const formulaCells = (host: InMemoryExcel, sheet: string) =>
  Object.entries(host.getSheetSnapshot(sheet)!.cells)
    .filter(([, cell]) => cell.formula !== undefined)
    .map(([address, cell]) => `${address} ${cell.formula}`);

describe.each(PREFIXES)('text starting with %j', (prefix) => {
  let host: InMemoryExcel;
  beforeEach(() => {
    host = installGlobals(globalThis);
  });

  test('Case Input: every text field reads back as the same text, and no formula is created', async () => {
    const caseJson = hostileCase(prefix);
    const { sheetName } = await createCaseSheet({ caseJson });
    const cells = host.getSheetSnapshot(sheetName)!.cells;
    const values = Object.values(cells).map((cell) => cell.value);
    for (const text of [caseJson.caseId, caseJson.loan!.loanNumber, ...caseJson.borrower!.names!, ...caseJson.borrower!.debts!.map((d) => d!.type)]) {
      expect(values).toContain(text);
    }
    expect(formulaCells(host, sheetName)).toEqual([]);
  });

  test('Case Summary: the text fields read back as the same text; the only formulas are the plan\'s own', async () => {
    const parsed = parseCase(hostileCase(prefix));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const evaluation = evaluateParsedCase(parsed.case);
    const { sheetName } = await buildCaseSummary(evaluation, parsed.case, { replaceExisting: false, preparer: `${prefix}HYPERLINK("x")` });
    const snapshot = host.getSheetSnapshot(sheetName)!;
    const labelled = (label: string) => {
      const row = Object.entries(snapshot.cells).find(([address, cell]) => address.startsWith('A') && cell.value === label)![0].slice(1);
      return snapshot.cells[`B${row}`].value;
    };
    expect(labelled('Case ID')).toBe(parsed.case.caseId);
    expect(labelled('Borrower(s)')).toBe(parsed.case.borrower.names.join('; '));
    expect(labelled('Prepared by')).toBe(`${prefix}HYPERLINK("x")`.trim());
    const planned = caseSummaryPlan(evaluation, parsed.case, { sheetName })
      .cells.filter((cell) => cell.formula)
      .map((cell) => `${cell.address} ${cell.formula}`);
    expect(formulaCells(host, sheetName).sort()).toEqual(planned.sort());
    // The debt types show as text (the summary writes them in sentence case), never as a formula's error.
    const shown = Object.values(snapshot.cells).map((cell) => cell.value);
    for (const debt of parsed.case.borrower.debts) {
      const lower = debt.type.toLowerCase();
      expect(shown).toContain(lower.charAt(0).toUpperCase() + lower.slice(1));
    }
    expect(shown.filter((v) => /^#(NAME\?|VALUE!|REF!)$/.test(String(v)))).toEqual([]);
  });
});
