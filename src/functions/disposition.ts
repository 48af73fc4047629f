/// <reference types="custom-functions-runtime" />
/**
 * LM.SHORTSALE: the engine's SHORT-SALE program (src/engine/programs/disposition) run on the
 * offer's figures alone. The program reads only the investor, the property, the borrower's
 * hardship and intent, the offer and the evaluation date of a case, so the function gives it
 * exactly those (the hardship and occupancy checks are then "not checked", and are not part
 * of what the function returns: the net proceeds and the net return).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { INVESTORS, type Investor, type LoanCase } from '../engine/case/types';
import { formatIsoDate } from '../engine/dates';
import { ArgumentError } from '../engine/errors';
import { SHORT_SALE_PROGRAM } from '../engine/programs/disposition';
import type { EvaluationContext } from '../engine/programs/types';
import type { DispositionResult, EligibilityCheck } from '../engine/results';
import { findRulebook } from '../engine/rulebooks';
import { parameterValues, rulebookRef } from '../engine/rulebooks/types';
import { optionalAmount, optionalNumber, optionalText, requiredAmount } from './arguments';
import { excelFunction } from './excelErrors';

/**
 * Short sale (pre-foreclosure sale): net proceeds = price - commission (GSE cap 6%) - seller closing costs - subordinate lien payoff - relocation assistance; net return = net proceeds / as-is value, compared with the investor's minimum. Spills one row.
 * @customfunction SHORTSALE SHORTSALE
 * @param price Accepted (or proposed) sale price.
 * @param value As-is property value.
 * @param [commission_rate] Sales commission as a fraction of the price, e.g. 6%; blank: the investor's cap.
 * @param [closing_costs] Seller closing costs in dollars: a number or a range, summed; blank: the rulebook's default rate.
 * @param [subordinate_payoff] Payoff to subordinate lien holders in dollars (GSE cap $6,000).
 * @param [relocation] Relocation assistance paid to the borrower in dollars; blank: the rulebook's amount.
 * @param [investor] FANNIE (default), FREDDIE, FHA, VA, USDA or PORTFOLIO: chooses the caps and the minimum net return.
 * @param [marketing_days] Days the property has been marketed (FHA's minimum net return falls with time).
 * @returns One row: net proceeds, net return (fraction of the value), the investor's minimum net return (fraction), and whether the minimum is met.
 */
export function shortsale(
  price: any[][],
  value: any[][],
  commission_rate?: any,
  closing_costs?: any[][],
  subordinate_payoff?: any[][],
  relocation?: any[][],
  investor?: any,
  marketing_days?: any,
): any[][] {
  return excelFunction(() => {
    const investorName = (optionalText(investor, 'investor') ?? 'FANNIE').toUpperCase();
    if (!(INVESTORS as readonly string[]).includes(investorName)) {
      throw new ArgumentError('investor', `investor must be one of ${INVESTORS.join(', ')}, not "${investorName}"`);
    }
    const commission = optionalNumber(commission_rate, 'commission_rate');
    if (commission !== null && commission > 1) throw new ArgumentError('commission_rate', `commission_rate ${commission} looks like a percent: enter ${commission}% or ${commission / 100}`, 'num');
    const asIs = requiredAmount(value, 'value', { hint: 'the as-is property value', allowZero: false });
    const loanCase = {
      caseId: 'LM.SHORTSALE',
      investor: investorName as Investor,
      // The date only ages a valuation, and the function is given no valuation date.
      evaluationDate: formatIsoDate(new Date()),
      property: { value: asIs.toNumber(), valuationDate: null, valuationType: null, state: null, occupancy: null, subordinateLiens: 0 },
      borrower: { hardship: null, intent: null },
      disposition: {
        offerPrice: requiredAmount(price, 'price', { hint: 'the sale price' }).toNumber(),
        marketingDays: optionalNumber(marketing_days, 'marketing_days'),
        commissionRate: commission,
        sellerClosingCosts: optionalAmount(closing_costs, 'closing_costs')?.toNumber() ?? null,
        subordinateLienPayoff: optionalAmount(subordinate_payoff, 'subordinate_payoff')?.toNumber() ?? null,
        relocationAssistance: optionalAmount(relocation, 'relocation')?.toNumber() ?? null,
      },
    } as unknown as LoanCase;
    const context: EvaluationContext = {
      loanCase,
      affordability: {} as EvaluationContext['affordability'],
      results: {},
      rulebook(id: string) {
        const rulebook = findRulebook(id);
        if (!rulebook) throw new Error(`no rulebook "${id}"`);
        return { ref: rulebookRef(rulebook), params: parameterValues(rulebook) as any, rulebook: rulebook as any };
      },
    };
    const result = SHORT_SALE_PROGRAM.evaluate(context) as DispositionResult;
    if (result.netProceeds === null || result.netProceeds === undefined || result.netReturnPercent === null || result.netReturnPercent === undefined) {
      throw new ArgumentError('value', result.reasonDetail ?? result.reason ?? 'the short sale could not be evaluated', 'na');
    }
    const minimum = (result as Record<string, unknown>).minimumNetReturnPercent;
    const meets = result.checks.find((c: EligibilityCheck) => c.test === 'net return at or above the minimum');
    return [
      [
        result.netProceeds,
        Number((result.netReturnPercent / 100).toFixed(4)),
        typeof minimum === 'number' ? Number((minimum / 100).toFixed(4)) : '',
        meets ? meets.status === 'pass' : '',
      ],
    ];
  });
}
