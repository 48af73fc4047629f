/**
 * The bounds of rulebook parameters: the limits of a plausible servicer correction, not the
 * published value (engine-core.md "Bounds"; issue: override ranges). Each rulebook parameter
 * spreads one of these into its entry (`...BOUNDS.modifiedTermMax`), so its `min`, `max` and
 * `boundsWhy` are explicit data, the same for the same kind of figure in every rulebook, and the
 * reason is written once. ranges.ts refuses an override outside them.
 *
 * Where a primary or secondary source sets an absolute limit, `boundsWhy` cites it (source,
 * section, date); "plausibility bound" marks a product decision where no source sets a limit.
 * Searches of 2026-12-06 through the search tool; what was read is said in each line.
 */

export interface ParameterBounds {
  min: number;
  max: number;
  /** Why these bounds: the reason, and the source where one sets the limit. */
  boundsWhy: string;
  /** A whole number (a count of months, days or payments) even where the name does not say so. */
  whole?: boolean;
}

/** The sources read for the bounds (2026-12-06). */
const TERM_480 =
  'no US program permits a modified term over 480 months: Fannie Mae Flex "not to exceed 480 months from the mortgage loan modification effective date" (D2-3.2-06, singlefamily.fanniemae.com/servicing/flex-modification, read 2026-12-06); ' +
  'FHA 24 CFR 203.616 as amended by HUD final rule "Increased Forty-Year Term for Loan Modifications", 88 FR 14252 (2023-03-08, effective 2023-05-08): "a new term limit of 480 months", with ML 2023-06 (federalregister.gov 2023-04284 abstract; tenaco.com); ' +
  'VA Circular 26-24-2 (2024): modifications "out to 480 months" (dls-servicing.com summary); USDA 7 CFR 3555 as amended by 89 FR 66189 (2024-08-15, effective 2025-02-11; date read on regulations.justia.com 2026-12-06): up to 480 months (USDA RD bulletin, as the USDA rulebook\'s source records)';
const FORBEARANCE_18 =
  'Fannie Mae D2-3.2-01 (04/08/2026, read 2026-12-06): increments "of no greater than three months" and "a cumulative term of 12 months"; the longest cumulative forbearance any GSE program has allowed is 18 months (FHFA announcement of 2021-02-25, COVID-19 forbearance, as reported by getfea.com), so 18 is the ceiling of a correction';

