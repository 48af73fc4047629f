/**
 * GOVERNMENT programs: FHA, VA and USDA home-retention options (shared/spec/fha-va-usda.md).
 * Repayment and forbearance programs of these investors are in `temporary.ts`.
 */
import type { ProgramDefinition } from '../types';
import { FHA_30_YEAR_MODIFICATION, FHA_40_YEAR_MODIFICATION, FHA_PARTIAL_CLAIM, FHA_PAYMENT_SUPPLEMENT } from './fha';
import { USDA_MODIFICATION } from './usda';
import { VA_40_YEAR_MODIFICATION, VA_MODIFICATION, VA_PARTIAL_CLAIM } from './va';

export { computeFhaModification, fhaPartialClaimAvailable } from './fha';
export { vaMaximumRate } from './va';
export { usdaMraCap } from './usda';
export { largestUpbForPayment, shortestTermForPayment, highestSteppedRateForPayment } from './modificationMath';

export const GOVERNMENT_PROGRAMS: ProgramDefinition[] = [
  FHA_PARTIAL_CLAIM,
  FHA_30_YEAR_MODIFICATION,
  FHA_40_YEAR_MODIFICATION,
  FHA_PAYMENT_SUPPLEMENT,
  VA_MODIFICATION,
  VA_PARTIAL_CLAIM,
  VA_40_YEAR_MODIFICATION,
  USDA_MODIFICATION,
];
