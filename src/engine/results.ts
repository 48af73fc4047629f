/**
 * What an evaluation returns: shared/spec/case-format.md, "The evaluation, as the CLI prints it".
 *
 * Results are plain JSON values (amounts as numbers rounded to cents, percents as numbers with
 * two decimals, ratios as fractions, dates as ISO strings) so that the CLI, the pane, the
 * custom functions and the summary all read the same object. Every figure was computed with
 * decimals and rounded once, at its rounding point, before it was stored here.
 */
import type { IsoDate } from './dates';
import type { Investor } from './case/types';

/** A rulebook reference, printed with every result: `GSE-FLEX 2024-12-01`. */
export interface RulebookRef {
  id: string;
  version: string;
}

export type CheckStatus = 'pass' | 'fail' | 'not checked';

/** The stable id of an eligibility test (its `test` text is for display and may be reworded). */
export type CheckId =
  | 'arrears-to-repay'
  | 'conventional-first-lien'
  | 'as-is-value'
  | 'borrower-intent'
  | 'can-resume-payment'
  | 'cannot-reinstate-or-afford-plan'
  | 'clear-title'
  | 'commission-within-cap'
  | 'complete-application'
  | 'deferral-cumulative-months'
  | 'deferral-max-months'
  | 'deferral-min-months'
  | 'delinquent-or-imminent-default'
  | 'fixed-rate-mortgage'
  | 'flex-rate'
  | 'forbearance-cumulative-months'
  | 'front-end-dti-above-target'
  | 'hardship'
  | 'hardship-continuing'
  | 'hardship-resolved'
  | 'investor'
  | 'later-step-closer-to-target'
  | 'loan-delinquent'
  | 'marketing-period'
  | 'minimum-monthly-principal-reduction'
  | 'modifications-miss-the-target'
  | 'net-proceeds-short-of-the-total-debt'
  | 'net-return-at-or-above-the-minimum'
  | 'no-equity-to-sell'
  | 'no-failed-trial'
  | 'no-recent-deferral'
  | 'no-recent-modification'
  | 'not-near-maturity'
  | 'one-partial-claim-per-loan'
  | 'originated-long-enough'
  | 'owner-occupied'
  | 'partial-claim-not-available'
  | 'partial-claim-within-cap'
  | 'pi-does-not-increase'
  | 'plan-payment-cap'
  | 'pmms-given'
  | 'positive-recovery'
  | 'prior-modifications-limit'
  | 'retention-interval'
  | 'subordinate-lien-payoff-within-cap'
  | 'surplus-covers-plan'
  | 'target-dti-reached'
  | 'target-reduction-reached'
  | 'thirty-year-does-not-resolve'
  | 'thirty-year-misses-target'
  | 'tier2-dti-range'
  | 'tier2-minimum-reduction'
  | 'usda-ninety-days-past-due'
  | 'va-residual-income'
  | 'valuation-age'
  | 'valuation-current';

/** One eligibility test, by id and name. A test whose input is absent is `not checked`, never passed or failed silently. */
export interface EligibilityCheck {
  id: CheckId;
  test: string;
  status: CheckStatus;
  detail: string;
}

export type StepFigures = Record<string, number | string | boolean | null>;

/** One step of a waterfall: what it did, with which figures, under which rule (the manager's audit trail). */
export interface AuditStep {
  step: string;
  action: string;
  rule: string;
  before?: StepFigures;
  after?: StepFigures;
}

export type OptionKind = 'modification' | 'repayment' | 'forbearance' | 'deferral' | 'partialClaim' | 'disposition';

export interface OptionResultBase {
  program: string;
  label: string;
  kind: OptionKind;
  eligible: boolean;
  /** When not eligible: the failed test in a few words (e.g. "P&I increase"); `reasonDetail` gives the figures. */
  reason?: string;
  reasonDetail?: string;
  rulebook: RulebookRef;
  checks: EligibilityCheck[];
  steps: AuditStep[];
  /**
   * An option that lowers the payment of a borrower who cannot resume it, whatever its kind (the
   * FHA Payment Supplement is a partial claim): the recommendation considers it with the modifications.
   */
  paymentReduction?: boolean;
  /** When the option fails only because the loan is not yet delinquent enough: the date it opens (USDA streamline at 90 days). */
  opensOn?: IsoDate | null;
  /** True when the post-option housing ratio is above the rulebook's affordability threshold (engine.md 4 step 7): the option stays eligible. */
  affordabilityFlag?: boolean | null;
  /** True only where the investor's rulebook has an NPV test (portfolio): elsewhere the NPV is information. */
  npvIsInvestorTest?: boolean;
}

