/**
 * A modification paired with a non-interest-bearing subordinate claim (FHA partial claim, USDA
 * mortgage recovery advance): the claim takes the arrears first (what it cannot take is
 * capitalized), the loan is re-amortized at the new rate and term, and principal is deferred
 * into what is left of the claim until the P&I reaches the target.
 */
import { principalAndInterest } from '../../amortization';
import { Decimal, ZERO, centsNumber, minDecimal } from '../../money';
import type { AuditStep } from '../../results';
import { largestUpbForPayment, shortestTermForPayment } from '../../workouts/solvers';

export interface ClaimModificationInput {
  upb: Decimal;
  arrears: Decimal;
  lateFees: number;
  /** What the claim may still hold. */
  available: Decimal;
  availableStep: AuditStep;
  rate: Decimal;
  rateStep: AuditStep;
  /** The longest term (and the term used when `minTermMonths` is absent). */
  termMonths: number;
  /**
   * When given, the term is extended one month at a time from this term up to `termMonths`
   * and stops at the first term that reaches the target (USDA 2025 rule); the claim's principal
   * deferment is used only when `termMonths` does not reach it.
   */
  minTermMonths?: number;
  termRule: string;
  contractualPI: Decimal;
  /** The largest P&I that reaches the program's target reduction. */
  target: Decimal;
  claimName: string;
  rule: string;
}

export interface ClaimModificationFigures {
  rate: Decimal;
  termMonths: number;
  target: Decimal;
  available: Decimal;
  arrears: Decimal;
  arrearsInPartialClaim: Decimal;
  capitalizedArrears: Decimal;
  postCapitalizationUpb: Decimal;
  principalDeferment: Decimal;
  interestBearingUpb: Decimal;
  principalAndInterest: Decimal;
  targetReached: boolean;
  steps: AuditStep[];
}

export function computeClaimModification(input: ClaimModificationInput): ClaimModificationFigures {
  const { upb, arrears, available, rate, target, rule, claimName } = input;
  let termMonths = input.termMonths;
  const steps: AuditStep[] = [input.availableStep];
  const arrearsInPartialClaim = minDecimal(arrears, available);
  const capitalizedArrears = arrears.minus(arrearsInPartialClaim);
  const postCapitalizationUpb = upb.plus(capitalizedArrears);
  steps.push({
    step: 'Arrears',
    action: capitalizedArrears.isZero()
      ? `arrears cured by the ${claimName} (late fees waived, never included)`
      : `arrears beyond the available ${claimName} capitalized`,
    rule: `${rule}: the ${claimName} is applied first to arrears`,
    before: { arrears: centsNumber(arrears), lateFeesExcluded: input.lateFees },
    after: { claimArrears: centsNumber(arrearsInPartialClaim), capitalizedArrears: centsNumber(capitalizedArrears), postCapitalizationUpb: centsNumber(postCapitalizationUpb) },
  });
  steps.push(input.rateStep);
  if (input.minTermMonths !== undefined) {
    const minTerm = Math.min(input.minTermMonths, input.termMonths);
    const shortest = shortestTermForPayment(postCapitalizationUpb, rate, target, minTerm, input.termMonths);
    if (shortest !== null) termMonths = shortest;
  }
  const piBeforeDeferment = principalAndInterest(postCapitalizationUpb, rate, termMonths);
  steps.push({
    step: 'Term',
    action:
      input.minTermMonths === undefined
        ? `re-amortize over ${termMonths} months`
        : `term extended one month at a time from ${Math.min(input.minTermMonths, input.termMonths)}: ${termMonths} months${piBeforeDeferment.lessThanOrEqualTo(target) ? ' reach the target' : ' (the longest) do not reach the target'}`,
    rule: input.termRule,
    before: { contractualPI: centsNumber(input.contractualPI), targetPI: centsNumber(target) },
    after: { termMonths, principalAndInterest: centsNumber(piBeforeDeferment) },
  });
  let principalDeferment = ZERO;
  let targetReached = piBeforeDeferment.lessThanOrEqualTo(target);
  if (!targetReached) {
    const remaining = available.minus(arrearsInPartialClaim);
    const reachingUpb = largestUpbForPayment(target, rate, termMonths);
    const needed = postCapitalizationUpb.minus(reachingUpb);
    targetReached = needed.lessThanOrEqualTo(remaining);
    principalDeferment = Decimal.max(ZERO, minDecimal(needed, remaining));
    steps.push({
      step: 'Principal deferment',
      action: targetReached
        ? `principal deferred into the ${claimName} to reach the target P&I`
        : `the ${claimName} left is not enough to reach the target: all of it deferred`,
      rule: `${rule}: the lesser of the amount available and the amount that reaches the target`,
      before: { needed: centsNumber(needed), claimLeft: centsNumber(remaining) },
      after: { principalDeferment: centsNumber(principalDeferment) },
    });
  }
  const interestBearingUpb = postCapitalizationUpb.minus(principalDeferment);
  return {
    rate,
    termMonths,
    target,
    available,
    arrears,
    arrearsInPartialClaim,
    capitalizedArrears,
    postCapitalizationUpb,
    principalDeferment,
    interestBearingUpb,
    principalAndInterest: principalAndInterest(interestBearingUpb, rate, termMonths),
    targetReached,
    steps,
  };
}
