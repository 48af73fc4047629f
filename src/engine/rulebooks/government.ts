/**
 * GOVERNMENT rulebooks: FHA, VA and USDA loss mitigation (shared/spec/fha-va-usda.md).
 *
 * Every figure the spec marks **Interpretation** is a parameter with `interpretation: true`
 * unless a primary or secondary source confirmed it; the source line says what was found and
 * when (searches of 2026-11-23). A servicer corrects a figure with a rulebook override, never a
 * release.
 */
import type { Rulebook } from './types';
import { BOUNDS } from './bounds';

// ---------------------------------------------------------------------------------------------
// FHA
// ---------------------------------------------------------------------------------------------

export type FhaParameters = {
  /** Target reduction of the monthly P&I for a borrower who cannot resume the contractual payment. */
  targetReductionPercent: number;
  /** Spread added to the PMMS before rounding (30-year option). */
  rateSpread: number;
  /** Spread added to the PMMS before rounding (40-year option). */
  rateSpread40Year: number;
  /** Rounding step of the modified rate (1/8 %). */
  rateStep: number;
  /** 'market': the modified rate is the market rate; 'lowerOfNoteAndMarket': the lower of the note rate and the market rate. */
  rateRule: string;
  standardTermMonths: number;
  maxTermMonths: number;
  /** Statutory partial claim maximum as a fraction of the UPB. */
  partialClaimMaxPercent: number;
  /** One permanent home-retention option per this many months. */
  retentionIntervalMonths: number;
  trialPaymentCount: number;
  trialPaymentCountImminentDefault: number;
  /** A borrower at most this many months delinquent is in imminent default (4-month trial). */
  imminentDefaultMaxMonthsDelinquent: number;
  /** When true, a 40-year modification that misses the target reduction is not offered. */
  requireTargetReduction: boolean;
  paymentSupplementMonths: number;
  paymentSupplementMaxReductionPercent: number;
  paymentSupplementMinReductionPercent: number;
  paymentSupplementMinReductionAmount: number;
  repaymentMaxMonths: number;
  repaymentMaxPaymentRatio: number;
  forbearanceMaxMonths: number;
  forbearanceIncrementMonths: number;
};

