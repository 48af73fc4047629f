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
import { Decimal, type DecimalInput, ONE, ZERO, centsNumber, certifiedHalfUpCents, dec, fastPathStats, fractionalPower, integerPower, maxDecimal, minDecimal } from './money';
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
const ONE_TWELFTH = ONE.dividedBy(12);

/**
 * Decimal divisions the NPV repeats with the same operands for every loan of a portfolio (the
 * discount rate's monthly factor, a state's timeline in months), memoized: the same values,
 * computed once. Bounded: cleared at 1,024 entries.
 */
const sharedQuotients = new Map<string, Decimal>();
function sharedQuotient(key: string, compute: () => Decimal): Decimal {
  let result = sharedQuotients.get(key);
  if (result === undefined) {
    if (sharedQuotients.size >= 1024) sharedQuotients.clear();
    result = compute();
    sharedQuotients.set(key, result);
  }
  return result;
}

/** Days as months of 365/12 days. */
function monthsOfDays(days: number): Decimal {
  return sharedQuotient(`days ${days}`, () => new Decimal(days).dividedBy(DAYS_PER_MONTH));
}

function fraction(name: string, value: DecimalInput): Decimal {
  const d = dec(value);
  if (!d.isFinite() || d.lessThan(0) || d.greaterThan(1)) {
    throw new RangeError(`${name} ${String(value)} must be a fraction between 0 and 1 (e.g. 0.15 for 15%)`);
  }
  return d;
}

/**
 * The NPV of a modification against foreclosure now: pure, every assumption an argument. The
 * modification's present value is summed in float64 with a running error bound and rounded to
 * the cent when the bound settles the cent (`certifiedModificationPvCents`), else in decimal:
 * the result always equals `modificationNpvDecimal` (test/engine/fastPathNpv.test.ts).
 */
export function modificationNpv(inputs: ModificationNpvInputs, assumptions: ModificationNpvAssumptions): ModificationNpv {
  return npvOf(inputs, assumptions, true);
}

/** `modificationNpv` with every sum in decimal: the reference of the fast path. */
export function modificationNpvDecimal(inputs: ModificationNpvInputs, assumptions: ModificationNpvAssumptions): ModificationNpv {
  return npvOf(inputs, assumptions, false);
}

function npvOf(inputs: ModificationNpvInputs, assumptions: ModificationNpvAssumptions, fastPath: boolean): ModificationNpv {
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
  const v = sharedQuotient(`v ${discount.toString()}`, () => ONE.dividedBy(ONE.plus(discount.dividedBy(12)))); // monthly discount factor
  const survivePerMonth = redefault.isZero() ? ONE : fractionalPower(ONE.minus(redefault), ONE_TWELFTH);
  const hazard = ONE.minus(survivePerMonth);
  const timelineMonths = monthsOfDays(assumptions.foreclosureTimelineDays);
  const vTimeline = fractionalPower(v, timelineMonths);

  const liquidation = maxDecimal(ZERO, value.times(ONE.minus(reo)).minus(value.times(costRate)));

  // Modified loan: payments while surviving, liquidation after a re-default. Summed in closed
  // form (geometric series) rather than month by month, so a 480-month loan costs a handful of
  // decimal operations instead of thousands; see `expectedModificationCashFlowsPv`.
  const upfront = inputs.upfrontClaim !== undefined ? dec(inputs.upfrontClaim) : ZERO;
  if (upfront.lessThan(0)) throw new RangeError('upfrontClaim must not be negative');
  const cashFlowTerms: CashFlowTerms = { upb, forborne, payment, i, v, survivePerMonth, hazard, vTimeline, liquidation, n };
  const certifiedCents = fastPath ? certifiedModificationPvCents(cashFlowTerms, upfront) : null;

  // Foreclosure now: the whole debt, including what a partial claim would have covered.
  const debt = inputs.totalDebt !== undefined ? dec(inputs.totalDebt) : upb.plus(forborne).plus(upfront);
  const nowDays = Math.max(0, assumptions.foreclosureTimelineDays - elapsed);
  const pvForeclosure = minDecimal(liquidation, debt).times(fractionalPower(v, monthsOfDays(nowDays)));

  // cents / 100 is the double nearest the cent amount, as centsNumber's toNumber() is.
  const npvModification = certifiedCents !== null ? certifiedCents / 100 : centsNumber(expectedModificationCashFlowsPv(cashFlowTerms).plus(upfront));
  const npvForeclosure = centsNumber(pvForeclosure);
  const npvDifference = centsNumber(dec(npvModification).minus(npvForeclosure));
  return { npvModification, npvForeclosure, npvDifference, passes: npvDifference >= 0, liquidationValue: centsNumber(liquidation), assumptions };
}

