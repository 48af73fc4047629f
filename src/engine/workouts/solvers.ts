/**
 * Closed-form solvers for the searches of a payment-targeting modification, for every program
 * family (GSE Flex steps 4 and 5; the FHA, VA, USDA and PORTFOLIO waterfalls): the shortest term
 * whose payment reaches a target, the largest principal whose payment stays at a target, and
 * (government and portfolio only) the highest stepped rate whose payment reaches it.
 *
 * Speed: a month-by-month decimal search costs hundreds of decimal powers. Instead the answer
 * is found in float64 from the closed form, then CONFIRMED at the cent rounding boundary with
 * decimals (the neighbours are checked and the guess moved if float64 was off by one), so the
 * result is exactly the one the month-by-month decimal search would give.
 */
import { certifiedPaymentCents, floatPayment, paymentFactor, paymentFactorDecimal, principalAndInterest } from '../amortization';
import { CENT, Decimal, type DecimalInput, FLOAT_RELATIVE_ERROR_BOUND, ZERO, centsDecimal, certifiedHalfUpCents, floorCents, roundCents } from '../money';
import { amountArgument, monthsArgument, rateArgument } from './arguments';

export interface TermSolution {
  /** The shortest term in [minMonths, maxMonths] whose rounded P&I is at or below the target; maxMonths when none is. */
  termMonths: number;
  /** Rounded P&I at that term. */
  principalAndInterest: Decimal;
  /** True when the P&I at `termMonths` is at or below the target. */
  reached: boolean;
  /** paymentFactor(rate, termMonths), for callers that need more payments at that term (saves a decimal power). */
  factor: Decimal;
}

/**
 * Shortest term n in [minMonths, maxMonths] with principalAndInterest(principal, rate, n) <= target.
 * P&I never rises as the term grows (rate >= 0), so the first such n is the boundary of the
 * closed form n = -ln(1 - P i / A) / ln(1 + i) at A = target + 0.005 (an exact payment below
 * target + 0.005 rounds half-up to at most the target).
 */
export function solveTermForPayment(
  principal: Decimal | number | string,
  annualRate: number,
  targetPayment: Decimal | number | string,
  minMonths: number,
  maxMonths: number,
): TermSolution {
  const p = amountArgument('principal', principal);
  rateArgument('annualRate', annualRate);
  const target = amountArgument('targetPayment', targetPayment);
  monthsArgument('minMonths', minMonths, 1);
  monthsArgument('maxMonths', maxMonths, minMonths);

  // The rounded P&I at term n, as principalAndInterest computes it (principal x paymentFactor,
  // rounded half-up): from float64 when its error bound settles the cent (certifiedPaymentCents),
  // else in decimal. Only when the target is a whole number of cents can the comparison be made
  // on cents; otherwise every term is checked in decimal.
  const pf = p.toNumber();
  const targetHundredths = target.times(100);
  const targetCents = targetHundredths.isInteger() ? targetHundredths.toNumber() : null;
  const paymentAt = (n: number): Decimal => {
    const cents = targetCents === null ? null : certifiedPaymentCents(pf, annualRate, n);
    return cents !== null ? centsDecimal(cents) : roundCents(p.times(paymentFactor(annualRate, n)));
  };
  const exceedsTarget = (n: number): boolean => {
    const cents = targetCents === null ? null : certifiedPaymentCents(pf, annualRate, n);
    return cents !== null ? cents > (targetCents as number) : roundCents(p.times(paymentFactor(annualRate, n))).greaterThan(target);
  };
  // exceedsTarget always decides (decimal when float64 cannot), so the search always ends with a term.
  const n = shortestTermReaching(closedFormTermGuess(pf, annualRate, target.toNumber(), minMonths, maxMonths), minMonths, maxMonths, exceedsTarget) as number;
  const payment = paymentAt(n);
  return {
    termMonths: n,
    principalAndInterest: payment,
    reached: !payment.greaterThan(target),
    // Computed on first use (a decimal power when not cached): most callers reach the target and never need it.
    get factor() {
      return paymentFactor(annualRate, n);
    },
  };
}

