/**
 * The NPV's certified float64 sum must give exactly the all-decimal NPV (modificationNpvDecimal):
 * on random modifications, and on modifications built so that the modification's present value
 * sits within the error bound of a half cent (the fast path must fall back, and the cent must be
 * the half-up rounding of the constructed value).
 */
import fc from 'fast-check';
import { principalAndInterestDecimal } from '../../src/engine/amortization';
import { modificationNpv, modificationNpvDecimal, type ModificationNpvAssumptions, type ModificationNpvInputs } from '../../src/engine/npv';
import { Decimal, ONE, ZERO, dec, fastPathStats, fractionalPower, maxDecimal, minDecimal } from '../../src/engine/money';

const rateArb = fc.oneof(fc.integer({ min: 1, max: 120 }).map((eighths) => eighths * 0.00125), fc.double({ min: 0.001, max: 0.15, noNaN: true }));

const caseArb = fc.record({
  upbCents: fc.integer({ min: 1_000_000, max: 200_000_000 }),
  forborneCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50_000_000 })),
  rate: rateArb,
  termMonths: fc.integer({ min: 1, max: 480 }),
  valueRatio: fc.double({ min: 0.3, max: 2, noNaN: true }),
  discount: fc.oneof(fc.constant(0.0525), fc.double({ min: 0.01, max: 0.12, noNaN: true })),
  redefault: fc.oneof(fc.constant(0), fc.constant(0.15), fc.double({ min: 0.01, max: 0.6, noNaN: true })),
  reo: fc.double({ min: 0, max: 0.4, noNaN: true }),
  cost: fc.double({ min: 0, max: 0.2, noNaN: true }),
  timelineDays: fc.integer({ min: 0, max: 1500 }),
  elapsed: fc.integer({ min: 0, max: 400 }),
  upfrontCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000_000 })),
});
type CaseInput = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function npvArguments(c: CaseInput, upfront?: Decimal): [ModificationNpvInputs, ModificationNpvAssumptions] {
  const upb = dec(c.upbCents).dividedBy(100);
  return [
    {
      interestBearingUpb: upb,
      forbearance: dec(c.forborneCents).dividedBy(100),
      rate: c.rate,
      termMonths: c.termMonths,
      principalAndInterest: principalAndInterestDecimal(upb, c.rate, c.termMonths),
      propertyValue: upb.times(c.valueRatio).toDecimalPlaces(2),
      upfrontClaim: upfront ?? dec(c.upfrontCents).dividedBy(100),
    },
    {
      annualDiscountRate: c.discount,
      annualRedefaultRate: c.redefault,
      reoDiscount: c.reo,
      foreclosureCostRate: c.cost,
      foreclosureTimelineDays: c.timelineDays,
      daysAlreadyDelinquent: c.elapsed,
    },
  ];
}

/**
 * The modification's present value without the upfront claim, month by month in decimal (the
 * model of engine.md section 7 as npv.ts documents it, written the plain way, with the same
 * decimal discount, survival and timeline factors): an independent computation of the value the
 * engine rounds.
 */
function monthByMonthPv(inputs: ModificationNpvInputs, a: ModificationNpvAssumptions): Decimal {
  const upb = dec(inputs.interestBearingUpb);
  const forborne = dec(inputs.forbearance);
  const payment = dec(inputs.principalAndInterest as Decimal);
  const i = dec(inputs.rate).dividedBy(12);
  const v = ONE.dividedBy(ONE.plus(dec(a.annualDiscountRate).dividedBy(12)));
  const q = dec(a.annualRedefaultRate).isZero() ? ONE : fractionalPower(ONE.minus(a.annualRedefaultRate), ONE.dividedBy(12));
  const h = ONE.minus(q);
  const vT = fractionalPower(v, new Decimal(a.foreclosureTimelineDays).dividedBy(new Decimal(365).dividedBy(12)));
  const value = dec(inputs.propertyValue);
  const liquidation = maxDecimal(ZERO, value.times(ONE.minus(a.reoDiscount)).minus(value.times(a.foreclosureCostRate)));
  let pv = ZERO;
  let survival = ONE;
  let vPrev = ONE;
  let balance = upb; // scheduled balance B(t - 1) = B(t - 2)(1 + i) - P, not rounded (as the closed form)
  for (let t = 1; t <= inputs.termMonths; t++) {
    const vt = vPrev.times(v);
    if (!h.isZero()) pv = pv.plus(survival.times(h).times(minDecimal(liquidation, balance.plus(forborne))).times(vPrev).times(vT));
    survival = survival.times(q);
    pv = pv.plus(survival.times(payment).times(vt));
    balance = balance.times(ONE.plus(i)).minus(payment);
    vPrev = vt;
  }
  return pv.plus(survival.times(forborne).times(vPrev));
}

