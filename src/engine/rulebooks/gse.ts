/**
 * GSE rulebooks (engine.md sections 4, 5 and 9): Fannie Mae / Freddie Mac Flex Modification,
 * Payment Deferral, repayment plan and forbearance plan. Each version is the date of the
 * guide text the parameters follow. Parameters the spec marks **Interpretation** carry
 * `interpretation: true` so that a servicer can correct them by override without a release.
 */
import type { Rulebook } from './types';
import { BOUNDS } from './bounds';

export type GseFlexParameters = {
  /** Target P&I = floor_to_cent(current P&I x factor): the largest payment reported as a 20.01% reduction. */
  targetPaymentFactor: number;
  /** The reduction, in percent with two decimals, that the target represents. */
  targetReductionPercent: number;
  /** Longest modified term, in months from the modification effective date. */
  maxTermMonths: number;
  /** Principal forbearance is capped at this fraction of the post-capitalization gross UPB. */
  forbearanceCapOfUpb: number;
  /** Principal forbearance may not bring the interest-bearing MTMLTV below this fraction. */
  forbearanceMtmltvFloor: number;
  /** Principal forbearance applies only when the post-capitalization MTMLTV is at least this fraction. */
  minimumMtmltvForForbearance: number;
  /** 'exact' or 'rounded': how the interest-bearing UPB that reaches the target is found (see the parameter's description). */
  forbearancePaymentBoundary: string;
  trialPaymentCount: number;
  escrowShortageSpreadMonths: number;
  /** Eligible only with fewer than this many prior modifications. */
  maxPriorModifications: number;
  minMonthsSinceOrigination: number;
  minMonthsDelinquent: number;
  maxValuationAgeDays: number;
  /** A failed Flex trial within this many months makes the loan ineligible. */
  failedTrialLookbackMonths: number;
  /** A post-modification housing ratio above this is flagged (the option stays eligible). */
  affordabilityFlagRatio: number;
};

export type GsePaymentDeferralParameters = {
  minMonthsDelinquent: number;
  maxDeferredMonths: number;
  maxCumulativeDeferredMonths: number;
  /** The loan must mature more than this many months after the evaluation (remaining term > this). */
  monthsBeforeMaturityExcluded: number;
  /** No non-disaster modification within this many months. */
  minMonthsSinceLastModification: number;
  /** The loan was originated at least this many months before the evaluation. */
  minMonthsSinceOrigination: number;
  /** No payment deferral became effective within this many months. */
  minMonthsSinceLastDeferral: number;
  /** No failed trial period plan within this many months. */
  failedTrialLookbackMonths: number;
  /** "Cannot afford a repayment plan": surplus income below the amount to reinstate spread over this many months. */
  repaymentPlanTestMonths: number;
};

export type GseRepaymentPlanParameters = {
  /** Plan payment at most this multiple of the contractual payment (1.5 = 150%). */
  maxPaymentRatio: number;
  /** Longest plan without a complete loss-mitigation application (only when at most `maxMonthsDelinquentWithoutApplication` behind). */
  maxMonthsWithoutCompleteApplication: number;
  /** 90 days delinquent, in whole missed payments. */
  maxMonthsDelinquentWithoutApplication: number;
  /** Longest plan the servicer may grant without investor approval. */
  maxMonthsWithoutInvestorApproval: number;
};

export type GseForbearanceParameters = {
  incrementMonths: number;
  maxCumulativeMonths: number;
  /** Payment during the plan as a fraction of the contractual payment when the case gives none (0 = suspended). */
  defaultReducedPaymentRatio: number;
};

const FLEX_SOURCE = 'Fannie Mae Servicing Guide D2-3.2-06 and Freddie Mac Guide 9206 as amended by Fannie Mae LL-2024-02 / Freddie Mac Bulletin 2024-E (mandatory 2024-12-01)';
const DEFERRAL_SOURCE = 'Fannie Mae Servicing Guide D2-3.2-04 (2024-12-01); Freddie Mac Bulletin 2023-8';
const REPAYMENT_SOURCE = 'Fannie Mae Servicing Guide D2-3.2-02 (2024-12-01)';
const FORBEARANCE_SOURCE = 'Fannie Mae Servicing Guide D2-3.2-01 (2024-12-01)';

