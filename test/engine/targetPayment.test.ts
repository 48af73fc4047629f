import { targetPrincipalAndInterest } from '../../src/engine/targetPayment';
import { ArgumentError } from '../../src/engine/errors';

describe('targetPrincipalAndInterest', () => {
  test('GSE Flex: floor_to_cent(1913.14 x 0.79995) = floor(1530.4163...) = 1530.41 (engine.md 4.2; reference case REF-FLEX-1)', () => {
    expect(targetPrincipalAndInterest(1913.14).toFixed(2)).toBe('1530.41');
    expect(targetPrincipalAndInterest(1913.14, 0.2).toFixed(2)).toBe('1530.41');
  });
  test('the target is reported as a reduction of at least 20.01%: (1913.14 - 1530.41) / 1913.14 = 20.0053% -> 20.01', () => {
    const target = targetPrincipalAndInterest(1913.14);
    expect(Number(((1913.14 - target.toNumber()) / 1913.14 * 100).toFixed(2))).toBe(20.01);
  });
  test('a 25% reduction, strictly above: 1000 x 0.74995 = 749.95; at least: 1000 x 0.75 = 750.00', () => {
    expect(targetPrincipalAndInterest(1000, 0.25).toFixed(2)).toBe('749.95');
    expect(targetPrincipalAndInterest(1000, 0.25, false).toFixed(2)).toBe('750.00');
  });
  test('bad arguments name the argument', () => {
    expect(() => targetPrincipalAndInterest(0)).toThrow(ArgumentError);
    expect(() => targetPrincipalAndInterest(1000, 20)).toThrow('reduction 20 looks like a percent: enter 20% or 0.2');
  });
});