/**
 * The original search, every term's payment in decimal: the reference `solveTermForPayment`
 * must equal (test/engine/fastPathSolvers.test.ts). Same contract.
 */
export function solveTermForPaymentDecimal(
  principal: Decimal | number | string,
  annualRate: number,
  targetPayment: Decimal | number | string,
  minMonths: number,
  maxMonths: number,
): TermSolution {
  const p = amountArgument('principal', principal);
  rateArgument('annualRate', annualRate);
  const target = amountArgument('targetPayment', targetPayment);
  monthsArgument('minMonths', minMonths, 1);
  monthsArgument('maxMonths', maxMonths, minMonths);
  const factorAt = (n: number) => paymentFactorDecimal(annualRate, n);
  let n = minMonths;
  let factor = factorAt(n);
  let payment = roundCents(p.times(factor));
  while (payment.greaterThan(target) && n < maxMonths) {
    n += 1;
    factor = factorAt(n);
    payment = roundCents(p.times(factor));
  }
  return { termMonths: n, principalAndInterest: payment, reached: !payment.greaterThan(target), factor };
}

/**
 * The first term to try: the closed form n = -ln(1 - P i / A) / ln(1 + i) at A = target + 0.005
 * (an exact payment below target + 0.005 rounds half-up to at most the target), within the range.
 */
function closedFormTermGuess(principal: number, annualRate: number, target: number, minMonths: number, maxMonths: number): number {
  return clamp(Math.ceil(floatTermGuess(principal, annualRate / 12, target + 0.005) - 1e-9), minMonths, maxMonths);
}

/**
 * The shortest term in [minMonths, maxMonths] whose payment does not exceed the target, walking
 * from `guess`: P&I never rises as the term grows, so up until the target is reached, or down
 * while the shorter term also reaches it; maxMonths when none does. `exceedsTarget` returns null
 * when it cannot decide a term: the search then returns null.
 */
function shortestTermReaching(guess: number, minMonths: number, maxMonths: number, exceedsTarget: (n: number) => boolean | null): number | null {
  let n = guess;
  const exceeds = exceedsTarget(n);
  if (exceeds === null) return null;
  if (exceeds) {
    while (n < maxMonths) {
      n += 1;
      const longerExceeds = exceedsTarget(n);
      if (longerExceeds === null) return null;
      if (!longerExceeds) break;
    }
  } else {
    while (n > minMonths) {
      const shorterExceeds = exceedsTarget(n - 1);
      if (shorterExceeds === null) return null;
      if (shorterExceeds) break;
      n -= 1;
    }
  }
  return n;
}

/**
 * The largest whole number of cents c >= 0 that fits (fits holds up to some c and not above it;
 * 0 is taken to fit), walking from `guess`. `fits` returns null when it cannot decide a
 * candidate: the walk then returns null.
 */
function largestFittingCents(guess: number, fits: (c: number) => boolean | null): number | null {
  let c = guess;
  while (c > 0) {
    const fitsHere = fits(c);
    if (fitsHere === null) return null;
    if (fitsHere) break;
    c -= 1;
  }
  for (;;) {
    const fitsNext = fits(c + 1);
    if (fitsNext === null) return null;
    if (!fitsNext) return c;
    c += 1;
  }
}

/** float64 n solving P i / (1 - (1+i)^-n) = A; +Infinity when no term reaches A. */
function floatTermGuess(principal: number, i: number, payment: number): number {
  if (principal <= 0) return 1;
  if (i === 0) return principal / payment;
  const x = 1 - (principal * i) / payment;
  if (x <= 0) return Number.POSITIVE_INFINITY;
  return -Math.log(x) / Math.log1p(i);
}

function clamp(n: number, min: number, max: number): number {
  if (!Number.isFinite(n)) return n > 0 ? max : min;
  return Math.min(max, Math.max(min, n));
}