export const GSE_FLEX_RULEBOOK: Rulebook<GseFlexParameters> = {
  id: 'GSE-FLEX',
  version: '2024-12-01',
  effectiveDate: '2024-12-01',
  title: 'Fannie Mae / Freddie Mac Flex Modification',
  parameters: {
    targetPaymentFactor: {
      value: 0.79995,
      ...BOUNDS.reductionTargetFactor,
      description:
        'Target P&I = current contractual P&I x this factor, floored to the cent: the largest cent amount whose reduction rounds to at least 20.01% (a reduction strictly above 20% as reported to two decimals).',
      source: `${FLEX_SOURCE}; engine.md section 4 step 2`,
    },
    targetReductionPercent: {
      value: 20.01,
      ...BOUNDS.reductionTargetPercent,
      description: 'The payment reduction target, in percent as reported to two decimals.',
      source: `${FLEX_SOURCE}; engine.md section 4 step 2`,
    },
    maxTermMonths: {
      value: 480,
      ...BOUNDS.modifiedTermMax,
      description: 'The term is extended one month at a time up to this many months from the modification effective date.',
      source: `${FLEX_SOURCE}; engine.md section 4 step 4`,
    },
    forbearanceCapOfUpb: {
      value: 0.3,
      ...BOUNDS.forbearanceCapOfUpb,
      description: 'Principal forbearance is at most this fraction of the post-capitalization gross UPB (floored to the cent).',
      source: `${FLEX_SOURCE}; engine.md section 4 step 5`,
    },
    forbearanceMtmltvFloor: {
      value: 0.5,
      ...BOUNDS.mtmltv,
      description: 'Principal forbearance may not bring the interest-bearing MTMLTV below this fraction: at most gross UPB - floor x value (floored to the cent).',
      source: `${FLEX_SOURCE}; Fannie Mae F-1-27; engine.md section 4 step 5`,
    },
    minimumMtmltvForForbearance: {
      value: 0.5,
      ...BOUNDS.mtmltv,
      description: 'Principal forbearance applies only when the post-capitalization MTMLTV (gross UPB / value) is at least this fraction.',
      source: `${FLEX_SOURCE}; engine.md section 4 step 5`,
    },
    forbearancePaymentBoundary: {
      value: 'exact',
      description:
        "How the interest-bearing UPB that brings P&I to the target is found. 'exact' (default): the largest cent amount whose unrounded P&I is at or below the target, i.e. the present value of the target payment floored to the cent; this reproduces the Freddie Mac Resolve Retention API worked example (328,584.90). 'rounded': the largest cent amount whose P&I rounded to the cent is at or below the target, as engine.md 4.5 words it (328,585.97 on the same example).",
      source: 'Freddie Mac Resolve Retention API v3, Scenario 5 (Flex Modification) worked example (published figures, read 2025-10); engine.md section 4 step 5',
      interpretation: true,
    },
    trialPaymentCount: {
      value: 3,
      ...BOUNDS.trialPayments,
      description: 'Number of monthly trial period payments before the modification is effective.',
      source: `${FLEX_SOURCE}; engine.md section 4 step 7`,
    },
    escrowShortageSpreadMonths: {
      value: 60,
      ...BOUNDS.escrowSpreadMonths,
      description: 'An escrow shortage is spread over this many monthly payments (installment rounded half-up to the cent).',
      source: `${FLEX_SOURCE}; engine.md section 4 step 7`,
    },
    maxPriorModifications: {
      value: 3,
      ...BOUNDS.priorModifications,
      description: 'Eligible only with fewer than this many prior modifications.',
      source: `${FLEX_SOURCE}; engine.md section 4 eligibility`,
    },
    minMonthsSinceOrigination: {
      value: 12,
      ...BOUNDS.lookbackMonths,
      description: 'The loan must have been originated at least this many months before the evaluation date.',
      source: `${FLEX_SOURCE}; engine.md section 4 eligibility`,
    },
    minMonthsDelinquent: {
      value: 2,
      ...BOUNDS.delinquencyMonths,
      description: 'At least this many months (60 days) delinquent. Imminent default is not determined from the case (see docs/gse.md).',
      source: `${FLEX_SOURCE}; engine.md section 4 eligibility`,
    },
    maxValuationAgeDays: {
      value: 90,
      ...BOUNDS.valuationAgeDays,
      description: 'The property valuation used for MTMLTV may be at most this many days old at the evaluation date.',
      source: 'Fannie Mae Servicing Guide F-1-27 (2024-12-01); engine.md section 4 eligibility',
    },
    failedTrialLookbackMonths: {
      value: 12,
      ...BOUNDS.lookbackMonths,
      description: 'A borrower who failed a Flex trial period within this many months is not eligible.',
      source: `${FLEX_SOURCE}; engine.md section 4 eligibility`,
    },
    affordabilityFlagRatio: {
      value: 0.4,
      ...BOUNDS.dtiFlag,
      description: 'When income is known, a post-modification housing ratio (PITIA / gross income) above this is flagged "payment may not be sustainable"; the option stays eligible.',
      source: 'engine.md section 4 step 7, changes of 2026-12-02 (Interpretation): Freddie Mac Guide 9206 requires stable income that supports the new payment but sets no ratio; 40% is the spec default',
      interpretation: true,
    },
  },
};

