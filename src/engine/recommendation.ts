/** The recommendation. STUB (first eligible option in waterfall order): to be completed by the programs work. */
import type { LoanCase } from './case/types';
import type { OptionResult, Recommendation } from './results';

export function recommend(_loanCase: LoanCase, waterfall: string[], options: Record<string, OptionResult>): Recommendation {
  const chosen = waterfall.find((id) => options[id]?.eligible);
  return chosen
    ? { program: chosen, rationale: `${options[chosen].label} is the first eligible option in the waterfall.` }
    : { program: null, rationale: 'No option is eligible.' };
}
