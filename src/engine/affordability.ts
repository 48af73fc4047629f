/**
 * Affordability metrics of a case (engine.md sections 2 and 3): gross monthly income, housing
 * expense (PITIA), front-end and back-end DTI, LTV, CLTV, MTMLTV, surplus income and, for VA
 * loans, residual income.
 *
 * Rounding points: income lines and the income total are rounded to the cent (see income.ts);
 * housing expense, debts and surplus are sums of cent amounts (rounded to the cent only to
 * guard against sub-cent inputs). Ratios are fractions rounded half-up to 4 decimals (31.25%
 * is 0.3125) and are computed from the printed cent figures, so a reviewer can recompute them
 * from the summary sheet.
 *
 * The pure calculators (`housingExpense`, `debtToIncome`, `loanToValue`) take plain numbers or
 * decimals and return exact decimals, for the LM.* custom functions.
 */
import type { LoanCase } from './case/types';
import { daysBetween } from './dates';
import { ArgumentError } from './errors';
import { exactCents, ratioOfCents, sumOfCents } from './cents';
import { grossMonthlyIncomeFigures } from './income';
import { Decimal, type DecimalInput, ZERO, centsNumber, dec, ratioNumber, sumDecimals } from './money';
import type { Affordability } from './results';
import { AFFORDABILITY_RULEBOOK } from './rulebooks/affordability';
import { decimalArgument } from './workouts/arguments';
import { requiredResidualIncome, residualIncome } from './vaResidual';

/** Decimal places of the ratios (DTI, LTV) in results: a percent with two decimals. */
export const RATIO_DECIMALS = 4;

export interface HousingExpenseParts {
  principalAndInterest: DecimalInput;
  taxes?: DecimalInput;
  insurance?: DecimalInput;
  floodInsurance?: DecimalInput;
  mortgageInsurance?: DecimalInput;
  association?: DecimalInput;
  groundRent?: DecimalInput;
  specialAssessments?: DecimalInput;
  subordinateLienPayment?: DecimalInput;
}

/**
 * Monthly housing expense (PITIA): P&I + taxes + hazard and flood insurance + mortgage
 * insurance + HOA/condo dues + ground rent + special assessments + subordinate lien payments
 * (Fannie Mae Selling Guide B3-6-03; Servicing Guide F-1-14). Exact sum.
 */
export function housingExpense(parts: HousingExpenseParts): Decimal {
  return sumDecimals(Object.entries(parts).map(([name, value]) => (value === undefined || value === null ? ZERO : decimalArgument(name, value))));
}

/**
 * Debt-to-income ratio as an exact fraction: (housing + other debts) / gross monthly income.
 * Front-end DTI: leave otherDebts out. Throws ArgumentError ('div0') when income is not above 0.
 */
export function debtToIncome(income: DecimalInput, housing: DecimalInput, otherDebts: DecimalInput = 0): Decimal {
  const gross = decimalArgument('income', income);
  if (gross.isZero()) throw new ArgumentError('income', 'income must be greater than 0 to compute a DTI', 'div0');
  return decimalArgument('housing', housing).plus(decimalArgument('otherDebts', otherDebts)).dividedBy(gross);
}

/**
 * Loan-to-value as an exact fraction: (balance + other liens) / value. LTV: the first-lien UPB;
 * CLTV: add subordinate lien balances; MTMLTV: add the deferred balance. Throws ArgumentError
 * ('div0') when the value is not above 0.
 */
export function loanToValue(balance: DecimalInput, value: DecimalInput, otherLiens: DecimalInput = 0): Decimal {
  const v = decimalArgument('value', value);
  if (v.isZero()) throw new ArgumentError('value', 'property value must be greater than 0 to compute an LTV', 'div0');
  return decimalArgument('balance', balance).plus(decimalArgument('otherLiens', otherLiens)).dividedBy(v);
}

export type HousingExpenseBasis = 'ITEMIZED' | 'ESCROW' | 'PI_ONLY';

export interface AffordabilityOptions {
  /** Income types not counted (e.g. UNEMPLOYMENT for a short-sale HTI); the lines still show, `counted: false`. */
  excludeIncomeTypes?: readonly string[];
}