export const FHA_RULEBOOK: Rulebook<FhaParameters> = {
  id: 'FHA-LOSS-MIT',
  version: '2025-10-01',
  effectiveDate: '2025-10-01',
  title: 'FHA permanent loss mitigation options (ML 2025-12, ML 2025-14, ML 2024-02)',
  parameters: {
    targetReductionPercent: {
      value: 0.25,
      ...BOUNDS.reductionTarget,
      description: 'Target reduction of the monthly P&I for a borrower who cannot resume the contractual payment.',
      source: 'HUD release 25-021 on ML 2025-06 (2025-01-16); ABA Banking Journal on the 40-year modification (2022-04): "minimum targeted 25% reduction"',
    },
    rateSpread: {
      value: 0,
      ...BOUNDS.rateSpread,
      description: 'Added to the PMMS 30-year rate before rounding to 1/8 % for the 30-year modification (no spread).',
      source: 'COVID-19 Recovery Modification (pre-2025-10-01) carried forward; the 2025 Appendix formula was not found (searched 2026-11-23). The older FHA "Market Rate" of ML 2013-17 was PMMS + up to 0.25%, rounded to the nearest 1/8 % (FHA News Blog 2013-05-22)',
      interpretation: true,
    },
    rateSpread40Year: {
      value: 0,
      ...BOUNDS.rateSpread,
      description: 'Added to the PMMS before rounding for the 40-year modification (one servicer source allowed +0.50%).',
      source: 'spec fha-va-usda.md Interpretation; not confirmed in ML 2025-12 (searched 2026-11-23)',
      interpretation: true,
    },
    rateStep: {
      value: 0.00125,
      ...BOUNDS.rateStep,
      description: 'The modified rate is the PMMS rounded to the nearest multiple of this step.',
      source: 'COVID-19 Recovery Modification (pre-2025-10-01); not re-confirmed for the 2025 permanent options',
      interpretation: true,
    },
    rateRule: {
      value: 'market',
      description:
        "How the modified rate is set: 'market' (the market rate, PMMS + spread rounded to the step, even when above the note rate; the Payment Supplement is the option for a note rate below it) or 'lowerOfNoteAndMarket' (the market rate as a ceiling).",
      source:
        'Searched 2026-12-06 for the current HUD 4000.1 III.A.2 / ML 2025-06 definition: not found (ML 2025-06 "updates allowable loan modification interest rate pricing", per HousingWire 2025-01-17; text not read). ML 2013-17 defined "Market Rate" as "no more than 25 basis points greater than" the PMMS rounded to 1/8 % (FHA News Blog 2013-05-22), a ceiling; HUD\'s 2023 40-year final rule preamble expects modified rates above note rates ("the modified loan may be at a higher interest rate than the original loan", consumerfinancemonitor.com 2023-03-09), and ML 2024-02 created the Payment Supplement for that case. Default \'market\' (spec fha-va-usda.md)',
      interpretation: true,
    },
    standardTermMonths: {
      value: 360,
      ...BOUNDS.modifiedTermStandard,
      description: 'Term of the first modification step.',
      source: 'spec fha-va-usda.md (COVID-19 Recovery Modification shape)',
      interpretation: true,
    },
    maxTermMonths: {
      value: 480,
      ...BOUNDS.modifiedTermMax,
      description: 'Longest term from the modification date.',
      source: 'HUD final rule on 40-year modifications, effective 2023-05-08 (confirmed: brickshire/MBA report of the Federal Register final rule, 2023)',
    },
    partialClaimMaxPercent: {
      value: 0.3,
      ...BOUNDS.fhaPartialClaimCap,
      description: 'All partial claims together at most this share of the UPB at the default of the initial partial claim.',
      source: '12 U.S.C. 1715u(b)(2); ML 2016-14 as quoted by HUD 4000.1 (FHA News Blog 2017-07-26) and HUD NSC Partial Claim FAQ',
    },
    retentionIntervalMonths: {
      value: 24,
      ...BOUNDS.lookbackMonths,
      description: 'A borrower may receive one permanent home-retention option per this many months.',
      source: 'ML 2025-12 (2025-04-15), FHA INFO 2025-21: "once every 24 months, from once every 18 months"',
    },
    trialPaymentCount: {
      value: 3,
      ...BOUNDS.trialPayments,
      description: 'Trial payments before a permanent modification.',
      source: 'ML 2025-12, Trial Payment Terms III.A.2.i.iii(C)(2)(b) (2025-04-15)',
    },
    trialPaymentCountImminentDefault: {
      value: 4,
      ...BOUNDS.trialPayments,
      description: 'Trial payments for a borrower in imminent default.',
      source: 'ML 2025-14 (2025): "borrowers in imminent default successfully complete a TPP for a period of four months" (valuationreview.com summary)',
    },
    imminentDefaultMaxMonthsDelinquent: {
      value: 0,
      ...BOUNDS.imminentDefaultMonths,
      description: 'A borrower at most this many months delinquent is evaluated as in imminent default.',
      source: 'Engine decision: the case carries no imminent-default flag; a current loan is treated as imminent default',
      interpretation: true,
    },
    requireTargetReduction: {
      value: true,
      description: 'The 40-year modification is offered only when it reaches the target reduction (otherwise the Payment Supplement is next).',
      source: 'spec fha-va-usda.md Interpretation (COVID-19 Recovery waterfall)',
      interpretation: true,
    },
    paymentSupplementMonths: {
      value: 36,
      ...BOUNDS.supplementMonths,
      description: 'Months of the monthly principal reduction (MoPR).',
      source: 'ML 2024-02 (2024-02-21): MoPR for 36 months (thewbkfirm.com, lexblog 2024-03-06)',
    },
    paymentSupplementMaxReductionPercent: {
      value: 0.25,
      ...BOUNDS.paymentSupplementMaxReduction,
      description: 'The MoPR reduces P&I by at most this share.',
      source: 'ML 2024-02 (2024-02-21): "reduce the monthly principal and interest payments by up to 25 percent" (USFN Report, Summer 2024)',
    },
    paymentSupplementMinReductionPercent: {
      value: 0.05,
      ...BOUNDS.paymentSupplementMinReduction,
      description: 'The MoPR must be at least this share of the P&I at the start of the supplement period.',
      source: 'ML 2024-02 (2024-02-21): Minimum MoPR at least 5% of P&I (lexblog 2024-03-06; thewbkfirm.com)',
    },
    paymentSupplementMinReductionAmount: {
      value: 20,
      ...BOUNDS.supplementMinAmount,
      description: 'The MoPR must also be at least this many dollars a month.',
      source: 'ML 2024-02 (2024-02-21): "must be at least $20 per month" (thewbkfirm.com) - both minimums apply, not 5% plus $20',
    },
    repaymentMaxMonths: {
      value: 6,
      ...BOUNDS.repaymentPlanMonths,
      description: 'Longest FHA repayment plan evaluated.',
      source: 'Not found in the sources searched; GSE-like default',
      interpretation: true,
    },
    repaymentMaxPaymentRatio: {
      value: 1.5,
      ...BOUNDS.planPaymentRatio,
      description: 'A repayment plan payment may be at most this multiple of the contractual payment.',
      source: 'Not found in the sources searched; GSE-like default (Fannie D2-3.2-02)',
      interpretation: true,
    },
    forbearanceMaxMonths: {
      value: 12,
      ...BOUNDS.forbearanceMonths,
      description: 'Forbearance granted incrementally up to this many months.',
      source: 'HUD release 25-021 / ML 2025-12 (spec, verified)',
    },
    forbearanceIncrementMonths: {
      value: 3,
      ...BOUNDS.forbearanceIncrement,
      description: 'Months granted per forbearance increment.',
      source: 'Not stated in the spec for FHA; GSE increment used',
      interpretation: true,
    },
  },
};

