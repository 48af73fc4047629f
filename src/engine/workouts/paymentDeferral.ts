/**
 * Payment deferral arithmetic (Fannie Mae D2-3.2-04, Freddie Mac Bulletin 2023-8, engine.md
 * section 5), generic: the past-due P&I of the delinquent months plus advanced escrow and
 * servicing advances become a non-interest-bearing balance due at maturity, payoff or
 * transfer; P&I and term are unchanged. The deferral brings the loan current, so every
 * delinquent month is deferred: a loan further behind than the limit is not eligible.
 */
import { Decimal, type DecimalInput } from '../money';
import { amountArgument, monthsArgument } from './arguments';

export interface PaymentDeferralInputs {
  monthsDelinquent: number;
  /** Contractual monthly P&I. */
  contractualPI: DecimalInput;
  /** Escrow the servicer advanced (default 0). */
  escrowAdvances?: DecimalInput;
  /** Allowable servicing advances paid to third parties, legal fees included (default 0). */
  servicingAdvances?: DecimalInput;
  minMonths: number;
  maxMonths: number;
  /** Months already deferred over the life of the loan. */
  cumulativeDeferredMonths: number;
  maxCumulativeMonths: number;
}

export interface DeferralLimitCheck {
  test: string;
  pass: boolean;
  detail: string;
}

export interface PaymentDeferralCalculation {
  deferredMonths: number;
  deferredPrincipalAndInterest: Decimal;
  deferredAmount: Decimal;
  /** Each limit, passed or failed. */
  limits: DeferralLimitCheck[];
  withinLimits: boolean;
}

export function paymentDeferral(inputs: PaymentDeferralInputs): PaymentDeferralCalculation {
  const months = monthsArgument('monthsDelinquent', inputs.monthsDelinquent, 0);
  const pi = amountArgument('contractualPI', inputs.contractualPI);
  const escrow = amountArgument('escrowAdvances', inputs.escrowAdvances ?? 0);
  const advances = amountArgument('servicingAdvances', inputs.servicingAdvances ?? 0);
  const min = monthsArgument('minMonths', inputs.minMonths, 0);
  const max = monthsArgument('maxMonths', inputs.maxMonths, 0);
  const prior = monthsArgument('cumulativeDeferredMonths', inputs.cumulativeDeferredMonths, 0);
  const maxCumulative = monthsArgument('maxCumulativeMonths', inputs.maxCumulativeMonths, 0);

  const deferredPI = pi.times(months);
  const limits: DeferralLimitCheck[] = [
    { test: `at least ${min} months past due`, pass: months >= min, detail: `${months} months delinquent` },
    { test: `at most ${max} months past due`, pass: months <= max, detail: `${months} months delinquent; a deferral must defer every past-due month` },
    {
      test: `at most ${maxCumulative} months deferred cumulatively`,
      pass: prior + months <= maxCumulative,
      detail: `${prior} months deferred before + ${months} now = ${prior + months}`,
    },
  ];
  return {
    deferredMonths: months,
    deferredPrincipalAndInterest: deferredPI,
    deferredAmount: deferredPI.plus(escrow).plus(advances),
    limits,
    withinLimits: limits.every((l) => l.pass),
  };
}
