/**
 * The Flex calculator's integer-cents path (flexModification) must give exactly what the
 * all-decimal path (flexModificationDecimal) gives: the same result object, texts and all, or
 * the same error. Random loans cover whole-cent and sub-cent amounts, strings, rates on and off
 * the 1/8 grid, tiny rates, long terms, both payment boundaries, odd rulebook fractions and bad
 * inputs; the path counters prove the cents path is actually the one exercised.
 */
import fc from 'fast-check';
import { Decimal } from '../../../../src/engine/money';
import { flexModification, flexModificationDecimal, flexPathStats, type FlexInputs } from '../../../../src/engine/programs/gse/flex';
import { GSE_FLEX_RULEBOOK, type GseFlexParameters } from '../../../../src/engine/rulebooks/gse';
import { parameterValues, rulebookRef } from '../../../../src/engine/rulebooks/types';
import { largestPrincipalCentsForPayment, largestPrincipalForPayment, solveTermForPaymentCents, solveTermForPaymentDecimal } from '../../../../src/engine/workouts/solvers';
import { paymentFactorDecimal } from '../../../../src/engine/amortization';
import { freddieScenario5 } from '../../../support/flexExamples';

const published: GseFlexParameters = parameterValues(GSE_FLEX_RULEBOOK);
const ref = rulebookRef(GSE_FLEX_RULEBOOK);

const cents = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((c) => c / 100);
/** Mostly whole cents (the cents path), sometimes sub-cent numbers, strings or Decimals (the decimal path). */
const amount = (min: number, max: number) =>
  fc.oneof(
    { weight: 60, arbitrary: cents(min, max) },
    { weight: 1, arbitrary: fc.integer({ min: Math.round(min * 1000), max: Math.round(max * 1000) }).map((m) => m / 1000) },
    { weight: 1, arbitrary: cents(min, max).map((x) => x.toFixed(2)) },
    { weight: 1, arbitrary: cents(min, max).map((x) => new Decimal(x)) },
  );
const rate = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 96 }).map((eighths) => eighths * 0.00125) },
  { weight: 2, arbitrary: fc.double({ min: 0.0001, max: 0.2, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1e-10, 5e-9, 1, 4.75, -0.01) },
);

const inputs: fc.Arbitrary<FlexInputs> = fc.record({
  interestBearingUpb: amount(1000, 2_000_000),
  deferredBalance: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: amount(0, 100_000) }),
  eligibleArrearages: amount(0, 60_000),
  borrowerContribution: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: amount(0, 2_000_000) }),
  currentRate: rate,
  remainingTermMonths: fc.oneof(fc.integer({ min: 1, max: 480 }), fc.constantFrom(0, 600, 12.5)),
  contractualPI: fc.oneof({ weight: 12, arbitrary: amount(1, 15_000) }, { weight: 1, arbitrary: fc.constant(0) }),
  propertyValue: fc.option(fc.oneof({ weight: 12, arbitrary: amount(1000, 3_000_000) }, { weight: 1, arbitrary: fc.constant(0) }), { nil: null, freq: 6 }),
  modificationRate: fc.option(rate, { nil: null, freq: 5 }),
  monthlyEscrow: amount(0, 3000),
  escrowShortage: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: amount(0, 10_000) }),
  firstTrialPaymentDate: fc.option(fc.constantFrom('2025-11-01', '2024-01-31', '2026-02-15'), { nil: null, freq: 4 }),
  grossMonthlyIncome: fc.option(fc.oneof({ weight: 8, arbitrary: amount(0, 50_000) }, { weight: 1, arbitrary: fc.constant(0) }), { nil: null, freq: 5 }),
  otherHousingExpense: fc.option(amount(0, 5000), { nil: undefined, freq: 3 }),
});

/** Rulebook overrides: usually valid variations, sometimes a value the calculator must reject or cannot take in cents. */
const params: fc.Arbitrary<GseFlexParameters> = fc
  .oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        forbearancePaymentBoundary: fc.constantFrom('exact', 'rounded'),
        targetPaymentFactor: fc.constantFrom(0.79995, 0.8, 0.75, 0.123456789),
        forbearanceCapOfUpb: fc.constantFrom(0.3, 0.25, 0.333),
        forbearanceMtmltvFloor: fc.constantFrom(0.5, 0.8),
        minimumMtmltvForForbearance: fc.constantFrom(0.5, 0.8, 1),
        maxTermMonths: fc.constantFrom(480, 360),
        trialPaymentCount: fc.constantFrom(3, 4),
        escrowShortageSpreadMonths: fc.constantFrom(60, 7),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.record({ forbearancePaymentBoundary: fc.constant('neither') }),
        fc.record({ targetPaymentFactor: fc.constant(1e-7) }),
        fc.record({ maxTermMonths: fc.constantFrom(0, 1200) }),
        fc.record({ trialPaymentCount: fc.constant(13) }),
        fc.record({ escrowShortageSpreadMonths: fc.constant(0) }),
      ),
    },
  )
  .map((overrides) => ({ ...published, ...overrides }) as GseFlexParameters);

/** The result of `calculate`, or its error as { argument, message, kind } so that errors compare too. */
function outcome(calculate: () => unknown): unknown {
  try {
    return { result: JSON.stringify(calculate()) };
  } catch (error) {
    const e = error as { argument?: string; message: string; kind?: string };
    return { error: { argument: e.argument, message: e.message, kind: e.kind, type: (error as Error).constructor.name } };
  }
}

