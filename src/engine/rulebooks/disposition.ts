/**
 * DISPOSITION rulebooks (engine.md sections 7 and 8; fha-va-usda.md): short sale / pre-foreclosure
 * sale / compromise sale and deed-in-lieu by investor family, the NPV assumptions (with the
 * foreclosure timeline of every state and DC), and the Regulation X periods.
 *
 * Figures marked `interpretation: true` could not be confirmed in full from a public source; they
 * are starting values that a servicer corrects with an override, never literals in code.
 */
import type { Investor } from '../case/types';
import type { Rulebook } from './types';
import { BOUNDS, type ParameterBounds } from './bounds';

const EXHIBIT_2019 =
  'Fannie Mae Foreclosure Time Frames and Compensatory Fee Allowable Delays Exhibit (12/19/2018, effective 2019-01-01), servicing-guide.fanniemae.com, read 2026-11-23';
const EXHIBIT_2016 =
  'Fannie Mae Foreclosure Time Frames and Compensatory Fee Allowable Delays Exhibit (2016 edition, DC judicial), copy on scribd.com doc 305024691, read 2026-11-23';

/**
 * Days from the due date of the last paid installment (LPI) to the foreclosure sale, by state.
 * The 25 figures from the 2019 exhibit were read directly (they include the spec's examples GA 330,
 * CA 480, FL 810, NY 1,740). The second half of that table could not be read; those 26 states carry
 * the 2016 exhibit's figure and are listed in `timelinesFromEarlierExhibit` (interpretation).
 * New York City (2,190 days in the 2019 exhibit) is under `NYC`; the case carries only the state.
 */
export const FORECLOSURE_TIMELINE_DAYS: Record<string, number> = {
  // 2019 exhibit (confirmed)
  AL: 420, AK: 480, AZ: 450, AR: 420, CA: 480, CO: 450, CT: 660, DE: 720, DC: 1230, FL: 810,
  GA: 330, HI: 900, ID: 630, NE: 480, NV: 930, NH: 480, NJ: 1530, NM: 930, NY: 1740, NYC: 2190,
  NC: 420, ND: 630, OH: 510, OK: 570, OR: 960, PA: 690,
  // 2016 exhibit (the 2019 figure could not be read: interpretation)
  IL: 600, IN: 510, IA: 540, KS: 480, KY: 510, LA: 540, ME: 1050, MD: 570, MA: 930, MI: 300,
  MN: 390, MS: 360, MO: 330, MT: 420, RI: 720, SC: 540, SD: 510, TN: 300, TX: 390, UT: 420,
  VT: 870, VA: 360, WA: 540, WV: 390, WI: 510, WY: 360,
};

export const TIMELINES_FROM_EARLIER_EXHIBIT = 'IL,IN,IA,KS,KY,LA,ME,MD,MA,MI,MN,MS,MO,MT,RI,SC,SD,TN,TX,UT,VT,VA,WA,WV,WI,WY';

export type NpvParams = {
  discountRateSpreadOverPmms: number;
  defaultDiscountRate: number;
  annualRedefaultRate: number;
  reoDiscount: number;
  foreclosureCostRate: number;
  foreclosureTimelineDays: Record<string, number>;
  nationalDefaultTimelineDays: number;
  timelinesFromEarlierExhibit: string;
  countElapsedDelinquency: boolean;
};

