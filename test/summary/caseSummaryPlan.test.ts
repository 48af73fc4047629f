/** The Case Summary plan (pure): sections, masking, flags, formulas. */
import { evaluateParsedCase } from '../../src/engine/evaluate';
import type { Evaluation } from '../../src/engine/results';
import { SUMMARY_PRINT_SCALE, caseSummaryPlan, maskLoanNumber, maskSsn } from '../../src/summary/caseSummaryPlan';
import { cellAddress, parseCellAddress, type SheetPlan } from '../../src/summary/sheetPlan';
import { FIXTURE_CASE } from './fixtures';

const valueAt = (plan: SheetPlan, address: string) => plan.cells.find((c) => c.address === address);
const texts = (plan: SheetPlan) => plan.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');

describe('masking', () => {
  test('the loan number shows its last 4 digits only; the SSN as ***-**-1234', () => {
    expect(maskLoanNumber('0012345678')).toBe('****5678');
    expect(maskSsn('1234')).toBe('***-**-1234');
    expect(maskLoanNumber(null)).toBe('not given');
  });

  test('neither the full loan number nor anything but the last 4 of the SSN appears anywhere', () => {
    const plan = caseSummaryPlan(evaluateParsedCase(FIXTURE_CASE), FIXTURE_CASE, { sheetName: 'S' });
    const all = texts(plan).join('\n');
    expect(all).not.toContain('0012345678');
    expect(all).not.toContain('12345678');
    expect(all).toContain('****5678');
    expect(all).toContain('***-**-1234');
  });
});