export interface CaseAffordability extends Affordability {
  /** Where the T&I part of the housing expense came from: the itemized expenses, the monthly escrow, or nothing (P&I only). */
  housingExpenseBasis: HousingExpenseBasis;
  /** (UPB + deferred balance) / value, 4 decimals; null without a value. */
  mtmltv: number | null;
  /** Days from the valuation date to the evaluation date; null without a valuation date. */
  valuationAgeDays: number | null;
  /** True when the valuation is at most the AFFORDABILITY rulebook's maxValuationAgeDays old; null without a valuation date. */
  valuationCurrent: boolean | null;
  /** How figures were obtained where the case left something out (shown in the summary). */
  notes: string[];
}

export function computeAffordability(loanCase: LoanCase, options: AffordabilityOptions = {}): CaseAffordability {
  const { loan, property, borrower } = loanCase;
  const notes: string[] = [];

  const income = grossMonthlyIncomeFigures(borrower.incomes, { excludeTypes: options.excludeIncomeTypes });
  if (income.total === null) notes.push('No income lines: DTI, surplus and residual income are not computed.');

  // Housing expense: itemized when any item is given, else the escrow stands in for taxes and insurance.
  const h = borrower.housingExpenses;
  const itemized = [h.taxes, h.insurance, h.floodInsurance, h.mortgageInsurance, h.association, h.groundRent, h.subordinateLienPayment];
  let basis: HousingExpenseBasis = 'ITEMIZED';
  let housingParts: HousingExpenseParts;
  if (itemized.every((x) => x === 0) && loan.monthlyEscrow > 0) {
    basis = 'ESCROW';
    housingParts = { principalAndInterest: loan.contractualPI, taxes: loan.monthlyEscrow };
    notes.push(
      `Housing expense = P&I ${fmt(loan.contractualPI)} + monthly escrow ${fmt(loan.monthlyEscrow)} standing for taxes and insurance (no itemized housing expenses given).`,
    );
  } else {
    if (itemized.every((x) => x === 0)) {
      basis = 'PI_ONLY';
      notes.push('Housing expense = P&I only: no taxes, insurance or escrow given.');
    }
    housingParts = { principalAndInterest: loan.contractualPI, ...h };
  }
  // Sums of whole cents are exact in integers (see exactCents); anything else, in decimals.
  const housingInCents = sumOfCents(Object.values(housingParts));
  const housingCents = housingInCents !== null ? housingInCents / 100 : centsNumber(housingExpense(housingParts));
  const debtsInCents = sumOfCents(borrower.debts.map((d) => d.monthlyPayment));
  const debtsCents = debtsInCents !== null ? debtsInCents / 100 : centsNumber(sumDecimals(borrower.debts.map((d) => dec(d.monthlyPayment))));

  // Ratios from the printed cent figures.
  const gross = income.total;
  const hasIncome = gross !== null && gross > 0;
  if (gross === 0) notes.push('Gross monthly income is 0: DTI is not computed.');
  const grossInCents = exactCents(gross);
  const figuresInCents = grossInCents !== null && housingInCents !== null && debtsInCents !== null;
  const frontEndDti = hasIncome
    ? ((figuresInCents ? ratioOfCentsToRatio(housingInCents, grossInCents) : null) ?? ratioNumber(debtToIncome(gross, housingCents), RATIO_DECIMALS))
    : null;
  const backEndDti = hasIncome
    ? ((figuresInCents ? ratioOfCentsToRatio(housingInCents + debtsInCents, grossInCents) : null) ??
      ratioNumber(debtToIncome(gross, housingCents, debtsCents), RATIO_DECIMALS))
    : null;

  const value = property.value;
  const ltv = value ? loanToValueRatio(loan.upb, value, 0) : null;
  const cltv = value ? loanToValueRatio(loan.upb, value, property.subordinateLiens) : null;
  const mtmltv = value ? loanToValueRatio(loan.upb, value, loan.deferredBalance) : null;
  if (!value) notes.push('No property value: LTV, CLTV and MTMLTV are not computed.');

  const valuationAgeDays = property.valuationDate ? daysBetween(property.valuationDate, loanCase.evaluationDate) : null;
  const maxAge = AFFORDABILITY_RULEBOOK.parameters.maxValuationAgeDays.value;
  const valuationCurrent = valuationAgeDays === null ? null : valuationAgeDays >= 0 && valuationAgeDays <= maxAge;

  let surplusIncome: number | null = null;
  if (gross !== null) {
    if (borrower.livingExpenses === null) notes.push('Surplus income leaves out living expenses: none were given.');
    const livingInCents = borrower.livingExpenses === null ? 0 : exactCents(borrower.livingExpenses);
    if (figuresInCents && livingInCents !== null) {
      surplusIncome = (grossInCents - housingInCents - debtsInCents - livingInCents) / 100;
    } else {
      let surplus = dec(gross).minus(housingCents).minus(debtsCents);
      if (borrower.livingExpenses !== null) surplus = surplus.minus(borrower.livingExpenses);
      surplusIncome = centsNumber(surplus);
    }
  }

  const affordability: CaseAffordability = {
    grossMonthlyIncome: gross,
    incomeLines: income.lines,
    principalAndInterest: loan.contractualPI,
    housingExpense: housingCents,
    housingExpenseBasis: basis,
    otherDebtPayments: debtsCents,
    frontEndDti,
    backEndDti,
    ltv,
    cltv,
    mtmltv,
    valuationAgeDays,
    valuationCurrent,
    surplusIncome,
    vaResidualIncome: loanCase.investor === 'VA' ? vaResidual(loanCase, gross, housingCents, debtsCents, notes) : null,
    notes,
  };
  return affordability;
}

