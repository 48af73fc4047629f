/** Rulebook versions that later versions replaced, each with the dates it applied (engine.md section 9). */
import type { Rulebook } from '../types';
import { FHA_COVID_RECOVERY_PAYMENT_SUPPLEMENT_RULEBOOK, FHA_COVID_RECOVERY_RULEBOOK } from './fha';
import { VA_AFTER_VASP_RULEBOOK } from './va';

export { FHA_COVID_RECOVERY_PAYMENT_SUPPLEMENT_RULEBOOK, FHA_COVID_RECOVERY_RULEBOOK } from './fha';
export { VA_AFTER_VASP_RULEBOOK } from './va';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const EARLIER_RULEBOOKS: Rulebook<any>[] = [FHA_COVID_RECOVERY_RULEBOOK, FHA_COVID_RECOVERY_PAYMENT_SUPPLEMENT_RULEBOOK, VA_AFTER_VASP_RULEBOOK];
