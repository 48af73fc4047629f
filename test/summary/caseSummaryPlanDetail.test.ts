/**
 * The Case Summary shows what a manager must see (issue 11): page 1 in plain English, without
 * engine identifiers; the detail with every eligibility check, the NPV inputs, every rulebook
 * override (parameter, published value, value used, where it came from), every interpretation
 * of the recommended option's rulebook, and the partial claim of the FHA modifications.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCase } from '../../src/engine/case/parse';
import type { LoanCase } from '../../src/engine/case/types';
import { evaluateParsedCase, type EvaluateOptions } from '../../src/engine/evaluate';
import type { NpvResult } from '../../src/engine/results';
import { rulebookInForce } from '../../src/engine/rulebooks';
import type { RulebookParameter } from '../../src/engine/rulebooks/types';
import { PAGE_HEIGHT_SHEET_POINTS } from '../../src/summary/caseSummary/writer';
import { caseSummaryPlan, engineIdentifiers, plainEnglish } from '../../src/summary/caseSummaryPlan';
import { parseCellAddress, type PlannedCell } from '../../src/summary/sheetPlan';
import { FIXTURE_CASE } from './fixtures';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

function example(file: string): LoanCase {
  const parsed = parseCase(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
  return parsed.case;
}

function planOf(loanCase: LoanCase, options: EvaluateOptions = {}) {
  const evaluation = evaluateParsedCase(loanCase, options);
  return { evaluation, plan: caseSummaryPlan(evaluation, loanCase, { sheetName: 'S', preparer: 'A. Specialist' }) };
}

const rowOf = (cell: PlannedCell) => parseCellAddress(cell.address).row + 1;
const pageOne = (plan: ReturnType<typeof caseSummaryPlan>) => plan.cells.filter((cell) => rowOf(cell) <= plan.anchors.lastDecisionRow);
const detail = (plan: ReturnType<typeof caseSummaryPlan>) => plan.cells.filter((cell) => rowOf(cell) > plan.anchors.lastDecisionRow);
const textsOf = (cells: PlannedCell[]) => cells.map((cell) => cell.value).filter((v): v is string => typeof v === 'string');

/** Program and rulebook ids; the NPV rulebook's id is also the plain name of the figure ("NPV against foreclosure"). */
const engineIds = (evaluation: { waterfall: string[]; rulebooks: { id: string }[] }) => [...evaluation.waterfall, ...evaluation.rulebooks.map((r) => r.id)].filter((id) => id !== 'NPV');

const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();

describe('plain English on page 1', () => {
  test('the identifier detector finds what it must', () => {
    expect(engineIdentifiers('long-term hardship (REDUCTION_IN_INCOME)', [])).toEqual(['REDUCTION_IN_INCOME']);
    expect(engineIdentifiers('statutoryCap: $1', [])).toEqual(['statutoryCap']);
    expect(engineIdentifiers('GSE-FLEX 2024-12-01+overrides', ['GSE-FLEX'])).toEqual(['+overrides', 'GSE-FLEX']);
    expect(engineIdentifiers('P&I $1,778.50 (20.01% reduction); Fannie Mae', ['GSE-FLEX'])).toEqual([]);
  });

  test('engine text in words: program ids go, enumerated values and parameter names become words', () => {
    const { evaluation } = planOf(FIXTURE_CASE);
    const id = evaluation.waterfall[0];
    const label = evaluation.options[id].label;
    expect(plainEnglish(`Recommended: ${label} (${id}). Route: long-term hardship (REDUCTION_IN_INCOME)`, evaluation)).toBe(`Recommended: ${label}. Route: long-term hardship (reduction in income)`);
    expect(plainEnglish('statutoryCap exceeded; intent SELL', evaluation)).toBe('statutory cap exceeded; intent to sell');
  });

  test.each(examples)('%s: no engine identifier on page 1', (file) => {
    const { evaluation, plan } = planOf(example(file));
    const ids = engineIds(evaluation);
    const found = textsOf(pageOne(plan)).flatMap((text) => engineIdentifiers(text, ids).map((token) => `${token} in "${text}"`));
    expect(found).toEqual([]);
  });

  test('no identifier either when the case overrides a rulebook', () => {
    const loanCase = { ...FIXTURE_CASE, rulebookOverrides: { 'GSE-FLEX': { maxTermMonths: 360 } } };
    const { evaluation, plan } = planOf(loanCase);
    const ids = engineIds(evaluation);
    expect(textsOf(pageOne(plan)).flatMap((text) => engineIdentifiers(text, ids))).toEqual([]);
    // ...while the detail names the rulebook version an auditor looks up.
    expect(textsOf(detail(plan)).some((text) => text.includes('GSE-FLEX 2024-12-01+overrides'))).toBe(true);
  });

  test.each(examples)('%s: page 1 is planned no taller than a printed page at the print scale', (file) => {
    const { plan } = planOf(example(file));
    let height = 0;
    for (let row = 1; row <= plan.anchors.lastDecisionRow; row++) height += plan.rowHeights?.[row] ?? 15;
    expect(height).toBeLessThanOrEqual(PAGE_HEIGHT_SHEET_POINTS);
  });
});

