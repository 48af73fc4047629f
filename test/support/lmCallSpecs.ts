/**
 * One valid call of every LM function, and what kind of value each argument is: the bad-argument
 * matrix (test/functions/badArguments.test.ts) and the error-message test start from these and
 * spoil one argument at a time. Kinds decide what a bad value must give (see the matrix).
 */
import { caseoptions } from '../../src/functions/caseOptions';
import { portfolio } from '../../src/functions/portfolio';
import { dti, modterms } from '../../src/functions/functions';
import { cltv, ltv, pitia } from '../../src/functions/housing';
import { monthlyincome } from '../../src/functions/income';
import { npv } from '../../src/functions/npv';
import { varesidual, varesidualrequired } from '../../src/functions/residual';
import { regxdates } from '../../src/functions/timeline';
import { deferral, partialclaim, repayment, targetpi } from '../../src/functions/workouts';
import { shortsale } from '../../src/functions/disposition';

export type ArgumentKind =
  | 'amount' // dollars, 0 allowed
  | 'positiveAmount' // dollars, above 0
  | 'rate' // fraction 0..1
  | 'reduction' // fraction 0..1, below 1
  | 'cap' // ratio above 1, at most 10
  | 'monthsFrom0'
  | 'monthsFrom1'
  | 'days'
  | 'hours'
  | 'persons'
  | 'date'
  | 'text' // one of a list of words
  | 'boolean'
  | 'caseRange'
  | 'tape'
  | 'programs';

export interface ArgumentSpec {
  name: string;
  kind: ArgumentKind;
  optional?: boolean;
  /** A matrix parameter: Excel passes a 2-D array. */
  matrix?: boolean;
  /** The valid value of the baseline call, as Excel passes it. */
  value: unknown;
  /** A zero is invalid for this argument (e.g. a contractual payment). */
  zeroInvalid?: boolean;
  /** A zero is a divisor: #DIV/0!, as the argument's help says (Excel shows no message with it). */
  zeroIsDivisor?: boolean;
  /** Required, but a blank is documented as none (0), e.g. CLTV's subordinate liens. */
  blankIsNone?: boolean;
}

export interface CallSpec {
  id: string;
  fn: (...args: unknown[]) => unknown;
  args: ArgumentSpec[];
}

const m = (v: unknown): unknown[][] => [[v]];

/**
 * The published GSE Flex example's (Freddie Mac) Case Input rows from the rate on: one copy of its
 * figures for CASE_RANGE and for lmFamily.test.ts's fuller Case Input (sections, deferred balance).
 */
export const FLEX_EXAMPLE_TERM_ROWS: [string, number | string][] = [
  ['Interest rate', 0.0475],
  ['Remaining term (months)', 322],
  ['Contractual P&I', 1913.14],
  ['Monthly escrow', 350],
  ['Months delinquent', 4],
  ['Delinquent interest', 8261.88],
  ['Property value', 50000],
  ['GSE posted modification rate', 0.065],
  ['First trial payment date', '2025-11-01'],
];

/** The published GSE Flex example (Freddie Mac) as Case Input labels and values. */
export const CASE_RANGE: unknown[][] = [
  ['Case ID', 'REF-1'],
  ['Investor', 'FREDDIE'],
  ['Evaluation date', 45945],
  ['Unpaid principal balance (UPB)', 347868.83],
  ...FLEX_EXAMPLE_TERM_ROWS,
];

export const TAPE_HEADER = ['caseId', 'investor', 'evaluationDate', 'upb', 'rate', 'remainingTermMonths', 'contractualPI', 'monthlyEscrow', 'monthsDelinquent', 'delinquentInterest', 'value', 'modificationRate'];
export const TAPE_LOAN = ['T-1', 'FREDDIE', 45945, 347868.83, 0.0475, 322, 1913.14, 350, 4, 8261.88, 50000, 0.065];

const fns = { dti, modterms, monthlyincome, pitia, ltv, cltv, varesidual, varesidualrequired, targetpi, repayment, deferral, partialclaim, shortsale, npv, regxdates, caseoptions, portfolio } as unknown as Record<string, (...args: unknown[]) => unknown>;

