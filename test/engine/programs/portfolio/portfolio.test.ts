/**
 * PORTFOLIO modifications, hand-computed (Python decimal at 40 digits, scanning every rate step
 * and every term month by brute force, independent of the engine's closed-form searches).
 *
 * Case: UPB 200,000, note 6.75%, remaining 330 months, contractual P&I 1,350.00, other housing
 * 400 (taxes 250 + insurance 150), arrears 6,750 + 1,800 + 500 = 9,050 (late fees 300 never
 * capitalized) -> interest-bearing UPB 209,050.00, value 250,000, PMMS 6.31%.
 * Target P&I = floor(31% * income - 400).
 */
import fc from 'fast-check';
import { PORTFOLIO_MODIFICATION, PORTFOLIO_TIER2_MODIFICATION, computePortfolioWaterfall } from '../../../../src/engine/programs/portfolio/hamp';
import { highestSteppedRateForPayment, largestUpbForPayment, shortestTermForPayment } from '../../../../src/engine/workouts/solvers';
import { principalAndInterest } from '../../../../src/engine/amortization';
import { Decimal } from '../../../../src/engine/money';
import { findRulebook, parameterValues } from '../../../../src/engine/rulebooks';
import type { PortfolioParameters } from '../../../../src/engine/rulebooks/portfolio';
import type { ModificationResult } from '../../../../src/engine/results';
import { makeContext, makeFhaTestCase } from '../../../support/caseFactory';

const base = makeFhaTestCase();
const portfolioCase = (loan = {}, property = {}) => makeFhaTestCase({ investor: 'PORTFOLIO', loan: { ...base.loan, ...loan }, property: { ...base.property, ...property } });
const evaluate = (income: number, c = portfolioCase(), otherDebtPayments = 0) =>
  PORTFOLIO_MODIFICATION.evaluate(makeContext(c, { grossMonthlyIncome: income, otherDebtPayments })) as ModificationResult;
const params = parameterValues(findRulebook('PORTFOLIO-MOD')!) as unknown as PortfolioParameters;
const atOrBelow = { rulebookOverrides: { 'PORTFOLIO-MOD': { targetBoundary: 'atOrBelow' } } };
const evaluateAtOrBelow = (income: number, c = portfolioCase()) =>
  PORTFOLIO_MODIFICATION.evaluate(makeContext(c, { grossMonthlyIncome: income, ...atOrBelow })) as ModificationResult;

