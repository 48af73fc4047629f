/**
 * VA between the end of VASP and the VA partial claim program.
 *
 * VA Circular 26-25-2 rescinded the VA Home Retention Waterfall (with VASP as its last option)
 * as of 2025-05-01: servicers offer "the best loss mitigation option" from M26-4 chapter 5
 * (repayment plan, special forbearance, modification, 40-year modification), keeping VA's
 * preferred order in mind, and the minimum 10% P&I reduction for 30- and 40-year modifications
 * was removed. The VA partial claim came back by statute (VA Home Loan Program Reform Act, 2025,
 * 38 U.S.C. 3737); the project's sources date its program rules (M26-4 chapter 22) 2026-06-01.
 * So this version offers no partial claim. Before 2025-05-01 (VASP) no version is known: the
 * engine warns. Sources read through the search tool on 2026-12-06 (secondary: mondaq.com and
 * scapartnering.com on Circular 26-25-2; thetruthaboutmortgage.com on the Reform Act).
 */
import { VA_RULEBOOK, type VaParameters } from '../government';
import type { Rulebook } from '../types';
import { earlierVersion } from './version';

export const VA_AFTER_VASP_RULEBOOK: Rulebook<VaParameters> = earlierVersion(VA_RULEBOOK, {
  version: '2025-05-01',
  effectiveDate: '2025-05-01',
  effectiveUntil: '2026-05-31',
  title: 'VA loss mitigation after VASP (Circular 26-25-2, M26-4 chapter 5); no VA partial claim before 2026-06-01',
  programsNotOffered: ['VA-PARTIAL-CLAIM'],
  restated: {
    maxTermMonths: { ...VA_RULEBOOK.parameters.maxTermMonths },
    rateSpread: { ...VA_RULEBOOK.parameters.rateSpread },
    rateStep: { ...VA_RULEBOOK.parameters.rateStep },
  },
});
