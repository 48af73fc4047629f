/** Invariants of the Flex calculator on random loans (engine.md section 4). */
import fc from 'fast-check';
import { principalAndInterest } from '../../../../src/engine/amortization';
import { Decimal, floorCents } from '../../../../src/engine/money';
import { flexModification, type FlexInputs } from '../../../../src/engine/programs/gse/flex';
import { GSE_FLEX_RULEBOOK, type GseFlexParameters } from '../../../../src/engine/rulebooks/gse';
import { parameterValues, rulebookRef } from '../../../../src/engine/rulebooks/types';

const params: GseFlexParameters = parameterValues(GSE_FLEX_RULEBOOK);
const ref = rulebookRef(GSE_FLEX_RULEBOOK);
const cents = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => c / 100);
const toCents = (x: number) => Math.round(x * 100);

const loan = fc
  .record({
    upb: cents(5000, 800000),
    arrears: cents(0, 40000),
    rate: fc.integer({ min: 1, max: 80 }).map((e) => e * 0.00125),
    posted: fc.option(fc.integer({ min: 24, max: 64 }).map((e) => e * 0.00125), { nil: null }),
    remaining: fc.integer({ min: 12, max: 480 }),
    /** Contractual P&I relative to the amortizing payment: some loans get a P&I increase. */
    piScale: fc.integer({ min: 20, max: 150 }),
    value: fc.option(cents(10000, 1500000), { nil: null }),
    boundary: fc.constantFrom('exact', 'rounded'),
  })
  .map(({ upb, arrears, rate, posted, remaining, piScale, value, boundary }) => {
    const amortizing = principalAndInterest(upb, rate, remaining);
    const contractualPI = Decimal.max('0.01', floorCents(amortizing.times(piScale).dividedBy(100))).toNumber();
    const inputs: FlexInputs = {
      interestBearingUpb: upb,
      deferredBalance: 0,
      eligibleArrearages: arrears,
      borrowerContribution: 0,
      currentRate: rate,
      remainingTermMonths: remaining,
      contractualPI,
      propertyValue: value,
      modificationRate: posted,
      monthlyEscrow: 300,
      escrowShortage: 0,
      firstTrialPaymentDate: '2025-11-01',
      grossMonthlyIncome: null,
    };
    return { inputs, boundary };
  });

describe('flexModification invariants', () => {
  it('holds the Flex invariants on random loans', () => {
    fc.assert(
      fc.property(loan, ({ inputs, boundary }) => {
        const r = flexModification(inputs, { ...params, forbearancePaymentBoundary: boundary }, ref);
        const current = toCents(Number(inputs.contractualPI));
        const target = new Decimal(inputs.contractualPI).times(params.targetPaymentFactor).toDecimalPlaces(2, Decimal.ROUND_FLOOR).toNumber();
        const gross = toCents(r.postCapitalizationUpb);
        // Interest-bearing + forbearance = post-capitalization UPB.
        expect(toCents(r.interestBearingUpb) + toCents(r.forbearance)).toBe(gross);
        // Forbearance within both caps and never negative.
        expect(r.forbearance).toBeGreaterThanOrEqual(0);
        expect(toCents(r.forbearance)).toBeLessThanOrEqual(Math.floor(gross * 0.3 + 1e-6));
        if (r.forbearance > 0) {
          expect(inputs.propertyValue).not.toBeNull();
          expect(toCents(r.forbearance) * 2).toBeLessThanOrEqual(gross * 2 - toCents(Number(inputs.propertyValue)));
        }
        // P&I at or below the target whenever the target is reached.
        if (r.targetReached) expect(r.principalAndInterest).toBeLessThanOrEqual(target);
        // Never a reduction reported, nor eligible, when P&I does not decrease.
        if (toCents(r.principalAndInterest) >= current) {
          expect(r.eligible).toBe(false);
          expect(r.reason).toBe('P&I increase');
          expect(r.reductionPercent).toBeLessThanOrEqual(0);
        } else {
          expect(r.eligible).toBe(true);
          expect(r.reductionPercent).toBeGreaterThanOrEqual(0);
        }
        // The term is the first that reaches the target (or the maximum).
        const from = Math.min(inputs.remainingTermMonths, params.maxTermMonths);
        expect(r.termMonths).toBeGreaterThanOrEqual(from);
        expect(r.termMonths).toBeLessThanOrEqual(params.maxTermMonths);
        if (r.termMonths > from) {
          expect(principalAndInterest(r.postCapitalizationUpb, r.rate, r.termMonths - 1).toNumber()).toBeGreaterThan(target);
        }
        // The reported P&I is the payment on the interest-bearing UPB.
        expect(principalAndInterest(r.interestBearingUpb, r.rate, r.termMonths).toNumber()).toBe(r.principalAndInterest);
        // Rate rule.
        const expectedRate = inputs.modificationRate !== null && inputs.currentRate > inputs.modificationRate ? inputs.modificationRate : inputs.currentRate;
        expect(r.rate).toBe(expectedRate);
      }),
      { numRuns: 200 },
    );
  });
});