export const NPV_RULEBOOK: Rulebook<NpvParams> = {
  id: 'NPV',
  version: '2026-11-23',
  effectiveDate: '2019-01-01',
  title: 'Net present value of a modification against foreclosure (decision aid)',
  parameters: {
    discountRateSpreadOverPmms: {
      value: 0.025,
      ...BOUNDS.discountSpread,
      description: 'Discount rate = PMMS 30-year rate + this spread when the case has PMMS (the HAMP NPV cap: "up to PMMS + 2.50%").',
      source: 'Treasury Supplemental Directive 09-01 (2009-04-06), NPV discount rate; engine.md section 7',
    },
    defaultDiscountRate: {
      value: 0.09,
      ...BOUNDS.discountRate,
      description: 'Annual discount rate used when the case has no PMMS rate.',
      source: 'engine default (no public source): about PMMS + 2.50% at 2025-2026 PMMS levels',
      interpretation: true,
    },
    annualRedefaultRate: {
      value: 0.15,
      ...BOUNDS.probability,
      description: 'Annual probability that a modified loan re-defaults, applied as a constant monthly hazard; a re-default ends in foreclosure.',
      source: 'engine default (no public source read): servicers replace it with their own re-default curve',
      interpretation: true,
    },
    reoDiscount: {
      value: 0.15,
      ...BOUNDS.reoDiscount,
      description: 'Discount of the REO sale price against the as-is value (distressed-sale stigma, condition).',
      source: 'engine default (no public source read)',
      interpretation: true,
    },
    foreclosureCostRate: {
      value: 0.1,
      ...BOUNDS.carryingCostRate,
      description: 'Foreclosure legal costs, taxes and insurance advanced, maintenance and REO sale costs, as a fraction of the value.',
      source: 'engine default (no public source read)',
      interpretation: true,
    },
    foreclosureTimelineDays: {
      value: FORECLOSURE_TIMELINE_DAYS,
      ...BOUNDS.timelineDays,
      description: 'Days from the last paid installment to the foreclosure sale, by state (two-letter code; NYC for New York City).',
      source: `${EXHIBIT_2019}; states in timelinesFromEarlierExhibit: ${EXHIBIT_2016}`,
      interpretation: true,
    },
    nationalDefaultTimelineDays: {
      value: 510,
      ...BOUNDS.timelineDays,
      description: 'Timeline used when the case has no state (or a state not in the table): the median of the 51 jurisdictions in the table.',
      source: 'engine decision: median of foreclosureTimelineDays',
      interpretation: true,
    },
    timelinesFromEarlierExhibit: {
      value: TIMELINES_FROM_EARLIER_EXHIBIT,
      description: 'States whose timeline comes from the 2016 exhibit because the 2019 figure could not be read (check them first).',
      source: EXHIBIT_2016,
      interpretation: true,
    },
    countElapsedDelinquency: {
      value: true,
      description: 'Foreclosure now: the days already elapsed since the first missed due date count against the state timeline.',
      source: 'engine decision: the exhibit counts from the last paid installment',
      interpretation: true,
    },
  },
};

export type RegulationXParams = {
  acknowledgmentBusinessDays: number;
  acknowledgmentMinDaysBeforeSale: number;
  evaluationDays: number;
  evaluationMinDaysBeforeSale: number;
  appealDays: number;
  appealMinDaysBeforeSale: number;
  acceptanceDays: number;
  acceptanceShortDays: number;
  foreclosureReferralDelinquencyDays: number;
  liveContactDay: number;
  writtenNoticeDay: number;
  nearDays: number;
  /** 'ownDates' (holidays on their 5 U.S.C. 6103(a) dates) or 'observed' (the Friday/Monday federal offices close). */
  businessDayHolidays: string;
};

const REG_X = '12 CFR 1024.41 (Regulation X, as amended 2016)';

