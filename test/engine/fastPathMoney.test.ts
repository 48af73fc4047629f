/**
 * centsNumber's float64 shortcut must return exactly roundCents(value).toNumber() (the decimal
 * rounding), including on values a hair from a half cent, negatives, zero and plain numbers.
 */
import fc from 'fast-check';
import { Decimal, approximateFloat, centsNumber, dec, percentNumber, roundCents, truncatePercent } from '../../src/engine/money';

const reference = (value: Decimal | number | string): number => dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();

describe('centsNumber equals the decimal rounding', () => {
  it('on random decimals with up to 12 decimals, of either sign', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), (units) => {
        const value = dec(units.toString()).dividedBy('1e12');
        expect(Object.is(centsNumber(value), reference(value))).toBe(true);
        // roundCents skips the copy of an engine Decimal: still the decimal rounding.
        expect(roundCents(value).equals(value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('within 1e-20 of a half cent (the decimal decides) and on exact half cents (half-up)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: -1000, max: 1000 }), (cents, offset) => {
        const value = dec(cents).plus('0.5').dividedBy(100).plus(dec(offset).times('1e-20'));
        expect(Object.is(centsNumber(value), reference(value))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // Hand checks: 1.005 -> 1.01 (half-up), 1.00499999999999999999 -> 1.00, -1.005 -> -1.01 (away from zero).
    expect(centsNumber(dec('1.005'))).toBe(1.01);
    expect(centsNumber(dec('1.00499999999999999999'))).toBe(1);
    expect(centsNumber(dec('-1.005'))).toBe(-1.01);
    expect(centsNumber(1.005)).toBe(1.01); // the JS number 1.005 reads as the decimal 1.005
  });

  it('on JS numbers and strings', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        expect(Object.is(centsNumber(x), reference(x))).toBe(true);
        expect(Object.is(centsNumber(String(x)), reference(String(x)))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('percentNumber and truncatePercent equal the decimal rounding', () => {
  const percentReference = (f: Decimal | number) => dec(f).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
  const truncateReference = (f: Decimal | number) => dec(f).times(100).toDecimalPlaces(2, Decimal.ROUND_DOWN).toNumber();

  it('on random fractions (decimals with up to 10 places, and JS numbers)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }), fc.double({ min: -2, max: 2, noNaN: true }), (units, x) => {
        const f = dec(units.toString()).dividedBy('1e10');
        expect(Object.is(percentNumber(f), percentReference(f))).toBe(true);
        expect(Object.is(truncatePercent(f), truncateReference(f))).toBe(true);
        expect(Object.is(percentNumber(x), percentReference(x))).toBe(true);
        expect(Object.is(truncatePercent(x), truncateReference(x))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a hair from the rounding boundaries (the decimal decides)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: -1000, max: 1000 }), (hundredths, offset) => {
        const onHalf = dec(hundredths).plus('0.5').dividedBy(10000).plus(dec(offset).times('1e-24'));
        const onWhole = dec(hundredths).dividedBy(10000).plus(dec(offset).times('1e-24'));
        expect(Object.is(percentNumber(onHalf), percentReference(onHalf))).toBe(true);
        expect(Object.is(truncatePercent(onWhole), truncateReference(onWhole))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // Hand checks: 0.200049999... -> 20.00 (half-up below the half), 0.20005 -> 20.01; 0.2 truncates to 20, 0.19999999999 to 19.99.
    expect(percentNumber(dec('0.2000499999999'))).toBe(20);
    expect(percentNumber(dec('0.20005'))).toBe(20.01);
    expect(truncatePercent(dec('0.2'))).toBe(20);
    expect(truncatePercent(dec('0.19999999999'))).toBe(19.99);
    expect(truncatePercent(0.07)).toBe(7); // the JS number 0.07 reads as the decimal 0.07
  });
});

describe('approximateFloat (centsNumber and the percent helpers read Decimals with it)', () => {
  it('is within 2^-50 relative of toNumber() on random decimals of any size and precision', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -45, max: 5 }), (digits, exponent) => {
        const x = dec(digits.toString()).times(dec(10).pow(exponent));
        const reference = x.toNumber();
        const approx = approximateFloat(x);
        expect(Math.abs(approx - reference)).toBeLessThanOrEqual(Math.abs(reference) * 2 ** -50);
        expect(Math.sign(approx)).toBe(Math.sign(reference));
      }),
      { numRuns: 5000 },
    );
    // Hand checks: 123.45 (d = [123, 4500000], e = 2), 0.000001, -7.5, 0.
    expect(approximateFloat(dec('123.45'))).toBe(123.45);
    expect(approximateFloat(dec('0.000001'))).toBe(0.000001);
    expect(approximateFloat(dec('-7.5'))).toBe(-7.5);
    expect(approximateFloat(dec(0))).toBe(0);
  });
});
