/**
 * The order in which each investor's options are evaluated and considered for the
 * recommendation. Temporary options come first (a resolved or temporary hardship should not
 * be modified), then retention by modification, then disposition.
 */
import type { Investor } from '../case/types';

export const WATERFALLS: Record<Investor, string[]> = {
  FANNIE: ['FORBEARANCE', 'REPAYMENT-PLAN', 'GSE-PAYMENT-DEFERRAL', 'GSE-FLEX', 'SHORT-SALE', 'DEED-IN-LIEU'],
  FREDDIE: ['FORBEARANCE', 'REPAYMENT-PLAN', 'GSE-PAYMENT-DEFERRAL', 'GSE-FLEX', 'SHORT-SALE', 'DEED-IN-LIEU'],
  FHA: ['SHORT-SALE', 'DEED-IN-LIEU'],
  VA: ['SHORT-SALE', 'DEED-IN-LIEU'],
  USDA: ['SHORT-SALE', 'DEED-IN-LIEU'],
  PORTFOLIO: ['SHORT-SALE', 'DEED-IN-LIEU'],
};