export const BOUNDS = {
  // ---- terms (months) ----
  modifiedTermMax: {
    min: 360,
    max: 480,
    boundsWhy: `The longest modified term: at least the 30-year term every program reaches (FHA's limit before 2023 was 360, 24 CFR 203.616); ${TERM_480}`,
  },
  modifiedTermStandard: {
    min: 180,
    max: 480,
    boundsWhy: `A fixed modified term: 15 years (plausibility bound: a shorter term raises the payment, no program sets one) to 480 months; ${TERM_480}`,
  },

  // ---- payment reduction targets (fractions, and the GSE label in percent) ----
  reductionTarget: {
    min: 0.05,
    max: 0.5,
    boundsWhy:
      'A P&I reduction target between 5% and 50%: below 5% the modification gives no relief, above 50% no program has targeted (Flex 20%, FHA 25%, USDA 10%, HAMP Tier 2 10%); plausibility bound (no source sets a limit)',
  },
  reductionTargetPercent: {
    min: 5,
    max: 50,
    boundsWhy: 'The same 5% to 50% band as reductionTarget, written in percent as the GSE label is; plausibility bound',
  },
  reductionTargetFactor: {
    min: 0.5,
    max: 0.95,
    boundsWhy: 'Target P&I factor = 1 - the reduction: the 5% to 50% reduction band (0.95 to 0.5); a factor of 1 or more is no reduction; plausibility bound',
  },
  minimumReduction: {
    min: 0,
    max: 0.5,
    boundsWhy: 'A minimum P&I reduction (0 = none required) up to the 50% ceiling of a reduction target; plausibility bound',
  },
  paymentSupplementMaxReduction: {
    min: 0.05,
    max: 0.5,
    boundsWhy: 'The MoPR reduction ceiling (ML 2024-02: up to 25%) within the 5% to 50% band of a reduction target; plausibility bound',
  },
  paymentSupplementMinReduction: {
    min: 0,
    max: 0.25,
    boundsWhy: 'The MoPR floor (ML 2024-02: 5% of P&I) from 0 up to the 25% ML 2024-02 sets as the MoPR ceiling; plausibility bound',
  },

  // ---- rates ----
  rateSpread: {
    min: 0,
    max: 0.02,
    boundsWhy:
      'A spread over the PMMS: 0 to 2 points; the largest published are +0.25% (FHA ML 2013-17), +0.50% (38 CFR 36.4315(a)(8)(i)) and +2.50% for the NPV discount rate (separate bound); plausibility bound',
  },
  rateStep: {
    min: 0.0001,
    max: 0.01,
    boundsWhy: 'A rounding step of a rate: 1 basis point to 1 point (every program publishes 0.125%); never 0 (nothing to round to); plausibility bound',
  },
  rateCap: {
    min: 0,
    max: 0.05,
    boundsWhy: 'A cap on a rate change (VA 1% above the existing rate, M26-4 5.08; HAMP step-up 1% a year): 0 to 5 points, inside the 0 to 25% of any mortgage rate; plausibility bound',
  },
  rateFloor: {
    min: 0,
    max: 0.1,
    boundsWhy: 'A floor of the modified rate (HAMP 2%): 0 to 10%; a higher floor would stop the rate reduction step for nearly every loan; plausibility bound',
  },

  // ---- ratios ----
  dtiTarget: {
    min: 0.1,
    max: 0.6,
    boundsWhy: 'A housing or debt-to-income ratio target or limit: 10% to 60% (HAMP 31%, HAMP Tier 2 25% to 42%, VA 31% and 41% DTI); outside it no affordability test has been set; plausibility bound',
  },
  dtiFlag: {
    min: 0.1,
    max: 0.8,
    boundsWhy: 'A ratio above which a result is flagged (HAMP back-end 55%, the engine\'s 40% housing flag): 10% to 80%; plausibility bound',
  },
  residualMargin: {
    min: 1,
    max: 2,
    boundsWhy: 'A multiple of the required residual income (38 CFR 36.4340(c): 20% above): 1 (no margin) to 2; plausibility bound',
  },
  planPaymentRatio: {
    min: 1,
    max: 3,
    boundsWhy:
      'A repayment plan payment as a multiple of the contractual payment (GSE 150%, D2-3.2-02): at least 1 (a plan pays the arrears on top of the payment) and at most 3; plausibility bound',
  },
  forbearanceCapOfUpb: {
    min: 0,
    max: 0.5,
    boundsWhy: 'Principal forbearance as a share of the UPB: 0 (none) to 50%; published caps are 30% (Flex D2-3.2-06, HAMP); plausibility bound',
  },
  mtmltv: {
    min: 0,
    max: 1.5,
    boundsWhy: 'A mark-to-market LTV threshold or target: 0 to 150% (Flex 50%, earlier Flex 80%, HAMP 100%); plausibility bound',
  },
  fhaPartialClaimCap: {
    min: 0,
    max: 0.3,
    boundsWhy: 'FHA partial claims together at most 30% of the UPB: the statutory maximum, 12 U.S.C. 1715u(b)(2) (the rulebook\'s source); a correction can lower it, not raise it',
  },
  vaPartialClaimCap: {
    min: 0,
    max: 0.3,
    boundsWhy: 'VA partial claim at most 25%, or 30% for a payment missed 2020-03-01 to 2025-05-01: 38 U.S.C. 3737(c)(1)(A)-(B) (text of 2025-12-15, the rulebook\'s source); 30% is the statutory ceiling',
  },
  usdaMraCap: {
    min: 0,
    max: 0.3,
    boundsWhy: 'Cumulative MRAs at most 30% of the UPB at default: 7 CFR 3555 as amended by 89 FR 66189 (2024-08-15, effective 2025-02-11; USDA RD bulletin, the rulebook\'s source); a correction can lower it',
  },
  reducedPaymentRatio: {
    min: 0,
    max: 0.99,
    boundsWhy: 'The payment during forbearance as a fraction of the contractual payment: 0 (suspended) to 99%; D2-3.2-01 (04/08/2026, read 2026-12-06): the payment "must be reduced or suspended", so not 100%',
  },

  // ---- months ----
  trialPayments: {
    min: 1,
    max: 6,
    boundsWhy: 'Trial period payments: 1 to 6 (every program publishes 3, FHA 4 for imminent default, ML 2025-14); plausibility bound',
  },
  forbearanceMonths: { min: 1, max: 18, boundsWhy: `Longest (cumulative) forbearance in months: 1 to 18; ${FORBEARANCE_18}` },
  forbearanceIncrement: { min: 1, max: 12, boundsWhy: `Months per forbearance increment: 1 to 12 (the published cumulative term); ${FORBEARANCE_18}` },
  deferredMonths: {
    min: 1,
    max: 18,
    boundsWhy:
      'Months of P&I a payment deferral defers at once: 1 to 18; the largest a GSE deferral has covered is the COVID-19 Payment Deferral (up to 15 months from FHFA 2021-02-09, scotsmanguide.com; forbearance of up to 18 months from 2021-02-25); plausibility bound above that',
  },
  cumulativeDeferredMonths: {
    min: 1,
    max: 36,
    boundsWhy: 'Cumulative deferred months over the life of the loan (GSE 12, disaster deferrals aside): 1 to 36; plausibility bound',
  },
  repaymentPlanMonths: {
    min: 1,
    max: 60,
    boundsWhy:
      'Length of a repayment plan in months: 1 to 60. No source read caps it; the GSEs publish 12 without investor approval (D2-3.2-02), VA 18 (M26-4 5.05(b)); 5 years allows a correction, not nonsense; plausibility bound',
  },
  lookbackMonths: {
    min: 0,
    max: 60,
    boundsWhy: 'A waiting or look-back period in months (12 or 24 published): 0 (none) to 5 years; plausibility bound',
  },
  delinquencyMonths: {
    min: 0,
    max: 12,
    boundsWhy: 'Months delinquent at which an option opens or closes (2 or 3 published; 90 days = 3): 0 to 12; plausibility bound',
  },
  imminentDefaultMonths: {
    min: 0,
    max: 3,
    boundsWhy: 'A loan at most this many months behind is treated as in imminent default: 0 to 3 (90 days; beyond that the loan is in serious default); plausibility bound',
  },
  monthsBeforeMaturity: {
    min: 0,
    max: 120,
    boundsWhy: 'Months before maturity within which an option is closed (36 published): 0 to 10 years; plausibility bound',
  },
  escrowSpreadMonths: {
    min: 1,
    max: 120,
    boundsWhy: 'Months an escrow shortage is spread over (Flex 60): 1 to 120; plausibility bound',
  },
  supplementMonths: {
    min: 1,
    max: 60,
    boundsWhy: 'Months of the FHA monthly principal reduction (ML 2024-02: 36): 1 to 60; plausibility bound',
  },
  fixedRateMonths: {
    min: 0,
    max: 480,
    boundsWhy: 'Months the modified rate stays fixed before a step-up (HAMP 60): 0 (steps at once) to the 480-month longest term (fixed for life)',
  },
  mraMonthsPiti: {
    min: 1,
    max: 24,
    boundsWhy: 'Months of PITI a USDA mortgage recovery advance may cover (12 under the 2010 rule): 1 to 24; plausibility bound',
    whole: true,
  },

  // ---- counts ----
  priorModifications: {
    min: 1,
    max: 10,
    boundsWhy: 'Eligible with fewer than this many prior modifications (Flex 3; VA 38 CFR 36.4815(b), 2008 text on federal.elaws.us, read 2026-12-06: "no more than three times during the life of the loan" without prior approval): 1 to 10; plausibility bound',
    whole: true,
  },
  familySizeCap: {
    min: 5,
    max: 50,
    boundsWhy: 'Family size at which the VA residual additions stop (7): from 5 (the table\'s last row) to 50, the case bound of borrower.familySize',
  },

  // ---- days ----
  valuationAgeDays: {
    min: 1,
    max: 365,
    boundsWhy: 'Largest age of a property valuation in days (GSE 90, F-1-27; FHA PFS 120): 1 day to a year; plausibility bound',
  },
  delinquencyDays: {
    min: 0,
    max: 365,
    boundsWhy: 'Days past due at which an option opens (USDA 90, 7 CFR 3555.304(b)(1)): 0 to a year; plausibility bound',
  },
  timelineDays: {
    min: 0,
    max: 3650,
    boundsWhy: 'A foreclosure or deed-in-lieu timeline in days: 0 to 10 years (the longest published, New York City, is 2,190 days in the Fannie Mae 2019 exhibit); plausibility bound',
  },
  regXPeriodDays: {
    min: 1,
    max: 365,
    boundsWhy: 'A Regulation X period a servicer must meet or give (12 CFR 1024.41/1024.39: 5 to 120 days): 1 day to a year; a period of 0 days is no period; plausibility bound',
  },
  regXThresholdDays: {
    min: 0,
    max: 365,
    boundsWhy: 'Days before a sale, or of delinquency, from which a Regulation X duty applies (12 CFR 1024.41/1024.39: 36 to 120): 0 to a year; plausibility bound',
  },
  nearDays: {
    min: 0,
    max: 365,
    boundsWhy: 'Days ahead within which a date is flagged "near" (5): 0 (never) to a year; plausibility bound',
  },

  // ---- dollars ----
  subordinateLienPayoff: {
    min: 0,
    max: 50_000,
    boundsWhy: 'Payment to subordinate lien holders in dollars (GSE $6,000, FHA $2,500): $0 to $50,000; plausibility bound',
  },
  relocationAssistance: {
    min: 0,
    max: 10_000,
    boundsWhy: 'Relocation assistance in dollars (FHA $1,000 to $2,000, VA $1,500, GSE up to $3,000 in 2012): $0 to $10,000; plausibility bound',
  },
  supplementMinAmount: {
    min: 0,
    max: 500,
    boundsWhy: 'Minimum monthly principal reduction in dollars (ML 2024-02: $20): $0 to $500 a month; plausibility bound',
  },
  vaLoanAmountBreak: {
    min: 0,
    max: 1_000_000,
    boundsWhy: 'Loan amount at which the VA residual table switches columns ($80,000, VA Pamphlet 26-7 ch. 4): $0 to $1,000,000; plausibility bound',
  },
  vaResidualIncome: {
    min: 0,
    max: 10_000,
    boundsWhy: 'Required monthly residual income in dollars (VA Pamphlet 26-7 ch. 4: $382 to $1,158): $0 to $10,000 a month for every entry; plausibility bound',
  },
  vaAdditionalMember: {
    min: 0,
    max: 1_000,
    boundsWhy: 'Residual income added per family member over 5 ($75 / $80, VA Pamphlet 26-7 ch. 4): $0 to $1,000 a month; plausibility bound',
  },

  // ---- disposition and NPV fractions ----
  commissionRate: {
    min: 0,
    max: 0.1,
    boundsWhy: 'Sales commission as a fraction of the price (6% published; HUD ML 2008-43 up to 6%): 0 to 10%, the warning bound of disposition.commissionRate; plausibility bound',
  },
  closingCostRate: {
    min: 0,
    max: 0.15,
    boundsWhy: 'Seller closing costs as a fraction of the price (2% assumed): 0 to 15%; plausibility bound',
  },
  netReturn: {
    min: 0.5,
    max: 1,
    boundsWhy: 'Minimum net proceeds as a fraction of the as-is value (FHA 84% to 88%; for every tier entry too): 50% to 100%; below half no investor accepts a short sale; plausibility bound',
  },
  carryingCostRate: {
    min: 0,
    max: 0.5,
    boundsWhy: 'Carrying, disposition or foreclosure costs as a fraction of the value (10% assumed): 0 to 50%; plausibility bound',
  },
  discountSpread: {
    min: 0,
    max: 0.1,
    boundsWhy: 'NPV discount rate spread over the PMMS (Treasury SD 09-01: up to 2.50%): 0 to 10 points; plausibility bound',
  },
  discountRate: {
    min: 0,
    max: 0.25,
    boundsWhy: 'Annual NPV discount rate (9% default): 0 to 25% (the PMMS peaked at 18.63% in October 1981); plausibility bound',
  },
  probability: {
    min: 0,
    max: 1,
    boundsWhy: 'An annual probability (re-default): 0 to 1 by definition',
  },
  reoDiscount: {
    min: 0,
    max: 0.9,
    boundsWhy: 'Discount of the REO price against the as-is value (15% assumed): 0 to 90%; plausibility bound',
  },
} satisfies Record<string, ParameterBounds>;