describe('page 1 holds the decision', () => {
  test.each(examples)('%s: every option with eligible yes/no, the recommendation, payments before and after, the approval block', (file) => {
    const { evaluation, plan } = planOf(example(file));
    const cells = pageOne(plan);
    const texts = textsOf(cells);
    for (const id of evaluation.waterfall) {
      const option = evaluation.options[id];
      const labelCell = cells.find((cell) => cell.value === option.label && cell.address.startsWith('A'))!;
      expect(labelCell).toBeDefined();
      expect(cells.find((cell) => cell.address === `B${rowOf(labelCell)}`)?.value).toBe(option.eligible ? 'Yes' : 'No');
      // A reason beside every option.
      expect(cells.find((cell) => cell.address === `E${rowOf(labelCell)}`)?.value).toEqual(expect.any(String));
    }
    expect(texts).toEqual(expect.arrayContaining(['Recommended option', 'Why', 'Payment now', 'Payment after', 'Reviewer', 'Date', 'Decision', 'Comments']));
    expect(rowOf(cells.find((cell) => cell.address === plan.anchors.decision) ?? { address: 'A1' })).toBeLessThanOrEqual(plan.anchors.lastDecisionRow);
    expect(parseCellAddress(plan.anchors.currentPayment).row + 1).toBeLessThanOrEqual(plan.anchors.lastDecisionRow);
  });

  test('the Decision cell has the sheet-scoped name LM_Decision', () => {
    const { plan } = planOf(FIXTURE_CASE);
    expect(plan.names).toEqual([expect.objectContaining({ name: 'LM_Decision', address: plan.anchors.decision, scope: 'worksheet' })]);
  });
});