interface CashFlowTerms {
  upb: Decimal;
  forborne: Decimal;
  payment: Decimal;
  /** Monthly note rate. */
  i: Decimal;
  /** Monthly discount factor 1 / (1 + d / 12). */
  v: Decimal;
  survivePerMonth: Decimal;
  hazard: Decimal;
  /** Discount factor over the foreclosure timeline. */
  vTimeline: Decimal;
  liquidation: Decimal;
  n: number;
}

/** Sum of x^0 + x^1 + ... + x^(count - 1). */
function geometricSum(x: Decimal, count: number): Decimal {
  if (count <= 0) return ZERO;
  if (x.equals(ONE)) return new Decimal(count);
  return ONE.minus(integerPower(x, count)).dividedBy(ONE.minus(x));
}

/**
 * Present value of the modified loan's expected cash flows:
 *   sum over t = 1..n of  q^t P v^t                                  (payment t, loan alive)
 *                       + q^(t-1) h min(L, B(t-1) + F) v^(t-1) vT    (re-default in month t)
 *   + q^n F v^n                                                       (forborne balance at maturity)
 * with q the monthly survival, h = 1 - q, B(k) the scheduled balance after k payments
 * B(k) = (upb - P/i)(1 + i)^k + P/i (upb - kP when i = 0), L the liquidation value and
 * F the forborne balance. B is decreasing, so the recovery is L until the first month k with
 * B(k - 1) + F <= L and B(t - 1) + F from then on: each part is a geometric series.
 */
function expectedModificationCashFlowsPv(terms: CashFlowTerms): Decimal {
  const { upb, forborne, payment, i, v, survivePerMonth: q, hazard: h, vTimeline, liquidation, n } = terms;
  const qv = q.times(v);
  const payments = payment.times(qv).times(geometricSum(qv, n));
  const maturity = forborne.times(integerPower(qv, n));
  if (h.isZero()) return payments.plus(maturity);

  // Scheduled balance after k payments, B(k) = A g^k + C (g = 1 + i), or upb - kP at 0%.
  const balanceAfter = (k: number): Decimal =>
    i.isZero() ? upb.minus(payment.times(k)) : upb.minus(payment.dividedBy(i)).times(integerPower(ONE.plus(i), k)).plus(payment.dividedBy(i));
  // First month t (1..n+1) whose recovery is the debt rather than the liquidation value.
  const debtCapped = (t: number): boolean => balanceAfter(t - 1).plus(forborne).lessThanOrEqualTo(liquidation);
  let k = crossoverGuess(terms);
  while (k > 1 && debtCapped(k - 1)) k -= 1;
  while (k <= n && !debtCapped(k)) k += 1;

  // Months 1..k-1 recover L; months k..n recover B(t-1) + F.
  const weight = h.times(vTimeline);
  const liquidationPart = liquidation.times(geometricSum(qv, k - 1));
  let debtPart = ZERO;
  const months = n - k + 1;
  if (months > 0) {
    const start = integerPower(qv, k - 1);
    if (i.isZero()) {
      // sum over j = 0..m-1 of (qv)^j (B(k-1) - jP + F)
      const base = balanceAfter(k - 1).plus(forborne);
      const jSum = sumOfIndexTimesPower(qv, months);
      debtPart = start.times(base.times(geometricSum(qv, months)).minus(payment.times(jSum)));
    } else {
      const g = ONE.plus(i);
      const a = upb.minus(payment.dividedBy(i));
      const c = payment.dividedBy(i).plus(forborne);
      debtPart = start.times(a.times(integerPower(g, k - 1)).times(geometricSum(qv.times(g), months)).plus(c.times(geometricSum(qv, months))));
    }
  }
  return payments.plus(maturity).plus(weight.times(liquidationPart.plus(debtPart)));
}