export interface ModificationResult extends OptionResultBase {
  kind: 'modification';
  rate: number;
  termMonths: number;
  postCapitalizationUpb: number;
  interestBearingUpb: number;
  forbearance: number;
  principalAndInterest: number;
  monthlyPayment: number;
  reductionPercent: number;
  mtmltvPercent: number | null;
  trialPayment: number;
  trialPaymentCount: number;
  /** Trial payment due dates, `null` when the case has no first trial payment date. */
  trialPaymentDates: IsoDate[] | null;
  modificationEffectiveDate: IsoDate | null;
  firstPaymentDate: IsoDate | null;
  maturityDate: IsoDate | null;
  /** Post-modification front-end DTI (new housing expense / gross income), `null` without income. */
  postModificationDti: number | null;
  /** NPV of the modification against foreclosure now (attached by evaluate for eligible modifications; src/engine/npv.ts). */
  npv?: NpvResult | null;
  [extra: string]: unknown;
}

/** The assumptions an NPV used, printed with it (engine.md section 7: "a decision aid whose assumptions are printed with it"). */
export interface NpvAssumptions {
  /** Annual discount rate (fraction). */
  discountRate: number;
  discountRateSource: string;
  /** Annual probability that the modified loan re-defaults (fraction), applied as a constant monthly hazard. */
  annualRedefaultRate: number;
  /** REO discount: liquidation value = value x (1 - reoDiscount) - foreclosure costs. */
  reoDiscount: number;
  /** Foreclosure, holding and disposition costs as a fraction of the property value. */
  foreclosureCostRate: number;
  /** Days from the last paid installment to the foreclosure sale (state timeline). */
  foreclosureTimelineDays: number;
  foreclosureTimelineSource: string;
  /** Days of that timeline already elapsed at the evaluation (shortens the foreclosure-now delay). */
  daysAlreadyDelinquent: number;
  /** A partial claim / recovery advance the insurer or guarantor pays the holder at once (FHA, VA, USDA), counted at month 0. */
  partialClaimReceived?: number;
}

export interface NpvResult {
  /** Expected present value of the modified loan's cash flows (with re-default ending in liquidation). */
  npvModification: number | null;
  /** Present value of foreclosing now. */
  npvForeclosure: number | null;
  /** npvModification - npvForeclosure. */
  npvDifference: number | null;
  /** True when the difference is 0 or more; `null` when it could not be computed. */
  passes: boolean | null;
  /** Why the NPV was not computed (e.g. no property value). */
  reason?: string;
  assumptions: NpvAssumptions | null;
  rulebook?: RulebookRef;
}

export interface RepaymentPlanResult extends OptionResultBase {
  kind: 'repayment';
  months: number | null;
  monthlyPayment: number | null;
  [extra: string]: unknown;
}

export interface ForbearancePlanResult extends OptionResultBase {
  kind: 'forbearance';
  months: number | null;
  monthlyPayment: number | null;
  arrearsAtEnd: number | null;
  [extra: string]: unknown;
}

export interface DeferralResult extends OptionResultBase {
  kind: 'deferral';
  deferredMonths: number | null;
  deferredAmount: number | null;
  [extra: string]: unknown;
}

export interface PartialClaimResult extends OptionResultBase {
  kind: 'partialClaim';
  partialClaim: number | null;
  partialClaimCap: number | null;
  [extra: string]: unknown;
}

export interface DispositionResult extends OptionResultBase {
  kind: 'disposition';
  netProceeds?: number | null;
  netReturnPercent?: number | null;
  [extra: string]: unknown;
}

export type OptionResult =
  | ModificationResult
  | RepaymentPlanResult
  | ForbearancePlanResult
  | DeferralResult
  | PartialClaimResult
  | DispositionResult;

