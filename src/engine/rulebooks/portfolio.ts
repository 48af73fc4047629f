/**
 * PORTFOLIO rulebooks: lender-owned loans, evaluated with a configurable HAMP-shaped DTI
 * target waterfall (shared/spec/fha-va-usda.md, "PORTFOLIO"). Defaults from HAMP Tier 1
 * (Treasury Supplemental Directive 09-01, MHA Handbook) and Tier 2; a servicer overrides any
 * of them for its own portfolio policy.
 */
import type { Rulebook } from './types';
import { BOUNDS } from './bounds';

export type PortfolioParameters = {
  targetDti: number;
  /** 'notBelow': each step stops at the value closest to the target without going below it (HAMP); 'atOrBelow': at the first value at or below it. */
  targetBoundary: string;
  rateStep: number;
  rateFloor: number;
  maxTermMonths: number;
  forbearanceMaxPercentOfUpb: number;
  forbearanceMtmltvTarget: number;
  backEndDtiFlag: number;
  fixedRateMonths: number;
  stepUpPerYear: number;
  rateCapSpread: number;
  rateCapStep: number;
  trialPaymentCount: number;
  trialPaymentCountImminentDefault: number;
  imminentDefaultMaxMonthsDelinquent: number;
  repaymentMaxMonths: number;
  repaymentMaxPaymentRatio: number;
  forbearanceMaxMonths: number;
  forbearanceIncrementMonths: number;
  /** True: the NPV is an investor test (a negative NPV goes to investor review). */
  npvTest: boolean;
};

const HAMP = 'HAMP Tier 1 standard waterfall: Treasury SD 09-01 (2009-04-06), MHA Handbook (Tier 1 standard modification waterfall)';

export const PORTFOLIO_RULEBOOK: Rulebook<PortfolioParameters> = {
  id: 'PORTFOLIO-MOD',
  version: '2026-01-01',
  effectiveDate: '2026-01-01',
  title: 'Portfolio modification: HAMP Tier 1 shaped DTI-target waterfall',
  parameters: {
    targetDti: {
      value: 0.31,
      ...BOUNDS.dtiTarget,
      description: 'Target front-end DTI (housing expense / gross monthly income); the loan qualifies only when above it.',
      source: `${HAMP}; housekeepingreport.com "How the terms of a HAMP modification are determined" (2013-07-11)`,
    },
    targetBoundary: {
      value: 'notBelow',
      description:
        "How each step (rate, term, forbearance) stops: 'notBelow' at the value that brings the housing ratio as close as possible to the target without going below it, so the result may sit a little above the target (31.003% at 429 months rather than 30.97% at 430); 'atOrBelow' at the first value at or below the target.",
      source:
        'MHA Handbook / Treasury SD 09-01 standard waterfall as quoted by secondary sources ("as close as possible to 31% without going below"); USDA former rule 7 CFR 3555.304 (pre-2025) "as close as possible to, but not less than, 31 percent"; spec fha-va-usda.md PORTFOLIO (changes of 2026-12-02). The 2009 Treasury illustrative examples (test/fixtures/hamp-tier1-examples-2009.json) land below 31% with round rates and terms (30.12% at 4.0%): they are illustrations, consistent with either reading (the engine\'s rate is at or above, its term at or below, the published one)',
      interpretation: true,
    },
    rateStep: {
      value: 0.00125,
      ...BOUNDS.rateStep,
      description: 'The rate is reduced in steps of this size.',
      source: `${HAMP}; HAMP guidelines quoted on loansafe.org (2009-11): "Reduce the starting interest rate in increments of .125 percent"; housekeepingreport.com (2013-07-11)`,
    },
    rateFloor: {
      value: 0.02,
      ...BOUNDS.rateFloor,
      description: 'The rate is never reduced below this floor.',
      source: `${HAMP}; housekeepingreport.com (2013-07-11): "The floor interest rate for HAMP is 2%"`,
    },
    maxTermMonths: {
      value: 480,
      ...BOUNDS.modifiedTermMax,
      description: 'The term is extended up to this many months from the modification date.',
      source: HAMP,
    },
    forbearanceMaxPercentOfUpb: {
      value: 0.3,
      ...BOUNDS.forbearanceCapOfUpb,
      description: 'Principal forbearance cap: the greater of this share of the post-capitalization UPB and the amount that brings MTMLTV to the target below.',
      source: `${HAMP} (spec, verified)`,
    },
    forbearanceMtmltvTarget: {
      value: 1,
      ...BOUNDS.mtmltv,
      description: 'The second forbearance cap: the amount that brings interest-bearing MTMLTV to this ratio.',
      source: `${HAMP} (spec, verified)`,
    },
    backEndDtiFlag: {
      value: 0.55,
      ...BOUNDS.dtiFlag,
      description: 'A post-modification back-end DTI at or above this is flagged for counselling.',
      source: 'HAMP: back-end DTI of 55% or more requires HUD-approved counselling (fresnobklaw.com 2015-05; spec)',
    },
    fixedRateMonths: {
      value: 60,
      ...BOUNDS.fixedRateMonths,
      description: 'The reduced rate is fixed for this many months before any step-up.',
      source: `${HAMP}: fixed for 5 years`,
    },
    stepUpPerYear: {
      value: 0.01,
      ...BOUNDS.rateCap,
      description: 'After the fixed period the rate rises by at most this much each year, up to the cap.',
      source: `${HAMP}: at most 1% a year to the rate cap`,
    },
    rateCapSpread: {
      value: 0,
      ...BOUNDS.rateSpread,
      description: 'Rate cap = PMMS at the modification date plus this spread, rounded to the step below.',
      source: `${HAMP}: "interest rate cap, which is based on the PMMS" (housekeepingreport.com 2013-07-11)`,
    },
    rateCapStep: {
      value: 0.00125,
      ...BOUNDS.rateStep,
      description: 'The rate cap is the PMMS rounded to the nearest multiple of this step.',
      source: 'HAMP rate cap: Freddie Mac PMMS 30-year rate rounded to the nearest 0.125% (DS News 2014-03-13, on Fannie Mae SVC-2014-01)',
    },
    trialPaymentCount: { value: 3, ...BOUNDS.trialPayments, description: 'Trial payments.', source: `${HAMP}: three-month trial period plan` },
    trialPaymentCountImminentDefault: {
      value: 3,
      ...BOUNDS.trialPayments,
      description: 'Trial payments when the loan is current (imminent default).',
      source: 'HAMP used 3 months; a servicer may override (FHA uses 4 since ML 2025-14)',
      interpretation: true,
    },
    imminentDefaultMaxMonthsDelinquent: {
      value: 0,
      ...BOUNDS.imminentDefaultMonths,
      description: 'A loan at most this many months delinquent is in imminent default.',
      source: 'Engine decision',
      interpretation: true,
    },
    repaymentMaxMonths: { value: 6, ...BOUNDS.repaymentPlanMonths, description: 'Longest repayment plan.', source: 'Servicer policy default (GSE D2-3.2-02 shape)', interpretation: true },
    repaymentMaxPaymentRatio: {
      value: 1.5,
      ...BOUNDS.planPaymentRatio,
      description: 'Plan payment at most this multiple of the contractual payment.',
      source: 'Servicer policy default (GSE D2-3.2-02 shape)',
      interpretation: true,
    },
    forbearanceMaxMonths: { value: 12, ...BOUNDS.forbearanceMonths, description: 'Longest forbearance plan.', source: 'Servicer policy default (GSE D2-3.2-01 shape)', interpretation: true },
    forbearanceIncrementMonths: { value: 3, ...BOUNDS.forbearanceIncrement, description: 'Months granted per increment.', source: 'Servicer policy default (GSE D2-3.2-01 shape)', interpretation: true },
    npvTest: {
      value: true,
      description: 'The NPV of the modification against foreclosure is an investor test: a negative NPV is worded "investor review". GSE, FHA, VA and USDA rulebooks have no NPV test: there the NPV is information.',
      source: 'HAMP Tier 1 required an NPV test (Treasury SD 09-01, MHA Handbook); engine.md section 7 (changes of 2026-12-02)',
    },
  },
};

