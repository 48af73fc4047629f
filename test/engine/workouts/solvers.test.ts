/**
 * The closed-form solvers agree with brute-force decimal searches (property tests, small
 * term ranges to stay quick), plus hand-checked examples.
 */
import fc from 'fast-check';
import { paymentFactor, principalAndInterest } from '../../../src/engine/amortization';
import { Decimal, roundCents } from '../../../src/engine/money';
import { largestPrincipalForPayment, solveTermForPayment } from '../../../src/engine/workouts/solvers';

const cents = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => new Decimal(c).dividedBy(100));
const rate = fc.integer({ min: 0, max: 96 }).map((eighths) => eighths * 0.00125); // 0% to 12% in 1/8 steps

/** Brute force: the first term from min to max whose rounded P&I is at or below the target. */
function bruteTerm(p: Decimal, r: number, target: Decimal, min: number, max: number): number {
  for (let n = min; n <= max; n++) if (!principalAndInterest(p, r, n).greaterThan(target)) return n;
  return max;
}

/** Brute force: decimal bisection over whole cents for the largest principal that fits. */
function bruteLargest(f: Decimal, target: Decimal, fits: (x: Decimal) => boolean): Decimal {
  let lo = 0; // fits (0 always does)
  let hi = target.plus(0.005).dividedBy(f).times(100).ceil().toNumber() + 2; // beyond any fit, rounded or exact
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(new Decimal(mid).dividedBy(100))) lo = mid;
    else hi = mid;
  }
  expect(fits(new Decimal(hi).dividedBy(100))).toBe(false);
  return new Decimal(lo).dividedBy(100);
}

describe('solveTermForPayment', () => {
  it('finds the first term at or below the target (hand check: 205000 at 6.5%, target 1338.22 -> 328 months, 1337.87)', () => {
    // Python decimal: 327 months 1339.36, 328 months 1337.87.
    const s = solveTermForPayment(205000, 0.065, 1338.22, 240, 480);
    expect(s).toMatchObject({ termMonths: 328, principalAndInterest: new Decimal('1337.87'), reached: true });
    expect(s.factor.equals(paymentFactor(0.065, 328))).toBe(true);
  });

  it('returns the maximum term, not reached, when no term reaches the target', () => {
    const s = solveTermForPayment(356130.71, 0.0475, 1530.41, 322, 480);
    expect(s.termMonths).toBe(480);
    expect(s.reached).toBe(false);
    expect(s.principalAndInterest.equals(principalAndInterest(356130.71, 0.0475, 480))).toBe(true);
  });

  it('agrees with a month-by-month decimal search at the rounding boundary', () => {
    fc.assert(
      fc.property(cents(1000, 900000), rate, fc.integer({ min: 1, max: 470 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: -2, max: 14 }), fc.constantFrom(-1, 0, 1), (p, r, min, span, k, delta) => {
        const max = min + span;
        // A target right at the rounded P&I of a term near the range (so the boundary is exercised), +/- one cent.
        const at = Math.max(1, min + k);
        const target = Decimal.max(0, principalAndInterest(p, r, at).plus(new Decimal(delta).dividedBy(100)));
        const s = solveTermForPayment(p, r, target, min, max);
        const n = bruteTerm(p, r, target, min, max);
        expect(s.termMonths).toBe(n);
        expect(s.principalAndInterest.equals(principalAndInterest(p, r, n))).toBe(true);
        expect(s.reached).toBe(!principalAndInterest(p, r, n).greaterThan(target));
      }),
      { numRuns: 150 },
    );
  });
});

describe('largestPrincipalForPayment', () => {
  it('hand check on the Freddie Mac example: exact 328584.90, rounded 328585.97', () => {
    const f = paymentFactor(0.0475, 480);
    expect(largestPrincipalForPayment(f, 1530.41, 'exact').toFixed(2)).toBe('328584.90');
    expect(largestPrincipalForPayment(f, 1530.41, 'rounded').toFixed(2)).toBe('328585.97');
  });

  it('agrees with a decimal bisection for both boundaries', () => {
    fc.assert(
      fc.property(rate, fc.integer({ min: 12, max: 480 }), cents(0, 20000), (r, n, target) => {
        const f = paymentFactor(r, n);
        const rounded = (x: Decimal) => !roundCents(x.times(f)).greaterThan(target);
        const exact = (x: Decimal) => !x.times(f).greaterThan(target);
        expect(largestPrincipalForPayment(f, target, 'rounded').equals(bruteLargest(f, target, rounded))).toBe(true);
        expect(largestPrincipalForPayment(f, target, 'exact').equals(bruteLargest(f, target, exact))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