/**
 * How a payment is compared with its target when solving for the principal:
 * - 'rounded': the payment rounded half-up to the cent is at or below the target (engine.md 4.5 text);
 * - 'exact': the unrounded payment is at or below the target, i.e. floor_to_cent(target / factor),
 *   the present value of the target floored to the cent (what the Freddie Mac worked example does).
 */
export type PaymentBoundary = 'rounded' | 'exact';

/**
 * The largest cent amount X >= 0 whose payment (X * factor, see `boundary`) is at or below the
 * target, factor = paymentFactor(rate, term). 'exact' is one decimal division. 'rounded' is
 * guessed in float64 from (target + 0.005) / factor, then confirmed cent by cent in decimal on
 * both sides of the rounding boundary.
 */
export function largestPrincipalForPayment(factor: Decimal, targetPayment: Decimal | number | string, boundary: PaymentBoundary = 'rounded'): Decimal {
  const target = amountArgument('targetPayment', targetPayment);
  if (!factor.isFinite() || factor.lessThanOrEqualTo(0)) throw new RangeError('payment factor must be positive');
  if (boundary === 'exact') {
    // One division, then confirmed against the definition (a 40-digit quotient can sit a hair off an exact cent).
    let x = floorCents(target.dividedBy(factor));
    const fitsExact = (amount: Decimal) => !amount.times(factor).greaterThan(target);
    while (x.greaterThan(ZERO) && !fitsExact(x)) x = x.minus(CENT);
    while (fitsExact(x.plus(CENT))) x = x.plus(CENT);
    return x;
  }
  const targetHundredths = target.times(100);
  const f = factor.toNumber();
  const guessCents = Math.floor(((target.toNumber() + 0.005) / f) * 100);
  if (targetHundredths.isInteger() && Number.isSafeInteger(guessCents) && guessCents > 0) {
    // Cent by cent on whole cents: X = c / 100 fits when round_half_up(X x factor) <= target,
    // settled in float64 when X x factor is clear of the half cent by the error bound (the
    // factor's conversion to float64 and the two operations add 3 units in the last place,
    // inside FLOAT_RELATIVE_ERROR_BOUND), else in decimal.
    const targetCents = targetHundredths.toNumber();
    const fitsCents = (c: number): boolean => {
      const payment = (c * f) / 100;
      const cents = certifiedHalfUpCents(payment, payment * FLOAT_RELATIVE_ERROR_BOUND);
      return cents !== null ? cents <= targetCents : !roundCents(centsDecimal(c).times(factor)).greaterThan(target);
    };
    // fitsCents always decides (decimal when float64 cannot), so the walk always ends with an amount.
    return centsDecimal(largestFittingCents(guessCents, fitsCents) as number);
  }
  return largestPrincipalForRoundedPaymentDecimal(factor, target);
}

/** The 'rounded' search with every candidate checked in decimal: the reference of the fast path above. */
export function largestPrincipalForRoundedPaymentDecimal(factor: Decimal, target: Decimal): Decimal {
  const guess = Math.floor(((target.toNumber() + 0.005) / factor.toNumber()) * 100) / 100;
  let x = new Decimal(Number.isFinite(guess) && guess > 0 ? guess.toFixed(2) : 0);
  const fits = (amount: Decimal) => !roundCents(amount.times(factor)).greaterThan(target);
  while (x.greaterThan(ZERO) && !fits(x)) x = x.minus(CENT);
  while (fits(x.plus(CENT))) x = x.plus(CENT);
  return x;
}

// ---------------------------------------------------------------------------------------------
// The government and portfolio waterfalls' form of the same searches (FHA, VA and USDA claim
// modifications, the PORTFOLIO HAMP-shaped waterfall): the rate is a Decimal (PMMS plus a spread
// on a 1/8 % grid, or a rulebook floor) and a miss is null. Same walks and the same cent
// boundary as solveTermForPayment and largestPrincipalForPayment ('rounded'), so the same answers.

