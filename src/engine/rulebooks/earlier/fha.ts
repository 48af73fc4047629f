/**
 * FHA before the permanent options of 2025-10-01: the COVID-19 Recovery options.
 *
 * - ML 2021-18 (2021-07-23) established the COVID-19 Recovery Standalone Partial Claim and the
 *   COVID-19 Recovery Modification (arrears into a partial claim, rate at most the PMMS rounded to
 *   the nearest 0.125%, term 360 months, principal deferment to target a 25% P&I reduction).
 * - ML 2023-02 / ML 2023-03 (2023-01-30, republished 2023-02-13; mandatory by 2023-04-30) opened
 *   them to every borrower in default or imminent default and raised the partial claim to the
 *   statutory 30% of the UPB; HUD's final rule allowing 40-year modifications took effect 2023-05-08.
 * - ML 2024-02 (2024-02-21) added the Payment Supplement: servicers may offer it from 2024-05-01
 *   (mandatory by 2025-01-01).
 * - ML 2025-12 (2025-04-15) ended the COVID-19 Recovery options on 2025-09-30; the permanent
 *   options (FHA-LOSS-MIT 2025-10-01) apply from 2025-10-01.
 * Sources read through the search tool on 2026-12-06 (secondary quotations: tenaco.com,
 * thewbkfirm.com, NCLC Mortgage Servicing and Loan Modifications 12.3.6.4.4, dls-servicing.com,
 * themortgagepoint.com, jdsupra.com on ML 2025-12).
 *
 * The program ids stay the same (FHA-PARTIAL-CLAIM is the COVID-19 Recovery Standalone Partial
 * Claim, FHA-30-YEAR-MODIFICATION and FHA-40-YEAR-MODIFICATION the COVID-19 Recovery Modification
 * at 360 and 480 months); before 2024-05-01 there is no Payment Supplement.
 */
import { FHA_RULEBOOK, type FhaParameters } from '../government';
import type { Rulebook, RulebookParameter } from '../types';
import { earlierVersion } from './version';

const COVID_RECOVERY: { [K in keyof FhaParameters]?: RulebookParameter<FhaParameters[K]> } = {
  targetReductionPercent: {
    value: 0.25,
    description: 'The COVID-19 Recovery Modification targets a 25% reduction of the pre-hardship P&I.',
    source: 'ML 2021-18, carried by ML 2023-03: "target a 25% reduction in the borrower\'s monthly principal and interest payment" (NCLC Mortgage Servicing 12.3.6.4.4)',
    status: 'quoted',
  },
  rateSpread: {
    value: 0,
    description: 'The modified rate is at most the PMMS (no spread), rounded to the nearest 0.125%.',
    source: 'ML 2021-18 / ML 2023-03 COVID-19 Recovery Modification: the rate "should not exceed" the PMMS as of the offer "rounded to the nearest 0.125" (NCLC 12.3.6.4.4)',
    status: 'quoted',
  },
  rateStep: {
    value: 0.00125,
    description: 'The PMMS is rounded to the nearest multiple of this step.',
    source: 'ML 2021-18 / ML 2023-03 (NCLC 12.3.6.4.4: "rounded to the nearest 0.125")',
    status: 'quoted',
  },
  standardTermMonths: {
    value: 360,
    description: 'The COVID-19 Recovery Modification extends the term to 360 months.',
    source: 'ML 2021-18 / ML 2023-03 (NCLC 12.3.6.4.4: "extends the term of the mortgage to 360 months")',
    status: 'quoted',
  },
  maxTermMonths: {
    value: 480,
    description: 'Longest term from the modification date (40-year modification).',
    source: 'HUD final rule on 40-year loan modifications, effective 2023-05-08 (reported by MBA, 2023)',
    status: 'quoted',
  },
  partialClaimMaxPercent: {
    value: 0.3,
    description: 'All partial claims together at most 30% of the UPB at the default of the initial partial claim.',
    source: 'ML 2023-02 / ML 2023-03 (2023-01-30): the COVID-19 Recovery partial claims raised "from 25% to the 30% allowed by statute" (tenaco.com; thewbkfirm.com); 12 U.S.C. 1715u(b)(2)',
    status: 'quoted',
  },
  retentionIntervalMonths: {
    value: 24,
    description: 'A borrower may receive one permanent home-retention option per this many months.',
    source: 'Not found for the COVID-19 Recovery options (searched 2026-12-06); HUD on ML 2025-12 calls the 24-month limit a return to the pre-COVID FHA-HAMP standard, so the COVID-era limit may have been shorter: correct by override',
    interpretation: true,
    status: 'interpretation',
  },
};

const PAYMENT_SUPPLEMENT: { [K in keyof FhaParameters]?: RulebookParameter<FhaParameters[K]> } = {
  paymentSupplementMonths: { ...FHA_RULEBOOK.parameters.paymentSupplementMonths },
  paymentSupplementMaxReductionPercent: { ...FHA_RULEBOOK.parameters.paymentSupplementMaxReductionPercent },
  paymentSupplementMinReductionPercent: { ...FHA_RULEBOOK.parameters.paymentSupplementMinReductionPercent },
  paymentSupplementMinReductionAmount: { ...FHA_RULEBOOK.parameters.paymentSupplementMinReductionAmount },
};

export const FHA_COVID_RECOVERY_RULEBOOK: Rulebook<FhaParameters> = earlierVersion(FHA_RULEBOOK, {
  version: '2023-05-08',
  effectiveDate: '2023-05-08',
  effectiveUntil: '2024-04-30',
  title: 'FHA COVID-19 Recovery options (ML 2023-03; 40-year modification from 2023-05-08); no Payment Supplement yet',
  programsNotOffered: ['FHA-PAYMENT-SUPPLEMENT'],
  restated: COVID_RECOVERY,
});

export const FHA_COVID_RECOVERY_PAYMENT_SUPPLEMENT_RULEBOOK: Rulebook<FhaParameters> = earlierVersion(FHA_RULEBOOK, {
  version: '2024-05-01',
  effectiveDate: '2024-05-01',
  effectiveUntil: '2025-09-30',
  title: 'FHA COVID-19 Recovery options with the Payment Supplement (ML 2023-03, ML 2024-02; ended 2025-09-30 by ML 2025-12)',
  restated: { ...COVID_RECOVERY, ...PAYMENT_SUPPLEMENT },
});