describe('Flex: the integer-cents path equals the decimal path', () => {
  it('on random loans, amounts, rates and rulebook parameters (results, texts and errors)', () => {
    const before = { ...flexPathStats };
    fc.assert(
      fc.property(inputs, params, (flexInputs, flexParams) => {
        expect(outcome(() => flexModification(flexInputs, flexParams, ref))).toEqual(outcome(() => flexModificationDecimal(flexInputs, flexParams, ref)));
      }),
      { numRuns: 3000 },
    );
    // Both paths were exercised: most whole-cent loans take the cents path, the rest the decimal one.
    expect(flexPathStats.cents - before.cents).toBeGreaterThan(600);
    expect(flexPathStats.decimal - before.decimal).toBeGreaterThan(600);
  });

  it('on loans that need principal forbearance under the published parameters (the closed-form principal)', () => {
    const before = flexPathStats.cents;
    let forborne = 0;
    const underwater = fc.record({
      upb: cents(50_000, 900_000),
      arrears: cents(0, 40_000),
      rate: fc.integer({ min: 8, max: 72 }).map((e) => e * 0.00125),
      posted: fc.integer({ min: 40, max: 64 }).map((e) => e * 0.00125),
      remaining: fc.integer({ min: 120, max: 480 }),
      ltv: fc.integer({ min: 80, max: 250 }),
      piScale: fc.integer({ min: 30, max: 120 }),
      boundary: fc.constantFrom('exact', 'rounded'),
    });
    fc.assert(
      fc.property(underwater, ({ upb, arrears, rate: r, posted, remaining, ltv, piScale, boundary }) => {
        const flexInputs: FlexInputs = {
          interestBearingUpb: upb,
          deferredBalance: 0,
          eligibleArrearages: arrears,
          borrowerContribution: 0,
          currentRate: r,
          remainingTermMonths: remaining,
          contractualPI: Math.max(1, Math.floor((upb * piScale) / 20_000)),
          propertyValue: Math.round((upb * 100) / ltv),
          modificationRate: posted,
          monthlyEscrow: 250,
          escrowShortage: 0,
          firstTrialPaymentDate: '2025-11-01',
          grossMonthlyIncome: 6000,
        };
        const flexParams = { ...published, forbearancePaymentBoundary: boundary };
        const fast = flexModification(flexInputs, flexParams, ref);
        if (fast.forbearance > 0) forborne++;
        expect(JSON.stringify(fast)).toBe(JSON.stringify(flexModificationDecimal(flexInputs, flexParams, ref)));
      }),
      { numRuns: 1500 },
    );
    expect(flexPathStats.cents - before).toBeGreaterThan(1400);
    // The principal forbearance branch is the point of this property: most of these loans reach it.
    expect(forborne).toBeGreaterThan(750);
  });

  it('prints the published Freddie Mac example the same way on both paths', () => {
    const example = freddieScenario5;
    const before = flexPathStats.cents;
    const fast = flexModification(example, published, ref);
    expect(flexPathStats.cents).toBe(before + 1);
    expect(fast).toEqual(flexModificationDecimal(example, published, ref));
    expect(fast.interestBearingUpb).toBe(328584.9);
  });
});

describe('the cents solvers equal the decimal searches', () => {
  const rateArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120 }).map((e) => e * 0.00125), fc.double({ min: 1e-9, max: 0.3, noNaN: true }));

  it('solveTermForPaymentCents: the month-by-month decimal term, or null', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e11 }), rateArb, fc.integer({ min: 1, max: 480 }), fc.integer({ min: 0, max: 240 }), fc.double({ min: 0.2, max: 1.5, noNaN: true }), (principal, r, minMonths, extra, scale) => {
        const maxMonths = Math.min(minMonths + extra, 600);
        const exactAtMin = solveTermForPaymentDecimal(new Decimal(principal).dividedBy(100), r, '0', minMonths, minMonths).principalAndInterest;
        const target = Math.floor(exactAtMin.times(100).toNumber() * scale);
        const fast = solveTermForPaymentCents(principal, r, target, minMonths, maxMonths);
        if (fast === null) return;
        const reference = solveTermForPaymentDecimal(new Decimal(principal).dividedBy(100), r, new Decimal(target).dividedBy(100), minMonths, maxMonths);
        expect(fast.termMonths).toBe(reference.termMonths);
        expect(fast.paymentCents).toBe(reference.principalAndInterest.times(100).toNumber());
      }),
      { numRuns: 400 },
    );
  });

  it('largestPrincipalCentsForPayment: the cent-by-cent decimal principal under both boundaries, or null', () => {
    fc.assert(
      fc.property(rateArb, fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 5_000_000 }), fc.constantFrom('exact' as const, 'rounded' as const), (r, months, targetCents, boundary) => {
        const fast = largestPrincipalCentsForPayment(r, months, targetCents, boundary);
        if (fast === null) return;
        const reference = largestPrincipalForPayment(paymentFactorDecimal(r, months), new Decimal(targetCents).dividedBy(100), boundary);
        expect(fast).toBe(reference.times(100).toNumber());
      }),
      { numRuns: 600 },
    );
  });

  it('declines (null) what float64 cannot settle: rates below 1e-9 and a zero target', () => {
    expect(largestPrincipalCentsForPayment(1e-10, 360, 100000, 'exact')).toBeNull();
    expect(largestPrincipalCentsForPayment(0.05, 360, 0, 'exact')).toBeNull();
    expect(solveTermForPaymentCents(10_000_000, 1e-10, 20_000, 360, 480)).toBeNull();
  });
});
