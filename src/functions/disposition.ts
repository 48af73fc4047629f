/// <reference types="custom-functions-runtime" />
/**
 * LM.SHORTSALE: the arithmetic of the engine's SHORT-SALE program (`shortSaleFigures`,
 * src/engine/programs/disposition) on the offer's figures alone, under the investor's
 * disposition rulebook. The program's case-level checks (hardship, occupancy, valuation age, a
 * shortfall against the debt) need a whole case and are not part of what the function returns.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { INVESTORS, type Investor } from '../engine/case/types';
import { ArgumentError } from '../engine/errors';
import { centsNumber, ratioNumber } from '../engine/money';
import { shortSaleFigures } from '../engine/programs/disposition';
import { findRulebook } from '../engine/rulebooks';
import { type DispositionParams, dispositionRulebookId } from '../engine/rulebooks/disposition';
import { parameterValues } from '../engine/rulebooks/types';
import { FUNCTION_ARGUMENT_BOUNDS as BOUNDS } from '../engine/bounds';
import { optionalAmount, optionalRate, optionalText, optionalWholeNumber, requiredAmount } from './arguments';
import { excelFunction } from './excelErrors';

/**
 * Short sale net proceeds and net return against the investor's minimum. Spills one row: proceeds, return, minimum, met.
 * @customfunction SHORTSALE SHORTSALE
 * @helpurl https://localhost:3000/help/functions.html#lmshortsale
 * @param price Accepted (or proposed) sale price.
 * @param value As-is property value.
 * @param [commission_rate] Sales commission as a fraction of the price, e.g. 6%; blank: the investor's cap.
 * @param [closing_costs] Seller closing costs in dollars: a number or a range, summed; blank: the rulebook's default rate.
 * @param [subordinate_payoff] Payoff to subordinate lien holders in dollars (GSE cap $6,000).
 * @param [relocation] Relocation assistance paid to the borrower in dollars; blank: the rulebook's amount.
 * @param [investor] FANNIE (default), FREDDIE, FHA, VA, USDA or PORTFOLIO: chooses the caps and the minimum net return.
 * @param [marketing_days] Whole days the property has been marketed (FHA's minimum net return falls with time).
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
    const commission = optionalRate(commission_rate, 'commission_rate');
    const asIs = requiredAmount(value, 'value', { hint: 'the as-is property value', allowZero: false });
    const rulebook = findRulebook(dispositionRulebookId(investorName as Investor));
    if (!rulebook) throw new Error(`no disposition rulebook for ${investorName}`);
    const figures = shortSaleFigures(parameterValues(rulebook) as DispositionParams, {
      value: asIs,
      offerPrice: requiredAmount(price, 'price', { hint: 'the sale price' }),
      commissionRate: commission,
      sellerClosingCosts: optionalAmount(closing_costs, 'closing_costs'),
      subordinateLiens: 0,
      subordinateLienPayoff: optionalAmount(subordinate_payoff, 'subordinate_payoff'),
      relocationAssistance: optionalAmount(relocation, 'relocation'),
      marketingDays: optionalWholeNumber(marketing_days, 'marketing_days', 0, BOUNDS.maxDays),
    });
    return [[centsNumber(figures.netProceeds), ratioNumber(figures.netReturn, 4), ratioNumber(figures.minimum, 4), figures.meetsMinimum]];
  });
}