export const GSE_PAYMENT_DEFERRAL_RULEBOOK: Rulebook<GsePaymentDeferralParameters> = {
  id: 'GSE-PAYMENT-DEFERRAL',
  version: '2024-12-01',
  effectiveDate: '2024-12-01',
  title: 'Fannie Mae / Freddie Mac Payment Deferral',
  parameters: {
    minMonthsDelinquent: {
      value: 2,
      ...BOUNDS.delinquencyMonths,
      description: 'The deferral defers at least this many months of past-due payments.',
      source: `${DEFERRAL_SOURCE}; engine.md section 5`,
    },
    maxDeferredMonths: {
      value: 6,
      ...BOUNDS.deferredMonths,
      description: 'At most this many months of past-due P&I are deferred; a loan further behind cannot be brought current by a deferral.',
      source: `${DEFERRAL_SOURCE}; engine.md section 5`,
    },
    maxCumulativeDeferredMonths: {
      value: 12,
      ...BOUNDS.cumulativeDeferredMonths,
      description: 'Cumulative deferred months over the life of the loan (disaster deferrals aside).',
      source: `${DEFERRAL_SOURCE}; engine.md section 5`,
    },
    monthsBeforeMaturityExcluded: {
      value: 36,
      ...BOUNDS.monthsBeforeMaturity,
      description: 'Not available within this many months of maturity: the remaining term must exceed it.',
      source: `${DEFERRAL_SOURCE}; engine.md section 5`,
      interpretation: true,
    },
    minMonthsSinceLastModification: {
      value: 12,
      ...BOUNDS.lookbackMonths,
      description: 'No non-disaster modification within this many months (the case does not say whether a prior modification was a disaster one: every prior modification counts).',
      source: `${DEFERRAL_SOURCE}; engine.md section 5`,
      interpretation: true,
    },
    minMonthsSinceOrigination: {
      value: 12,
      ...BOUNDS.lookbackMonths,
      description: 'The loan was originated at least this many months before the evaluation date.',
      source: `${DEFERRAL_SOURCE} eligibility table, as quoted by engine.md section 5 (changes of 2026-12-02); the guide text itself was not read`,
    },
    minMonthsSinceLastDeferral: {
      value: 12,
      ...BOUNDS.lookbackMonths,
      description: 'No payment deferral became effective within this many months before the evaluation (loan.lastDeferralEffectiveDate).',
      source: `${DEFERRAL_SOURCE} eligibility table, as quoted by engine.md section 5; the guide text itself was not read`,
    },
    failedTrialLookbackMonths: {
      value: 12,
      ...BOUNDS.lookbackMonths,
      description: 'No failed trial period plan within this many months (loan.failedTrialInLast12Months).',
      source: `${DEFERRAL_SOURCE} eligibility table, as quoted by engine.md section 5; the guide text itself was not read`,
    },
    repaymentPlanTestMonths: {
      value: 12,
      ...BOUNDS.repaymentPlanMonths,
      description: 'The borrower "cannot afford a repayment plan" when surplus income is below the amount to reinstate spread over this many months (the longest plan without investor approval); without income the test is not checked.',
      source: 'engine.md section 5, changes of 2026-12-02 (Interpretation): the guide says the borrower cannot reinstate or afford a repayment plan; the surplus-income measure and the 12 months (D2-3.2-02 longest plan without investor approval) are the engine\'s',
      interpretation: true,
    },
  },
};

