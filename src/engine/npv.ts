/**
 * Net present value of a modification against foreclosure now (engine.md section 7): a decision
 * aid whose assumptions are printed with it, never an eligibility test.
 *
 * The model (documented in docs/disposition-npv-regx.md):
 * - Money is discounted monthly at the annual discount rate / 12; a cash flow at month t (t may
 *   be fractional for a foreclosure timeline) is worth CF / (1 + d/12)^t.
 * - Re-default is a constant monthly hazard h = 1 - (1 - annual rate)^(1/12). The loan survives
 *   month t with probability S(t) = (1 - h)^t.
 * - While it survives, the modified loan pays its P&I each month for the term, and the forborne
 *   (non-interest-bearing) balance at maturity.
 * - A re-default in month t (probability S(t-1) x h) misses payment t and ends in a foreclosure
 *   sale one state timeline after the last paid installment (month t - 1): the investor receives
 *   the liquidation value, at most the debt then owed (interest-bearing balance after t - 1
 *   scheduled payments + the forborne balance).
 * - An FHA/VA partial claim or USDA mortgage recovery advance is paid to the holder by the insurer
 *   or guarantor when the modification is made: cash at month 0 (the claim itself is the
 *   agency's subordinate lien, not the holder's). Mortgage insurance and guaranty claims on a
 *   foreclosure are not modelled.
 * - Foreclosure now: the liquidation value, at most the debt (interest-bearing + forborne UPB + claim),
 *   received after the state timeline less the days already elapsed since the last paid
 *   installment.
 * - Liquidation value = value x (1 - REO discount) - value x foreclosure cost rate, at least 0.
 * Rounding: the three NPVs are rounded to the cent once, at the end.
 */
import { paymentFactor } from './amortization';
import type { LoanCase } from './case/types';
import { addMonths, daysBetween } from './dates';
import { Decimal, type DecimalInput, ONE, ZERO, centsNumber, dec, maxDecimal, minDecimal } from './money';
import type { ModificationResult, NpvAssumptions, NpvResult, RulebookRef } from './results';
import type { NpvParams } from './rulebooks/disposition';

export interface ModificationNpvInputs {
  /** Interest-bearing UPB of the modified loan. */
  interestBearingUpb: DecimalInput;
  /** Non-interest-bearing (forborne) balance due at maturity. */
  forbearance: DecimalInput;
  /** Modified annual rate (fraction). */
  rate: DecimalInput;
  termMonths: number;
  /** Modified monthly P&I; computed (unrounded) from UPB, rate and term when absent. */
  principalAndInterest?: DecimalInput;
  /** As-is property value. */
  propertyValue: DecimalInput;
  /** Debt a foreclosure now can recover at most; default interest-bearing UPB + forbearance (+ upfront claim). */
  totalDebt?: DecimalInput;
  /**
   * Cash the holder receives at once with the modification (month 0): an FHA/VA partial claim or a
   * USDA mortgage recovery advance paid by the insurer or guarantor. Default 0.
   */
  upfrontClaim?: DecimalInput;
}

export interface ModificationNpvAssumptions {
  annualDiscountRate: DecimalInput;
  annualRedefaultRate: DecimalInput;
  reoDiscount: DecimalInput;
  foreclosureCostRate: DecimalInput;
  foreclosureTimelineDays: number;
  /** Days already elapsed since the last paid installment (foreclosure now only). Default 0. */
  daysAlreadyDelinquent?: number;
}

export interface ModificationNpv {
  npvModification: number;
  npvForeclosure: number;
  npvDifference: number;
  passes: boolean;
  /** Liquidation value before the cap at the debt, rounded to the cent. */
  liquidationValue: number;
  assumptions: ModificationNpvAssumptions;
}

const DAYS_PER_MONTH = new Decimal(365).dividedBy(12);

function fraction(name: string, value: DecimalInput): Decimal {
  const d = dec(value);
  if (!d.isFinite() || d.lessThan(0) || d.greaterThan(1)) {
    throw new RangeError(`${name} ${String(value)} must be a fraction between 0 and 1 (e.g. 0.15 for 15%)`);
  }
  return d;
}