export interface IncomeLineResult {
  type: string;
  frequency: string;
  amount: number;
  /** HOURLY lines: the usual hours per week. */
  hoursPerWeek?: number;
  /** The line's monthly equivalent rounded to the cent (the total is the rounded sum of the exact amounts). */
  monthlyAmount: number;
  counted: boolean;
}

export interface Affordability {
  grossMonthlyIncome: number | null;
  incomeLines: IncomeLineResult[];
  principalAndInterest: number;
  housingExpense: number;
  otherDebtPayments: number;
  frontEndDti: number | null;
  backEndDti: number | null;
  ltv: number | null;
  cltv: number | null;
  /** Gross income less housing expense, other debts and living expenses; `null` without income. */
  surplusIncome: number | null;
  vaResidualIncome?: { residualIncome: number | null; required: number | null; meets: boolean | null } | null;
  [extra: string]: unknown;
}

export interface Timeline {
  acknowledgmentDue: IsoDate | null;
  evaluationDue: IsoDate | null;
  appealDeadline: IsoDate | null;
  earliestForeclosureReferral: IsoDate | null;
  /** 12 CFR 1024.39(a): live contact (good-faith attempts) by the 36th day of delinquency. */
  earlyInterventionLiveContactBy?: IsoDate | null;
  /** 12 CFR 1024.39(b): written early-intervention notice by the 45th day of delinquency. */
  earlyInterventionWrittenNoticeBy?: IsoDate | null;
  /** 12 CFR 1024.41(e): minimum days the borrower has to accept an offer (14, or 7), `null` when none applies. */
  acceptanceWindowDays?: number | null;
  /** The end of that window, counted from the decision notice when the case gives it, else from the evaluation due date. */
  acceptanceDeadline?: IsoDate | null;
  /**
   * What the appeal deadline (and the acceptance deadline) count from: 'decision notice' (the case's
   * `options.decisionNoticeSentDate`) or 'latest' (the evaluation due date, the latest compliant
   * notice date: the window closes on that date at the latest). `null` without an appeal deadline.
   */
  appealDeadlineBasis?: 'decision notice' | 'latest' | null;
  /** How to read the appeal deadline, printed beside it, e.g. "at the latest, if the decision is sent on the evaluation due date". */
  appealDeadlineLabel?: string | null;
  /** 12 CFR 1024.41(g): a complete application more than 37 days before a scheduled sale bars the sale until the periods end. */
  saleProtected?: boolean | null;
  /** Flags for the specialist: missed (due date passed at evaluation), near (within 5 days), not required, reached. */
  flags?: TimelineFlag[];
  /** Which dates the timeline counted from, and the decisions applied. */
  notes?: string[];
  [extra: string]: unknown;
}

export type TimelineFlagStatus = 'missed' | 'near' | 'not required' | 'reached';

export interface TimelineFlag {
  /** The timeline field the flag is about, e.g. `acknowledgmentDue`. */
  item: string;
  status: TimelineFlagStatus;
  message: string;
}

export interface Recommendation {
  program: string | null;
  rationale: string;
  /** The route taken: hardship resolved, temporary hardship, long-term hardship, disposition intent, waterfall order. */
  category?: string;
  /** Options considered before the chosen one, each with the reason it was passed over. */
  passedOver?: { program: string; label: string; reason: string }[];
}

/** A rulebook parameter the evaluation used with a value other than the published one (engine.md section 9). */
export interface RulebookOverrideUsed {
  rulebook: RulebookRef;
  parameter: string;
  /** The published value of the rulebook version in force. */
  published: unknown;
  /** The value the evaluation used. */
  used: unknown;
  /** Where the override came from: the case file's `rulebookOverrides`, or the workbook's settings (the caller's, applied on top). */
  source: 'case' | 'workbook settings';
}

export interface Evaluation {
  caseId: string;
  investor: Investor;
  evaluationDate: IsoDate;
  engineVersion: string;
  /** Program ids in the investor's waterfall order. */
  waterfall: string[];
  options: Record<string, OptionResult>;
  affordability: Affordability;
  timeline: Timeline;
  recommendation: Recommendation;
  rulebooks: RulebookRef[];
  /** Case-level observations that are not errors (e.g. a stale valuation). */
  warnings: string[];
  /** Every rulebook override applied, by rulebook and parameter; absent when none was. */
  overrides?: RulebookOverrideUsed[];
}
