/// <reference types="custom-functions-runtime" />
/**
 * The LM custom functions (namespace LM, shared runtime). Thin wrappers: coerce the arguments
 * (arguments.ts), call the engine, map its errors to cell errors (excelErrors.ts).
 *
 * The JSDoc below IS the function metadata: the build's CustomFunctionsMetadataPlugin turns it
 * into functions.json and appends the `CustomFunctions.associate(id, function)` calls to this
 * module. Parameters are typed `any` so that the functions, not Excel, word the error for text
 * or a blank ("income must be a number, not the text ..."). A file holding @customfunction JSDoc must be
 * listed in FUNCTION_FILES of webpack.config.js (the bundle and the metadata read that list).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { debtToIncome } from '../engine/affordability';
import { optionalAmount, requiredAmount } from './arguments';
import { excelFunction } from './excelErrors';
import { MODTERMS_ARGUMENT_NAMES, fieldValue, modificationField, modificationTable, modificationTerms } from './modificationTerms';

/**
 * Debt-to-income ratio as a fraction: housing / income (front-end), or (housing + other debts) / income (back-end).
 * @customfunction DTI DTI
 * @helpurl https://localhost:3000/help/functions.html#lmdti
 * @param income Gross monthly income: a number or a range, summed (blanks ignored). 0 gives #DIV/0!.
 * @param housing_expense Monthly housing expense (PITIA): a number or a range, summed.
 * @param [other_debts] Other monthly debt payments for the back-end DTI: a number or a range, summed. Leave out for the front-end DTI.
 * @returns The ratio as a fraction, e.g. 0.31 for 31%.
 */
export function dti(income: any[][], housing_expense: any[][], other_debts?: any[][]): number {
  return excelFunction(
    () => {
      const gross = requiredAmount(income, 'income', { hint: 'the gross monthly income' });
      const housing = requiredAmount(housing_expense, 'housing_expense', { hint: 'the monthly housing expense' });
      const debts = optionalAmount(other_debts, 'other_debts');
      return debtToIncome(gross, housing, debts ?? 0).toNumber();
    },
    { income: 'income', housing: 'housing_expense', otherDebts: 'other_debts' },
  );
}

/**
 * Modification terms of a program (GSE Flex, FHA, VA, USDA, portfolio): spills field and value, or one field's value.
 * @customfunction MODTERMS MODTERMS
 * @helpurl https://localhost:3000/help/functions.html#lmmodterms
 * @param program The program: "FLEX" or a modification program id such as FHA-30-YEAR-MODIFICATION or VA-MODIFICATION (see help).
 * @param upb Current interest-bearing unpaid principal balance, e.g. 347868.83.
 * @param arrears Arrearages to capitalize (interest, escrow and servicing advances, legal fees): a number or a range, summed.
 * @param rate Current annual note rate: 4.75% or 0.0475.
 * @param remaining_term Remaining term in whole months, 1 to 600, e.g. 322.
 * @param current_pi Current contractual monthly principal and interest, e.g. 1913.14.
 * @param property_value Current property value (BPO, appraisal or AVM).
 * @param [modification_rate] GSE Flex: the GSE posted modification rate, e.g. 6.5%. Other programs: the Freddie Mac PMMS 30-year rate.
 * @param [monthly_escrow] Monthly escrow payment, added to the P&I for the monthly and trial payments.
 * @param [field] One field to return instead of the table, e.g. "principalAndInterest" (any case).
 * @returns A two-column table of field and value, or the single value of field.
 */
export function modterms(
  program: any,
  upb: any,
  arrears: any[][],
  rate: any,
  remaining_term: any,
  current_pi: any,
  property_value: any,
  modification_rate?: any,
  monthly_escrow?: any[][],
  field?: any,
): any[][] {
  return excelFunction(() => {
    const wanted = modificationField(field);
    const result = modificationTerms({
      program,
      upb,
      arrears,
      rate,
      remainingTerm: remaining_term,
      currentPI: current_pi,
      propertyValue: property_value,
      modificationRate: modification_rate,
      monthlyEscrow: monthly_escrow,
    });
    return wanted ? [[fieldValue(result, wanted)]] : modificationTable(result);
  }, MODTERMS_ARGUMENT_NAMES);
}