describe('PORTFOLIO-MODIFICATION (HAMP Tier 1 shaped)', () => {
  test('stops at the rate step, closest to the target without going below it (default notBelow): 4.875%', () => {
    const r = evaluate(5000);
    // P&I(209,050, 4.875%, 330) = 1,151.38 >= 1,150 (31.03%); 4.75% would give 1,135.93 < 1,150 (30.72%): 4.875%.
    expect(r.eligible).toBe(true);
    expect(r.stoppedAt).toBe('rate');
    expect(r.rate).toBe(0.04875);
    expect(r.principalAndInterest).toBe(1151.38);
    expect(r.postModificationDti).toBe(0.310276); // (1,151.38 + 400) / 5,000
    expect(r.checks.find((c) => c.test === 'target DTI reached')?.detail).toMatch(/closest to the target 1150\.00 without going below it/);
  });

  test('stops at the rate step: income 5,000 -> target 1,150.00 reached at 4.75% (atOrBelow override)', () => {
    const r = evaluateAtOrBelow(5000);
    // DTI now (1,350 + 400) / 5,000 = 35% > 31%. P&I(209,050, 4.875%, 330) = 1,151.38 > 1,150;
    // P&I(209,050, 4.75%, 330) = 1,135.93 <= 1,150 -> 4.75%, remaining term kept, no forbearance.
    expect(r.eligible).toBe(true);
    expect(r.stoppedAt).toBe('rate');
    expect(r.rate).toBe(0.0475);
    expect(r.termMonths).toBe(330);
    expect(r.principalAndInterest).toBe(1135.93);
    expect(r.postCapitalizationUpb).toBe(209050);
    expect(r.forbearance).toBe(0);
    expect(r.targetPrincipalAndInterest).toBe(1150);
    expect(r.postModificationDti).toBe(0.307186); // (1,135.93 + 400) / 5,000
    expect(r.counselingFlag).toBe(false);
    // Step-up: cap = PMMS 6.31% to nearest 1/8 = 6.25%. Month 61: balance after 60 payments
    // (interest rounded monthly) 188,207.41 -> P&I(188,207.41, 5.75%, 270) = 1,244.05;
    // month 73: balance 183,990.76 -> P&I(183,990.76, 6.25%, 258) = 1,298.10 (cap reached).
    expect(r.rateSchedule).toEqual([
      { fromMonth: 1, rate: 0.0475, principalAndInterest: 1135.93 },
      { fromMonth: 61, rate: 0.0575, principalAndInterest: 1244.05 },
      { fromMonth: 73, rate: 0.0625, principalAndInterest: 1298.1 },
    ]);
  });

  test('stops at the term step: income 3,600 -> target 716.00: 400 months (notBelow), 401 (atOrBelow)', () => {
    // P&I(209,050, 2%, 330) = 824.10 > 716; P&I at 400 months = 716.47 >= 716 (31.01%); at 401 = 715.21 < 716
    const r = evaluate(3600);
    expect(r.stoppedAt).toBe('term');
    expect(r.rate).toBe(0.02);
    expect(r.termMonths).toBe(400);
    expect(r.principalAndInterest).toBe(716.47);
    expect(r.eligible).toBe(true);
    const below = evaluateAtOrBelow(3600);
    expect(below.termMonths).toBe(401);
    expect(below.principalAndInterest).toBe(715.21);
  });

  test('stops at forbearance: income 3,200 -> target 592.00', () => {
    const r = evaluate(3200);
    // P&I(209,050, 2%, 480) = 633.06 > 592; largest UPB with P&I <= 592.00 is 195,493.68,
    // forbearance 13,556.32 <= cap max(30% * 209,050 = 62,715.00, 209,050 - 250,000 < 0)
    expect(r.stoppedAt).toBe('forbearance');
    expect(r.termMonths).toBe(480);
    expect(r.forbearance).toBe(13556.32);
    expect(r.interestBearingUpb).toBe(195493.68);
    expect(r.principalAndInterest).toBe(592);
    expect(r.eligible).toBe(true);
  });

  test('forbearance cap is the GREATER of 30% and the amount to MTMLTV 100%', () => {
    // income 2,700 -> target 437.00: needs 64,740.89 > 62,715.00 (30%): not reached at value 250,000
    const capped = evaluate(2700);
    expect(capped.eligible).toBe(false);
    expect(capped.reason).toBe('target DTI not reached');
    expect(capped.forbearance).toBe(62715);
    // value 100,000: cap = max(62,715, 209,050 - 100,000 = 109,050) = 109,050 -> reached
    const lowValue = evaluate(2700, portfolioCase({}, { value: 100000 }));
    expect(lowValue.eligible).toBe(true);
    expect(lowValue.forbearance).toBe(64740.89);
    expect(lowValue.principalAndInterest).toBe(437);
  });

  test('not eligible when the DTI is already at or below the target', () => {
    const r = evaluate(10000); // (1,350 + 400) / 10,000 = 17.5%
    expect(r.eligible).toBe(false);
    expect(r.reason).toBe('DTI already at or below target');
  });

  test('income missing: not checked, not offered', () => {
    const r = evaluate(null as unknown as number);
    expect(r.checks[0].status).toBe('not checked');
    expect(r.eligible).toBe(false);
  });

  test('back-end DTI of 55% or more is flagged for counselling', () => {
    const r = evaluate(5000, portfolioCase(), 1500); // (1,135.93 + 400 + 1,500) / 5,000 = 60.7%
    expect(r.counselingFlag).toBe(true);
    expect(r.eligible).toBe(true);
  });

  test('target DTI is an overridable parameter', () => {
    const r = PORTFOLIO_MODIFICATION.evaluate(
      makeContext(portfolioCase(), { grossMonthlyIncome: 5000, rulebookOverrides: { 'PORTFOLIO-MOD': { targetDti: 0.34 } } }),
    ) as ModificationResult;
    // target floor(34% * 5,000 - 400) = 1,300.00: P&I(209,050, 6.125%, 330) = 1,311.42 >= 1,300,
    // P&I(209,050, 6.00%, 330) = 1,294.97 < 1,300 -> notBelow keeps 6.125%
    expect(r.targetPrincipalAndInterest).toBe(1300);
    expect(r.rulebook.version).toBe('2026-01-01+overrides');
    expect(r.rate).toBe(0.06125);
    expect(r.principalAndInterest).toBe(1311.42);
  });
});

