/** Published Flex Modification inputs shared by the calculator's tests. */
import type { FlexInputs } from '../../src/engine/programs/gse/flex';

/** Freddie Mac Resolve Retention API v3, Scenario 5 (interest-bearing UPB 328,584.90 after forbearance). */
export const freddieScenario5: FlexInputs = {
  interestBearingUpb: 347868.83,
  deferredBalance: 0,
  eligibleArrearages: 8261.88,
  borrowerContribution: 0,
  currentRate: 0.0475,
  remainingTermMonths: 322,
  contractualPI: 1913.14,
  propertyValue: 50000,
  modificationRate: 0.065,
  monthlyEscrow: 350,
  escrowShortage: 0,
  firstTrialPaymentDate: '2025-11-01',
  grossMonthlyIncome: null,
};
