/**
 * A float64 implementation of the GSE Flex Modification arithmetic (engine.md section 4),
 * used ONLY by `npm run bench` as the speed baseline for the decimal engine (the issue's
 * "Flex within 30x the float64 time"). It is not the engine and nothing else may call it:
 * binary floating point is not allowed for money that is rounded or compared (engine.md 1).
 *
 * Same steps as the engine: capitalize; target P&I = floor_to_cent(pre * 0.79995); rate =
 * the posted rate when the current rate is above it; term solved in closed form from the
 * remaining term up to 480 months and confirmed at the rounding boundary; principal
 * forbearance when post-capitalization MTMLTV >= 50%, capped at the lesser of 30% of the
 * gross UPB and the amount that brings MTMLTV to 50%. Amounts are kept in integer cents
 * where they are rounded so that most results agree with the decimal engine to the cent.
 */
import type { ModificationResult } from '../engine/results';
import type { FlexLoan } from './loanGenerator';

/** The figures the bench compares with the engine's ModificationResult, under the same names. */
export type FlexFloat64Result = Pick<
  ModificationResult,
  'eligible' | 'rate' | 'termMonths' | 'postCapitalizationUpb' | 'interestBearingUpb' | 'forbearance' | 'principalAndInterest' | 'reductionPercent' | 'mtmltvPercent'
>;

const MAX_TERM = 480;

/** Cents of an amount in dollars (rounded half-up: inputs are already cent amounts). */
const toCents = (dollars: number): number => Math.round(dollars * 100);

/** Rounded P&I in cents of a principal in cents. */
function piCents(principalCents: number, monthlyRate: number, months: number): number {
  const exact = monthlyRate === 0 ? principalCents / months : (principalCents * monthlyRate) / (1 - Math.pow(1 + monthlyRate, -months));
  return Math.floor(exact + 0.5);
}

export function flexFloat64(loan: FlexLoan): FlexFloat64Result {
  const grossCents = toCents(loan.upb) + toCents(loan.deferredBalance) + toCents(loan.arrears) - toCents(loan.borrowerContribution);
  const preCents = toCents(loan.contractualPI);
  // floor_to_cent(pre * 0.79995) in integer cents: exact in float64 (below 2^53).
  const targetCents = Math.floor((preCents * 79995) / 100000);

  let rate = loan.rate;
  let term = Math.min(loan.remainingTermMonths, MAX_TERM);
  let interestBearingCents = grossCents;
  let forbearanceCents = 0;
  let i = rate / 12;
  let pi = piCents(grossCents, i, term);

  if (pi > targetCents && loan.rate > loan.modificationRate) {
    rate = loan.modificationRate;
    i = rate / 12;
    pi = piCents(grossCents, i, term);
  }
  if (pi > targetCents) {
    term = solveTerm(grossCents, i, targetCents, term);
    pi = piCents(grossCents, i, term);
  }
  if (pi > targetCents && loan.value > 0 && grossCents >= toCents(loan.value) * 0.5) {
    // Interest-bearing UPB = floor_to_cent(target / payment factor): the largest cent principal whose
    // exact payment is at or below the target. This is what the published Freddie Mac example
    // reproduces (328,584.90, where "rounded P&I at or below" would give 328,585.97).
    const factor = i === 0 ? 1 / term : i / (1 - Math.pow(1 + i, -term));
    const principal = Math.floor(targetCents / factor);
    const needed = grossCents - principal;
    const thirtyPercent = Math.floor(grossCents * 0.3 + 0.5);
    const toFiftyLtv = grossCents - toCents(loan.value) / 2;
    forbearanceCents = Math.max(0, Math.floor(Math.min(needed, thirtyPercent, toFiftyLtv) + 0.5));
    interestBearingCents = grossCents - forbearanceCents;
    pi = piCents(interestBearingCents, i, term);
  }
  const reduction = preCents === 0 ? 0 : Math.floor(((preCents - pi) / preCents) * 10000 + 0.5) / 100;
  return {
    eligible: pi < preCents,
    rate,
    termMonths: term,
    postCapitalizationUpb: grossCents / 100,
    interestBearingUpb: interestBearingCents / 100,
    forbearance: forbearanceCents / 100,
    principalAndInterest: pi / 100,
    reductionPercent: reduction,
    mtmltvPercent: loan.value > 0 ? Math.floor((interestBearingCents / toCents(loan.value)) * 10000) / 100 : null,
  };
}

/**
 * The first term from `fromTerm` up to 480 whose rounded P&I is at or below the target; 480
 * when none is. n = -ln(1 - P i / A) / ln(1 + i) with A = target + half a cent, then confirmed.
 */
function solveTerm(principalCents: number, i: number, targetCents: number, fromTerm: number): number {
  const limit = targetCents + 0.5;
  let n: number;
  if (i === 0) n = Math.ceil(principalCents / limit);
  else {
    const x = 1 - (principalCents * i) / limit;
    if (x <= 0) return MAX_TERM;
    n = Math.ceil(-Math.log(x) / Math.log(1 + i));
  }
  n = Math.min(Math.max(n, fromTerm), MAX_TERM);
  while (n > fromTerm && piCents(principalCents, i, n - 1) <= targetCents) n -= 1;
  while (n < MAX_TERM && piCents(principalCents, i, n) > targetCents) n += 1;
  return n;
}
