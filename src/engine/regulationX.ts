/** Regulation X timelines (engine.md section 8). STUB: to be completed by the programs work. */
import type { LoanCase } from './case/types';
import type { Timeline } from './results';

export function computeTimeline(_loanCase: LoanCase): Timeline {
  return { acknowledgmentDue: null, evaluationDue: null, appealDeadline: null, earliestForeclosureReferral: null };
}