/** Unit roundoff of float64. */
const U = 2 ** -53;
/**
 * Safety factor on the running error bound of the float64 NPV: the bound counts each operation
 * as a few units of roundoff (Math.pow and expm1 within 2 ulp); 16x covers any slack in that
 * accounting and the 40-digit decimal's own error (about 1e-36 of the same magnitudes).
 */
const NPV_ERROR_SAFETY = 16;

/**
 * float64 1 + x + ... + x^(count - 1) = (1 - x^count) / (1 - x) and its relative error bound in
 * units of U, given x's relative error `xRel` (units of U). null when |1 - x| < 1e-6, where the
 * cancellation makes the bound useless (the decimal path then decides).
 */
function floatGeometricSum(x: number, xRel: number, count: number): [number, number] | null {
  if (count <= 0) return [0, 0];
  const oneMinusX = 1 - x;
  if (!(Math.abs(oneMinusX) >= 1e-6)) return null;
  const xn = Math.pow(x, count);
  const numerator = 1 - xn;
  if (numerator === 0) return null;
  // Absolute errors (units of U): x^count carries count x xRel from x and 2 from pow; each subtraction rounds once.
  const numeratorErr = Math.abs(xn) * (count * xRel + 2) + Math.abs(numerator);
  const denominatorErr = Math.abs(x) * xRel + Math.abs(oneMinusX);
  return [numerator / oneMinusX, numeratorErr / Math.abs(numerator) + denominatorErr / Math.abs(oneMinusX) + 1];
}

/**
 * The modification's present value plus the upfront claim, in whole cents rounded half-up, from
 * float64 with a running error bound: the same algebra as `expectedModificationCashFlowsPv`,
 * each quantity carried with a bound on its absolute error (units of U), the crossover month
 * found by the same comparisons, each one certified. null (decimal path) when a comparison or
 * the final half cent is within the bound, at 0% (the i = 0 sums), or outside the checked range.
 */