/**
 * The largest cent amount X whose rounded P&I at `rate` over `months` is at or below `targetPI`:
 * round(X f) <= T  <=>  X f < T + 0.005. largestPrincipalForPayment ('rounded') at
 * f = paymentFactor(rate, months); 0 when the target is not positive.
 */
export function largestUpbForPayment(targetPI: DecimalInput, rate: DecimalInput, months: number): Decimal {
  const target = new Decimal(targetPI);
  // Not positive: nothing fits (the 'rounded' search alone would keep the sub-cent amounts whose payment rounds to 0).
  if (target.lessThanOrEqualTo(0)) return ZERO;
  const factor = paymentFactor(rate, months);
  // A NaN rate (a degenerate rulebook override, e.g. rateStep 0) leaves nothing to search: the
  // closed form alone (NaN), never an error inside the engine (test/engine/overrideFuzz.test.ts).
  if (!target.isFinite() || !factor.isFinite()) return floorCents(target.plus('0.005').dividedBy(factor));
  return largestPrincipalForPayment(factor, target, 'rounded');
}

/**
 * The shortest whole term in [minMonths, maxMonths] whose P&I on `upb` at `rate` is at or below
 * `targetPI`, or null when even `maxMonths` is above it. solveTermForPayment's search (closed-form
 * guess, then the walk of shortestTermReaching), each term's P&I by principalAndInterest at the
 * Decimal rate, unconverted.
 */
export function shortestTermForPayment(upb: DecimalInput, rate: DecimalInput, targetPI: DecimalInput, minMonths: number, maxMonths: number): number | null {
  const target = new Decimal(targetPI);
  // A NaN among the inputs (a degenerate rulebook override, e.g. rateStep 0) makes every comparison
  // false, so no term is above the target: the longest term, as the waterfalls have always had it.
  if (new Decimal(upb).isNaN() || new Decimal(rate).isNaN() || target.isNaN()) return maxMonths;
  const exceedsTarget = (n: number): boolean => principalAndInterest(upb, rate, n).greaterThan(target);
  const guess = closedFormTermGuess(Number(upb), Number(rate), target.toNumber(), minMonths, maxMonths);
  // exceedsTarget always decides (it is decimal), so the walk always ends with a term.
  const n = shortestTermReaching(guess, minMonths, maxMonths, exceedsTarget) as number;
  return exceedsTarget(n) ? null : n;
}

/**
 * The highest rate of the form `start - k * step` (k >= 0), not below `floor` (the floor itself
 * is the last candidate), whose P&I on `upb` over `months` is at or below `targetPI`; null when
 * even the floor misses. A Newton solve in floats gives k, decimals confirm it.
 */
export function highestSteppedRateForPayment(
  upb: DecimalInput,
  start: DecimalInput,
  floor: DecimalInput,
  step: DecimalInput,
  months: number,
  targetPI: DecimalInput,
): Decimal | null {
  const target = new Decimal(targetPI);
  const startRate = new Decimal(start);
  const floorRate = new Decimal(floor);
  const stepSize = new Decimal(step);
  const pay = (r: Decimal) => principalAndInterest(upb, r, months);
  if (startRate.lessThanOrEqualTo(floorRate)) return pay(startRate).lessThanOrEqualTo(target) ? startRate : null;
  if (pay(startRate).lessThanOrEqualTo(target)) return startRate;
  if (pay(floorRate).greaterThan(target)) return null;
  const maxK = startRate.minus(floorRate).dividedBy(stepSize).floor().toNumber();
  const rateAt = (k: number) => (k > maxK ? floorRate : startRate.minus(stepSize.times(k)));
  // Float guess of the exact rate that gives the target payment.
  const solved = solveRateFloat(Number(upb), Number(target), months, Number(startRate));
  let k = Math.max(0, Math.min(maxK + 1, Math.ceil((Number(startRate) - solved) / Number(stepSize))));
  while (k <= maxK && pay(rateAt(k)).greaterThan(target)) k++;
  while (k > 1 && pay(rateAt(k - 1)).lessThanOrEqualTo(target)) k--;
  return rateAt(k);
}