/** The NPV of a modification against foreclosure now: pure, every assumption an argument. */
export function modificationNpv(inputs: ModificationNpvInputs, assumptions: ModificationNpvAssumptions): ModificationNpv {
  const n = inputs.termMonths;
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`termMonths ${n} must be a whole number of months greater than 0`);
  const upb = dec(inputs.interestBearingUpb);
  const forborne = dec(inputs.forbearance);
  const value = dec(inputs.propertyValue);
  if (upb.lessThan(0) || forborne.lessThan(0) || value.lessThan(0)) throw new RangeError('UPB, forbearance and property value must not be negative');
  const rate = fraction('rate', inputs.rate);
  const discount = fraction('annualDiscountRate', assumptions.annualDiscountRate);
  const redefault = fraction('annualRedefaultRate', assumptions.annualRedefaultRate);
  const reo = fraction('reoDiscount', assumptions.reoDiscount);
  const costRate = fraction('foreclosureCostRate', assumptions.foreclosureCostRate);
  if (!Number.isFinite(assumptions.foreclosureTimelineDays) || assumptions.foreclosureTimelineDays < 0) {
    throw new RangeError(`foreclosureTimelineDays ${assumptions.foreclosureTimelineDays} must be 0 or more days`);
  }
  const elapsed = Math.max(0, assumptions.daysAlreadyDelinquent ?? 0);

  const payment = inputs.principalAndInterest !== undefined ? dec(inputs.principalAndInterest) : upb.times(paymentFactor(rate, n));
  const i = rate.dividedBy(12);
  const v = ONE.dividedBy(ONE.plus(discount.dividedBy(12))); // monthly discount factor
  const survivePerMonth = redefault.isZero() ? ONE : ONE.minus(redefault).pow(ONE.dividedBy(12));
  const hazard = ONE.minus(survivePerMonth);
  const timelineMonths = new Decimal(assumptions.foreclosureTimelineDays).dividedBy(DAYS_PER_MONTH);
  const vTimeline = v.pow(timelineMonths);

  const liquidation = maxDecimal(ZERO, value.times(ONE.minus(reo)).minus(value.times(costRate)));

  // Modified loan: payments while surviving, liquidation after a re-default.
  let pvModification = ZERO;
  let survival = ONE; // S(t - 1)
  let vPrev = ONE; // v^(t - 1)
  let balance = upb; // balance after t - 1 scheduled payments
  for (let t = 1; t <= n; t++) {
    const vt = vPrev.times(v);
    if (!hazard.isZero()) {
      const recovery = minDecimal(liquidation, balance.plus(forborne));
      pvModification = pvModification.plus(survival.times(hazard).times(recovery).times(vPrev).times(vTimeline));
    }
    survival = survival.times(survivePerMonth);
    pvModification = pvModification.plus(survival.times(payment).times(vt));
    balance = maxDecimal(ZERO, balance.times(ONE.plus(i)).minus(payment));
    vPrev = vt;
  }
  pvModification = pvModification.plus(survival.times(forborne).times(vPrev));
  const upfront = inputs.upfrontClaim !== undefined ? dec(inputs.upfrontClaim) : ZERO;
  if (upfront.lessThan(0)) throw new RangeError('upfrontClaim must not be negative');
  pvModification = pvModification.plus(upfront);

  // Foreclosure now: the whole debt, including what a partial claim would have covered.
  const debt = inputs.totalDebt !== undefined ? dec(inputs.totalDebt) : upb.plus(forborne).plus(upfront);
  const nowDays = Math.max(0, assumptions.foreclosureTimelineDays - elapsed);
  const pvForeclosure = minDecimal(liquidation, debt).times(v.pow(new Decimal(nowDays).dividedBy(DAYS_PER_MONTH)));

  const npvModification = centsNumber(pvModification);
  const npvForeclosure = centsNumber(pvForeclosure);
  const npvDifference = centsNumber(dec(npvModification).minus(npvForeclosure));
  return { npvModification, npvForeclosure, npvDifference, passes: npvDifference >= 0, liquidationValue: centsNumber(liquidation), assumptions };
}

