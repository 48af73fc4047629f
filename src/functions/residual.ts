/// <reference types="custom-functions-runtime" />
/**
 * LM.VARESIDUAL and LM.VARESIDUALREQUIRED: thin wrappers over the engine's VA residual income
 * (engine.md section 3; VA Pamphlet 26-7 chapter 4; table in the AFFORDABILITY rulebook).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { FUNCTION_ARGUMENT_BOUNDS as BOUNDS } from '../engine/bounds';
import { centsNumber } from '../engine/money';
import { requiredResidualIncome, residualIncome } from '../engine/vaResidual';
import { optionalAmount, requiredAmount, requiredText, requiredWholeNumber } from './arguments';
import { excelFunction } from './excelErrors';

/**
 * VA residual income: net effective income - housing - debts - maintenance and utilities (VA Pamphlet 26-7, ch. 4).
 * @customfunction VARESIDUAL VARESIDUAL
 * @helpurl https://localhost:3000/help/functions.html#lmvaresidual
 * @param net_effective_income Net effective monthly income (gross less income taxes and Social Security): a number or a range, summed.
 * @param housing_expense Monthly housing expense (PITIA): a number or a range, summed.
 * @param [monthly_debts] Other monthly debt payments: a number or a range, summed.
 * @param [maintenance_utilities] Monthly maintenance and utilities: a number or a range, summed.
 * @returns The monthly residual income in dollars, rounded to the cent (negative when expenses exceed income).
 */
export function varesidual(net_effective_income: any[][], housing_expense: any[][], monthly_debts?: any[][], maintenance_utilities?: any[][]): number {
  return excelFunction(
    () =>
      centsNumber(
        residualIncome({
          netEffectiveIncome: requiredAmount(net_effective_income, 'net_effective_income', { hint: 'the net effective monthly income' }),
          housingExpense: requiredAmount(housing_expense, 'housing_expense', { hint: 'the monthly housing expense' }),
          monthlyDebts: optionalAmount(monthly_debts, 'monthly_debts') ?? 0,
          maintenanceAndUtilities: optionalAmount(maintenance_utilities, 'maintenance_utilities') ?? 0,
        }),
      ),
    {
      netEffectiveIncome: 'net_effective_income',
      housingExpense: 'housing_expense',
      monthlyDebts: 'monthly_debts',
      maintenanceAndUtilities: 'maintenance_utilities',
    },
  );
}

/**
 * The VA's required monthly residual income by region, family size and loan amount (VA Pamphlet 26-7, ch. 4 table).
 * @customfunction VARESIDUALREQUIRED VARESIDUALREQUIRED
 * @helpurl https://localhost:3000/help/functions.html#lmvaresidualrequired
 * @param region NORTHEAST, MIDWEST, SOUTH or WEST.
 * @param family_size Persons in the household, a whole number from 1 to 50.
 * @param loan_amount The loan amount in dollars (chooses the $80,000-and-above or the below column).
 * @returns The required monthly residual income in dollars.
 */
export function varesidualrequired(region: any, family_size: any, loan_amount: any): number {
  return excelFunction(
    () =>
      requiredResidualIncome(
        requiredText(region, 'region', 'NORTHEAST, MIDWEST, SOUTH or WEST'),
        requiredWholeNumber(family_size, 'family_size', 1, BOUNDS.maxFamilySize, 'the number of persons in the household'),
        requiredAmount(loan_amount, 'loan_amount', { hint: 'the loan amount' }),
      ).toNumber(),
    { familySize: 'family_size', loanAmount: 'loan_amount', region: 'region' },
  );
}
