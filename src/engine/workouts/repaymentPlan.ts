/**
 * Repayment plan arithmetic (Fannie Mae D2-3.2-02, engine.md section 5), generic: the limits
 * are arguments so that each investor's program passes its own rulebook's values.
 *
 * Plan payment = contractual payment + arrears installment. The installment is the arrears
 * divided by the months, rounded UP to the cent so that the plan repays the whole arrears;
 * the last installment is the remainder (a few cents less). The shortest compliant length is
 * the smallest n whose plan payment is at most capRatio x contractual payment: in closed form
 * n = ceil(arrears / floorCents((capRatio - 1) x contractual)) (no month-by-month search).
 */
import { Decimal, type DecimalInput, ZERO, ceilCents, floorCents } from '../money';
import { amountArgument, monthsArgument, positiveAmountArgument } from './arguments';

export interface RepaymentPlanInputs {
  /** The monthly contractual payment the plan adds to (GSE reading: P&I + escrow). */
  contractualPayment: DecimalInput;
  /** The past-due amount the plan repays. */
  arrears: DecimalInput;
  /** Highest plan payment as a multiple of the contractual payment (1.5 = 150%). */
  capRatio: DecimalInput;
  /** Longest plan allowed (the investor's limit in force for this case). */
  maxMonths: number;
  /** Monthly surplus income (income less current housing expense, debts and living expenses); null when unknown. */
  surplusIncome?: DecimalInput | null;
}

export interface RepaymentPlanCalculation {
  /** The shortest plan length under the payment cap, whatever maxMonths says; null when no length works (cap <= 100%); 0 when there are no arrears. */
  shortestMonthsUnderCap: number | null;
  /** True when that length is at most maxMonths (and there are arrears to repay). */
  feasible: boolean;
  /** The plan length offered (shortest compliant), null when not feasible. */
  months: number | null;
  /** Monthly arrears installment (rounded up to the cent), null when not feasible. */
  installment: Decimal | null;
  /** Contractual payment + installment, null when not feasible. */
  monthlyPayment: Decimal | null;
  /** The last month's payment: contractual + the remaining arrears. */
  finalMonthlyPayment: Decimal | null;
  /** capRatio x contractual payment, unrounded. */
  maxPayment: Decimal;
  /** Surplus income covers the installment: true / false, null when surplus income is unknown or the plan is not feasible. */
  affordable: boolean | null;
}

export function repaymentPlan(inputs: RepaymentPlanInputs): RepaymentPlanCalculation {
  const contractual = positiveAmountArgument('contractualPayment', inputs.contractualPayment);
  const arrears = amountArgument('arrears', inputs.arrears);
  const capRatio = amountArgument('capRatio', inputs.capRatio);
  const maxMonths = monthsArgument('maxMonths', inputs.maxMonths, 0);
  const surplus = inputs.surplusIncome === null || inputs.surplusIncome === undefined ? null : new Decimal(inputs.surplusIncome);

  const maxPayment = contractual.times(capRatio);
  const room = floorCents(maxPayment.minus(contractual));
  let shortest: number | null;
  if (arrears.isZero()) shortest = 0;
  else if (room.lessThanOrEqualTo(ZERO)) shortest = null;
  else shortest = arrears.dividedBy(room).ceil().toNumber();

  const feasible = shortest !== null && shortest > 0 && shortest <= maxMonths;
  if (!feasible || shortest === null) {
    return { shortestMonthsUnderCap: shortest, feasible: false, months: null, installment: null, monthlyPayment: null, finalMonthlyPayment: null, maxPayment, affordable: null };
  }
  const installment = ceilCents(arrears.dividedBy(shortest));
  const lastInstallment = arrears.minus(installment.times(shortest - 1));
  return {
    shortestMonthsUnderCap: shortest,
    feasible: true,
    months: shortest,
    installment,
    monthlyPayment: contractual.plus(installment),
    finalMonthlyPayment: contractual.plus(lastInstallment),
    maxPayment,
    affordable: surplus === null ? null : surplus.greaterThanOrEqualTo(installment),
  };
}
