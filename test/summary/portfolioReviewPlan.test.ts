/**
 * The Portfolio Review sheet plan (issue 11): exceptions first, totals as native formulas over the
 * table, the manager's decision read live from each built summary, two charts, and nothing
 * personal beyond the masked loan number. Rendered into the in-memory host, the totals that Excel
 * would compute (HyperFormula here) equal the counts of the rows given.
 */
import { reviewErrorRow, reviewRowOf, type PortfolioReviewRow } from '../../src/engine/portfolioReview';
import type { Affordability, OptionResult, Timeline } from '../../src/engine/results';
import { renderPlan } from '../../src/excel/renderPlan';
import { PORTFOLIO_REVIEW_SHEET, portfolioReviewPlan } from '../../src/summary/portfolioReviewPlan';
import { installGlobals } from '../../src/workbench/excelHost';
import { conditionalLookAt } from '../../src/workbench/excelHost/conditionalFormats';
import { makeCase } from '../support/caseFactory';

const noDates: Timeline = { acknowledgmentDue: null, evaluationDue: null, appealDeadline: null, earliestForeclosureReferral: null };
const flex = (payment: number) =>
  ({ program: 'GSE-FLEX', label: 'Flex Modification', kind: 'modification', eligible: true, rulebook: { id: 'GSE-FLEX', version: '2024-12-01' }, checks: [], steps: [], monthlyPayment: payment, postModificationDti: 0.3 }) as unknown as OptionResult;
const sale = { program: 'SHORT-SALE', label: 'Short sale', kind: 'disposition', eligible: true, rulebook: { id: 'DISPOSITION-GSE', version: 'x' }, checks: [], steps: [] } as unknown as OptionResult;

function row(n: number, caseId: string, program: 'flex' | 'sale' | null, timeline: Partial<Timeline> = {}): PortfolioReviewRow {
  const loanCase = makeCase({ caseId, evaluationDate: '2026-03-02', loan: { loanNumber: `00123${n}9999${n}`, contractualPI: 1000, monthlyEscrow: 200 } });
  const options: Record<string, OptionResult> = program === 'flex' ? { 'GSE-FLEX': flex(950) } : program === 'sale' ? { 'SHORT-SALE': sale } : {};
  const id = program === 'flex' ? 'GSE-FLEX' : program === 'sale' ? 'SHORT-SALE' : null;
  return reviewRowOf(n, loanCase, { options, waterfall: Object.keys(options), affordability: { backEndDti: 0.3 } as Affordability, recommendation: { program: id }, warnings: [] }, { ...noDates, ...timeline });
}

const rows = [
  row(2, 'C-2', 'flex'),
  row(3, 'C-3', 'flex', { acknowledgmentDue: '2026-02-20' }), // passed
  row(4, 'C-4', null),
  row(5, 'C-5', 'sale', { evaluationDue: '2026-03-04' }), // due soon
  reviewErrorRow(6, 'C-6', 'loan.rate: rate 4.75 looks like a percent: enter 4.75% or 0.0475'),
];
const summaries = new Map([
  ['C-2', { sheetName: 'Case Summary C-2', hasDecisionName: true }],
  ['C-5', { sheetName: 'Case Summary C-5', hasDecisionName: false }],
]);
const plan = portfolioReviewPlan(rows, { reviewDate: '2026-03-02', summaries, source: 'a test tape' });
const table = plan.tables[0];
const col = (header: string) => table.headers.indexOf(header);

test('exceptions first: passed deadline, due soon, no option fits, input problem, then the rest', () => {
  expect(table.rows.map((r) => r[col('Row')])).toEqual([3, 5, 4, 6, 2]);
  expect(table.rows.map((r) => r[col('Exception')])).toEqual(['Deadline passed: confirm done', 'Deadline due soon', 'No option fits', 'Problem in the input', '']);
});

test('the decision of a built summary is a live formula on its LM_Decision name; no name or no summary, no formula', () => {
  const c2 = table.rows.findIndex((r) => r[col('Case ID')] === 'C-2');
  expect(table.formulas?.[c2][col('Decision')]).toBe("=IF('Case Summary C-2'!LM_Decision=\"\",\"\",'Case Summary C-2'!LM_Decision)");
  // A summary built before the name existed: linked, but its decision is not read (no guessed cell).
  const c5 = table.rows.findIndex((r) => r[col('Case ID')] === 'C-5');
  expect(table.formulas?.[c5][col('Summary')]).toBe('=HYPERLINK("#\'Case Summary C-5\'!A1","Case Summary C-5")');
  expect(table.formulas?.[c5][col('Decision')]).toBeNull();
  expect(table.formulas?.[c2][col('Summary')]).toBe('=HYPERLINK("#\'Case Summary C-2\'!A1","Case Summary C-2")');
  const c3 = table.rows.findIndex((r) => r[col('Case ID')] === 'C-3');
  expect(table.formulas?.[c3][col('Decision')]).toBeNull();
});

test('loan numbers are masked; the case id is written as text', () => {
  expect(JSON.stringify(plan)).not.toMatch(/00123\d9999/);
  expect(table.rows.map((r) => r[col('Loan')])).toContain('****9992');
  expect(table.textColumns?.[col('Case ID')]).toBe(true);
});

test('two charts: recommendations by option and deadlines in the next 14 days; the table has filters under frozen totals', () => {
  expect(plan.charts.map((c) => c.title)).toEqual(['Recommendations by option', 'Deadlines in the next 14 days']);
  const headerRow = Number(/\d+/.exec(table.headerAddress)![0]);
  expect(plan.freezeRows).toBe(headerRow);
  expect(plan.print.orientation).toBe('Landscape');
});