export const REGULATION_X_RULEBOOK: Rulebook<RegulationXParams> = {
  id: 'REG-X',
  version: '2017-10-19',
  effectiveDate: '2017-10-19',
  title: 'Regulation X loss-mitigation and early-intervention timelines',
  parameters: {
    acknowledgmentBusinessDays: { value: 5, ...BOUNDS.regXPeriodDays, description: 'Acknowledge a loss-mitigation application within this many days excluding legal public holidays, Saturdays and Sundays.', source: `${REG_X}(b)(2)(i)(B)` },
    acknowledgmentMinDaysBeforeSale: { value: 45, ...BOUNDS.regXThresholdDays, description: 'The acknowledgment is required when the application is received this many days or more before a foreclosure sale.', source: `${REG_X}(b)(2)(i)` },
    evaluationDays: { value: 30, ...BOUNDS.regXPeriodDays, description: 'Evaluate a complete application and send the determination within this many days of receiving it.', source: `${REG_X}(c)(1)` },
    evaluationMinDaysBeforeSale: { value: 37, ...BOUNDS.regXThresholdDays, description: 'The evaluation duty applies when the complete application is received more than this many days before a sale.', source: `${REG_X}(c)(1)` },
    appealDays: { value: 14, ...BOUNDS.regXPeriodDays, description: 'The borrower may appeal a denial of a loan modification within this many days after the notice.', source: `${REG_X}(h)(2)` },
    appealMinDaysBeforeSale: { value: 90, ...BOUNDS.regXThresholdDays, description: 'The appeal right applies when the complete application is received this many days or more before a sale.', source: `${REG_X}(h)(1)` },
    acceptanceDays: { value: 14, ...BOUNDS.regXPeriodDays, description: 'Minimum days to accept or reject an offer when the complete application came 90 days or more before a sale (or no sale is scheduled).', source: `${REG_X}(e)(1)` },
    acceptanceShortDays: { value: 7, ...BOUNDS.regXPeriodDays, description: 'Minimum days to accept when the complete application came fewer than 90 and more than 37 days before a sale.', source: `${REG_X}(e)(1)` },
    foreclosureReferralDelinquencyDays: { value: 120, ...BOUNDS.regXThresholdDays, description: 'No first foreclosure notice or filing until the loan is more than this many days delinquent.', source: `${REG_X}(f)(1)(i)` },
    liveContactDay: { value: 36, ...BOUNDS.regXPeriodDays, description: 'Establish or make good-faith efforts to establish live contact by this day of delinquency.', source: '12 CFR 1024.39(a)' },
    writtenNoticeDay: { value: 45, ...BOUNDS.regXPeriodDays, description: 'Send the written early-intervention notice by this day of delinquency.', source: '12 CFR 1024.39(b)(1)' },
    nearDays: { value: 5, ...BOUNDS.nearDays, description: 'A date within this many days after the evaluation date is flagged "near".', source: 'engine decision (case-summary.md section 9: flagged when missed or near)', interpretation: true },
    businessDayHolidays: { value: 'ownDates', description: "Business days skip the legal public holidays on their own dates ('ownDates'); 'observed' skips the Friday or Monday federal offices observe instead.", source: `${REG_X}(b)(2)(i)(B) "legal public holidays"; 5 U.S.C. 6103(a); CFPB Regulation Z comment 2(a)(6)-2 (the observed July 3 is a business day)` },
  },
};

export type DispositionParams = {
  maxCommissionRate: number;
  subordinateLienPayoffCap: number;
  defaultClosingCostRate: number;
  relocationAssistance: number;
  minimumNetReturn: number;
  minimumNetReturnTiers: Record<string, number>;
  ownerOccupancyRequired: boolean;
  valuationMaxAgeDays: number;
  deedInLieuCostRate: number;
  deedInLieuTimelineDays: number;
  deedInLieuRelocationAssistance: number;
};

const NO_SOURCE = 'engine default (no public source read)';

