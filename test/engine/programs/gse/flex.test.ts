/**
 * flexModification, the pure calculator (engine.md section 4). Expected figures are the
 * published Freddie Mac example or independent computations with Python's decimal module
 * (50 digits, P&I = P i / (1 - (1+i)^-n) rounded half-up), shown in the comments.
 */
import { flexModification, type FlexInputs } from '../../../../src/engine/programs/gse/flex';
import { GSE_FLEX_RULEBOOK, type GseFlexParameters } from '../../../../src/engine/rulebooks/gse';
import { parameterValues, rulebookRef } from '../../../../src/engine/rulebooks/types';
import { ArgumentError } from '../../../../src/engine/errors';
import { freddieScenario5 } from '../../../support/flexExamples';

const params: GseFlexParameters = parameterValues(GSE_FLEX_RULEBOOK);
const ref = rulebookRef(GSE_FLEX_RULEBOOK);

/** Freddie Mac Resolve Retention API v3, Scenario 5. */
const example: FlexInputs = freddieScenario5;

describe('flexModification', () => {
  it('reproduces the Freddie Mac worked example with the full audit trail', () => {
    const r = flexModification(example, params, ref);
    expect(r).toMatchObject({
      eligible: true,
      rate: 0.0475,
      termMonths: 480,
      postCapitalizationUpb: 356130.71,
      interestBearingUpb: 328584.9,
      forbearance: 27545.81,
      principalAndInterest: 1530.41,
      monthlyPayment: 1880.41,
      trialPayment: 1880.41,
      reductionPercent: 20.01,
      mtmltvPercent: 657.16,
      trialPaymentCount: 3,
      trialPaymentDates: ['2025-11-01', '2025-12-01', '2026-01-01'],
      modificationEffectiveDate: '2026-01-01',
      firstPaymentDate: '2026-02-01',
      maturityDate: '2066-01-01',
      postModificationDti: null,
      rulebook: { id: 'GSE-FLEX', version: '2024-12-01' },
    });
    expect(r.steps.map((s) => s.step)).toEqual(['capitalize', 'target P&I', 'rate', 'term', 'principal forbearance', 'result', 'trial period']);
    for (const step of r.steps) expect(step.rule).toMatch(/engine\.md 4\.\d/);
    expect(r.steps[1].after).toEqual({ targetPrincipalAndInterest: 1530.41 });
    // Caps: 30% of 356130.71 = 106839.213 -> 106839.21; 356130.71 - 25000 = 331130.71.
    expect(r.steps[4].before).toMatchObject({ capOfUpb: 106839.21, capMtmltv: 331130.71, forbearanceNeeded: 27545.81 });
  });

  it("with the 'rounded' boundary of the engine.md wording, forbears down to the largest cent whose ROUNDED P&I is the target", () => {
    // Python: 328585.97 x factor = 1530.41497 -> 1530.41; 328585.98 -> 1530.41501 -> 1530.42.
    const r = flexModification(example, { ...params, forbearancePaymentBoundary: 'rounded' }, ref);
    expect(r.interestBearingUpb).toBe(328585.97);
    // 356130.71 - 328585.97 = 27544.74.
    expect(r.forbearance).toBe(27544.74);
    expect(r.principalAndInterest).toBe(1530.41);
  });

  it('uses the posted rate when the current rate is above it, and stops at the first term that reaches the target', () => {
    // 200000 at 8%, 240 months: P&I 1672.88; target floor(1672.88 x 0.79995) = 1338.22.
    // Gross 205000 at 6.5%: 240 months 1528.42; 327 months 1339.36; 328 months 1337.87 (first at or below).
    const r = flexModification(
      { ...example, interestBearingUpb: 200000, eligibleArrearages: 5000, currentRate: 0.08, remainingTermMonths: 240, contractualPI: 1672.88, propertyValue: 250000 },
      params,
      ref,
    );
    expect(r).toMatchObject({ eligible: true, rate: 0.065, termMonths: 328, principalAndInterest: 1337.87, forbearance: 0, interestBearingUpb: 205000, postCapitalizationUpb: 205000 });
    // (1672.88 - 1337.87) / 1672.88 = 20.026% -> 20.03; maturity 2026-02-01 + 327 months.
    expect(r.reductionPercent).toBe(20.03);
    expect(r.maturityDate).toBe('2053-05-01');
    // 205000 / 250000 = 82%.
    expect(r.mtmltvPercent).toBe(82);
    expect(r.checks.find((c) => c.test.startsWith('rate'))?.status).toBe('pass');
  });

  it('keeps a current rate below the posted rate and extends the term only as far as needed', () => {
    // 150000 at 5%, 200 months: P&I 1106.88, target 885.44; gross 153000: 306 months 885.63, 307 months 884.20.
    const r = flexModification(
      { ...example, interestBearingUpb: 150000, eligibleArrearages: 3000, currentRate: 0.05, remainingTermMonths: 200, contractualPI: 1106.88, propertyValue: 200000 },
      params,
      ref,
    );
    expect(r).toMatchObject({ rate: 0.05, termMonths: 307, principalAndInterest: 884.2, forbearance: 0, reductionPercent: 20.12 });
  });

  it('keeps the current rate and reports "not checked" when no posted rate is given', () => {
    const r = flexModification({ ...example, modificationRate: null }, params, ref);
    expect(r.rate).toBe(0.0475);
    expect(r.checks).toContainEqual(expect.objectContaining({ test: 'rate compared with the posted modification rate', status: 'not checked' }));
    expect(r.steps[2].action).toMatch(/no posted modification rate/);
    expect(r.eligible).toBe(true);
  });

  it('applies no principal forbearance without a property value, and says so', () => {
    const r = flexModification({ ...example, propertyValue: null }, params, ref);
    expect(r.forbearance).toBe(0);
    expect(r.interestBearingUpb).toBe(356130.71);
    expect(r.mtmltvPercent).toBeNull();
    expect(r.steps[4].action).toMatch(/no property value/);
    // 20% target not reached, but a smaller reduction is still offered while P&I decreases.
    expect(r.principalAndInterest).toBeLessThan(1913.14);
    expect(r.eligible).toBe(true);
  });

  it('applies no principal forbearance when post-capitalization MTMLTV is below 50%', () => {
    // 356130.71 / 800000 = 44.5%.
    const r = flexModification({ ...example, propertyValue: 800000 }, params, ref);
    expect(r.forbearance).toBe(0);
    expect(r.steps[4].action).toMatch(/below 50%/);
  });

  it('caps the forbearance at the 50% interest-bearing MTMLTV floor', () => {
    // value 660000: post-cap MTMLTV 53.96%; cap = 356130.71 - 330000 = 26130.71 < needed 27545.81 and < 30%.
    const r = flexModification({ ...example, propertyValue: 660000 }, params, ref);
    expect(r.forbearance).toBe(26130.71);
    expect(r.interestBearingUpb).toBe(330000);
    expect(r.mtmltvPercent).toBe(50);
  });

  it('spreads an escrow shortage over 60 months in the trial payment (rounded half-up to the cent)', () => {
    // 1000 / 60 = 16.666... -> 16.67; 1530.41 + 350 + 16.67 = 1897.08.
    const r = flexModification({ ...example, escrowShortage: 1000 }, params, ref);
    expect(r.trialPayment).toBe(1897.08);
  });

  it('computes the post-modification DTI from gross income', () => {
    // (1530.41 + 350) / 6000 = 0.313401666... -> 0.313402.
    const r = flexModification({ ...example, grossMonthlyIncome: 6000 }, params, ref);
    expect(r.postModificationDti).toBe(0.313402);
  });

  it('has no dates without a first trial payment date', () => {
    const r = flexModification({ ...example, firstTrialPaymentDate: null }, params, ref);
    expect(r).toMatchObject({ trialPaymentDates: null, modificationEffectiveDate: null, firstPaymentDate: null, maturityDate: null });
  });

  it('rejects a rate typed as a percent, naming the argument', () => {
    expect(() => flexModification({ ...example, currentRate: 4.75 }, params, ref)).toThrow(new ArgumentError('currentRate', 'currentRate 4.75 looks like a percent: enter 4.75% or 0.0475'));
    expect(() => flexModification({ ...example, interestBearingUpb: -1 }, params, ref)).toThrow(/interestBearingUpb must not be negative/);
  });
});
