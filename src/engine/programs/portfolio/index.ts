/** PORTFOLIO programs: lender-owned loans, HAMP-shaped DTI-target waterfalls (shared/spec/fha-va-usda.md). */
import type { ProgramDefinition } from '../types';
import { PORTFOLIO_FORBEARANCE, PORTFOLIO_REPAYMENT_PLAN } from '../government/temporary';
import { PORTFOLIO_MODIFICATION, PORTFOLIO_TIER2_MODIFICATION } from './hamp';

export { computePortfolioWaterfall, rateStepSchedule, type RateStep } from './hamp';

export const PORTFOLIO_PROGRAMS: ProgramDefinition[] = [PORTFOLIO_REPAYMENT_PLAN, PORTFOLIO_FORBEARANCE, PORTFOLIO_MODIFICATION, PORTFOLIO_TIER2_MODIFICATION];