function dispositionRulebook(
  id: string,
  title: string,
  effectiveDate: string,
  p: { [K in keyof DispositionParams]: { value: DispositionParams[K]; source: string; interpretation?: boolean } },
): Rulebook<DispositionParams> {
  const descriptions: Record<keyof DispositionParams, string> = {
    maxCommissionRate: 'Largest sales commission the investor allows, as a fraction of the price.',
    subordinateLienPayoffCap: 'Largest payment to subordinate lien holders the investor allows from the proceeds.',
    defaultClosingCostRate: 'Seller closing costs assumed, as a fraction of the price, when the case gives none.',
    relocationAssistance: 'Relocation assistance (or borrower incentive) paid from the proceeds of a short sale, when the case gives none.',
    minimumNetReturn: 'Minimum net proceeds as a fraction of the as-is value (after the marketing tiers, if any).',
    minimumNetReturnTiers: 'Minimum net return by marketing period: key = last day of the tier (e.g. "30": days 1-30).',
    ownerOccupancyRequired: 'The property must be owner-occupied (exceptions for a move tied to the hardship are confirmed by the specialist).',
    valuationMaxAgeDays: 'Largest age of the as-is valuation at the evaluation, in days.',
    deedInLieuCostRate: 'Deed-in-lieu: property carrying and disposition costs (holding, repairs, REO commission) as a fraction of the value.',
    deedInLieuTimelineDays: 'Deed-in-lieu: days from the evaluation to the transfer of title.',
    deedInLieuRelocationAssistance: 'Deed-in-lieu: relocation assistance or consideration paid to the borrower.',
  };
  // The same bounds for every investor family: the limits of a plausible correction (bounds.ts).
  const bounds: { [K in keyof DispositionParams]?: ParameterBounds } = {
    maxCommissionRate: BOUNDS.commissionRate,
    subordinateLienPayoffCap: BOUNDS.subordinateLienPayoff,
    defaultClosingCostRate: BOUNDS.closingCostRate,
    relocationAssistance: BOUNDS.relocationAssistance,
    minimumNetReturn: BOUNDS.netReturn,
    minimumNetReturnTiers: BOUNDS.netReturn,
    valuationMaxAgeDays: BOUNDS.valuationAgeDays,
    deedInLieuCostRate: BOUNDS.carryingCostRate,
    deedInLieuTimelineDays: BOUNDS.timelineDays,
    deedInLieuRelocationAssistance: BOUNDS.relocationAssistance,
  };
  const parameters = {} as Record<string, unknown>;
  for (const [name, entry] of Object.entries(p) as [keyof DispositionParams, { value: unknown; source: string; interpretation?: boolean }][]) {
    parameters[name] = {
      value: entry.value,
      ...bounds[name],
      description: descriptions[name],
      source: entry.source,
      ...(entry.interpretation ? { interpretation: true } : {}),
    };
  }
  // The version is the date of the guide text its figures follow (the investor's effective date).
  return { id, version: effectiveDate, effectiveDate, title, parameters: parameters as Rulebook<DispositionParams>['parameters'] };
}

const STAND_IN_MINIMUM = 'engine stand-in: the first FHA tier (88%) until the investor\'s own minimum net proceeds is entered';

export const GSE_DISPOSITION_RULEBOOK = dispositionRulebook('DISPOSITION-GSE', 'Fannie Mae / Freddie Mac short sale and Mortgage Release (deed-in-lieu)', '2024-12-01', {
  maxCommissionRate: { value: 0.06, source: 'engine.md section 7 (GSE cap 6%); Fannie Mae Servicing Guide D2-3.3-01' },
  subordinateLienPayoffCap: { value: 6000, source: 'engine.md section 7 (GSE cap $6,000); Fannie Mae Servicing Guide D2-3.3-01' },
  defaultClosingCostRate: { value: 0.02, source: NO_SOURCE, interpretation: true },
  relocationAssistance: { value: 0, source: 'engine default: GSE relocation assistance is discretionary (up to $3,000 under the 2012 standard short sale)', interpretation: true },
  minimumNetReturn: { value: 0.88, source: STAND_IN_MINIMUM, interpretation: true },
  minimumNetReturnTiers: { value: {}, source: 'no marketing tiers for GSE loans' },
  ownerOccupancyRequired: { value: false, source: 'GSE short sales are available for second homes and investment properties (Fannie Mae D2-3.3-01)', interpretation: true },
  valuationMaxAgeDays: { value: 90, source: 'Fannie Mae Servicing Guide F-1-27 (valuation no more than 90 days old)', interpretation: true },
  deedInLieuCostRate: { value: 0.1, source: NO_SOURCE, interpretation: true },
  deedInLieuTimelineDays: { value: 90, source: NO_SOURCE, interpretation: true },
  deedInLieuRelocationAssistance: { value: 0, source: 'engine default: discretionary GSE relocation assistance', interpretation: true },
});

