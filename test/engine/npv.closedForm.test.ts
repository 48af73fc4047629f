/**
 * The NPV's closed-form sums (geometric series split at the month where the debt falls below the
 * liquidation value) must equal the plain month-by-month sum of engine.md section 7's model.
 * The loop below is that model written the obvious way, kept here as the reference.
 */
import fc from 'fast-check';
import { modificationNpv } from '../../src/engine/npv';
import { Decimal, ONE, ZERO, centsNumber, maxDecimal, minDecimal } from '../../src/engine/money';
import { paymentFactor } from '../../src/engine/amortization';

function monthByMonthPv(p: {
  upb: number; forborne: number; rate: number; n: number; value: number;
  discount: number; redefault: number; reo: number; cost: number; timelineDays: number;
}): number {
  const upb = new Decimal(p.upb);
  const forborne = new Decimal(p.forborne);
  const payment = upb.times(paymentFactor(p.rate, p.n));
  const i = new Decimal(p.rate).dividedBy(12);
  const v = ONE.dividedBy(ONE.plus(new Decimal(p.discount).dividedBy(12)));
  const q = new Decimal(p.redefault).isZero() ? ONE : ONE.minus(p.redefault).pow(ONE.dividedBy(12));
  const h = ONE.minus(q);
  const vT = v.pow(new Decimal(p.timelineDays).dividedBy(new Decimal(365).dividedBy(12)));
  const value = new Decimal(p.value);
  const liquidation = maxDecimal(ZERO, value.times(ONE.minus(p.reo)).minus(value.times(p.cost)));
  let pv = ZERO;
  let survival = ONE;
  let vPrev = ONE;
  let balance = upb;
  for (let t = 1; t <= p.n; t++) {
    const vt = vPrev.times(v);
    pv = pv.plus(survival.times(h).times(minDecimal(liquidation, balance.plus(forborne))).times(vPrev).times(vT));
    survival = survival.times(q);
    pv = pv.plus(survival.times(payment).times(vt));
    balance = maxDecimal(ZERO, balance.times(ONE.plus(i)).minus(payment));
    vPrev = vt;
  }
  return centsNumber(pv.plus(survival.times(forborne).times(vPrev)));
}

describe('modification NPV closed form', () => {
  it('equals the month-by-month sum on random loans (to the cent, or one cent at a rounding tie)', () => {
    fc.assert(
      fc.property(
        fc.record({
          upb: fc.integer({ min: 10_000, max: 800_000 }),
          forborne: fc.integer({ min: 0, max: 100_000 }),
          rate: fc.constantFrom(0, 0.02, 0.03125, 0.0475, 0.065, 0.08),
          n: fc.integer({ min: 1, max: 480 }),
          value: fc.integer({ min: 5_000, max: 1_000_000 }),
          discount: fc.constantFrom(0, 0.05, 0.0875),
          redefault: fc.constantFrom(0, 0.1, 0.25, 0.6),
          reo: fc.constantFrom(0, 0.15, 0.3),
          cost: fc.constantFrom(0, 0.08),
          timelineDays: fc.integer({ min: 0, max: 1_800 }),
        }),
        (p) => {
          const closed = modificationNpv(
            { interestBearingUpb: p.upb, forbearance: p.forborne, rate: p.rate, termMonths: p.n, propertyValue: p.value, upfrontClaim: 0 },
            { annualDiscountRate: p.discount, annualRedefaultRate: p.redefault, reoDiscount: p.reo, foreclosureCostRate: p.cost, foreclosureTimelineDays: p.timelineDays },
          ).npvModification;
          expect(Math.abs(closed - monthByMonthPv(p))).toBeLessThanOrEqual(0.01);
        },
      ),
      { numRuns: 150 },
    );
  });
});