export const CALLS: CallSpec[] = [
  { id: 'DTI', fn: fns.dti, args: [
    { name: 'income', kind: 'amount', matrix: true, value: m(5000), zeroInvalid: true, zeroIsDivisor: true },
    { name: 'housing_expense', kind: 'amount', matrix: true, value: m(1550) },
    { name: 'other_debts', kind: 'amount', matrix: true, optional: true, value: m(385) },
  ] },
  { id: 'MODTERMS', fn: fns.modterms, args: [
    { name: 'program', kind: 'text', value: 'FLEX' },
    { name: 'upb', kind: 'positiveAmount', value: 347868.83 },
    { name: 'arrears', kind: 'amount', matrix: true, value: m(8261.88) },
    { name: 'rate', kind: 'rate', value: 0.0475 },
    { name: 'remaining_term', kind: 'monthsFrom1', value: 322 },
    { name: 'current_pi', kind: 'positiveAmount', value: 1913.14 },
    { name: 'property_value', kind: 'positiveAmount', value: 50000 },
    { name: 'modification_rate', kind: 'rate', optional: true, value: 0.065 },
    { name: 'monthly_escrow', kind: 'amount', matrix: true, optional: true, value: m(350) },
    { name: 'field', kind: 'text', optional: true, value: 'principalAndInterest' },
  ] },
  { id: 'MONTHLYINCOME', fn: fns.monthlyincome, args: [
    { name: 'amount', kind: 'amount', matrix: true, value: m(25) },
    { name: 'frequency', kind: 'text', matrix: true, value: m('HOURLY') },
    { name: 'hours_per_week', kind: 'hours', matrix: true, optional: true, value: m(40) },
  ] },
  { id: 'PITIA', fn: fns.pitia, args: [
    { name: 'principal_and_interest', kind: 'amount', matrix: true, value: m(1913.14) },
    { name: 'taxes', kind: 'amount', matrix: true, optional: true, value: m(200) },
    { name: 'insurance', kind: 'amount', matrix: true, optional: true, value: m(100) },
    { name: 'mortgage_insurance', kind: 'amount', matrix: true, optional: true, value: m(50) },
    { name: 'association_dues', kind: 'amount', matrix: true, optional: true, value: m(35) },
    { name: 'other_housing', kind: 'amount', matrix: true, optional: true, value: m(0) },
  ] },
  { id: 'LTV', fn: fns.ltv, args: [
    { name: 'upb', kind: 'amount', matrix: true, value: m(200000) },
    { name: 'value', kind: 'amount', matrix: true, value: m(250000), zeroInvalid: true, zeroIsDivisor: true },
  ] },
  { id: 'CLTV', fn: fns.cltv, args: [
    { name: 'upb', kind: 'amount', matrix: true, value: m(200000) },
    { name: 'subordinate', kind: 'amount', matrix: true, value: m(20000), blankIsNone: true },
    { name: 'value', kind: 'amount', matrix: true, value: m(250000), zeroInvalid: true, zeroIsDivisor: true },
  ] },
  { id: 'VARESIDUAL', fn: fns.varesidual, args: [
    { name: 'net_effective_income', kind: 'amount', matrix: true, value: m(5000) },
    { name: 'housing_expense', kind: 'amount', matrix: true, value: m(1800) },
    { name: 'monthly_debts', kind: 'amount', matrix: true, optional: true, value: m(600) },
    { name: 'maintenance_utilities', kind: 'amount', matrix: true, optional: true, value: m(300) },
  ] },
  { id: 'VARESIDUALREQUIRED', fn: fns.varesidualrequired, args: [
    { name: 'region', kind: 'text', value: 'WEST' },
    { name: 'family_size', kind: 'persons', value: 4 },
    { name: 'loan_amount', kind: 'amount', value: 200000 },
  ] },
  { id: 'TARGETPI', fn: fns.targetpi, args: [
    { name: 'current_pi', kind: 'positiveAmount', value: 1913.14 },
    { name: 'reduction', kind: 'reduction', optional: true, value: 0.2 },
    { name: 'strictly_above', kind: 'boolean', optional: true, value: true },
  ] },
  { id: 'REPAYMENT', fn: fns.repayment, args: [
    { name: 'arrears', kind: 'amount', matrix: true, value: m(2500) },
    { name: 'contractual_payment', kind: 'positiveAmount', matrix: true, value: m(1913.14) },
    { name: 'cap', kind: 'cap', optional: true, value: 1.5 },
    { name: 'max_months', kind: 'monthsFrom1', optional: true, value: 12 },
  ] },
  { id: 'DEFERRAL', fn: fns.deferral, args: [
    { name: 'months_delinquent', kind: 'monthsFrom0', value: 4 },
    { name: 'contractual_pi', kind: 'amount', value: 1913.14 },
    { name: 'escrow_advances', kind: 'amount', matrix: true, optional: true, value: m(350) },
    { name: 'servicing_advances', kind: 'amount', matrix: true, optional: true, value: m(100) },
    { name: 'cumulative_deferred_months', kind: 'monthsFrom0', optional: true, value: 0 },
  ] },
  { id: 'PARTIALCLAIM', fn: fns.partialclaim, args: [
    { name: 'upb', kind: 'amount', matrix: true, value: m(200000) },
    { name: 'prior_partial_claims', kind: 'amount', matrix: true, optional: true, value: m(15000) },
    { name: 'needed', kind: 'amount', matrix: true, optional: true, value: m(30000) },
    { name: 'program', kind: 'text', optional: true, value: 'FHA' },
  ] },
  { id: 'SHORTSALE', fn: fns.shortsale, args: [
    { name: 'price', kind: 'amount', matrix: true, value: m(200000) },
    { name: 'value', kind: 'positiveAmount', matrix: true, value: m(220000) },
    { name: 'commission_rate', kind: 'rate', optional: true, value: 0.06 },
    { name: 'closing_costs', kind: 'amount', matrix: true, optional: true, value: m(3000) },
    { name: 'subordinate_payoff', kind: 'amount', matrix: true, optional: true, value: m(6000) },
    { name: 'relocation', kind: 'amount', matrix: true, optional: true, value: m(3000) },
    { name: 'investor', kind: 'text', optional: true, value: 'FANNIE' },
    { name: 'marketing_days', kind: 'days', optional: true, value: 30 },
  ] },
  { id: 'NPV', fn: fns.npv, args: [
    { name: 'interest_bearing_upb', kind: 'amount', matrix: true, value: m(100000) },
    { name: 'forbearance', kind: 'amount', matrix: true, value: m(0), blankIsNone: true },
    { name: 'rate', kind: 'rate', value: 0.06 },
    { name: 'term_months', kind: 'monthsFrom1', value: 360 },
    { name: 'property_value', kind: 'amount', value: 100000 },
    { name: 'state', kind: 'text', optional: true, value: 'GA' },
    { name: 'discount_rate', kind: 'rate', optional: true, value: 0.06 },
    { name: 'redefault_rate', kind: 'rate', optional: true, value: 0.15 },
    { name: 'reo_discount', kind: 'rate', optional: true, value: 0.15 },
    { name: 'foreclosure_costs', kind: 'rate', optional: true, value: 0.1 },
    { name: 'timeline_days', kind: 'days', optional: true, value: 600 },
    { name: 'days_delinquent', kind: 'days', optional: true, value: 90 },
  ] },
  { id: 'REGXDATES', fn: fns.regxdates, args: [
    { name: 'evaluation_date', kind: 'date', value: 45945 },
    { name: 'first_missed_due_date', kind: 'date', optional: true, value: 45809 },
    { name: 'application_received', kind: 'date', optional: true, value: 45920 },
    { name: 'application_complete', kind: 'date', optional: true, value: 45932 },
    { name: 'foreclosure_sale', kind: 'date', optional: true, value: 46100 },
  ] },
  { id: 'CASEOPTIONS', fn: fns.caseoptions, args: [
    { name: 'case_range', kind: 'caseRange', matrix: true, value: CASE_RANGE },
    { name: 'programs', kind: 'programs', matrix: true, optional: true, value: m('GSE-FLEX') },
  ] },
  { id: 'PORTFOLIO', fn: fns.portfolio, args: [
    { name: 'table', kind: 'tape', matrix: true, value: [TAPE_HEADER, TAPE_LOAN] },
    { name: 'show_header', kind: 'boolean', optional: true, value: true },
  ] },
];