export const FHA_DISPOSITION_RULEBOOK = dispositionRulebook('DISPOSITION-FHA', 'FHA pre-foreclosure sale (PFS) and deed-in-lieu', '2025-10-01', {
  maxCommissionRate: { value: 0.06, source: 'HUD Mortgagee Letter 2008-43 (reasonable sale costs incl. up to 6% commission)' },
  subordinateLienPayoffCap: { value: 2500, source: 'HUD PFS fact sheets citing ML 2008-43 / 2013-23 (junior liens up to $2,500)', interpretation: true },
  defaultClosingCostRate: { value: 0.02, source: NO_SOURCE, interpretation: true },
  relocationAssistance: { value: 1000, source: 'HUD ML 2008-43 seller incentive (up to $1,000 when closed within 90 days, $750 after); later MLs may differ', interpretation: true },
  minimumNetReturn: { value: 0.84, source: 'HUD NSC Pre-Foreclosure Sale FAQ, Question 2 (84% after day 60 of marketing), pre-2025 rule per fha-va-usda.md', interpretation: true },
  minimumNetReturnTiers: { value: { '30': 0.88, '60': 0.86 }, source: 'HUD NSC Pre-Foreclosure Sale FAQ, Question 2 (88% days 1-30, 86% days 31-60), pre-2025 rule per fha-va-usda.md', interpretation: true },
  ownerOccupancyRequired: { value: true, source: 'HUD ML 2008-43 (owner-occupied, unless vacated for a reason tied to the default)' },
  valuationMaxAgeDays: { value: 120, source: 'HUD ML 2010-08 via NSC PFS FAQ (PFS as-is appraisal valid 120 days)' },
  deedInLieuCostRate: { value: 0.1, source: NO_SOURCE, interpretation: true },
  deedInLieuTimelineDays: { value: 90, source: NO_SOURCE, interpretation: true },
  deedInLieuRelocationAssistance: { value: 2000, source: 'HUD deed-in-lieu consideration (up to $2,000, ML 2013-23 as reported): not read in full', interpretation: true },
});

export const VA_DISPOSITION_RULEBOOK = dispositionRulebook('DISPOSITION-VA', 'VA compromise sale and deed-in-lieu', '2026-06-01', {
  maxCommissionRate: { value: 0.06, source: 'engine default: customary commission cap', interpretation: true },
  subordinateLienPayoffCap: { value: 6000, source: 'engine default: the GSE cap', interpretation: true },
  defaultClosingCostRate: { value: 0.02, source: NO_SOURCE, interpretation: true },
  relocationAssistance: { value: 1500, source: 'fha-va-usda.md (VA: relocation assistance $1,500 for compromise sale or deed-in-lieu); VA M26-4' },
  minimumNetReturn: { value: 0.88, source: 'VA compromise sale: net proceeds at least the net value (value less VA acquisition and resale costs); 88% stands in for that net value', interpretation: true },
  minimumNetReturnTiers: { value: {}, source: 'no marketing tiers for VA loans' },
  ownerOccupancyRequired: { value: false, source: 'engine default', interpretation: true },
  valuationMaxAgeDays: { value: 120, source: NO_SOURCE, interpretation: true },
  deedInLieuCostRate: { value: 0.1, source: NO_SOURCE, interpretation: true },
  deedInLieuTimelineDays: { value: 90, source: NO_SOURCE, interpretation: true },
  deedInLieuRelocationAssistance: { value: 1500, source: 'fha-va-usda.md (VA: relocation assistance $1,500 for compromise sale or deed-in-lieu)' },
});