export const GSE_REPAYMENT_PLAN_RULEBOOK: Rulebook<GseRepaymentPlanParameters> = {
  id: 'GSE-REPAYMENT-PLAN',
  version: '2024-12-01',
  effectiveDate: '2024-12-01',
  title: 'Fannie Mae / Freddie Mac repayment plan',
  parameters: {
    maxPaymentRatio: {
      value: 1.5,
      ...BOUNDS.planPaymentRatio,
      description: 'The monthly plan payment (contractual payment + arrears installment) may be at most 150% of the contractual payment (P&I + escrow).',
      source: `${REPAYMENT_SOURCE}; engine.md section 5`,
    },
    maxMonthsWithoutCompleteApplication: {
      value: 6,
      ...BOUNDS.repaymentPlanMonths,
      description: 'A plan of up to this many months may be offered without a complete application when the loan is at most 90 days delinquent.',
      source: `${REPAYMENT_SOURCE}; engine.md section 5`,
    },
    maxMonthsDelinquentWithoutApplication: {
      value: 3,
      ...BOUNDS.delinquencyMonths,
      description: '"At most 90 days delinquent" expressed as missed monthly payments.',
      source: `${REPAYMENT_SOURCE}; engine.md section 5`,
      interpretation: true,
    },
    maxMonthsWithoutInvestorApproval: {
      value: 12,
      ...BOUNDS.repaymentPlanMonths,
      description: 'A plan longer than this needs investor approval (the engine does not offer it).',
      source: `${REPAYMENT_SOURCE}; engine.md section 5`,
    },
  },
};

export const GSE_FORBEARANCE_RULEBOOK: Rulebook<GseForbearanceParameters> = {
  id: 'GSE-FORBEARANCE',
  version: '2024-12-01',
  effectiveDate: '2024-12-01',
  title: 'Fannie Mae / Freddie Mac forbearance plan',
  parameters: {
    incrementMonths: {
      value: 3,
      ...BOUNDS.forbearanceIncrement,
      description: 'Forbearance is granted in increments of at most this many months.',
      source: `${FORBEARANCE_SOURCE}; engine.md section 5`,
    },
    maxCumulativeMonths: {
      value: 12,
      ...BOUNDS.forbearanceMonths,
      description: 'At most this many cumulative months of forbearance.',
      source: `${FORBEARANCE_SOURCE}; engine.md section 5`,
    },
    defaultReducedPaymentRatio: {
      value: 0,
      ...BOUNDS.reducedPaymentRatio,
      description:
        'The case format carries no reduced payment: the engine evaluates one increment with this fraction of the contractual payment (0 = payments suspended) and reports the arrears at its end.',
      source: `${FORBEARANCE_SOURCE}; engine.md section 5 (engine assumption)`,
      interpretation: true,
    },
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const GSE_RULEBOOKS: Rulebook<any>[] = [GSE_FLEX_RULEBOOK, GSE_PAYMENT_DEFERRAL_RULEBOOK, GSE_REPAYMENT_PLAN_RULEBOOK, GSE_FORBEARANCE_RULEBOOK];
