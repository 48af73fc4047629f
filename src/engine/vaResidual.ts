/**
 * VA residual income (engine.md section 3; VA Pamphlet 26-7, chapter 4).
 *
 * Residual income = net effective income - housing expense - monthly debts - maintenance and
 * utilities, compared with the required figure of the table by region, family size and loan
 * amount. The table lives in the AFFORDABILITY rulebook (with its source), not here.
 */
import { REGIONS, type Region } from './case/types';
import { ArgumentError } from './errors';
import { decimalArgument } from './workouts/arguments';
import { Decimal, type DecimalInput } from './money';
import { AFFORDABILITY_RULEBOOK, type AffordabilityParameters } from './rulebooks/affordability';
import { parameterValues } from './rulebooks/types';

const PUBLISHED = parameterValues(AFFORDABILITY_RULEBOOK);

/**
 * The required monthly residual income for a family of `familySize` in `region` with a loan of
 * `loanAmount` dollars. Family sizes 1-5 read the table; each member over 5 adds $80 (loans of
 * $80,000 and above) or $75 (below), up to a family of 7. Interpretation: a family larger than
 * 7 needs the family-of-7 figure (the pamphlet's additions stop "up to a family of seven").
 */
export function requiredResidualIncome(
  region: Region | string,
  familySize: number,
  loanAmount: DecimalInput,
  parameters: AffordabilityParameters = PUBLISHED,
): Decimal {
  const r = String(region).toUpperCase() as Region;
  if (!REGIONS.includes(r)) throw new ArgumentError('region', `region "${region}" is not one of ${REGIONS.join(', ')}`);
  if (!Number.isInteger(familySize) || familySize < 1) {
    throw new ArgumentError('familySize', `familySize must be a whole number of 1 or more, not ${familySize}`, 'num');
  }
  const amount = decimalArgument('loanAmount', loanAmount);
  const atOrAbove = amount.greaterThanOrEqualTo(parameters.vaLoanAmountBreak);
  const table = atOrAbove ? parameters.vaResidualAtOrAboveBreak : parameters.vaResidualBelowBreak;
  const perMember = atOrAbove ? parameters.vaAdditionalMemberAtOrAboveBreak : parameters.vaAdditionalMemberBelowBreak;
  const base = table[`${Math.min(familySize, 5)}:${r}`];
  if (base === undefined) throw new ArgumentError('region', `the residual income table has no entry for ${r}`, 'na');
  const additionalMembers = Math.max(0, Math.min(familySize, parameters.vaAdditionalMembersUpToFamilySize) - 5);
  return new Decimal(base).plus(new Decimal(perMember).times(additionalMembers));
}

export interface ResidualIncomeInputs {
  /** Net effective income: gross income less income taxes and Social Security (VA 26-7 4.9). */
  netEffectiveIncome: DecimalInput;
  housingExpense: DecimalInput;
  monthlyDebts?: DecimalInput;
  maintenanceAndUtilities?: DecimalInput;
}

/** Residual income (unrounded; may be negative). */
export function residualIncome(inputs: ResidualIncomeInputs): Decimal {
  return decimalArgument('netEffectiveIncome', inputs.netEffectiveIncome)
    .minus(decimalArgument('housingExpense', inputs.housingExpense))
    .minus(decimalArgument('monthlyDebts', inputs.monthlyDebts ?? 0))
    .minus(decimalArgument('maintenanceAndUtilities', inputs.maintenanceAndUtilities ?? 0));
}
