/// <reference types="custom-functions-runtime" />
/**
 * LM.NPV: thin wrapper over the engine's modification NPV against foreclosure now (engine.md
 * section 7; src/engine/npv.ts). Every assumption defaults to the NPV rulebook and can be given.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { FUNCTION_ARGUMENT_BOUNDS as BOUNDS } from '../engine/bounds';
import { US_STATE_CODES } from '../engine/case/parse';
import { ArgumentError } from '../engine/errors';
import { foreclosureTimelineFor, modificationNpv } from '../engine/npv';
import type { NpvParams } from '../engine/rulebooks/disposition';
import { NPV_RULEBOOK } from '../engine/rulebooks/disposition';
import { parameterValues } from '../engine/rulebooks/types';
import { optionalAmount, optionalRate, optionalText, optionalWholeNumber, requiredAmount, requiredRate, requiredWholeNumber } from './arguments';
import { excelFunction } from './excelErrors';

/**
 * The state argument: a code of the NPV rulebook's timeline table (two-letter states, NYC) or
 * another USPS code (its timeline is the national default, as for the case evaluation); any
 * other text is refused by name rather than silently given the national timeline.
 */
export function npvState(value: unknown, params: Pick<NpvParams, 'foreclosureTimelineDays'>): string | null {
  const state = optionalText(value, 'state');
  if (state === null) return null;
  const code = state.toUpperCase();
  if (Object.prototype.hasOwnProperty.call(params.foreclosureTimelineDays, code) || US_STATE_CODES.includes(code)) return code;
  throw new ArgumentError('state', `state "${state}" is not a US state code: enter a two-letter USPS code such as "GA" (or "NYC"), or leave it blank for the national timeline`);
}

/**
 * NPV of a modification against foreclosure now (a decision aid). Spills one row: NPV modification, NPV foreclosure, difference.
 * @customfunction NPV NPV
 * @helpurl https://localhost:3000/help/functions.html#lmnpv
 * @param interest_bearing_upb Interest-bearing UPB of the modified loan.
 * @param forbearance Principal forborne (non-interest-bearing, due at maturity); blank or 0 when none.
 * @param rate Modified annual rate: 4.75% or 0.0475.
 * @param term_months Modified term in whole months, 1 to 600, e.g. 480.
 * @param property_value As-is property value.
 * @param [state] Two-letter property state for the foreclosure timeline, e.g. "GA"; blank: the national default.
 * @param [discount_rate] Annual discount rate (HAMP allowed up to PMMS + 2.50%); blank: the NPV rulebook's default.
 * @param [redefault_rate] Annual re-default rate of the modified loan, e.g. 15%.
 * @param [reo_discount] Discount of the REO sale price on the as-is value, e.g. 15%.
 * @param [foreclosure_costs] Foreclosure and disposition costs as a fraction of the value, e.g. 10%.
 * @param [timeline_days] Foreclosure timeline in whole days (overrides the state's).
 * @param [days_delinquent] Whole days already elapsed toward foreclosure (shortens foreclosure now).
 * @returns One row: NPV modification, NPV foreclosure, difference.
 */
export function npv(
  interest_bearing_upb: any[][],
  forbearance: any[][],
  rate: any,
  term_months: any,
  property_value: any,
  state?: any,
  discount_rate?: any,
  redefault_rate?: any,
  reo_discount?: any,
  foreclosure_costs?: any,
  timeline_days?: any,
  days_delinquent?: any,
): any[][] {
  return excelFunction(() => {
    const params = parameterValues(NPV_RULEBOOK);
    const stateCode = npvState(state, params);
    const timeline = optionalWholeNumber(timeline_days, 'timeline_days', 0, BOUNDS.maxDays) ?? foreclosureTimelineFor(stateCode, params).days;
    const result = modificationNpv(
      {
        interestBearingUpb: requiredAmount(interest_bearing_upb, 'interest_bearing_upb', { hint: 'the interest-bearing UPB' }),
        forbearance: optionalAmount(forbearance, 'forbearance') ?? 0,
        rate: requiredRate(rate, 'rate'),
        termMonths: requiredWholeNumber(term_months, 'term_months', 1, BOUNDS.maxMonths, 'the modified term in months'),
        propertyValue: requiredAmount(property_value, 'property_value', { hint: 'the as-is property value' }),
      },
      {
        annualDiscountRate: optionalRate(discount_rate, 'discount_rate') ?? params.defaultDiscountRate,
        annualRedefaultRate: optionalRate(redefault_rate, 'redefault_rate') ?? params.annualRedefaultRate,
        reoDiscount: optionalRate(reo_discount, 'reo_discount') ?? params.reoDiscount,
        foreclosureCostRate: optionalRate(foreclosure_costs, 'foreclosure_costs') ?? params.foreclosureCostRate,
        foreclosureTimelineDays: timeline,
        daysAlreadyDelinquent: optionalWholeNumber(days_delinquent, 'days_delinquent', 0, BOUNDS.maxDays) ?? 0,
      },
    );
    return [[result.npvModification, result.npvForeclosure, result.npvDifference]];
  });
}