export type PortfolioTier2Parameters = {
  rateStep: number;
  riskAdjustment: number;
  termMonths: number;
  minDti: number;
  maxDti: number;
  minReductionPercent: number;
  trialPaymentCount: number;
};

const TIER2 = 'HAMP Tier 2: MHA Handbook (Tier 2); raygarcialaw.com "Loan Modifications under HAMP Tier 2" (2015-05)';

export const PORTFOLIO_TIER2_RULEBOOK: Rulebook<PortfolioTier2Parameters> = {
  id: 'PORTFOLIO-TIER2',
  version: '2026-01-01',
  effectiveDate: '2026-01-01',
  title: 'Portfolio modification: HAMP Tier 2 shaped (fixed terms, DTI range)',
  parameters: {
    rateStep: { value: 0.00125, ...BOUNDS.rateStep, description: 'The rate is the PMMS plus the risk adjustment rounded up to this step.', source: `${TIER2} (spec)` },
    riskAdjustment: {
      value: 0,
      ...BOUNDS.rateSpread,
      description: 'Added to the PMMS before rounding up. HAMP Tier 2 added a risk adjustment (amount not confirmed; the spec uses none).',
      source: `${TIER2}: "PMMS rate plus a risk adjustment"; amount not read`,
      interpretation: true,
    },
    termMonths: { value: 480, ...BOUNDS.modifiedTermStandard, description: 'Modified term.', source: `${TIER2}: "extending the loan term to 480 months"` },
    minDti: { value: 0.25, ...BOUNDS.dtiTarget, description: 'Post-modification front-end DTI at least this.', source: `${TIER2}: "range of 25% to 42%"` },
    maxDti: { value: 0.42, ...BOUNDS.dtiTarget, description: 'Post-modification front-end DTI at most this.', source: `${TIER2}: "range of 25% to 42%"` },
    minReductionPercent: { value: 0.1, ...BOUNDS.minimumReduction, description: 'P&I must fall by at least this share.', source: `${TIER2}: "at least a 10% monthly principal and interest reduction"` },
    trialPaymentCount: { value: 3, ...BOUNDS.trialPayments, description: 'Trial payments.', source: TIER2 },
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const PORTFOLIO_RULEBOOKS: Rulebook<any>[] = [PORTFOLIO_RULEBOOK, PORTFOLIO_TIER2_RULEBOOK];
