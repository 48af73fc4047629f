/// <reference types="custom-functions-runtime" />
/**
 * LM.PITIA, LM.LTV, LM.CLTV: thin wrappers over the engine's affordability metrics
 * (engine.md section 3). Every amount may be a range (summed, blanks ignored).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { housingExpense, loanToValue } from '../engine/affordability';
import { centsNumber } from '../engine/money';
import { optionalAmount, requiredAmount } from './arguments';
import { excelFunction } from './excelErrors';

/**
 * Monthly housing expense (PITIA): P&I + taxes + insurance + mortgage insurance + dues + other housing costs.
 * @customfunction PITIA PITIA
 * @helpurl https://localhost:3000/help/functions.html#lmpitia
 * @param principal_and_interest Monthly principal and interest, e.g. 1913.14.
 * @param [taxes] Monthly property taxes: a number or a range, summed.
 * @param [insurance] Monthly hazard and flood insurance: a number or a range, summed.
 * @param [mortgage_insurance] Monthly mortgage insurance premium.
 * @param [association_dues] Monthly HOA, condo or co-op dues.
 * @param [other_housing] Ground rent, special assessments and subordinate lien payments: a number or a range, summed.
 * @returns The monthly housing expense in dollars, rounded to the cent.
 */
export function pitia(
  principal_and_interest: any[][],
  taxes?: any[][],
  insurance?: any[][],
  mortgage_insurance?: any[][],
  association_dues?: any[][],
  other_housing?: any[][],
): number {
  return excelFunction(() => {
    const total = housingExpense({
      principalAndInterest: requiredAmount(principal_and_interest, 'principal_and_interest', { hint: 'the monthly P&I' }),
      taxes: optionalAmount(taxes, 'taxes') ?? undefined,
      insurance: optionalAmount(insurance, 'insurance') ?? undefined,
      mortgageInsurance: optionalAmount(mortgage_insurance, 'mortgage_insurance') ?? undefined,
      association: optionalAmount(association_dues, 'association_dues') ?? undefined,
      groundRent: optionalAmount(other_housing, 'other_housing') ?? undefined,
    });
    return centsNumber(total);
  }, { principalAndInterest: 'principal_and_interest', association: 'association_dues', mortgageInsurance: 'mortgage_insurance', groundRent: 'other_housing' });
}

/**
 * Loan-to-value ratio as a fraction: first-lien unpaid principal balance / property value.
 * @customfunction LTV LTV
 * @helpurl https://localhost:3000/help/functions.html#lmltv
 * @param upb First-lien unpaid principal balance (a range is summed, e.g. UPB and deferred balance for MTMLTV).
 * @param value Property value (appraisal, BPO or AVM). 0 gives #DIV/0!.
 * @returns The LTV as a fraction, e.g. 0.8 for 80%.
 */
export function ltv(upb: any[][], value: any[][]): number {
  return excelFunction(
    () =>
      loanToValue(
        requiredAmount(upb, 'upb', { hint: 'the unpaid principal balance' }),
        requiredAmount(value, 'value', { hint: 'the property value' }),
      ).toNumber(),
    { balance: 'upb', value: 'value' },
  );
}

/**
 * Combined loan-to-value ratio as a fraction: (first-lien UPB + subordinate lien balances) / property value.
 * @customfunction CLTV CLTV
 * @helpurl https://localhost:3000/help/functions.html#lmcltv
 * @param upb First-lien unpaid principal balance.
 * @param subordinate Balances of the subordinate liens: a number or a range, summed (blank: none).
 * @param value Property value (appraisal, BPO or AVM). 0 gives #DIV/0!.
 * @returns The CLTV as a fraction, e.g. 0.95 for 95%.
 */
export function cltv(upb: any[][], subordinate: any[][], value: any[][]): number {
  return excelFunction(
    () =>
      loanToValue(
        requiredAmount(upb, 'upb', { hint: 'the unpaid principal balance' }),
        requiredAmount(value, 'value', { hint: 'the property value' }),
        optionalAmount(subordinate, 'subordinate') ?? 0,
      ).toNumber(),
    { balance: 'upb', value: 'value', otherLiens: 'subordinate' },
  );
}
