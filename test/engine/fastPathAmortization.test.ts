/**
 * The certified float64 fast path of principalAndInterest must give exactly the pure-decimal
 * result (principalAndInterestDecimal) for every input: random inputs, inputs built to sit on a
 * hair of the half cent (where the fast path must fall back), and exact half cents.
 */
import fc from 'fast-check';
import {
  certifiedPaymentCents,
  paymentFactor,
  paymentFactorDecimal,
  principalAndInterest,
  principalAndInterestDecimal,
} from '../../src/engine/amortization';
import { Decimal, certifiedHalfUpCents, dec, fastPathStats } from '../../src/engine/money';

/** Same value and same printed form (decimal.js normalizes, so equal values print alike). */
function expectSameDecimal(actual: Decimal, expected: Decimal): void {
  expect(actual.toString()).toBe(expected.toString());
  expect(actual.equals(expected)).toBe(true);
}

const rateArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 120 }).map((eighths) => eighths * 0.00125), // the 1/8% grid up to 15%
  fc.double({ min: 0, max: 0.15, noNaN: true }),
);
const termArb = fc.integer({ min: 1, max: 480 });
const principalArb = fc.integer({ min: 1, max: 1_000_000_000 }).map((cents) => cents / 100); // 0.01 .. 10,000,000

describe('principalAndInterest fast path equals the decimal computation', () => {
  it('on random rates 0-15%, terms 1-480 and principals 0.01-10,000,000', () => {
    fc.assert(
      fc.property(principalArb, rateArb, termArb, (principal, rate, months) => {
        expectSameDecimal(principalAndInterest(principal, rate, months), principalAndInterestDecimal(principal, rate, months));
      }),
      { numRuns: 3000 },
    );
  });

  it('with decimal and string inputs', () => {
    fc.assert(
      fc.property(principalArb, rateArb, termArb, (principal, rate, months) => {
        const p = dec(principal).plus('0.0049999'); // a principal with more than two decimals
        expectSameDecimal(principalAndInterest(p, dec(rate), months), principalAndInterestDecimal(p, dec(rate), months));
        expectSameDecimal(principalAndInterest(p.toString(), String(rate), months), principalAndInterestDecimal(p.toString(), String(rate), months));
      }),
      { numRuns: 300 },
    );
  });

  it('falls back, and still agrees, when the exact payment is within the error bound of a half cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }).map((eighths) => eighths * 0.00125),
        termArb,
        fc.integer({ min: 100, max: 5_000_000 }), // the payment's whole cents below the half cent
        fc.integer({ min: -500, max: 500 }), // offset in units of 1e-15 x the payment
        (rate, months, cents, offset) => {
          // principal = (k + 0.005 + delta) / factor, so its exact payment is k + 0.005 + delta with
          // |delta| <= 5e-13 x payment (under 1e-9 for every payment here): inside the fast path's
          // bound of 1e-12 x payment, so it must fall back to decimals.
          const factor = paymentFactorDecimal(rate, months);
          const halfCent = dec(cents).dividedBy(100).plus('0.005');
          const payment = halfCent.plus(halfCent.times(offset).times('1e-15'));
          const principal = payment.dividedBy(factor);
          const before = fastPathStats.fallbacks;
          const fast = principalAndInterest(principal, rate, months);
          expect(fastPathStats.fallbacks).toBe(before + 1);
          const reference = principalAndInterestDecimal(principal, rate, months);
          expectSameDecimal(fast, reference);
          // Hand check of the half-up rule on the constructed payment: up from the half cent, down below it.
          // (offset 0 sits on the half cent to 1e-38: the 40-digit product may land a hair either side.)
          if (offset !== 0) expectSameDecimal(reference, dec(offset > 0 ? cents + 1 : cents).dividedBy(100));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees when the exact payment is within 1e-9 of a half cent, certified or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }).map((eighths) => eighths * 0.00125),
        termArb,
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: -1000, max: 1000 }), // offset in units of 1e-12 dollars
        (rate, months, cents, offset) => {
          const factor = paymentFactorDecimal(rate, months);
          const payment = dec(cents).dividedBy(100).plus('0.005').plus(dec(offset).times('1e-12'));
          const principal = payment.dividedBy(factor);
          const reference = principalAndInterestDecimal(principal, rate, months);
          expectSameDecimal(principalAndInterest(principal, rate, months), reference);
          if (offset !== 0) expectSameDecimal(reference, dec(offset > 0 ? cents + 1 : cents).dividedBy(100));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rounds an exact half cent up, as the decimal path does (0%: 12.06 / 12 = 1.005 -> 1.01)', () => {
    expectSameDecimal(principalAndInterest('12.06', 0, 12), dec('1.01'));
    expectSameDecimal(principalAndInterest('12.06', 0, 12), principalAndInterestDecimal('12.06', 0, 12));
    // 1,000,000.02 / 4 = 250,000.005 -> 250,000.01; a hair below stays at 250,000.00.
    expectSameDecimal(principalAndInterest('1000000.02', 0, 4), dec('250000.01'));
    expectSameDecimal(principalAndInterest('1000000.019999999', 0, 4), dec('250000'));
  });

  it('agrees on whole-cent principals whose payments come closest to the half cent', () => {
    // For a few rates and terms, scan 200,000 whole-cent principals and keep the 20 whose exact
    // payment is nearest a half cent: the naturally hardest inputs of a loan tape.
    for (const [rate, months] of [[0.0475, 480], [0.06, 360], [0.03125, 240], [0.15, 12]] as const) {
      const f = paymentFactorDecimal(rate, months).toNumber();
      const nearest: Array<{ cents: number; distance: number }> = [];
      for (let cents = 10_000_000; cents < 10_200_000; cents++) {
        const payment = (cents * f) / 100;
        const distance = Math.abs(payment * 100 - Math.floor(payment * 100) - 0.5);
        nearest.push({ cents, distance });
      }
      nearest.sort((a, b) => a.distance - b.distance);
      for (const { cents } of nearest.slice(0, 20)) {
        const principal = dec(cents).dividedBy(100);
        expectSameDecimal(principalAndInterest(principal, rate, months), principalAndInterestDecimal(principal, rate, months));
      }
    }
  });

  it('falls back rarely on random loans (fewer than 1 in 1,000)', () => {
    // Realistic rates (0 excluded: at 0% a principal divisible into exact half cents is a genuine
    // tie, e.g. 7,802,176.35 / 2, which must and does fall back).
    const loanRate = fc.oneof(fc.integer({ min: 1, max: 120 }).map((eighths) => eighths * 0.00125), fc.double({ min: 0.001, max: 0.15, noNaN: true }));
    const before = { ...fastPathStats };
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: 1_000_000_000 }).map((c) => c / 100), loanRate, termArb, (principal, rate, months) => {
        principalAndInterest(principal, rate, months);
      }),
      { numRuns: 5000 },
    );
    const fallbacks = fastPathStats.fallbacks - before.fallbacks;
    const certified = fastPathStats.certified - before.certified;
    expect(fallbacks + certified).toBe(5000);
    expect(fallbacks).toBeLessThan(5);
  });

  it('keeps the argument errors of the decimal path', () => {
    expect(() => principalAndInterest(1000, 0.05, 0)).toThrow(/whole number of months/);
    expect(() => principalAndInterest(1000, 0.05, 12.5)).toThrow(RangeError);
    // Outside the certified range (negative principal, rate above 100%): decimal, same result.
    expectSameDecimal(principalAndInterest(-1000, 0.05, 12), principalAndInterestDecimal(-1000, 0.05, 12));
    expectSameDecimal(principalAndInterest(1000, 1.5, 12), principalAndInterestDecimal(1000, 1.5, 12));
  });
});