describe('PORTFOLIO-TIER2-MODIFICATION', () => {
  test('PMMS rounded up to 1/8, 480 months, DTI in 25-42%', () => {
    const r = PORTFOLIO_TIER2_MODIFICATION.evaluate(makeContext(portfolioCase(), { grossMonthlyIncome: 5000 })) as ModificationResult;
    // 6.31% up to 6.375%; P&I(209,050, 6.375%, 480) = 1,205.33; reduction 10.72%; DTI (1,205.33 + 400) / 5,000 = 32.11%
    expect(r.rate).toBe(0.06375);
    expect(r.principalAndInterest).toBe(1205.33);
    expect(r.reductionPercent).toBe(10.72);
    expect(r.eligible).toBe(true);
  });
});

describe('search helpers and waterfall invariants (property tests)', () => {
  test('largestUpbForPayment is the largest cent amount at or below the target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: 500000 }), fc.integer({ min: 100, max: 1000 }), fc.integer({ min: 60, max: 480 }), (targetCents, rateBp, n) => {
        const target = new Decimal(targetCents).dividedBy(100);
        const rate = rateBp / 10000;
        const x = largestUpbForPayment(target, rate, n);
        expect(principalAndInterest(x, rate, n).lessThanOrEqualTo(target)).toBe(true);
        expect(principalAndInterest(x.plus('0.01'), rate, n).greaterThan(target)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('shortestTermForPayment and highestSteppedRateForPayment are minimal / maximal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50000, max: 400000 }), fc.integer({ min: 250, max: 900 }), fc.integer({ min: 40, max: 110 }), (upb, rateBp, pct) => {
        const rate = rateBp / 10000;
        const target = principalAndInterest(upb, rate, 360).times(pct).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_FLOOR);
        const n = shortestTermForPayment(upb, rate, target, 240, 480);
        if (n !== null) {
          expect(principalAndInterest(upb, rate, n).lessThanOrEqualTo(target)).toBe(true);
          if (n > 240) expect(principalAndInterest(upb, rate, n - 1).greaterThan(target)).toBe(true);
        } else expect(principalAndInterest(upb, rate, 480).greaterThan(target)).toBe(true);
        const r = highestSteppedRateForPayment(upb, rate, 0.02, 0.00125, 360, target);
        if (r !== null) {
          expect(principalAndInterest(upb, r, 360).lessThanOrEqualTo(target)).toBe(true);
          const k = new Decimal(rate).minus(r).dividedBy(0.00125);
          expect(k.isInteger() || r.equals(0.02)).toBe(true);
          if (!r.equals(rate)) {
            const higher = Decimal.min(new Decimal(rate), r.plus(0.00125));
            if (!r.equals(0.02) || k.isInteger()) expect(principalAndInterest(upb, higher, 360).greaterThan(target)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  test('the waterfall stops at the first step that reaches its target; forbearance within caps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50000, max: 600000 }),
        fc.integer({ min: 300, max: 900 }),
        fc.integer({ min: 120, max: 480 }),
        fc.integer({ min: 1500, max: 20000 }),
        fc.integer({ min: 30000, max: 900000 }),
        (upb, rateBp, remaining, income, value) => {
          const rate = rateBp / 10000;
          const c = portfolioCase({ upb, rate, remainingTermMonths: remaining, contractualPI: principalAndInterest(upb, rate, remaining).toNumber() }, { value });
          const f = computePortfolioWaterfall(c, params, new Decimal(income), new Decimal(400));
          if (!f) return;
          const startUpb = new Decimal(upb).plus(9050);
          if (f.stoppedAt === 'rate') {
            expect(f.termMonths).toBe(remaining);
            expect(f.newForbearance.isZero()).toBe(true);
          }
          if (f.stoppedAt === 'term') {
            // the rate step alone could not reach the target
            expect(principalAndInterest(startUpb, Math.min(rate, 0.02), remaining).greaterThan(f.targetPI)).toBe(true);
            expect(f.newForbearance.isZero()).toBe(true);
          }
          if (f.stoppedAt === 'forbearance' || f.stoppedAt === 'none') {
            expect(principalAndInterest(startUpb, Math.min(rate, 0.02), Math.max(480, remaining)).greaterThan(f.targetPI)).toBe(true);
            const cap = Decimal.max(startUpb.times(0.3).toDecimalPlaces(2), startUpb.minus(value));
            expect(f.newForbearance.lessThanOrEqualTo(cap)).toBe(true);
          }
          // notBelow: each step stops at the P&I closest to the target without going below it; one step further goes below.
          if (f.targetReached && !(f.stoppedAt === 'rate' && f.rate.equals(rate))) {
            expect(f.principalAndInterest.greaterThanOrEqualTo(f.targetPI)).toBe(true);
            // above the target only when one step further would go below it (a P&I exactly on the target is as close as it gets)
            if (f.principalAndInterest.greaterThan(f.targetPI)) {
              if (f.stoppedAt === 'rate') expect(principalAndInterest(startUpb, Decimal.max(f.rate.minus(0.00125), 0.02), remaining).lessThan(f.targetPI)).toBe(true);
              if (f.stoppedAt === 'term') expect(principalAndInterest(startUpb, f.rate, f.termMonths + 1).lessThan(f.targetPI)).toBe(true);
              if (f.stoppedAt === 'forbearance') expect(principalAndInterest(f.interestBearingUpb.minus(0.01), f.rate, f.termMonths).lessThan(f.targetPI)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test('an offered portfolio modification lowers the P&I, meets the target DTI and keeps forbearance within the caps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50000, max: 600000 }),
        fc.integer({ min: 300, max: 900 }),
        fc.integer({ min: 120, max: 480 }),
        fc.integer({ min: 1500, max: 20000 }),
        fc.integer({ min: 30000, max: 900000 }),
        (upb, rateBp, remaining, income, value) => {
          const rate = rateBp / 10000;
          const c = portfolioCase({ upb, rate, remainingTermMonths: remaining, contractualPI: principalAndInterest(upb, rate, remaining).toNumber() }, { value });
          const r = evaluate(income, c);
          if (!r.eligible) return;
          expect(r.principalAndInterest).toBeLessThan(c.loan.contractualPI);
          // notBelow: at or above the target P&I (the ratio may sit a little above 31%)
          if (r.stoppedAt !== 'rate' || r.rate !== rate) expect(r.principalAndInterest).toBeGreaterThanOrEqual(r.targetPrincipalAndInterest as number);
          const below = PORTFOLIO_MODIFICATION.evaluate(makeContext(c, { grossMonthlyIncome: income, ...atOrBelow })) as ModificationResult;
          if (below.eligible) expect(below.postModificationDti!).toBeLessThanOrEqual(params.targetDti + 1e-6);
          const postCap = upb + 9050;
          expect(r.forbearance).toBeLessThanOrEqual(Math.max(Math.round(postCap * 30) / 100, postCap - value) + 1e-6);
          // step-ups never exceed the cap and never fall
          const schedule = r.rateSchedule as { rate: number }[];
          for (let k = 1; k < schedule.length; k++) {
            expect(schedule[k].rate).toBeGreaterThan(schedule[k - 1].rate);
            expect(schedule[k].rate).toBeLessThanOrEqual(r.rateCap as number);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
