/**
 * A program is one option an investor allows (repayment plan, Flex modification, partial
 * claim, short sale...). Each is a pure function of the parsed case, the affordability
 * metrics, its rulebook and the results of the options evaluated before it in the waterfall.
 */
import type { LoanCase } from '../case/types';
import type { Affordability, OptionKind, OptionResult, RulebookRef } from '../results';
import type { ParameterValue, Rulebook } from '../rulebooks/types';

export interface RulebookInContext<P extends Record<string, ParameterValue>> {
  ref: RulebookRef;
  params: P;
  rulebook: Rulebook<P>;
}

export interface EvaluationContext {
  loanCase: LoanCase;
  affordability: Affordability;
  /**
   * The rulebook in force for this evaluation, with its parameter values: the version of that
   * rulebook id covering the evaluation date, overrides applied. Pass the rulebook object (e.g.
   * `FHA_RULEBOOK`): the parameter type then follows from it. There is no form by id: by id the
   * parameter type would be only the caller's claim, and a typo in a parameter name would compile.
   */
  rulebook<P extends Record<string, ParameterValue>>(book: Rulebook<P>): RulebookInContext<P>;
  /** Results of the options already evaluated in this waterfall, by program id. */
  results: Readonly<Record<string, OptionResult>>;
}

export interface ProgramDefinition {
  /** Program id as printed, e.g. `GSE-FLEX`, `FHA-PARTIAL-CLAIM`. */
  id: string;
  /** Name a specialist reads, e.g. "Flex Modification". */
  label: string;
  kind: OptionKind;
  /** True when the program lowers the payment of a borrower who cannot resume it (its results say so too): see recommendation.ts inTier. */
  paymentReduction?: boolean;
  /** The id of the rulebook the program applies. */
  rulebookId: string;
  evaluate(context: EvaluationContext): OptionResult;
}
