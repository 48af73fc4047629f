/**
 * The solvers' certified float64 checks must give exactly the results of the all-decimal
 * searches (solveTermForPaymentDecimal: month by month from the minimum term;
 * largestPrincipalForRoundedPaymentDecimal: cent by cent in decimal), on random inputs and on
 * inputs built so that a payment sits within the error bound of the half cent.
 */
import fc from 'fast-check';
import { paymentFactorDecimal } from '../../src/engine/amortization';
import { Decimal, dec, fastPathStats } from '../../src/engine/money';
import {
  largestPrincipalForPayment,
  largestPrincipalForRoundedPaymentDecimal,
  solveTermForPayment,
  solveTermForPaymentDecimal,
  type TermSolution,
} from '../../src/engine/workouts/solvers';

const rateArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 120 }).map((eighths) => eighths * 0.00125),
  fc.double({ min: 0.0001, max: 0.15, noNaN: true }),
);
const centsArb = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((c) => dec(c).dividedBy(100));

function expectSameSolution(actual: TermSolution, expected: TermSolution): void {
  expect(actual.termMonths).toBe(expected.termMonths);
  expect(actual.principalAndInterest.toString()).toBe(expected.principalAndInterest.toString());
  expect(actual.reached).toBe(expected.reached);
  expect(actual.factor.toString()).toBe(expected.factor.toString());
}

describe('solveTermForPayment fast path equals the month-by-month decimal search', () => {
  it('on random principals, rates, targets and term ranges', () => {
    fc.assert(
      fc.property(
        centsArb(0.01, 10_000_000),
        rateArb,
        fc.integer({ min: 1, max: 480 }),
        fc.integer({ min: 0, max: 120 }),
        fc.double({ min: 0.3, max: 1.3, noNaN: true }),
        (principal, rate, minMonths, span, ratio) => {
          const maxMonths = Math.min(480, minMonths + span);
          // A target around the payment at a term inside the range, so that the answer varies.
          const middle = Math.floor((minMonths + maxMonths) / 2);
          const target = principal.times(paymentFactorDecimal(rate, middle)).times(ratio).toDecimalPlaces(2);
          expectSameSolution(solveTermForPayment(principal, rate, target, minMonths, maxMonths), solveTermForPaymentDecimal(principal, rate, target, minMonths, maxMonths));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('with a target that is not a whole number of cents (all-decimal comparison)', () => {
    fc.assert(
      fc.property(centsArb(1000, 1_000_000), rateArb, fc.integer({ min: 120, max: 400 }), (principal, rate, minMonths) => {
        const target = principal.times(paymentFactorDecimal(rate, minMonths + 40)).plus('0.0012345');
        expectSameSolution(solveTermForPayment(principal, rate, target, minMonths, 480), solveTermForPaymentDecimal(principal, rate, target, minMonths, 480));
      }),
      { numRuns: 100 },
    );
  });

  it('falls back and agrees when the payment at the answer or the term before it is within the bound of the half cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }).map((eighths) => eighths * 0.00125),
        fc.integer({ min: 300, max: 470 }),
        fc.integer({ min: 50_000, max: 1_000_000 }), // target in cents
        fc.integer({ min: -500, max: 500 }), // offset in units of 1e-15 x the payment
        fc.boolean(),
        (rate, boundaryTerm, targetCents, offset, answerSide) => {
          // The principal whose exact payment at `boundaryTerm` is target + 0.005 (+ a hair): that
          // term is the answer or just misses it depending on the sign of the offset.
          const target = dec(targetCents).dividedBy(100);
          const halfCent = target.plus('0.005');
          const payment = halfCent.plus(halfCent.times(offset).times('1e-15'));
          const principal = payment.dividedBy(paymentFactorDecimal(rate, boundaryTerm));
          const minMonths = answerSide ? boundaryTerm : boundaryTerm - 5;
          const before = fastPathStats.fallbacks;
          const fast = solveTermForPayment(principal, rate, target, minMonths, 480);
          expect(fastPathStats.fallbacks).toBeGreaterThan(before);
          const reference = solveTermForPaymentDecimal(principal, rate, target, minMonths, 480);
          expectSameSolution(fast, reference);
          // Half-up: an exact payment at or above target + 0.005 rounds above the target, so
          // `boundaryTerm` is the answer only when the offset is negative.
          if (offset < 0) expect(reference.termMonths).toBe(boundaryTerm);
          if (offset > 0) expect(reference.termMonths).toBeGreaterThan(boundaryTerm);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('largestPrincipalForPayment (rounded) fast path equals the cent-by-cent decimal search', () => {
  it('on random factors and targets', () => {
    fc.assert(
      fc.property(rateArb, fc.integer({ min: 1, max: 480 }), centsArb(0.01, 100_000), (rate, months, target) => {
        const factor = paymentFactorDecimal(rate, months);
        const fast = largestPrincipalForPayment(factor, target, 'rounded');
        const reference = largestPrincipalForRoundedPaymentDecimal(factor, target);
        expect(fast.toString()).toBe(reference.toString());
      }),
      { numRuns: 1000 },
    );
  });

  it('falls back and agrees when a candidate principal pays within the bound of the half cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 10_000_000 }), // candidate principal in cents
        fc.integer({ min: 10_000, max: 1_000_000 }), // target in cents
        fc.integer({ min: -500, max: 500 }),
        (principalCents, targetCents, offset) => {
          // A factor under which principalCents / 100 pays target + 0.005 (+ a hair): the boundary
          // candidate itself, which the search checks on its way to the answer.
          const target = dec(targetCents).dividedBy(100);
          const halfCent = target.plus('0.005');
          const factor = halfCent.plus(halfCent.times(offset).times('1e-15')).dividedBy(dec(principalCents).dividedBy(100));
          const before = fastPathStats.fallbacks;
          const fast = largestPrincipalForPayment(factor, target, 'rounded');
          expect(fastPathStats.fallbacks).toBeGreaterThan(before);
          const reference = largestPrincipalForRoundedPaymentDecimal(factor, target);
          expect(fast.toString()).toBe(reference.toString());
          // The candidate fits exactly when its payment is below the half cent (offset < 0).
          if (offset < 0) expect(reference.greaterThanOrEqualTo(dec(principalCents).dividedBy(100))).toBe(true);
          if (offset > 0) expect(reference.lessThan(dec(principalCents).dividedBy(100))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the exact-boundary answer of the Freddie Mac example unchanged (hand check in solvers.test.ts)', () => {
    const factor = paymentFactorDecimal(0.0475, 480);
    // 'rounded' and the reference agree on the published target 1530.40 (gse-flex-forbearance.json).
    expect(largestPrincipalForPayment(factor, new Decimal('1530.40'), 'rounded').toString()).toBe(largestPrincipalForRoundedPaymentDecimal(factor, new Decimal('1530.40')).toString());
  });
});
