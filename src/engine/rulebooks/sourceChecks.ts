/**
 * What was checked, and how far, for parameters whose rulebook entry does not say it itself
 * (`RulebookParameter.status`). Keyed `RULEBOOK-ID.parameter`; applies to every version of the
 * rulebook that carries the parameter's own source (not to a value carried forward). Checks of
 * 2026-12-06 through the search tool; the note says what was read.
 *
 * A parameter not listed here and without a status is `interpretation` when it is flagged
 * `interpretation: true`, else `quoted`: its source line records what an earlier search found,
 * mostly a secondary quotation or the spec's own wording.
 */
import type { SourceStatus } from './types';

export interface SourceCheck {
  status: SourceStatus;
  /** What was read, where, and when. */
  note: string;
}

const CFR_TEXT = 'read 2026-12-06: text of 12 CFR 1024.41 (frrsdigital.com reproduction of the CFR; eCFR excerpt)';

export const SOURCE_CHECKS: Record<string, SourceCheck> = {
  'REG-X.acknowledgmentBusinessDays': { status: 'verified', note: `${CFR_TEXT}, (b)(2)(i)(B): "within 5 days (excluding legal public holidays, Saturdays, and Sundays)"` },
  'REG-X.acknowledgmentMinDaysBeforeSale': { status: 'verified', note: `${CFR_TEXT}, (b)(2)(i): "45 days or more before a foreclosure sale"` },
  'REG-X.foreclosureReferralDelinquencyDays': { status: 'verified', note: `${CFR_TEXT}, (f)(1)(i): "more than 120 days delinquent"` },
  'REG-X.evaluationMinDaysBeforeSale': { status: 'verified', note: `${CFR_TEXT}, (g): "more than 37 days before a foreclosure sale" (the (c)(1) wording itself was not read)` },
  'REG-X.liveContactDay': {
    status: 'verified',
    note: 'read 2026-12-06: 12 CFR 1024.39(a) "no later than the 36th day of a borrower\'s delinquency" and comment 39(a)-1.i.A ("not later than 36 days after January 1 - i.e., on or before February 6") (frrsdigital.com and a CFR reproduction with the official interpretations)',
  },
  'REG-X.writtenNoticeDay': { status: 'verified', note: 'read 2026-12-06: 12 CFR 1024.39(b)(1) "no later than the 45th day of the borrower\'s delinquency" (frrsdigital.com)' },
  'REG-X.appealDays': { status: 'quoted', note: 'read 2026-12-06: CFPB consumer answer 1841 ("within 14 days after the servicer denies your application"); the 1024.41(h)(2) text itself was not read' },
  'REG-X.appealMinDaysBeforeSale': { status: 'quoted', note: 'read 2026-12-06: CFPB consumer answer 1841 ("at least 90 days before your foreclosure sale")' },
  'REG-X.businessDayHolidays': {
    status: 'quoted',
    note: 'read 2026-12-06: 1024.41(b)(2)(i)(B) "legal public holidays" (CFR text); Regulation Z comment 2(a)(6)-2 as quoted by gotoiba.com and NAFCU ("The observed holiday (in the example, July 3) is a business day"); ABA Banking Journal 2026-06 on July 3, 2026',
  },
  'VA-LOSS-MIT.partialClaimMaxPercent': { status: 'verified', note: 'read 2026-12-06: 38 U.S.C. 3737(c)(1)(A) "may not exceed 25 percent of the unpaid principal balance of the loan on the date on which the partial claim is made" (uscode.house.gov, text in effect 2025-12-15)' },
  'VA-LOSS-MIT.partialClaimMaxPercentCovidEra': { status: 'verified', note: 'read 2026-12-06: 38 U.S.C. 3737(c)(1)(B) "failed to make a payment ... during the period beginning on March 1, 2020 and ending on May 1, 2025 ... may not exceed 30 percent" of the UPB at the initial partial claim (uscode.house.gov)' },
  'VA-LOSS-MIT.rateSpread': { status: 'verified', note: 'read 2026-12-06: VA Circular 26-20-28 (2020-08-12) restating 38 CFR 36.4315(a)(8)(i): the PMMS 30-year rate "rounded to the nearest one-eighth of a percent (0.125%), as of the date the Modification Agreement is approved, plus 50 basis points"' },
  'VA-LOSS-MIT.rateStep': { status: 'verified', note: 'read 2026-12-06: VA Circular 26-20-28 restating 38 CFR 36.4315(a)(8)(i): "rounded to the nearest one-eighth of a percent (0.125%)"' },
  'VA-LOSS-MIT.rateRounding': { status: 'verified', note: 'read 2026-12-06: VA Circular 26-20-28 restating 38 CFR 36.4315(a)(8)(i): "nearest" one-eighth (the M26-4 5.08 "up" rounding was not re-read)' },
  'GSE-FLEX.maxTermMonths': { status: 'verified', note: 'read 2026-12-06: Fannie Mae Flex Modification servicing page (singlefamily.fanniemae.com): extend the term "not to exceed 480 months from the mortgage loan modification effective date"' },
  'GSE-FLEX.maxValuationAgeDays': { status: 'verified', note: 'read 2026-12-06: Fannie Mae Servicing Guide F-1-27 (11/13/2024): the valuation "must not be more than 90 days old at the time the servicer evaluates the borrower"' },
  'GSE-FLEX.minMonthsSinceOrigination': { status: 'verified', note: 'read 2026-12-06: Fannie Mae Servicing Guide D2-3.2-06 eligibility table (2020 publication): "originated at least 12 months prior to the evaluation date"' },
  'GSE-FLEX.minMonthsDelinquent': { status: 'verified', note: 'read 2026-12-06: Fannie Mae Servicing Guide D2-3.2-06 eligibility table (2020 publication): "at least 60 days delinquent or ... imminent default"' },
  'FHA-LOSS-MIT.trialPaymentCountImminentDefault': { status: 'quoted', note: 'read 2026-12-06: ML 2025-14 as quoted by valuationreview.com: "borrowers in imminent default successfully complete a TPP for a period of four months"' },
  'FHA-LOSS-MIT.retentionIntervalMonths': { status: 'quoted', note: 'read 2026-12-06: FHA INFO 2025-21 on ML 2025-12 as reported by jdsupra.com and tenaco.com ("once every 24 months, from once every 18 months")' },
};