describe('sections', () => {
  const evaluation = evaluateParsedCase(FIXTURE_CASE);
  const plan = caseSummaryPlan(evaluation, FIXTURE_CASE, { sheetName: 'Case Summary 2025-001843', preparer: 'A. Specialist' });

  test('page 1 (the decision) has five sections, then the detail; numbered in order, headed alike', () => {
    const headings = plan.cells.filter((c) => c.style === 'section' && typeof c.value === 'string' && /^\d+\. /.test(c.value));
    expect(headings.map((c) => Number(String(c.value).split('.')[0]))).toEqual(headings.map((_, i) => i + 1));
    const titles = headings.map((c) => String(c.value).replace(/^\d+\. /, ''));
    expect(titles.slice(0, 5)).toEqual(['Decision', 'Key figures', 'Every option, in the investor’s order', 'Regulation X dates', 'Approval']);
    expect(titles).toEqual(expect.arrayContaining(['Eligibility checks (every option)', 'Net present value (NPV)', 'Rulebook overrides', 'Interpretations used by the recommended option', 'Audit trail (recommended option)']));
    const pageOne = headings.filter((c) => Number(c.address.replace(/\D/g, '')) <= plan.anchors.lastDecisionRow);
    expect(pageOne).toHaveLength(5);
    const rows = headings.map((c) => Number(c.address.replace(/\D/g, '')));
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
  });

  test('merges do not overlap, and no cell is planned inside a merge but its first', () => {
    const covered = new Map<string, string>();
    for (const merge of plan.merges) {
      const [from, to] = merge.split(':').map(parseCellAddress);
      for (let r = from.row; r <= to.row; r++)
        for (let c = from.column; c <= to.column; c++) {
          const address = cellAddress(r, c);
          expect(covered.get(address)).toBeUndefined();
          covered.set(address, merge);
        }
    }
    const inside = plan.cells.filter((cell) => covered.has(cell.address) && !covered.get(cell.address)!.startsWith(`${cell.address}:`));
    expect(inside.map((cell) => `${cell.address} in ${covered.get(cell.address)}`)).toEqual([]);
  });

  test('one options row per evaluated option, in waterfall order', () => {
    const rows = Object.entries(plan.anchors.optionRows).sort((a, b) => a[1] - b[1]).map(([id]) => id);
    expect(rows).toEqual(evaluation.waterfall);
    for (const id of evaluation.waterfall) {
      const row = plan.anchors.optionRows[id];
      expect(valueAt(plan, `A${row}`)?.value).toBe(evaluation.options[id].label);
      expect(valueAt(plan, `B${row}`)?.value).toBe(evaluation.options[id].eligible ? 'Yes' : 'No');
    }
  });

  test('no add-in function in any formula; totals and ratios are native formulas', () => {
    const formulas = plan.cells.filter((c) => c.formula).map((c) => c.formula!);
    expect(formulas.length).toBeGreaterThan(5);
    for (const formula of formulas) expect(formula).not.toMatch(/LM\./i);
    expect(valueAt(plan, plan.anchors.frontEndDti)?.formula).toMatch(/\//);
    // Rounded once at the total, the engine's rounding point, over per-line native conversions.
    expect(valueAt(plan, plan.anchors.grossMonthlyIncome)?.formula).toMatch(/^=ROUND\(SUMIF\(.*\),2\)$/);
    expect(valueAt(plan, plan.anchors.totalArrears)?.formula).toMatch(/^=SUM\(/);
  });

  test('the Decision cell has the validated list Approve / Decline / Return for rework', () => {
    expect(plan.validations).toContainEqual({ address: plan.anchors.decision, list: ['Approve', 'Decline', 'Return for rework'] });
  });

  test('print: portrait Letter at a fixed scale, a break after page 1, print area and titles; gridlines off; panes frozen under the header', () => {
    expect(plan.print).toMatchObject({ orientation: 'Portrait', paperSize: 'Letter', titleRows: '$1:$2', rowBreaks: [plan.anchors.lastDecisionRow + 1] });
    expect(plan.print.printArea).toMatch(/^A1:I\d+$/);
    expect(plan.print.scale).toBe(SUMMARY_PRINT_SCALE);
    expect(plan.showGridlines).toBe(false);
    expect(plan.freezeRows).toBe(2);
  });

  test('the recommended option brings its trial payments and its audit trail', () => {
    const program = evaluation.recommendation.program;
    expect(program).not.toBeNull();
    const option = evaluation.options[program!];
    const all = texts(plan);
    for (const step of option.steps) expect(all).toContain(step.action);
  });
});

describe('flags', () => {
  test('a valuation older than 90 days is flagged; one of 30 days is not', () => {
    // 2025-06-01 to 2025-10-15 = 30 + 31 + 31 + 30 + 14 = 136 days.
    const stale = { ...FIXTURE_CASE, property: { ...FIXTURE_CASE.property, valuationDate: '2025-06-01' } };
    const stalePlan = caseSummaryPlan(evaluateParsedCase(stale), stale, { sheetName: 'S' });
    expect(stalePlan.cells.some((c) => c.style === 'flag' && String(c.value).includes('136 days old'))).toBe(true);
    const fresh = caseSummaryPlan(evaluateParsedCase(FIXTURE_CASE), FIXTURE_CASE, { sheetName: 'S' });
    // 2025-09-15 to 2025-10-15 = 30 days.
    expect(fresh.cells.some((c) => String(c.value).includes('30 days old') && c.style !== 'flag')).toBe(true);
  });

  test('the appeal deadline row says "at the latest" when the decision notice date is not known', () => {
    const evaluation: Evaluation = { ...evaluateParsedCase(FIXTURE_CASE) };
    evaluation.timeline = { acknowledgmentDue: null, evaluationDue: '2025-11-01', appealDeadline: '2025-11-15', earliestForeclosureReferral: null, appealDeadlineBasis: 'latest' };
    const latest = caseSummaryPlan(evaluation, FIXTURE_CASE, { sheetName: 'S' });
    expect(latest.cells.some((c) => c.value === 'Appeal deadline (at the latest)')).toBe(true);
    evaluation.timeline = { ...evaluation.timeline, appealDeadlineBasis: 'decision notice' };
    const sent = caseSummaryPlan(evaluation, FIXTURE_CASE, { sheetName: 'S' });
    expect(sent.cells.some((c) => c.value === 'Appeal deadline')).toBe(true);
    expect(sent.cells.some((c) => c.value === 'Appeal deadline (at the latest)')).toBe(false);
  });

  test('compliance dates missed before the evaluation date are flagged', () => {
    const evaluation: Evaluation = {
      ...evaluateParsedCase(FIXTURE_CASE),
    };
    evaluation.timeline = { acknowledgmentDue: '2025-09-26', evaluationDue: '2025-11-01', appealDeadline: '2025-11-15', earliestForeclosureReferral: '2025-10-18' };
    const plan = caseSummaryPlan(evaluation, FIXTURE_CASE, { sheetName: 'S' });
    const statusOf = (label: string) => {
      const row = plan.cells.find((c) => c.value === label)!.address.replace(/\D/g, '');
      return plan.cells.find((c) => c.address === `D${row}`)!;
    };
    // 2025-09-26 is 19 days before 2025-10-15; 2025-10-18 is 3 days after (within 5); 2025-11-01 is 17 days after.
    expect(statusOf('Acknowledgment due')).toMatchObject({ value: 'MISSED by 19 days', style: 'flag' });
    expect(statusOf('Earliest foreclosure referral')).toMatchObject({ value: 'NEAR: permitted in 3 days', style: 'flag' });
    expect(statusOf('Evaluation due')).toMatchObject({ value: '17 days left', style: 'note' });
  });
});
