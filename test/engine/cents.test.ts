/** cents.ts: exact integer-cents helpers, each checked against decimal.js on random integers. */
import fc from 'fast-check';
import { NOT_EXACT_IN_CENTS, centsText, decimalFraction, exactCents, exactProduct, exactSum, floorDivide, halfUpDivide } from '../../src/engine/cents';
import { Decimal } from '../../src/engine/money';

describe('exactCents', () => {
  it('takes whole-cent numbers and refuses everything else', () => {
    expect(exactCents(1234.56)).toBe(123456);
    expect(exactCents(0)).toBe(0);
    expect(exactCents(0.1 + 0.2)).toBeNull(); // 0.30000000000000004 is not a cent amount
    expect(exactCents(1.005)).toBeNull();
    expect(exactCents(-0)).toBeNull();
    expect(exactCents(-1)).toBeNull();
    expect(exactCents(1e9)).toBeNull();
    expect(exactCents(Number.NaN)).toBeNull();
    expect(exactCents('12.50')).toBeNull();
  });

  it('agrees with decimal.js reading of the number for every cent amount under $1 billion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 - 1 }), (c) => {
        expect(exactCents(c / 100)).toBe(c);
        expect(new Decimal(c / 100).times(100).toNumber()).toBe(c);
      }),
    );
  });
});

describe('integer division and text', () => {
  const integer = fc.integer({ min: -1e15, max: 1e15 });
  const divisor = fc.integer({ min: 1, max: 1e9 });

  it('floorDivide and halfUpDivide equal decimal.js ROUND_FLOOR and ROUND_HALF_UP', () => {
    fc.assert(
      fc.property(integer, divisor, (a, b) => {
        const quotient = new Decimal(a).dividedBy(b);
        expect(floorDivide(a, b)).toBe(quotient.toDecimalPlaces(0, Decimal.ROUND_FLOOR).toNumber());
        expect(halfUpDivide(a, b)).toBe(quotient.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
      }),
    );
    expect(halfUpDivide(-5, 2)).toBe(-3); // half away from zero
    expect(halfUpDivide(5, 2)).toBe(3);
  });

  it('centsText prints as Decimal#toFixed(2)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (c) => {
        if (c === 0) return;
        expect(centsText(c)).toBe(new Decimal(c).dividedBy(100).toFixed(2));
      }),
    );
    expect(centsText(0)).toBe('0.00');
    expect(centsText(5)).toBe('0.05');
  });

  it('exactProduct refuses products past 2^53', () => {
    expect(exactProduct(123456, 79995)).toBe(9875862720);
    expect(() => exactProduct(2 ** 30, 2 ** 24)).toThrow();
    let thrown: unknown;
    try {
      exactProduct(2 ** 30, 2 ** 24);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(NOT_EXACT_IN_CENTS);
  });
});

describe('decimalFraction and exactSum', () => {
  it('reads a rulebook fraction as an exact ratio', () => {
    expect(decimalFraction(0.79995)).toEqual({ numerator: 79995, denominator: 100000 });
    expect(decimalFraction(0.3)).toEqual({ numerator: 3, denominator: 10 });
    expect(decimalFraction(1)).toEqual({ numerator: 1, denominator: 1 });
    expect(() => decimalFraction(1e-7)).toThrow();
    expect(() => decimalFraction(-0.5)).toThrow();
  });

  it('sums whole cents to a number decimal.js reads as the exact sum, and anything else to the Decimal sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e11 - 1 }), { maxLength: 8 }), (centsList) => {
        const amounts = centsList.map((c) => c / 100);
        const sum = exactSum(amounts);
        expect(typeof sum).toBe('number');
        expect(new Decimal(sum).toString()).toBe(amounts.reduce((t, a) => t.plus(a), new Decimal(0)).toString());
      }),
    );
    const subCent = exactSum([0.1, 0.005]);
    expect(subCent).toBeInstanceOf(Decimal);
    expect(subCent.toString()).toBe('0.105');
  });
});