describe('modificationNpv fast path equals the all-decimal NPV', () => {
  it('on random modifications and assumptions', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const [inputs, assumptions] = npvArguments(c);
        expect(modificationNpv(inputs, assumptions)).toEqual(modificationNpvDecimal(inputs, assumptions));
      }),
      { numRuns: 1500 },
    );
  });

  it('falls back, and agrees, when the present value is within the error bound of a half cent', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -1000, max: 1000 }), (c, offset) => {
        const [inputs, assumptions] = npvArguments(c, ZERO);
        const pv = monthByMonthPv(inputs, assumptions);
        // An upfront claim that brings the total to K + 0.005 + delta, |delta| <= 1e-17 x the value:
        // far inside the fast path's bound (>= 16 x 2^-53 x the value), far outside the decimal's error (1e-36).
        const halfCent = pv.toDecimalPlaces(2, Decimal.ROUND_FLOOR).plus('0.015');
        const target = halfCent.plus(halfCent.times(offset).times('1e-20'));
        const upfront = target.minus(pv);
        const withClaim: ModificationNpvInputs = { ...inputs, upfrontClaim: upfront, totalDebt: dec(inputs.interestBearingUpb).plus(inputs.forbearance) };
        const before = fastPathStats.fallbacks;
        const fast = modificationNpv(withClaim, assumptions);
        expect(fastPathStats.fallbacks).toBeGreaterThan(before);
        const reference = modificationNpvDecimal(withClaim, assumptions);
        expect(fast).toEqual(reference);
        // Half-up of K + 0.005 + delta: K + 0.01 when delta > 0, K when delta < 0.
        const k = halfCent.minus('0.005');
        if (offset > 0) expect(reference.npvModification).toBe(k.plus('0.01').toNumber());
        if (offset < 0) expect(reference.npvModification).toBe(k.toNumber());
      }),
      { numRuns: 150 },
    );
  });

  it('agrees within 1e-9 of a half cent, whether the fast path certifies or falls back', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -100, max: 100 }).filter((o) => o !== 0), (c, offset) => {
        const [inputs, assumptions] = npvArguments(c, ZERO);
        const pv = monthByMonthPv(inputs, assumptions);
        const halfCent = pv.toDecimalPlaces(2, Decimal.ROUND_FLOOR).plus('0.015');
        const upfront = halfCent.plus(dec(offset).times('1e-11')).minus(pv); // delta = offset x 1e-11 dollars
        const withClaim: ModificationNpvInputs = { ...inputs, upfrontClaim: upfront, totalDebt: dec(inputs.interestBearingUpb).plus(inputs.forbearance) };
        const reference = modificationNpvDecimal(withClaim, assumptions);
        expect(modificationNpv(withClaim, assumptions)).toEqual(reference);
        const k = halfCent.minus('0.005');
        expect(reference.npvModification).toBe((offset > 0 ? k.plus('0.01') : k).toNumber());
      }),
      { numRuns: 150 },
    );
  });

  it('falls back rarely on random modifications (fewer than 1 in 200)', () => {
    const before = { ...fastPathStats };
    let calls = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const [inputs, assumptions] = npvArguments(c);
        modificationNpv(inputs, assumptions);
        calls += 1;
      }),
      { numRuns: 2000 },
    );
    expect(fastPathStats.fallbacks + fastPathStats.certified - before.fallbacks - before.certified).toBe(calls);
    expect(fastPathStats.fallbacks - before.fallbacks).toBeLessThan(10);
  });

  it('keeps the decimal path at 0% and without re-default (the cases the float sums do not cover)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const [inputs, assumptions] = npvArguments({ ...c, rate: 0 });
        expect(modificationNpv(inputs, assumptions)).toEqual(modificationNpvDecimal(inputs, assumptions));
        const [inputs2, assumptions2] = npvArguments({ ...c, redefault: 0 });
        expect(modificationNpv(inputs2, assumptions2)).toEqual(modificationNpvDecimal(inputs2, assumptions2));
      }),
      { numRuns: 200 },
    );
  });
});