// ---------------------------------------------------------------------------------------------
// VA
// ---------------------------------------------------------------------------------------------

export type VaParameters = {
  rateSpread: number;
  rateStep: number;
  /** 'nearest' (38 CFR 36.4315) or 'up' (M26-4 5.08 affordable modification). */
  rateRounding: string;
  maxRateAboveExisting: number;
  targetHousingRatio: number;
  maxDebtToIncome: number;
  residualIncomeMarginAboveMaxDti: number;
  modificationTermMonths: number;
  maxTermMonths: number;
  allowPaymentIncrease: boolean;
  partialClaimMaxPercent: number;
  partialClaimMaxPercentCovidEra: number;
  missedPaymentInCovidWindow: boolean;
  trialPaymentCount: number;
  repaymentMaxMonths: number;
  repaymentExtendedMaxMonths: number;
  repaymentMaxPaymentRatio: number;
  specialForbearanceMaxMonths: number;
};

export const VA_RULEBOOK: Rulebook<VaParameters> = {
  id: 'VA-LOSS-MIT',
  version: '2026-06-01',
  effectiveDate: '2026-06-01',
  title: 'VA loss mitigation waterfall (M26-4 chapters 5 and 22; 38 CFR 36.4315; 38 U.S.C. 3737)',
  parameters: {
    rateSpread: {
      value: 0.005,
      ...BOUNDS.rateSpread,
      description: 'Added to the PMMS 30-year rate (after rounding) to give the maximum modified rate.',
      source: '38 CFR 36.4315(a)(8)(i) (spec, verified)',
    },
    rateStep: { value: 0.00125, ...BOUNDS.rateStep, description: 'The PMMS is rounded to this step.', source: '38 CFR 36.4315(a)(8)(i)' },
    rateRounding: {
      value: 'nearest',
      description: "How the PMMS is rounded: 'nearest' (regulation) or 'up' (M26-4 5.08 affordable modification).",
      source: '38 CFR 36.4315(a)(8)(i) nearest; M26-4 5.08 (2018) rounds up',
    },
    maxRateAboveExisting: {
      value: 0.01,
      ...BOUNDS.rateCap,
      description: 'The modified rate may be at most this much above the existing rate.',
      source: 'M26-4 5.08 (2018) (spec, verified)',
    },
    targetHousingRatio: {
      value: 0.31,
      ...BOUNDS.dtiTarget,
      description: 'The PITIA ratio the modification steps aim for (30 years, then partial claim, then 40 years while above it). A target, never an eligibility gate: VA affordability is the residual-income test (maxDebtToIncome, residualIncomeMarginAboveMaxDti).',
      source: 'M26-4 5.08 (2018) affordable modification, PITIA at most 31%; 38 CFR 36.4315 itself sets no ratio (fha-va-usda.md, changes of 2026-12-02)',
    },
    maxDebtToIncome: {
      value: 0.41,
      ...BOUNDS.dtiTarget,
      description: 'VA underwriting standard: debt-to-income ratio (rounded to the nearest whole percent) at most this; above it, residual income must reach the margin below.',
      source: '38 CFR 36.4340(d) (quoted from reproductions of the eCFR text, searched 2026-12-06): "The standard is 41 percent or less. If the ratio is greater than 41 percent, the steps cited in paragraphs (c)(1) through (c)(6) ... apply"; "35.6 percent would be rounded to 36 percent"',
    },
    residualIncomeMarginAboveMaxDti: {
      value: 1.2,
      ...BOUNDS.residualMargin,
      description: 'When the debt-to-income ratio is above maxDebtToIncome, residual income must be at least this multiple of the required figure (20% above).',
      source: '38 CFR 36.4340(c) (VA Pamphlet 26-7 ch. 4: residual income at least 20% above the guideline when the ratio exceeds 41%); quoted by secondary sources, the paragraph text itself was not read',
      interpretation: true,
    },
    modificationTermMonths: {
      value: 360,
      ...BOUNDS.modifiedTermStandard,
      description: 'Term of the VA modification (step 4).',
      source: '38 CFR 36.4315(a)(4) (360 months); spec Interpretation for the waterfall',
      interpretation: true,
    },
    maxTermMonths: {
      value: 480,
      ...BOUNDS.modifiedTermMax,
      description: 'Term of the 40-year modification.',
      source: 'VA Circular 26-24-2 (2024) (spec, verified)',
    },
    allowPaymentIncrease: {
      value: false,
      description: 'When false, a modification whose P&I is above the contractual P&I is not offered.',
      source: 'Engine decision (same rule as FHA and GSE); VA itself allows a capitalizing modification that raises the payment when affordable',
      interpretation: true,
    },
    partialClaimMaxPercent: {
      value: 0.25,
      ...BOUNDS.vaPartialClaimCap,
      description: 'Partial claim at most this share of the UPB on the date the claim is made.',
      source: '38 U.S.C. 3737(c)(1)(A) (text in effect 2025-12-15, uscode.house.gov)',
    },
    partialClaimMaxPercentCovidEra: {
      value: 0.3,
      ...BOUNDS.vaPartialClaimCap,
      description: 'Cap when the borrower missed a payment between 2020-03-01 and 2025-05-01 (UPB at the initial claim).',
      source: '38 U.S.C. 3737(c)(1)(B) (uscode.house.gov, 2025-12-15)',
    },
    missedPaymentInCovidWindow: {
      value: false,
      description: 'Set true (case override) when the borrower missed a payment between 2020-03-01 and 2025-05-01: the 30% cap applies.',
      source: 'Case-level switch: the case format has no field for it',
      interpretation: true,
    },
    trialPaymentCount: {
      value: 3,
      ...BOUNDS.trialPayments,
      description: 'Trial payments before a modification or partial claim.',
      source: 'VA draft chapter 22 (ABA Banking Journal 2026-03): three-month trial payment plan',
    },
    repaymentMaxMonths: {
      value: 6,
      ...BOUNDS.repaymentPlanMonths,
      description: 'Longest ordinary repayment plan.',
      source: 'spec fha-va-usda.md Interpretation',
      interpretation: true,
    },
    repaymentExtendedMaxMonths: {
      value: 18,
      ...BOUNDS.repaymentPlanMonths,
      description: 'Repayment plan of 12 or 18 months allowed when the loan rate is below the maximum modified rate.',
      source: 'M26-4 5.05(b) as summarized by Tenaco (VA chapter 5 revision): extended repayment plans of 12 and 18 months',
    },
    repaymentMaxPaymentRatio: {
      value: 1.5,
      ...BOUNDS.planPaymentRatio,
      description: 'A repayment plan payment may be at most this multiple of the contractual payment.',
      source: 'Not found for VA; GSE default',
      interpretation: true,
    },
    specialForbearanceMaxMonths: {
      value: 12,
      ...BOUNDS.forbearanceMonths,
      description: 'Longest special forbearance.',
      source: 'spec fha-va-usda.md Interpretation',
      interpretation: true,
    },
  },
};

