/** GSE programs: Fannie Mae / Freddie Mac forbearance plan, repayment plan, Payment Deferral and Flex Modification. */
import type { ProgramDefinition } from '../types';
import { GSE_FLEX_PROGRAM, GSE_FORBEARANCE_PROGRAM, GSE_PAYMENT_DEFERRAL_PROGRAM, GSE_REPAYMENT_PLAN_PROGRAM } from './programs';

export { flexModification, FLEX_PI_INCREASE_TEST, FLEX_RATE_TEST, type FlexInputs } from './flex';
export {
  GSE_FLEX_PROGRAM,
  GSE_FORBEARANCE_PROGRAM,
  GSE_PAYMENT_DEFERRAL_PROGRAM,
  GSE_REPAYMENT_PLAN_PROGRAM,
  contractualPayment,
  pastDuePayments,
  flexInputsFromCase,
  flexCaseChecks,
} from './programs';

export const GSE_PROGRAMS: ProgramDefinition[] = [GSE_FORBEARANCE_PROGRAM, GSE_REPAYMENT_PLAN_PROGRAM, GSE_PAYMENT_DEFERRAL_PROGRAM, GSE_FLEX_PROGRAM];
