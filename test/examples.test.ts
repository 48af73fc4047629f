/**
 * The realistic example cases in examples/*.json, run through the CLI in-process (`lm evaluate
 * FILE --json` and the human report). Two kinds of assertions:
 * - invariants every evaluation must meet (every option has eligible, rulebook and steps; a reason
 *   when not eligible; a recommendation whose rationale names every option passed over; no NaN,
 *   undefined or Infinity anywhere; an eligible modification has real terms);
 * - figures computed by hand from the case (arithmetic in the comments), never copied from the
 *   engine's output.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../src/cli/main';

const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');
const EXAMPLE_FILES = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort();

interface Check { test: string; status: string; detail: string }
interface Option {
  program: string;
  eligible: boolean;
  reason?: string;
  reasonDetail?: string;
  rulebook: { id: string; version: string };
  steps: unknown[];
  checks: Check[];
  [key: string]: unknown;
}
interface EvaluationJson {
  waterfall: string[];
  options: Record<string, Option>;
  affordability: Record<string, unknown>;
  timeline: Record<string, unknown>;
  recommendation: { program: string | null; rationale: string; passedOver?: Array<{ program: string; reason: string }> };
}

async function runLm(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (p) => fs.readFileSync(p, 'utf8'),
  });
  return { code, stdout, stderr };
}

const cache = new Map<string, EvaluationJson>();
async function evaluate(file: string): Promise<EvaluationJson> {
  const cached = cache.get(file);
  if (cached) return cached;
  const { code, stdout, stderr } = await runLm(['evaluate', path.join(EXAMPLES_DIR, file), '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const parsed = JSON.parse(stdout) as EvaluationJson;
  cache.set(file, parsed);
  return parsed;
}

/** Every path in a JSON value whose value is not a finite number where a number stands, or is a bad string. */
function badValues(value: unknown, at = '$'): string[] {
  if (value === undefined) return [at];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [at];
  if (typeof value === 'string') return /\b(NaN|undefined|Infinity)\b/.test(value) ? [`${at}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => badValues(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => badValues(v, `${at}.${k}`));
  return [];
}

test('there is one example per investor family plus a disposition case', () => {
  expect(EXAMPLE_FILES).toEqual(
    expect.arrayContaining(['fannie-flex.json', 'freddie-deferral.json', 'fha-partial-claim.json', 'va-modification.json', 'usda-modification.json', 'portfolio-hamp.json', 'short-sale.json']),
  );
});

describe.each(EXAMPLE_FILES)('%s: invariants', (file) => {
  test('every option has eligible, rulebook, steps and checks; a reason when not eligible', async () => {
    const evaluation = await evaluate(file);
    expect(Object.keys(evaluation.options).length).toBeGreaterThan(0);
    for (const [id, option] of Object.entries(evaluation.options)) {
      expect(typeof option.eligible).toBe('boolean');
      expect(option.rulebook).toEqual({ id: expect.any(String), version: expect.any(String) });
      expect(Array.isArray(option.steps) && option.steps.length > 0).toBe(true);
      expect(Array.isArray(option.checks)).toBe(true);
      if (!option.eligible) {
        expect(`${id}: ${option.reason ?? ''}`.length).toBeGreaterThan(id.length + 2);
        // A reason must not read "failed: <condition> not affordable" when the option failed because
        // an earlier one works (found in review: VA 40-year).
        expect(option.reason).not.toMatch(/^failed: .*not (affordable|available)$/);
      }
      // Every check has a name, a status and a detail.
      for (const check of option.checks) {
        expect(['pass', 'fail', 'not checked']).toContain(check.status);
        expect(check.test.length).toBeGreaterThan(0);
        expect(check.detail.length).toBeGreaterThan(0);
      }
      // A failed check means the option is not eligible.
      if (option.checks.some((c) => c.status === 'fail')) expect(option.eligible).toBe(false);
    }
  });

  test('an eligible modification carries real terms', async () => {
    const evaluation = await evaluate(file);
    for (const option of Object.values(evaluation.options)) {
      if (option.kind !== 'modification' || !option.eligible) continue;
      for (const field of ['rate', 'termMonths', 'postCapitalizationUpb', 'interestBearingUpb', 'principalAndInterest', 'monthlyPayment', 'reductionPercent', 'trialPayment']) {
        expect(typeof option[field]).toBe('number');
      }
      expect(option.termMonths as number).toBeGreaterThan(0);
      expect(option.termMonths as number).toBeLessThanOrEqual(480);
      expect(option.principalAndInterest as number).toBeGreaterThan(0);
      // An eligible modification lowers the P&I: a negative "reduction" would be an increase.
      expect(option.reductionPercent as number).toBeGreaterThan(0);
      expect(option.interestBearingUpb as number).toBeLessThanOrEqual(option.postCapitalizationUpb as number);
      for (const date of ['modificationEffectiveDate', 'firstPaymentDate', 'maturityDate']) expect(option[date]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('a recommendation whose rationale names every option passed over', async () => {
    const evaluation = await evaluate(file);
    const { program, rationale } = evaluation.recommendation;
    expect(program).not.toBeNull();
    const recommended = evaluation.options[program as string];
    expect(recommended.eligible).toBe(true);
    expect(rationale).toContain(program as string);
    // Every option ahead of the recommended one in the investor's waterfall is named with a why.
    const ahead = evaluation.waterfall.slice(0, evaluation.waterfall.indexOf(program as string));
    for (const id of ahead) expect(rationale).toContain(`(${id}):`);
  });

  test('no NaN, undefined or Infinity anywhere, in JSON or in the human report', async () => {
    const evaluation = await evaluate(file);
    expect(badValues(evaluation)).toEqual([]);
    const human = await runLm(['evaluate', path.join(EXAMPLES_DIR, file)]);
    expect(human.code).toBe(0);
    expect(human.stdout).not.toMatch(/\b(NaN|undefined|Infinity|null)\b/);
    expect(human.stdout).toContain('Recommendation:');
  });
});

describe('hand-computed figures', () => {
  test('fannie-flex: Flex at the posted rate, 480 months, principal forbearance to the 20% target', async () => {
    const e = await evaluate('fannie-flex.json');
    // Income: 2,150 biweekly x 26 / 12 = 4,658.33 + 1,100 semimonthly x 2 = 2,200 -> 6,858.33.
    expect(e.affordability.grossMonthlyIncome).toBe(6858.33);
    // Front-end DTI = (2,223.27 + 385 + 165) / 6,858.33 = 2,773.27 / 6,858.33 = 0.40437 -> 0.4044.
    expect(e.affordability.frontEndDti).toBeCloseTo(0.4044, 4);
    const flex = e.options['GSE-FLEX'];
    expect(flex.eligible).toBe(true);
    // Post-capitalization UPB = 319,442.86 + 9,483.45 + 1,650 + 325 (late fees 444.65 never) = 330,901.31.
    expect(flex.postCapitalizationUpb).toBe(330901.31);
    // Note 7.125% above the posted 6.5%: the posted rate applies.
    expect(flex.rate).toBe(0.065);
    // Target = floor_to_cent(2,223.27 x 0.79995) = floor(1,778.5048) = 1,778.50.
    expect(flex.principalAndInterest).toBe(1778.5);
    // At 6.5% / 480 the whole 330,901.31 pays 1,937.28 > target: term 480 and forbearance.
    expect(flex.termMonths).toBe(480);
    // PV of 1,778.50 at 6.5%/12 over 480 = 303,779.8808 -> 303,779.88 interest-bearing;
    // forbearance = 330,901.31 - 303,779.88 = 27,121.43 (below the caps 30% = 99,270.39 and
    // 330,901.31 - 50% x 395,000 = 133,401.31).
    expect(flex.interestBearingUpb).toBe(303779.88);
    expect(flex.forbearance).toBe(27121.43);
    // MTMLTV = 303,779.88 / 395,000 = 76.906% -> truncated 76.90.
    expect(flex.mtmltvPercent).toBe(76.9);
    expect(flex.monthlyPayment).toBe(2328.5); // 1,778.50 + 550 escrow
    // Trial Dec, Jan, Feb; effective the first of the last trial month; maturity = 2027-03-01 + 479 months.
    expect(flex.modificationEffectiveDate).toBe('2027-02-01');
    expect(flex.firstPaymentDate).toBe('2027-03-01');
    expect(flex.maturityDate).toBe('2067-02-01');
    // A loan with equity is no short sale: net 395,000 - 6% - 2% = 363,400 > debt 331,345.96.
    expect(e.options['SHORT-SALE'].eligible).toBe(false);
    expect(e.recommendation.program).toBe('GSE-FLEX');
    // Regulation X: received Mon 2026-10-19 + 5 business days = 2026-10-26; complete 2026-10-30 + 30 days = 2026-11-29;
    // next due 2026-07-01 + 121 days (more than 120 days delinquent) = 2026-10-30.
    expect(e.timeline.acknowledgmentDue).toBe('2026-10-26');
    expect(e.timeline.evaluationDue).toBe('2026-11-29');
    expect(e.timeline.earliestForeclosureReferral).toBe('2026-10-30');
  });

  test('freddie-deferral: resolved hardship, repayment plan unaffordable, deferral of 2 months', async () => {
    const e = await evaluate('freddie-deferral.json');
    // 60,000 a year / 12 = 5,000 a month.
    expect(e.affordability.grossMonthlyIncome).toBe(5000);
    // Surplus = 5,000 - (1,263.62 + 410) - 210 - 2,900 = 216.38 < installment (2 x 1,673.62) x 0.5 cap = 836.81.
    expect(e.options['REPAYMENT-PLAN'].eligible).toBe(false);
    expect(e.options['REPAYMENT-PLAN'].reasonDetail).toContain('216.38');
    const deferral = e.options['GSE-PAYMENT-DEFERRAL'];
    expect(deferral.eligible).toBe(true);
    // 2 months of P&I 1,263.62 + escrow advances 820 = 3,347.24; P&I unchanged.
    expect(deferral.deferredMonths).toBe(2);
    expect(deferral.deferredAmount).toBe(3347.24);
    expect(deferral.principalAndInterest).toBe(1263.62);
    expect(e.recommendation.program).toBe('GSE-PAYMENT-DEFERRAL');
    // Received Tue 2026-11-03 + 5 business days (4, 5, 6, 9, 10) = 2026-11-10; complete 2026-11-10 + 30 = 2026-12-10.
    expect(e.timeline.acknowledgmentDue).toBe('2026-11-10');
    expect(e.timeline.evaluationDue).toBe('2026-12-10');
  });

  test('fha-partial-claim: resolved hardship, arrears into a standalone partial claim', async () => {
    const e = await evaluate('fha-partial-claim.json');
    const claim = e.options['FHA-PARTIAL-CLAIM'];
    expect(claim.eligible).toBe(true);
    // Amount to reinstate (engine.md 1) = 5 missed installments x (1,415.16 + 477) + advances 410 = 9,870.80 (late fees 339.60 never).
    expect(claim.partialClaim).toBe(9870.8);
    // Cap = 30% x 234,643.30 = 70,392.99.
    expect(claim.partialClaimCap).toBe(70392.99);
    // 40-year option: target = 75% x 1,415.16 = 1,061.37; rate = PMMS 6.25% (already a 1/8 step).
    const forty = e.options['FHA-40-YEAR-MODIFICATION'];
    expect(forty.principalAndInterest).toBe(1061.37);
    expect(forty.rate).toBe(0.0625);
    // Payment Supplement MoPR = min(25% x 1,415.16 = 353.79, (70,392.99 - 9,870.80) / 36) = 353.79.
    expect(e.options['FHA-PAYMENT-SUPPLEMENT'].monthlyPrincipalReduction).toBe(353.79);
    expect(e.recommendation.program).toBe('FHA-PARTIAL-CLAIM');
  });

  test('va-modification: 30-year modification at the maximum modified rate', async () => {
    const e = await evaluate('va-modification.json');
    const mod = e.options['VA-MODIFICATION'];
    expect(mod.eligible).toBe(true);
    // 309,867.63 + 11,232.72 + 2,730 + 285 = 324,115.35 (late fees never).
    expect(mod.postCapitalizationUpb).toBe(324115.35);
    // Max rate = PMMS 6.25% (nearest 1/8) + 0.50% = 6.75% < note 7.25%.
    expect(mod.rate).toBe(0.0675);
    // 324,115.35 at 6.75%/12 over 360: 2,102.21 (hand, decimal); + 455 escrow = 2,557.21.
    expect(mod.principalAndInterest).toBe(2102.21);
    expect(mod.monthlyPayment).toBe(2557.21);
    // Reduction (2,169.32 - 2,102.21) / 2,169.32 = 3.0936% -> 3.09.
    expect(mod.reductionPercent).toBe(3.09);
    // VA residual income table: family of 3, South, loan >= 80,000 -> 889.
    expect((e.affordability.vaResidualIncome as { required: number }).required).toBe(889);
    expect(e.options['VA-40-YEAR-MODIFICATION'].reason).toBe('a 30-year modification is affordable');
    expect(e.recommendation.program).toBe('VA-MODIFICATION');
  });

  test('usda-modification: streamline term extension to a 10% reduction, arrears in the recovery advance', async () => {
    const e = await evaluate('usda-modification.json');
    // 18.50 x 40 h x 52 / 12 = 3,206.67 + 742 = 3,948.67.
    expect(e.affordability.grossMonthlyIncome).toBe(3948.67);
    const mod = e.options['USDA-MODIFICATION'];
    expect(mod.eligible).toBe(true);
    // The MRA pays the amount to reinstate: 4 x (1,083.66 + 294) + advances 180 = 5,690.64; the 4 installments
    // applied (6.25% / 12, interest rounded monthly) take 850.49 of principal: UPB 166,705.80.
    // Target 90% x 1,083.66 = 975.29; at 6.25% on 166,705.80: 425 months = 975.51 (too high), 426 = 974.89.
    expect(mod.termMonths).toBe(426);
    expect(mod.principalAndInterest).toBe(974.89);
    expect(mod.mortgageRecoveryAdvance).toBe(5690.64);
    // Cap 12 x (1,083.66 + 294) = 16,531.92.
    expect(mod.partialClaimCap).toBe(16531.92);
    // Maturity = first payment 2027-03-01 + 425 months = 2062-08-01.
    expect(mod.maturityDate).toBe('2062-08-01');
    expect(e.recommendation.program).toBe('USDA-MODIFICATION');
  });

  test('portfolio-hamp: rate to the floor, 480 months, forbearance to a 31% front-end DTI', async () => {
    const e = await evaluate('portfolio-hamp.json');
    const mod = e.options['PORTFOLIO-MODIFICATION'];
    expect(mod.eligible).toBe(true);
    // Capitalized: 411,186.70 + 17,389.75 + 6,720 + 640 + 1,850 = 437,786.45.
    expect(mod.postCapitalizationUpb).toBe(437786.45);
    // Target PITIA = 31% x 7,100 = 2,201.00 -> P&I 2,201 - 960 escrow = 1,241.00.
    expect(mod.principalAndInterest).toBe(1241);
    expect(mod.monthlyPayment).toBe(2201);
    // At the 2% floor: 335 months 1,706.48, 480 months 1,325.73, both above 1,241 -> forbearance.
    expect(mod.rate).toBe(0.02);
    expect(mod.termMonths).toBe(480);
    // Largest UPB with rounded P&I <= 1,241 at 2%/480 = 409,808.43 (409,808.44 pays 1,241.01);
    // forbearance 437,786.45 - 409,808.43 = 27,978.02.
    expect(mod.interestBearingUpb).toBe(409808.43);
    expect(mod.forbearance).toBe(27978.02);
    // Step-up: after 60 payments of 1,241 at 2% the balance is 374,628.84; at 3% over 420 months: 1,441.76.
    const schedule = mod.rateSchedule as Array<{ fromMonth: number; rate: number; principalAndInterest: number }>;
    expect(schedule[1]).toEqual({ fromMonth: 61, rate: 0.03, principalAndInterest: 1441.76 });
    expect(schedule[schedule.length - 1].rate).toBe(0.0625); // cap = PMMS
    // Sale 2027-02-17, complete application 2026-10-20: 120 days before the sale -> protected.
    expect(e.timeline.saleProtected).toBe(true);
    // Received Tue 2026-10-06 + 5 business days skipping Columbus Day 10-12 = 2026-10-14.
    expect(e.timeline.acknowledgmentDue).toBe('2026-10-14');
    expect(e.recommendation.program).toBe('PORTFOLIO-MODIFICATION');
  });

  test('short-sale: intent SELL, offer nets 88.92% of value, deed-in-lieu blocked by the second lien', async () => {
    const e = await evaluate('short-sale.json');
    const sale = e.options['SHORT-SALE'];
    expect(sale.eligible).toBe(true);
    // 309,000 - 5% 15,450 - 4,800 - 6,000 (second lien payoff at the GSE cap) - 0 = 282,750.
    expect(sale.netProceeds).toBe(282750);
    // 282,750 / 318,000 = 88.915% -> 88.92 >= 88.
    expect(sale.netReturnPercent).toBe(88.92);
    expect(e.options['DEED-IN-LIEU'].eligible).toBe(false);
    expect(e.recommendation.program).toBe('SHORT-SALE');
    // Received Mon 2026-09-28 + 5 business days = 2026-10-05; next due 2026-04-01 + 121 days = 2026-07-31.
    expect(e.timeline.acknowledgmentDue).toBe('2026-10-05');
    expect(e.timeline.earliestForeclosureReferral).toBe('2026-07-31');
  });
});