function certifiedModificationPvCents(terms: CashFlowTerms, upfront: Decimal): number | null {
  const fallback = (): null => {
    fastPathStats.fallbacks++;
    return null;
  };
  const n = terms.n;
  if (terms.i.isZero() || n > 1200) return fallback();
  // Each input converted from its decimal value: relative error at most 1 U.
  const P = terms.payment.toNumber();
  const upb = terms.upb.toNumber();
  const F = terms.forborne.toNumber();
  const L = terms.liquidation.toNumber();
  const i = terms.i.toNumber();
  const qv = terms.survivePerMonth.toNumber() * terms.v.toNumber();
  const qvRel = 3;
  const up = upfront.toNumber();
  if (![P, upb, F, L, i, qv, up].every(Number.isFinite) || P < 0 || F < 0 || L < 0) return fallback();

  const G = floatGeometricSum(qv, qvRel, n);
  if (G === null) return fallback();
  const payments = P * qv * G[0];
  let err = Math.abs(payments) * (qvRel + G[1] + 3);
  const maturity = F * Math.pow(qv, n);
  err += Math.abs(maturity) * (n * qvRel + 4);
  let total = payments + maturity;
  err += Math.abs(total);

  if (!terms.hazard.isZero()) {
    const weight = terms.hazard.toNumber() * terms.vTimeline.toNumber();
    const pOverI = P / i;
    const pOverIErr = Math.abs(pOverI) * 3;
    const a = upb - pOverI;
    const aErr = Math.abs(upb) + pOverIErr + Math.abs(a);
    const g = 1 + i;
    const gRel = 2;
    // debtCapped(t) of the decimal path: B(t - 1) + F <= L with B(k) = a g^k + P/i; null when too close to call.
    const debtCapped = (t: number): boolean | null => {
      const gk = Math.pow(g, t - 1);
      const agk = a * gk;
      const b = agk + pOverI;
      const diff = b + F - L;
      const diffErr = aErr * gk + Math.abs(agk) * ((t - 1) * gRel + 3) + pOverIErr + Math.abs(b) + F + L + Math.abs(b + F) + Math.abs(diff);
      if (Math.abs(diff) <= NPV_ERROR_SAFETY * diffErr * U) return null;
      return diff < 0;
    };
    // The same walk from the same guess as the decimal path, so the same crossover month k.
    let k = crossoverGuess(terms);
    while (k > 1) {
      const capped = debtCapped(k - 1);
      if (capped === null) return fallback();
      if (!capped) break;
      k -= 1;
    }
    while (k <= n) {
      const capped = debtCapped(k);
      if (capped === null) return fallback();
      if (capped) break;
      k += 1;
    }

    const GL = floatGeometricSum(qv, qvRel, k - 1);
    if (GL === null) return fallback();
    const liquidationPart = L * GL[0];
    let recoveryErr = Math.abs(liquidationPart) * (GL[1] + 2);
    let debtPart = 0;
    const months = n - k + 1;
    if (months > 0) {
      const start = Math.pow(qv, k - 1);
      const gk = Math.pow(g, k - 1);
      const G2 = floatGeometricSum(qv * g, qvRel + gRel + 1, months);
      const G3 = floatGeometricSum(qv, qvRel, months);
      if (G2 === null || G3 === null) return fallback();
      const t1 = a * gk * G2[0];
      const t1Err = aErr * Math.abs(gk * G2[0]) + Math.abs(t1) * ((k - 1) * gRel + 2 + G2[1] + 2);
      const c = pOverI + F;
      const cErr = pOverIErr + F + Math.abs(c);
      const t2 = c * G3[0];
      const t2Err = cErr * G3[0] + Math.abs(t2) * (G3[1] + 1);
      const inner = t1 + t2;
      const innerErr = t1Err + t2Err + Math.abs(inner);
      debtPart = start * inner;
      recoveryErr += start * innerErr + Math.abs(debtPart) * ((k - 1) * qvRel + 3);
    }
    const recovery = liquidationPart + debtPart;
    recoveryErr += Math.abs(recovery);
    const weighted = weight * recovery;
    err += weight * recoveryErr + Math.abs(weighted) * 4;
    total += weighted;
    err += Math.abs(total);
  }
  total += up;
  err += Math.abs(up) + Math.abs(total);
  return certifiedHalfUpCents(total, NPV_ERROR_SAFETY * err * U);
}

/** sum over j = 0..m-1 of j x^j. */
function sumOfIndexTimesPower(x: Decimal, m: number): Decimal {
  if (m <= 1) return ZERO;
  if (x.equals(ONE)) return new Decimal((m * (m - 1)) / 2);
  // x (1 - m x^(m-1) + (m-1) x^m) / (1 - x)^2
  const oneMinus = ONE.minus(x);
  return x.times(ONE.minus(integerPower(x, m - 1).times(m)).plus(integerPower(x, m).times(m - 1))).dividedBy(oneMinus.times(oneMinus));
}

/** A float64 first guess of the crossover month, confirmed and corrected in decimal by the caller. */
function crossoverGuess(terms: CashFlowTerms): number {
  const upb = terms.upb.toNumber();
  const f = terms.forborne.toNumber();
  const p = terms.payment.toNumber();
  const i = terms.i.toNumber();
  const l = terms.liquidation.toNumber();
  let k: number;
  if (upb + f <= l) return 1;
  if (i === 0) k = Math.ceil((upb + f - l) / p);
  else {
    // (upb - p/i) g^k + p/i + f <= l  =>  g^k >= (p/i + f - l) / (p/i - upb)
    const ratio = (p / i + f - l) / (p / i - upb);
    k = ratio > 0 ? Math.ceil(Math.log(ratio) / Math.log(1 + i)) : terms.n + 1;
  }
  if (!Number.isFinite(k)) return terms.n + 1;
  return Math.min(terms.n + 1, Math.max(1, k + 1));
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
