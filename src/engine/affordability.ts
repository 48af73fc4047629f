/** Affordability metrics (engine.md sections 2 and 3). STUB: to be completed by the engine-core work. */
import type { LoanCase } from './case/types';
import type { Affordability } from './results';

export function computeAffordability(loanCase: LoanCase): Affordability {
  return {
    grossMonthlyIncome: null,
    incomeLines: [],
    principalAndInterest: loanCase.loan.contractualPI,
    housingExpense: 0,
    otherDebtPayments: 0,
    frontEndDti: null,
    backEndDti: null,
    ltv: null,
    cltv: null,
    surplusIncome: null,
  };
}
