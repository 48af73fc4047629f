import fc from 'fast-check';
import { amortizationSchedule, balanceAfter, paymentFactor, presentValue, principalAndInterest } from '../../src/engine/amortization';
import { dec, sumDecimals } from '../../src/engine/money';

describe('principalAndInterest', () => {
  it('matches standard published payments', () => {
    // 100,000 at 6% for 360 months: 599.5505... -> 599.55 (every mortgage table).
    expect(principalAndInterest(100000, 0.06, 360).toNumber()).toBe(599.55);
    // 200,000 at 4.5% for 360: 1013.3706... -> 1013.37.
    expect(principalAndInterest(200000, 0.045, 360).toNumber()).toBe(1013.37);
    // Freddie Mac reference (shared/reference/cases/gse-flex-forbearance.json):
    // 328,584.90 at 4.75% for 480 months -> 1530.40998 -> 1530.41.
    expect(principalAndInterest('328584.90', '0.0475', 480).toNumber()).toBe(1530.41);
  });

  it('is P / n at 0%, rounded half-up', () => {
    expect(principalAndInterest(12000, 0, 12).toNumber()).toBe(1000);
    expect(principalAndInterest(10000, 0, 3).toNumber()).toBe(3333.33);
    expect(principalAndInterest(20000, 0, 3).toNumber()).toBe(6666.67);
    expect(paymentFactor(0, 4).toNumber()).toBe(0.25);
  });

  it('rejects a term that is not a whole positive number of months', () => {
    expect(() => principalAndInterest(1000, 0.05, 0)).toThrow(RangeError);
    expect(() => principalAndInterest(1000, 0.05, 12.5)).toThrow(/whole number of months/);
  });

  it('present value inverts the payment', () => {
    // PV of 599.5505251527... over 360 at 6% is 100000.
    const pv = presentValue(dec(100000).times(paymentFactor(0.06, 360)), 0.06, 360);
    expect(pv.toDecimalPlaces(8).toNumber()).toBe(100000);
    expect(presentValue(100, 0, 12).toNumber()).toBe(1200);
  });
});

describe('amortizationSchedule', () => {
  it('a 3-month loan by hand', () => {
    // 1,000 at 12% (1%/month), 3 months: payment = 1000 * 0.01 / (1 - 1.01^-3) = 340.0221 -> 340.02.
    // m1: interest 10.00, principal 330.02, balance 669.98
    // m2: interest 6.6998 -> 6.70, principal 333.32, balance 336.66
    // m3: interest 3.3666 -> 3.37, principal 336.66 (last payment absorbs), payment 340.03, balance 0
    const rows = amortizationSchedule(1000, 0.12, 3);
    expect(rows.map((r) => [r.payment.toNumber(), r.interest.toNumber(), r.principal.toNumber(), r.balance.toNumber()])).toEqual([
      [340.02, 10, 330.02, 669.98],
      [340.02, 6.7, 333.32, 336.66],
      [340.03, 3.37, 336.66, 0],
    ]);
    expect(balanceAfter(1000, 0.12, 3, 2).toNumber()).toBe(336.66);
    expect(balanceAfter(1000, 0.12, 3, 0).toNumber()).toBe(1000);
  });

  it('property: any valid loan amortizes to exactly zero; payments = principal + interest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }), // principal in cents: $0.01 .. $1,000,000
        fc.integer({ min: 0, max: 15000 }), // rate in 1/100 bp: 0 .. 15%
        fc.integer({ min: 1, max: 480 }),
        (cents, rateUnits, months) => {
          const principal = dec(cents).dividedBy(100);
          const rate = dec(rateUnits).dividedBy(100000);
          const rows = amortizationSchedule(principal, rate, months);
          const last = rows[rows.length - 1];
          expect(last.balance.isZero()).toBe(true);
          expect(rows.length).toBeLessThanOrEqual(months);
          const paid = sumDecimals(rows.map((r) => r.payment));
          const interest = sumDecimals(rows.map((r) => r.interest));
          expect(paid.equals(principal.plus(interest))).toBe(true);
          expect(sumDecimals(rows.map((r) => r.principal)).equals(principal)).toBe(true);
          for (const r of rows) expect(r.balance.isNegative() && !r.balance.isZero()).toBe(false);
          if (rate.isZero()) expect(principalAndInterest(principal, 0, months).equals(principal.dividedBy(months).toDecimalPlaces(2))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
