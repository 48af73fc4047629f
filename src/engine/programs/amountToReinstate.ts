/**
 * The amount to reinstate (engine.md section 1), defined once: what a repayment plan repays and
 * what an FHA partial claim, a VA partial claim or a USDA mortgage recovery advance pays to
 * bring the loan current.
 *
 *   every missed contractual installment (P&I + the escrow part, one per month delinquent)
 *   + allowable servicing advances + legal fees
 *   - the borrower's contribution - funds held in suspense
 *   (never late charges: ML 2008-21; never below 0)
 *
 * Sources: HUD NSC partial-claim FAQ ("an amount necessary to reinstate the delinquent loan");
 * 12 U.S.C. 1715u(b) (the claim is applied "first to any arrearage"); VA 38 U.S.C. 3737;
 * 7 CFR 3555.304. Delinquent interest and escrow advances are not added: they are already the
 * interest and escrow parts of the missed installments. A Flex or portfolio modification
 * capitalizes instead (delinquent interest, escrow advances, servicing advances and legal
 * fees), because the missed principal is still in the UPB.
 */
import type { LoanCase } from '../case/types';
import { Decimal, ZERO, centsNumber, roundCents } from '../money';

export interface AmountToReinstate {
  /** Contractual installment: P&I + monthly escrow. */
  installment: Decimal;
  missedInstallments: number;
  /** installment x missedInstallments. */
  missedPayments: Decimal;
  servicingAdvances: Decimal;
  legalFees: Decimal;
  borrowerContribution: Decimal;
  suspense: Decimal;
  /** Late charges, never included (reported so the audit trail shows them left out). */
  lateChargesExcluded: Decimal;
  /** The amount to reinstate, never below 0. */
  total: Decimal;
}

export function amountToReinstate(loanCase: LoanCase): AmountToReinstate {
  const { loan, arrears } = loanCase;
  const installment = new Decimal(loan.contractualPI).plus(loan.monthlyEscrow);
  const missedPayments = installment.times(loan.monthsDelinquent);
  const servicingAdvances = new Decimal(arrears.servicingAdvances);
  const legalFees = new Decimal(arrears.legalFees);
  const borrowerContribution = new Decimal(arrears.borrowerContribution);
  const suspense = new Decimal(arrears.suspense ?? 0);
  const total = Decimal.max(ZERO, missedPayments.plus(servicingAdvances).plus(legalFees).minus(borrowerContribution).minus(suspense));
  return {
    installment,
    missedInstallments: loan.monthsDelinquent,
    missedPayments,
    servicingAdvances,
    legalFees,
    borrowerContribution,
    suspense,
    lateChargesExcluded: new Decimal(arrears.lateFees),
    total,
  };
}

/** The figures of the amount to reinstate for an audit step, rounded to the cent. */
export function amountToReinstateFigures(a: AmountToReinstate): Record<string, number> {
  return {
    installment: centsNumber(a.installment),
    missedInstallments: a.missedInstallments,
    missedPayments: centsNumber(a.missedPayments),
    servicingAdvances: centsNumber(a.servicingAdvances),
    legalFees: centsNumber(a.legalFees),
    borrowerContribution: centsNumber(a.borrowerContribution),
    suspense: centsNumber(a.suspense),
    lateChargesExcluded: centsNumber(a.lateChargesExcluded),
    amountToReinstate: centsNumber(a.total),
  };
}

/**
 * The principal part of the missed installments: when a claim (FHA partial claim, USDA mortgage
 * recovery advance) pays the amount to reinstate, the missed installments are applied and the
 * principal falls by this much. Computed on the schedule from `loan.upb` at the note rate with
 * the contractual P&I, interest rounded to the cent each month (amortization convention).
 */
export function principalOfMissedInstallments(loanCase: LoanCase): Decimal {
  const { loan } = loanCase;
  const i = new Decimal(loan.rate).dividedBy(12);
  const pi = new Decimal(loan.contractualPI);
  let balance = new Decimal(loan.upb);
  let principal = ZERO;
  for (let k = 0; k < loan.monthsDelinquent && balance.greaterThan(0); k++) {
    const interest = roundCents(balance.times(i));
    const part = Decimal.min(balance, Decimal.max(ZERO, pi.minus(interest)));
    principal = principal.plus(part);
    balance = balance.minus(part);
  }
  return principal;
}
