/**
 * Repayment plan, forbearance plan and payment deferral calculators (engine.md section 5),
 * hand-computed examples and property tests.
 */
import fc from 'fast-check';
import { Decimal } from '../../../src/engine/money';
import { forbearancePlan } from '../../../src/engine/workouts/forbearancePlan';
import { paymentDeferral } from '../../../src/engine/workouts/paymentDeferral';
import { repaymentPlan } from '../../../src/engine/workouts/repaymentPlan';
import { ArgumentError } from '../../../src/engine/errors';

const cents = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => new Decimal(c).dividedBy(100));

describe('repaymentPlan', () => {
  it('finds the shortest plan under the 150% cap (payment exactly at the cap)', () => {
    // Contractual 2263.14; cap room 50% = 1131.57; arrears 2 x 2263.14 = 4526.28 = 4 x 1131.57 -> 4 months of 3394.71.
    const r = repaymentPlan({ contractualPayment: 2263.14, arrears: 4526.28, capRatio: 1.5, maxMonths: 6, surplusIncome: 1200 });
    expect(r.months).toBe(4);
    expect(r.installment?.toFixed(2)).toBe('1131.57');
    expect(r.monthlyPayment?.toFixed(2)).toBe('3394.71');
    expect(r.finalMonthlyPayment?.toFixed(2)).toBe('3394.71');
    expect(r.affordable).toBe(true);
  });

  it('rounds the installment up and lets the last month take the remainder', () => {
    // 1000 a month, room 500; arrears 1000.01 -> ceil(1000.01 / 500) = 3 months; 1000.01 / 3 = 333.3366 -> 333.34; last 1000.01 - 666.68 = 333.33.
    const r = repaymentPlan({ contractualPayment: 1000, arrears: 1000.01, capRatio: 1.5, maxMonths: 12, surplusIncome: 300 });
    expect(r.months).toBe(3);
    expect(r.monthlyPayment?.toFixed(2)).toBe('1333.34');
    expect(r.finalMonthlyPayment?.toFixed(2)).toBe('1333.33');
    // Surplus 300 does not cover the 333.34 increase.
    expect(r.affordable).toBe(false);
  });

  it('is not feasible when the shortest plan exceeds the limit, and says how long it would be', () => {
    // 6 x 1000 arrears at 500 a month = 12 months > 6.
    const r = repaymentPlan({ contractualPayment: 1000, arrears: 6000, capRatio: 1.5, maxMonths: 6 });
    expect(r).toMatchObject({ feasible: false, months: null, monthlyPayment: null, shortestMonthsUnderCap: 12, affordable: null });
  });

  it('reports unknown affordability without surplus income', () => {
    expect(repaymentPlan({ contractualPayment: 1000, arrears: 1000, capRatio: 1.5, maxMonths: 6 }).affordable).toBeNull();
  });

  it('rejects a zero contractual payment, naming it', () => {
    expect(() => repaymentPlan({ contractualPayment: 0, arrears: 1, capRatio: 1.5, maxMonths: 6 })).toThrow(ArgumentError);
  });

  it('the plan is the shortest whose payment stays under the cap and repays the arrears exactly', () => {
    fc.assert(
      fc.property(cents(100, 8000), cents(0, 60000), fc.integer({ min: 101, max: 300 }), fc.integer({ min: 1, max: 24 }), (c, a, capPct, max) => {
        const cap = new Decimal(capPct).dividedBy(100);
        const r = repaymentPlan({ contractualPayment: c, arrears: a, capRatio: cap, maxMonths: max });
        const limit = c.times(cap);
        if (!r.feasible) {
          // Brute force: no length up to max keeps the payment under the cap.
          for (let n = 1; n <= max; n++) expect(c.plus(a.dividedBy(n).toDecimalPlaces(2, Decimal.ROUND_CEIL)).lessThanOrEqualTo(limit) && a.greaterThan(0)).toBe(false);
          return;
        }
        const n = r.months as number;
        expect(r.monthlyPayment!.lessThanOrEqualTo(limit)).toBe(true);
        expect(r.installment!.times(n - 1).plus(r.finalMonthlyPayment!.minus(c)).equals(a)).toBe(true);
        expect(r.finalMonthlyPayment!.minus(c).greaterThan(0)).toBe(true);
        if (n > 1) expect(c.plus(a.dividedBy(n - 1).toDecimalPlaces(2, Decimal.ROUND_CEIL)).greaterThan(limit)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('forbearancePlan', () => {
  it('suspends payments for one increment and reports the arrears at the end', () => {
    // 4 months behind on 2263.14 = 9052.56; 3 suspended months add 6789.42 -> 15841.98.
    const r = forbearancePlan({ monthlyPayment: 2263.14, reducedPayment: 0, months: 3, incrementMonths: 3, maxCumulativeMonths: 12, currentArrears: 9052.56 });
    expect(r).toMatchObject({ months: 3, limitedBy: null, cumulativeMonths: 3 });
    expect(r.arrearsAtEnd.toFixed(2)).toBe('15841.98');
  });

  it('limits the grant to the increment and to what is left of the cumulative limit', () => {
    expect(forbearancePlan({ monthlyPayment: 1000, reducedPayment: 400, months: 6, incrementMonths: 3, maxCumulativeMonths: 12, currentArrears: 0 })).toMatchObject({ months: 3, limitedBy: 'increment' });
    const r = forbearancePlan({ monthlyPayment: 1000, reducedPayment: 400, months: 3, incrementMonths: 3, maxCumulativeMonths: 12, currentArrears: 0, priorForbearanceMonths: 11 });
    expect(r).toMatchObject({ months: 1, limitedBy: 'cumulative limit', cumulativeMonths: 12 });
    expect(r.arrearsAtEnd.toFixed(2)).toBe('600.00');
  });

  it('rejects a reduced payment above the contractual payment', () => {
    expect(() => forbearancePlan({ monthlyPayment: 1000, reducedPayment: 1200, months: 3, incrementMonths: 3, maxCumulativeMonths: 12, currentArrears: 0 })).toThrow(/reducedPayment/);
  });

  it('never grants more than the increment or the cumulative limit; arrears grow by the shortfall', () => {
    fc.assert(
      fc.property(cents(0, 5000), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 14 }), cents(0, 50000), (pay, pct, months, prior, arrears) => {
        const reduced = pay.times(pct).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_FLOOR);
        const r = forbearancePlan({ monthlyPayment: pay, reducedPayment: reduced, months, incrementMonths: 3, maxCumulativeMonths: 12, currentArrears: arrears, priorForbearanceMonths: prior });
        expect(r.months).toBeLessThanOrEqual(3);
        expect(r.months).toBeLessThanOrEqual(Math.max(0, 12 - prior));
        expect(r.months).toBeLessThanOrEqual(months);
        expect(r.arrearsAtEnd.equals(arrears.plus(pay.minus(reduced).times(r.months)))).toBe(true);
        expect(r.arrearsAtEnd.greaterThanOrEqualTo(arrears)).toBe(true);
      }),
    );
  });
});

describe('paymentDeferral', () => {
  it('defers the past-due P&I plus advances', () => {
    // 4 x 1913.14 = 7652.56; + escrow advances 1400 + servicing advances 550 = 9602.56.
    const r = paymentDeferral({ monthsDelinquent: 4, contractualPI: 1913.14, escrowAdvances: 1400, servicingAdvances: 550, minMonths: 2, maxMonths: 6, cumulativeDeferredMonths: 0, maxCumulativeMonths: 12 });
    expect(r.deferredAmount.toFixed(2)).toBe('9602.56');
    expect(r.withinLimits).toBe(true);
  });

  it('fails each limit by name', () => {
    const tooFew = paymentDeferral({ monthsDelinquent: 1, contractualPI: 1000, minMonths: 2, maxMonths: 6, cumulativeDeferredMonths: 0, maxCumulativeMonths: 12 });
    expect(tooFew.limits.filter((l) => !l.pass).map((l) => l.test)).toEqual(['at least 2 months past due']);
    const tooMany = paymentDeferral({ monthsDelinquent: 7, contractualPI: 1000, minMonths: 2, maxMonths: 6, cumulativeDeferredMonths: 0, maxCumulativeMonths: 12 });
    expect(tooMany.limits.filter((l) => !l.pass).map((l) => l.test)).toEqual(['at most 6 months past due']);
    const cumulative = paymentDeferral({ monthsDelinquent: 3, contractualPI: 1000, minMonths: 2, maxMonths: 6, cumulativeDeferredMonths: 10, maxCumulativeMonths: 12 });
    expect(cumulative.limits.filter((l) => !l.pass).map((l) => l.test)).toEqual(['at most 12 months deferred cumulatively']);
    expect(cumulative.withinLimits).toBe(false);
  });

  it('within limits exactly when 2 <= months <= 6 and the cumulative total stays at or under 12', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 14 }), cents(1, 5000), (months, prior, pi) => {
        const r = paymentDeferral({ monthsDelinquent: months, contractualPI: pi, minMonths: 2, maxMonths: 6, cumulativeDeferredMonths: prior, maxCumulativeMonths: 12 });
        expect(r.withinLimits).toBe(months >= 2 && months <= 6 && months + prior <= 12);
        expect(r.deferredAmount.equals(pi.times(months))).toBe(true);
      }),
    );
  });
});