// ---------------------------------------------------------------------------------------------
// USDA
// ---------------------------------------------------------------------------------------------

export type UsdaParameters = {
  minReductionPercent: number;
  minMonthsDelinquent: number;
  minDaysPastDue: number;
  rateSpread: number;
  rateStep: number;
  maxTermMonths: number;
  mraMaxMonthsPiti: number;
  mraMaxPercentOfUpb: number;
  trialPaymentCount: number;
  repaymentMaxMonths: number;
  repaymentMaxPaymentRatio: number;
  specialForbearanceMaxMonths: number;
};

export const USDA_RULEBOOK: Rulebook<UsdaParameters> = {
  id: 'USDA-LOSS-MIT',
  version: '2025-02-11',
  effectiveDate: '2025-02-11',
  title: 'USDA Single Family Housing Guaranteed loss mitigation (7 CFR 3555.303-304, final rule 89 FR 66189)',
  parameters: {
    minReductionPercent: {
      value: 0.1,
      ...BOUNDS.minimumReduction,
      description: 'Streamline options must reduce the P&I by at least this share.',
      source: '7 CFR 3555.304 as amended by 89 FR 66189 (2024-08-15, effective 2025-02-11) (spec, verified)',
    },
    minMonthsDelinquent: {
      value: 3,
      ...BOUNDS.delinquencyMonths,
      description: 'Streamline options need the borrower at least 90 days past due.',
      source: '7 CFR 3555.304 (effective 2025-02-11) (spec, verified)',
    },
    minDaysPastDue: {
      value: 90,
      ...BOUNDS.delinquencyDays,
      description: 'The streamline options open on the day the loan is this many days past due (oldest unpaid due date + 90 days): the date the recommendation gives when only this test fails.',
      source: '7 CFR 3555.304(b)(1) (effective 2025-02-11), read on casetext.com 2026-12-06: "The borrower must be at least 90 days past due and prior to initiation of any acceleration or foreclosure action"',
    },
    rateSpread: {
      value: 0.005,
      ...BOUNDS.rateSpread,
      description: 'Maximum allowable rate = PMMS rounded to the step plus this spread.',
      source: 'spec Interpretation (not read in 3555.304)',
      interpretation: true,
    },
    rateStep: { value: 0.00125, ...BOUNDS.rateStep, description: 'Rounding step of the PMMS.', source: 'spec Interpretation', interpretation: true },
    maxTermMonths: {
      value: 480,
      ...BOUNDS.modifiedTermMax,
      description: 'Term extended in one-month increments up to this many months from the modification date until the target reduction is reached.',
      source: 'USDA RD bulletin on the final rule 89 FR 66189 (2024-08-15, effective 2025-02-11): "extend the term in one-month increments, up to a maximum of 480 months until the targeted payment reduction has been achieved"',
    },
    mraMaxMonthsPiti: {
      value: 12,
      ...BOUNDS.mraMonthsPiti,
      description: 'Mortgage recovery advance at most this many months of PITI plus foreclosure costs.',
      source: 'RIN 0575-AC85 abstract (reginfo.gov, 2010 rule): "up to 12 months mortgage payments ... PITI, and foreclosure costs"; the 2025 rule summary (USDA RD bulletin 2024-08-15) names only the 30% cap: this limit may no longer apply',
      interpretation: true,
    },
    mraMaxPercentOfUpb: {
      value: 0.3,
      ...BOUNDS.usdaMraCap,
      description: 'All mortgage recovery advances together at most this share of the UPB at the default.',
      source: 'USDA RD bulletin on the final rule 89 FR 66189 (2024-08-15, effective 2025-02-11): "multiple MRAs as long as the cumulative amount of MRAs is less than or equal to 30% of the unpaid principal balance at the time of default"',
    },
    trialPaymentCount: {
      value: 3,
      ...BOUNDS.trialPayments,
      description: 'Trial payments before a modification.',
      source: 'Not found for USDA; FHA/GSE default',
      interpretation: true,
    },
    repaymentMaxMonths: {
      value: 3,
      ...BOUNDS.repaymentPlanMonths,
      description: 'Repayment agreement of at most this many months.',
      source: '7 CFR 3555.303 (effective 2025-02-11) (spec, verified)',
    },
    repaymentMaxPaymentRatio: {
      value: 1.5,
      ...BOUNDS.planPaymentRatio,
      description: 'A repayment payment may be at most this multiple of the contractual payment.',
      source: 'Not found for USDA; GSE default',
      interpretation: true,
    },
    specialForbearanceMaxMonths: {
      value: 12,
      ...BOUNDS.forbearanceMonths,
      description: 'Special forbearance of at most this many months of PITI.',
      source: '7 CFR 3555.303 (effective 2025-02-11) (spec, verified)',
    },
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const GOVERNMENT_RULEBOOKS: Rulebook<any>[] = [FHA_RULEBOOK, VA_RULEBOOK, USDA_RULEBOOK];