export const USDA_DISPOSITION_RULEBOOK = dispositionRulebook('DISPOSITION-USDA', 'USDA guaranteed pre-foreclosure sale and deed-in-lieu', '2025-02-11', {
  maxCommissionRate: { value: 0.06, source: 'engine default: customary commission cap', interpretation: true },
  subordinateLienPayoffCap: { value: 6000, source: 'engine default: the GSE cap', interpretation: true },
  defaultClosingCostRate: { value: 0.02, source: NO_SOURCE, interpretation: true },
  relocationAssistance: { value: 0, source: NO_SOURCE, interpretation: true },
  minimumNetReturn: { value: 0.88, source: 'USDA: the sale must beat the net recovery value of foreclosure (7 CFR 3555.353); 88% stands in for it', interpretation: true },
  minimumNetReturnTiers: { value: {}, source: 'no marketing tiers for USDA loans' },
  ownerOccupancyRequired: { value: false, source: 'engine default', interpretation: true },
  valuationMaxAgeDays: { value: 120, source: NO_SOURCE, interpretation: true },
  deedInLieuCostRate: { value: 0.1, source: NO_SOURCE, interpretation: true },
  deedInLieuTimelineDays: { value: 90, source: NO_SOURCE, interpretation: true },
  deedInLieuRelocationAssistance: { value: 0, source: NO_SOURCE, interpretation: true },
});

export const PORTFOLIO_DISPOSITION_RULEBOOK = dispositionRulebook('DISPOSITION-PORTFOLIO', 'Portfolio short sale and deed-in-lieu (servicer policy)', '2026-11-23', {
  maxCommissionRate: { value: 0.06, source: 'engine default: the GSE cap', interpretation: true },
  subordinateLienPayoffCap: { value: 6000, source: 'engine default: the GSE cap', interpretation: true },
  defaultClosingCostRate: { value: 0.02, source: NO_SOURCE, interpretation: true },
  relocationAssistance: { value: 0, source: NO_SOURCE, interpretation: true },
  minimumNetReturn: { value: 0.88, source: STAND_IN_MINIMUM, interpretation: true },
  minimumNetReturnTiers: { value: {}, source: 'no marketing tiers (servicer policy)' },
  ownerOccupancyRequired: { value: false, source: 'engine default', interpretation: true },
  valuationMaxAgeDays: { value: 120, source: NO_SOURCE, interpretation: true },
  deedInLieuCostRate: { value: 0.1, source: NO_SOURCE, interpretation: true },
  deedInLieuTimelineDays: { value: 90, source: NO_SOURCE, interpretation: true },
  deedInLieuRelocationAssistance: { value: 0, source: NO_SOURCE, interpretation: true },
});

/** The disposition rulebook of an investor family (the object, so its parameter type follows). */
export function dispositionRulebookOf(investor: Investor): Rulebook<DispositionParams> {
  switch (investor) {
    case 'FANNIE':
    case 'FREDDIE':
      return GSE_DISPOSITION_RULEBOOK;
    case 'FHA':
      return FHA_DISPOSITION_RULEBOOK;
    case 'VA':
      return VA_DISPOSITION_RULEBOOK;
    case 'USDA':
      return USDA_DISPOSITION_RULEBOOK;
    case 'PORTFOLIO':
      return PORTFOLIO_DISPOSITION_RULEBOOK;
  }
  // Exhaustive without a default: a new investor fails type-checking here (and, from untyped
  // input, at run time) instead of falling through to the portfolio rules.
  const unknown: never = investor;
  throw new RangeError(`no disposition rulebook for investor ${JSON.stringify(unknown)}`);
}

/** The id of the disposition rulebook of an investor family. */
export function dispositionRulebookId(investor: Investor): string {
  return dispositionRulebookOf(investor).id;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DISPOSITION_RULEBOOKS: Rulebook<any>[] = [
  GSE_DISPOSITION_RULEBOOK,
  FHA_DISPOSITION_RULEBOOK,
  VA_DISPOSITION_RULEBOOK,
  USDA_DISPOSITION_RULEBOOK,
  PORTFOLIO_DISPOSITION_RULEBOOK,
  NPV_RULEBOOK,
  REGULATION_X_RULEBOOK,
];