/** Newton iteration for the annual rate whose exact payment on `p` over `n` months is `a`. */
function solveRateFloat(p: number, a: number, n: number, guess: number): number {
  let r = Math.max(guess, 1e-6);
  for (let iteration = 0; iteration < 40; iteration++) {
    const i = r / 12;
    const g = Math.pow(1 + i, -n);
    const f = (p * i) / (1 - g) - a;
    const h = 1e-7;
    const i2 = (r + h) / 12;
    const f2 = (p * i2) / (1 - Math.pow(1 + i2, -n)) - a;
    const derivative = (f2 - f) / h;
    if (!Number.isFinite(derivative) || derivative === 0) break;
    const next = r - f / derivative;
    if (!Number.isFinite(next)) break;
    if (Math.abs(next - r) < 1e-12) return Math.max(next, 0);
    r = Math.max(next, 1e-9);
  }
  return r;
}

/** The rounded P&I of a principal under a precomputed factor (reusing the factor saves a decimal power). */
export function paymentWithFactor(principal: Decimal, factor: Decimal): Decimal {
  return roundCents(principal.times(factor));
}


/**
 * solveTermForPayment on whole cents (exact integers, see cents.ts): the same answer, with
 * every term's rounded P&I settled in float64 by certifiedPaymentCents. Null when a term's
 * cent is not certain or the rate is outside the certified range: the caller then takes the
 * decimal path. Same search as solveTermForPayment (closed-form guess, then confirmed).
 */
export function solveTermForPaymentCents(principalCents: number, annualRate: number, targetCents: number, minMonths: number, maxMonths: number): { termMonths: number; paymentCents: number } | null {
  const principal = principalCents / 100;
  const exceedsTarget = (n: number): boolean | null => {
    const cents = certifiedPaymentCents(principal, annualRate, n);
    return cents === null ? null : cents > targetCents;
  };
  const n = shortestTermReaching(closedFormTermGuess(principal, annualRate, targetCents / 100, minMonths, maxMonths), minMonths, maxMonths, exceedsTarget);
  const paymentCents = n === null ? null : certifiedPaymentCents(principal, annualRate, n);
  return n === null || paymentCents === null ? null : { termMonths: n, paymentCents };
}

/**
 * largestPrincipalForPayment on whole cents: the largest principal (in cents) whose payment at
 * this rate and term is at or below the target, under either boundary; the factor in float64
 * (floatPayment per dollar, within FLOAT_RELATIVE_ERROR_BOUND of the decimal factor), every
 * candidate settled only when the error bound decides it. Null when one is not certain or the
 * rate is outside the certified range (the decimal path then decides).
 */
export function largestPrincipalCentsForPayment(annualRate: number, months: number, targetCents: number, boundary: PaymentBoundary): number | null {
  if (!(annualRate === 0 || (annualRate >= 1e-9 && annualRate <= 1)) || months > 1200 || !(targetCents > 0)) return null;
  const factor = floatPayment(1, annualRate / 12, months);
  const guess = Math.floor((boundary === 'exact' ? targetCents : targetCents + 0.5) / factor);
  if (!Number.isSafeInteger(guess) || guess < 0 || guess > 1e13) return null;
  // c cents fit when their payment (c x factor cents, exact or rounded half-up) is at or below the target.
  const fits = (c: number): boolean | null => {
    const paymentCents = c * factor;
    if (boundary === 'exact') {
      const margin = paymentCents * 2 * FLOAT_RELATIVE_ERROR_BOUND;
      if (paymentCents + margin < targetCents) return true;
      if (paymentCents - margin > targetCents) return false;
      return null;
    }
    const payment = paymentCents / 100;
    const cents = certifiedHalfUpCents(payment, payment * FLOAT_RELATIVE_ERROR_BOUND);
    return cents === null ? null : cents <= targetCents;
  };
  return largestFittingCents(guess, fits);
}