/** The state's foreclosure timeline from the NPV rulebook, or the national default, with where it came from. */
export function foreclosureTimelineFor(state: string | null, params: Pick<NpvParams, 'foreclosureTimelineDays' | 'nationalDefaultTimelineDays' | 'timelinesFromEarlierExhibit'>): { days: number; source: string } {
  const code = state?.trim().toUpperCase() ?? null;
  if (code && Object.prototype.hasOwnProperty.call(params.foreclosureTimelineDays, code)) {
    const earlier = params.timelinesFromEarlierExhibit.split(',').map((s) => s.trim()).includes(code);
    return { days: params.foreclosureTimelineDays[code], source: `${code} (Fannie Mae foreclosure time frames exhibit${earlier ? ', 2016 figure: interpretation' : ''})` };
  }
  return { days: params.nationalDefaultTimelineDays, source: code ? `national default: no timeline for state "${code}"` : 'national default: the case has no property state' };
}

/** Days from the last paid installment (the month before the first missed due date) to the evaluation. */
export function daysSinceLastPaidInstallment(loanCase: LoanCase): number {
  const { nextDueDate, monthsDelinquent } = loanCase.loan;
  if (nextDueDate) return Math.max(0, daysBetween(addMonths(nextDueDate, -1), loanCase.evaluationDate));
  return Math.round((monthsDelinquent * 365) / 12);
}

/**
 * The NPV of a modification result of a case, with the rulebook's assumptions (discount rate =
 * PMMS + spread when the case has PMMS). Returns a result with `passes: null` and a reason when
 * it cannot be computed (no property value).
 */
export function caseModificationNpv(loanCase: LoanCase, modification: ModificationResult, params: NpvParams, ref?: RulebookRef): NpvResult {
  const value = loanCase.property.value;
  const timeline = foreclosureTimelineFor(loanCase.property.state, params);
  const pmms = loanCase.market.pmms;
  // FHA/VA partial claims and USDA recovery advances travel as `partialClaim` on the modification result.
  const partialClaim = typeof modification.partialClaim === 'number' && modification.partialClaim > 0 ? modification.partialClaim : 0;
  const discountRate = pmms !== null ? dec(pmms).plus(params.discountRateSpreadOverPmms) : dec(params.defaultDiscountRate);
  const assumptions: NpvAssumptions = {
    discountRate: discountRate.toNumber(),
    discountRateSource: pmms !== null ? `PMMS ${pmms} + ${params.discountRateSpreadOverPmms} (HAMP cap)` : 'rulebook default (the case has no PMMS rate)',
    annualRedefaultRate: params.annualRedefaultRate,
    reoDiscount: params.reoDiscount,
    foreclosureCostRate: params.foreclosureCostRate,
    foreclosureTimelineDays: timeline.days,
    foreclosureTimelineSource: timeline.source,
    daysAlreadyDelinquent: params.countElapsedDelinquency ? daysSinceLastPaidInstallment(loanCase) : 0,
    ...(partialClaim > 0 ? { partialClaimReceived: partialClaim } : {}),
  };
  if (value === null) {
    return { npvModification: null, npvForeclosure: null, npvDifference: null, passes: null, reason: 'no property value: NPV not computed', assumptions, ...(ref ? { rulebook: ref } : {}) };
  }
  try {
    const result = modificationNpv(
      {
        interestBearingUpb: modification.interestBearingUpb,
        forbearance: modification.forbearance,
        rate: modification.rate,
        termMonths: modification.termMonths,
        principalAndInterest: modification.principalAndInterest,
        propertyValue: value,
        totalDebt: dec(modification.interestBearingUpb).plus(modification.forbearance).plus(partialClaim),
        upfrontClaim: partialClaim,
      },
      {
        annualDiscountRate: discountRate,
        annualRedefaultRate: params.annualRedefaultRate,
        reoDiscount: params.reoDiscount,
        foreclosureCostRate: params.foreclosureCostRate,
        foreclosureTimelineDays: timeline.days,
        daysAlreadyDelinquent: assumptions.daysAlreadyDelinquent,
      },
    );
    return { npvModification: result.npvModification, npvForeclosure: result.npvForeclosure, npvDifference: result.npvDifference, passes: result.passes, assumptions, ...(ref ? { rulebook: ref } : {}) };
  } catch (error) {
    return { npvModification: null, npvForeclosure: null, npvDifference: null, passes: null, reason: `NPV not computed: ${(error as Error).message}`, assumptions, ...(ref ? { rulebook: ref } : {}) };
  }
}