describe('certified rounding helpers', () => {
  it('certifiedHalfUpCents refuses values within the bound of a half cent', () => {
    expect(certifiedHalfUpCents(1.005, 1e-9)).toBeNull();
    expect(certifiedHalfUpCents(1.0051, 1e-9)).toBe(101);
    expect(certifiedHalfUpCents(1.0049, 1e-9)).toBe(100);
    expect(certifiedHalfUpCents(-5, 1e-9)).toBeNull();
    expect(certifiedHalfUpCents(Number.NaN, 1e-9)).toBeNull();
  });

  it('certifiedPaymentCents is null outside 0 and 1e-9 to 100% rates', () => {
    expect(certifiedPaymentCents(1000, -0.01, 12)).toBeNull();
    expect(certifiedPaymentCents(1000, 1.01, 12)).toBeNull();
    expect(certifiedPaymentCents(1000, 1e-12, 12)).toBeNull(); // below 1e-9 the decimal path itself cancels
    // A rate too small for float64 (1e-400) is not 0: the decimal path (which divides by zero at 40 digits) decides.
    expect(principalAndInterest(1000, dec('1e-400'), 12).toString()).toBe(principalAndInterestDecimal(1000, dec('1e-400'), 12).toString());
    // 100,000 at 6% over 360: 599.5505... -> 59955 cents (every mortgage table).
    expect(certifiedPaymentCents(100000, 0.06, 360)).toBe(59955);
  });

  it('paymentFactor (memoized) is the decimal factor', () => {
    fc.assert(
      fc.property(rateArb, termArb, (rate, months) => {
        expectSameDecimal(paymentFactor(rate, months), paymentFactorDecimal(rate, months));
        expectSameDecimal(paymentFactor(dec(rate), months), paymentFactorDecimal(rate, months));
      }),
      { numRuns: 500 },
    );
  });
});
