/**
 * GOVERNMENT programs: FHA, VA and USDA home-retention options (shared/spec/fha-va-usda.md).
 * Repayment and forbearance programs (FHA, VA, USDA and PORTFOLIO) are in `temporary.ts`.
 */
import type { ProgramDefinition } from '../types';
import { FHA_30_YEAR_MODIFICATION, FHA_40_YEAR_MODIFICATION, FHA_PARTIAL_CLAIM, FHA_PAYMENT_SUPPLEMENT } from './fha';
import { FHA_FORBEARANCE, FHA_REPAYMENT_PLAN, USDA_REPAYMENT_AGREEMENT, USDA_SPECIAL_FORBEARANCE, VA_REPAYMENT_PLAN, VA_SPECIAL_FORBEARANCE } from './temporary';
import { USDA_MODIFICATION } from './usda';
import { VA_40_YEAR_MODIFICATION, VA_MODIFICATION, VA_PARTIAL_CLAIM } from './va';

export { computeFhaModification, fhaPartialClaimAvailable, partialClaimRoom } from './fha';
export { vaMaximumRate } from './va';
export { usdaMraCap } from './usda';

export const GOVERNMENT_PROGRAMS: ProgramDefinition[] = [
  FHA_REPAYMENT_PLAN,
  FHA_FORBEARANCE,
  FHA_PARTIAL_CLAIM,
  FHA_30_YEAR_MODIFICATION,
  FHA_40_YEAR_MODIFICATION,
  FHA_PAYMENT_SUPPLEMENT,
  VA_REPAYMENT_PLAN,
  VA_SPECIAL_FORBEARANCE,
  VA_MODIFICATION,
  VA_PARTIAL_CLAIM,
  VA_40_YEAR_MODIFICATION,
  USDA_REPAYMENT_AGREEMENT,
  USDA_SPECIAL_FORBEARANCE,
  USDA_MODIFICATION,
];