/**
 * VA residual income of the case (engine.md 3): net effective income (borrower.netMonthlyIncome)
 * less housing expense, monthly debts and maintenance and utilities (borrower.maintenanceAndUtilities).
 * Without net effective income the counted gross income is used ("gross income used"), without
 * the estimate none is deducted; the loan amount of the table is the current UPB. The notes say so.
 */
function vaResidual(
  loanCase: LoanCase,
  gross: number | null,
  housingCents: number,
  debtsCents: number,
  notes: string[],
): { residualIncome: number | null; required: number | null; meets: boolean | null; incomeBasis: string } {
  const { region, familySize } = loanCase.borrower;
  const net = loanCase.borrower.netMonthlyIncome ?? null;
  const upkeep = loanCase.borrower.maintenanceAndUtilities ?? null;
  const income = net ?? gross;
  const residual =
    income === null ? null : centsNumber(residualIncome({ netEffectiveIncome: income, housingExpense: housingCents, monthlyDebts: debtsCents, maintenanceAndUtilities: upkeep ?? 0 }));
  const required = region !== null && familySize !== null ? centsNumber(requiredResidualIncome(region, familySize, loanCase.loan.upb)) : null;
  if (required === null) notes.push('VA residual income: borrower region and family size are needed for the required figure (not checked).');
  if (residual !== null && net === null) {
    notes.push('VA residual income: gross income used (the case has no net effective income, borrower.netMonthlyIncome): it overstates net residual income.');
  }
  if (residual !== null && upkeep === null) notes.push('VA residual income: no maintenance and utilities estimate (borrower.maintenanceAndUtilities): none deducted.');
  if (familySize !== null && familySize > 7) notes.push(`VA residual income: family of ${familySize} uses the family-of-7 requirement (additions stop at 7).`);
  return { residualIncome: residual, required, meets: residual !== null && required !== null ? residual >= required : null, incomeBasis: net === null ? 'GROSS' : 'NET' };
}

/** An LTV of the case as ratioNumber(loanToValue(...), RATIO_DECIMALS), in integer cents when all three are whole cents. */
function loanToValueRatio(balance: number, value: number, otherLiens: number): number {
  const balanceCents = exactCents(balance);
  const valueCents = exactCents(value);
  const otherCents = exactCents(otherLiens);
  const inCents = balanceCents !== null && valueCents !== null && otherCents !== null ? ratioOfCentsToRatio(balanceCents + otherCents, valueCents) : null;
  return inCents ?? ratioNumber(loanToValue(balance, value, otherLiens), RATIO_DECIMALS);
}


/** ratioOfCents at the ratios' RATIO_DECIMALS. */
function ratioOfCentsToRatio(numerator: number, denominator: number): number | null {
  return ratioOfCents(numerator, denominator, RATIO_DECIMALS);
}

function fmt(amount: number): string {
  return dec(amount).toFixed(2);
}
