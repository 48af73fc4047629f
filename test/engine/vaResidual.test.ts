import { requiredResidualIncome, residualIncome } from '../../src/engine/vaResidual';
import { ArgumentError } from '../../src/engine/errors';

describe('requiredResidualIncome (VA Pamphlet 26-7 ch. 4 table, engine.md section 3)', () => {
  it.each([
    // [region, family size, loan amount, required] straight from the table
    ['NORTHEAST', 1, 80000, 450],
    ['MIDWEST', 2, 250000, 738],
    ['SOUTH', 3, 150000, 889],
    ['WEST', 4, 90000, 1117],
    ['WEST', 5, 300000, 1158],
    ['NORTHEAST', 1, 79999.99, 390],
    ['MIDWEST', 3, 50000, 772],
    ['SOUTH', 4, 60000, 868],
    ['WEST', 5, 70000, 1004],
    ['NORTHEAST', 5, 10000, 921],
  ] as const)('%s family of %d, loan %d: %d', (region, size, loan, expected) => {
    expect(requiredResidualIncome(region, size, loan).toNumber()).toBe(expected);
  });

  it('adds $80 / $75 per member over 5, up to a family of 7', () => {
    // South, >= 80k: 1039 + 80 = 1119 for 6; 1039 + 160 = 1199 for 7.
    expect(requiredResidualIncome('SOUTH', 6, 200000).toNumber()).toBe(1119);
    expect(requiredResidualIncome('SOUTH', 7, 200000).toNumber()).toBe(1199);
    // Midwest, < 80k: 902 + 75 = 977 for 6; 902 + 150 = 1052 for 7.
    expect(requiredResidualIncome('MIDWEST', 6, 70000).toNumber()).toBe(977);
    expect(requiredResidualIncome('MIDWEST', 7, 70000).toNumber()).toBe(1052);
  });

  it('Interpretation: a family above 7 needs the family-of-7 figure', () => {
    expect(requiredResidualIncome('SOUTH', 9, 200000).toNumber()).toBe(1199);
    expect(requiredResidualIncome('WEST', 12, 70000).toNumber()).toBe(1004 + 150);
  });

  it('rejects a bad region, family size or amount', () => {
    expect(() => requiredResidualIncome('EAST', 3, 100000)).toThrow(/not one of NORTHEAST/);
    expect(() => requiredResidualIncome('SOUTH', 0, 100000)).toThrow(ArgumentError);
    expect(() => requiredResidualIncome('SOUTH', 2.5, 100000)).toThrow(/whole number/);
    expect(() => requiredResidualIncome('SOUTH', 2, -1)).toThrow(/negative/);
    expect(requiredResidualIncome('south', 1, 100000).toNumber()).toBe(441);
  });
});

describe('residualIncome', () => {
  it('net effective income less housing, debts and maintenance', () => {
    // 5000 - 1800 - 400 - 250 = 2550
    expect(residualIncome({ netEffectiveIncome: 5000, housingExpense: 1800, monthlyDebts: 400, maintenanceAndUtilities: 250 }).toNumber()).toBe(2550);
    // May be negative: 1000 - 1500 = -500
    expect(residualIncome({ netEffectiveIncome: 1000, housingExpense: 1500 }).toNumber()).toBe(-500);
  });
});