test('rendered, the native totals count the rows: loans, by recommendation, by deadline status, by decision', async () => {
  const host = installGlobals(globalThis);
  // The built summaries: C-2's names its Decision cell LM_Decision, where the manager typed Approve.
  host.user.addSheet('Case Summary C-2');
  host.user.addSheet('Case Summary C-5');
  host.user.setCell('Case Summary C-2', 'B5', 'Approve');
  await Excel.run(async (context) => {
    const summary = context.workbook.worksheets.getItem('Case Summary C-2');
    summary.names.add('LM_Decision', summary.getRange('B5'));
    const sheet = context.workbook.worksheets.add(PORTFOLIO_REVIEW_SHEET);
    renderPlan(context, sheet, plan);
    await context.sync();
  });
  const valueRightOf = (label: string, column: string, next: string) => {
    const cells = host.getSheetSnapshot(PORTFOLIO_REVIEW_SHEET)!.cells;
    const hit = Object.entries(cells).find(([address, cell]) => address.startsWith(column) && /^[A-Z]+\d+$/.test(address) && address.replace(/\d+/, '') === column && cell.value === label);
    if (!hit) throw new Error(`no ${label} in column ${column}`);
    return cells[`${next}${hit[0].slice(column.length)}`]?.value;
  };
  expect(valueRightOf('Loans', 'A', 'B')).toBe(5);
  expect(valueRightOf('Flex Modification', 'D', 'E')).toBe(2);
  expect(valueRightOf('Short sale', 'D', 'E')).toBe(1);
  expect(valueRightOf('No option fits', 'D', 'E')).toBe(1);
  expect(valueRightOf('Passed', 'G', 'H')).toBe(1);
  expect(valueRightOf('Due soon', 'G', 'H')).toBe(1);
  // C-2's decision is read live from its summary; C-5's summary has no LM_Decision: not decided.
  expect(valueRightOf('Approve', 'J', 'K')).toBe(1);
  expect(valueRightOf('Not decided', 'J', 'K')).toBe(4);
  host.user.setCell('Case Summary C-2', 'B5', 'Decline');
  expect(valueRightOf('Approve', 'J', 'K')).toBe(0);
  expect(valueRightOf('Decline', 'J', 'K')).toBe(1);
});

describe('conditional formats for the statuses (red: act now; yellow: look soon; green: in hand)', () => {
  // Every label each status column can hold, and the colour a manager should see on it.
  const EXPECTED: Record<string, Record<string, 'alert' | 'caution' | 'good' | null>> = {
    Exception: {
      'Deadline passed: confirm done': 'alert',
      'Deadline due soon': 'caution',
      'No option fits': 'alert',
      'Affordability flag': 'caution',
      'Problem in the input': 'alert',
      '': null,
    },
    'Deadline status': { Passed: 'alert', 'Due soon': 'caution', OK: 'good', 'No dates': null, '': null },
  };
  const bodyAddress = (header: string) => {
    const letter = String.fromCharCode(65 + col(header));
    const first = Number(/\d+/.exec(table.headerAddress)![0]) + 1;
    return `${letter}${first}:${letter}${first + table.rows.length - 1}`;
  };

  test.each(Object.keys(EXPECTED))('%s: each label is matched by exactly the rule of its colour, over the whole table body', (header) => {
    const formats = (plan.conditionalFormats ?? []).filter((f) => f.address === bodyAddress(header));
    for (const [label, look] of Object.entries(EXPECTED[header])) {
      // Excel's "Text that Contains" ignores case; an empty cell contains nothing.
      const matching = formats.filter((f) => label !== '' && label.toLowerCase().includes(f.textContains.toLowerCase()));
      expect({ label, looks: matching.map((f) => f.look) }).toEqual({ label, looks: look ? [look] : [] });
    }
  });

  test('no other column is coloured', () => {
    const addresses = new Set((plan.conditionalFormats ?? []).map((f) => f.address));
    expect([...addresses].sort()).toEqual([bodyAddress('Deadline status'), bodyAddress('Exception')].sort());
  });

  test('rendered, the host colours each row by its status', async () => {
    const host = installGlobals(globalThis);
    host.user.addSheet('Case Summary C-2');
    host.user.addSheet('Case Summary C-5');
    await Excel.run(async (context) => {
      const summary = context.workbook.worksheets.getItem('Case Summary C-2');
      summary.names.add('LM_Decision', summary.getRange('B5'));
      renderPlan(context, context.workbook.worksheets.add(PORTFOLIO_REVIEW_SHEET), plan);
      await context.sync();
    });
    const sheet = host.workbook.sheetByName(PORTFOLIO_REVIEW_SHEET)!;
    const first = Number(/\d+/.exec(table.headerAddress)![0]);
    const fills = table.rows.map((_, i) => [col('Exception'), col('Deadline status')].map((c) => conditionalLookAt(sheet, first + i, c, host.workbook.computedValue(sheet, first + i, c)).fill ?? null));
    // Rows 3, 5, 4, 6, 2 (exceptions first): passed, due soon, no option, input problem, none.
    expect(fills).toEqual([
      ['#FFC7CE', '#FFC7CE'],
      ['#FFEB9C', '#FFEB9C'],
      ['#FFC7CE', null],
      ['#FFC7CE', null],
      [null, null],
    ]);
  });
});
