/** What every section of the Case Summary reads. */
import type { LoanCase } from '../../engine/case/types';
import type { Evaluation, OptionResult } from '../../engine/results';

export interface SummaryInput {
  evaluation: Evaluation;
  loanCase: LoanCase;
  /** The recommended option, when there is one. */
  recommended: OptionResult | undefined;
  preparer?: string;
}