describe('the detail shows everything the manager must see', () => {
  test.each(examples)('%s: every eligibility check of every option, with pass / fail / not checked', (file) => {
    const { evaluation, plan } = planOf(example(file));
    const cells = detail(plan);
    const words = { pass: 'Pass', fail: 'FAIL', 'not checked': 'Not checked' };
    for (const id of evaluation.waterfall) {
      for (const check of evaluation.options[id].checks) {
        const detailCell = cells.find((cell) => typeof cell.value === 'string' && cell.value === `${check.detail} [${check.id}]`);
        expect({ check: check.id, found: !!detailCell }).toEqual({ check: check.id, found: true });
        const row = rowOf(detailCell!);
        expect(cells.find((cell) => cell.address === `A${row}`)?.value).toBe(check.test);
        expect(cells.find((cell) => cell.address === `B${row}`)?.value).toBe(words[check.status]);
      }
    }
  });

  test.each(examples)('%s: the NPV result and every input, where an option has an NPV', (file) => {
    const { evaluation, plan } = planOf(example(file));
    const cells = detail(plan);
    const valueAfter = (label: string, from: number) => {
      const labelCell = cells.find((cell) => cell.value === label && rowOf(cell) > from)!;
      return cells.find((cell) => cell.address === `B${rowOf(labelCell)}`)?.value;
    };
    for (const id of evaluation.waterfall) {
      const npv = (evaluation.options[id] as { npv?: NpvResult | null }).npv;
      if (!npv) continue;
      const heading = cells.find((cell) => typeof cell.value === 'string' && cell.value.startsWith(`${evaluation.options[id].label} (${id})`) && cell.style === 'tableHeader' && !String(cell.value).includes(': recommended') && !/: (passed over|not eligible|eligible, not chosen)$/.test(String(cell.value)))!;
      expect(heading).toBeDefined();
      const from = rowOf(heading);
      expect(valueAfter('NPV of the modification', from)).toBe(npv.npvModification);
      expect(valueAfter('NPV of foreclosure now', from)).toBe(npv.npvForeclosure);
      expect(valueAfter('Difference', from)).toBe(npv.npvDifference);
      if (npv.assumptions) {
        expect(valueAfter('Discount rate (annual)', from)).toBe(npv.assumptions.discountRate);
        expect(valueAfter('Re-default rate (annual)', from)).toBe(npv.assumptions.annualRedefaultRate);
        expect(valueAfter('REO discount', from)).toBe(npv.assumptions.reoDiscount);
        expect(valueAfter('Foreclosure cost rate', from)).toBe(npv.assumptions.foreclosureCostRate);
        expect(valueAfter('Foreclosure timeline (days)', from)).toBe(npv.assumptions.foreclosureTimelineDays);
        expect(valueAfter('Days already delinquent', from)).toBe(npv.assumptions.daysAlreadyDelinquent);
      }
    }
  });

  test.each(examples)('%s: every interpretation in the recommended option\'s rulebook', (file) => {
    const { evaluation, plan } = planOf(example(file));
    const program = evaluation.recommendation.program;
    if (!program) return;
    const { rulebook } = rulebookInForce(evaluation.options[program].rulebook.id, evaluation.evaluationDate);
    const names = (Object.entries(rulebook.parameters) as [string, RulebookParameter][]).filter(([, p]) => p.interpretation).map(([name]) => name);
    const texts = textsOf(detail(plan));
    for (const name of names) expect(texts).toContain(name);
  });

  test('the FHA modifications show their partial claim in the options table', () => {
    const { evaluation, plan } = planOf(example('fha-partial-claim.json'));
    const modifications = evaluation.waterfall.filter((id) => evaluation.options[id].kind === 'modification' && typeof (evaluation.options[id] as { partialClaim?: unknown }).partialClaim === 'number');
    expect(modifications.length).toBeGreaterThan(0);
    for (const id of modifications) {
      const claim = (evaluation.options[id] as { partialClaim?: number }).partialClaim;
      expect(plan.cells.find((cell) => cell.address === `I${plan.anchors.optionRows[id]}`)?.value).toBe(claim);
    }
  });
});

describe('rulebook overrides: the parameter, the published value, the value used, where it came from', () => {
  // GSE-FLEX publishes a 480-month term cap (Fannie Mae Flex Modification: "not to exceed 480 months").
  const loanCase = { ...FIXTURE_CASE, rulebookOverrides: { 'GSE-FLEX': { maxTermMonths: 360 } } };

  test('the evaluation lists each override with its source: the case file, or the workbook settings applied over it', () => {
    const fromCase = evaluateParsedCase(loanCase);
    expect(fromCase.overrides).toEqual([{ rulebook: { id: 'GSE-FLEX', version: '2024-12-01+overrides' }, parameter: 'maxTermMonths', published: 480, used: 360, source: 'case' }]);
    const fromSettings = evaluateParsedCase(loanCase, { rulebookOverrides: { 'GSE-FLEX': { maxTermMonths: 420 } } });
    expect(fromSettings.overrides).toEqual([{ rulebook: { id: 'GSE-FLEX', version: '2024-12-01+overrides' }, parameter: 'maxTermMonths', published: 480, used: 420, source: 'workbook settings' }]);
    expect(evaluateParsedCase(FIXTURE_CASE).overrides).toBeUndefined();
  });

  test('the detail has one row per override', () => {
    const { plan } = planOf(loanCase, { rulebookOverrides: { 'GSE-FLEX': { targetReductionPercent: 25 } } });
    const cells = detail(plan);
    const row = (parameter: string) => rowOf(cells.find((cell) => cell.value === parameter && cell.address.startsWith('B'))!);
    const at = (column: string, r: number) => cells.find((cell) => cell.address === `${column}${r}`)?.value;
    expect([at('A', row('maxTermMonths')), at('D', row('maxTermMonths')), at('F', row('maxTermMonths')), at('H', row('maxTermMonths'))]).toEqual(['GSE-FLEX 2024-12-01+overrides', '480', '360', 'the case file']);
    expect([at('D', row('targetReductionPercent')), at('F', row('targetReductionPercent')), at('H', row('targetReductionPercent'))]).toEqual(['20.01', '25', 'the workbook settings']);
  });

  test('without overrides the section says every rulebook was applied as published', () => {
    const { plan } = planOf(FIXTURE_CASE);
    expect(textsOf(detail(plan))).toContain('None: every rulebook was applied as published.');
  });
});
