/**
 * evaluateCase: parse a case, compute its affordability, run every program of the investor's
 * waterfall (or the ones asked for), compute the Regulation X timeline and recommend.
 * Pure: no I/O, no clock (the evaluation date comes from the case).
 */
import { parseCase } from './case/parse';
import type { LoanCase } from './case/types';
import { computeAffordability } from './affordability';
import { CaseInputError } from './errors';
import { ALL_PROGRAMS, WATERFALLS, findProgram } from './programs';
import type { EvaluationContext } from './programs/types';
import { recommend } from './recommendation';
import { caseModificationNpv } from './npv';
import { computeTimeline } from './regulationX';
import { NPV_RULEBOOK, REGULATION_X_RULEBOOK, type NpvParams, type RegulationXParams } from './rulebooks/disposition';
import type { Evaluation, OptionResult, RulebookRef } from './results';
import { findRulebook, parameterValues, rulebookRef, withOverrides } from './rulebooks';
import type { ParameterValue, Rulebook } from './rulebooks/types';
import { ENGINE_VERSION } from './version';

export interface EvaluateOptions {
  /** Evaluate only these program ids (in waterfall order where they are in it). */
  programs?: string[];
  /** Rulebook parameter overrides by rulebook id, e.g. `{ 'PORTFOLIO': { targetDti: 0.31 } }`; applied over the case's own. */
  rulebookOverrides?: Record<string, Record<string, unknown>>;
}

/**
 * Evaluates a case. `input` is a case in the JSON of case-format.md (validated here) or an
 * already parsed `LoanCase`. Throws `CaseInputError` listing every problem when the case is invalid.
 */
export function evaluateCase(input: unknown, options: EvaluateOptions = {}): Evaluation {
  const parsed = parseCase(input);
  if (!parsed.ok) throw new CaseInputError(parsed.problems);
  return evaluateParsedCase(parsed.case, options, parsed.warnings);
}

export function evaluateParsedCase(loanCase: LoanCase, options: EvaluateOptions = {}, warnings: string[] = []): Evaluation {
  const programIds = selectPrograms(loanCase, options.programs);
  const affordability = computeAffordability(loanCase);
  const overrides = mergeOverrides(loanCase.rulebookOverrides, options.rulebookOverrides);
  const rulebooksInForce = new Map<string, Rulebook>();
  const usedRulebooks: RulebookRef[] = [];

  const results: Record<string, OptionResult> = {};
  const context: EvaluationContext = {
    loanCase,
    affordability,
    results,
    rulebook<P extends Record<string, ParameterValue>>(id: string) {
      let rulebook = rulebooksInForce.get(id) as Rulebook<P> | undefined;
      if (!rulebook) {
        const published = findRulebook(id) as Rulebook<P> | undefined;
        if (!published) throw new Error(`no rulebook "${id}" is defined`);
        rulebook = withOverrides(published, overrides[id] ?? {});
        rulebooksInForce.set(id, rulebook);
        usedRulebooks.push(rulebookRef(rulebook));
      }
      return { ref: rulebookRef(rulebook), params: parameterValues(rulebook), rulebook };
    },
  };

  for (const id of programIds) {
    const program = findProgram(id);
    if (!program) continue;
    const result = program.evaluate(context);
    // Every eligible modification carries its NPV against foreclosure (a decision aid, engine.md section 7).
    if (result.kind === 'modification' && result.eligible) {
      const npv = context.rulebook<NpvParams>(NPV_RULEBOOK.id);
      result.npv = caseModificationNpv(loanCase, result, npv.params, npv.ref);
    }
    results[id] = result;
  }

  return {
    caseId: loanCase.caseId,
    investor: loanCase.investor,
    evaluationDate: loanCase.evaluationDate,
    engineVersion: ENGINE_VERSION,
    waterfall: programIds.filter((id) => id in results),
    options: results,
    affordability,
    timeline: computeTimeline(loanCase, context.rulebook<RegulationXParams>(REGULATION_X_RULEBOOK.id).params),
    recommendation: recommend(loanCase, programIds, results),
    rulebooks: usedRulebooks,
    warnings,
  };
}

/** The case's own overrides, then the caller's (the workbook's settings) on top. */
function mergeOverrides(
  fromCase: Record<string, Record<string, unknown>> | undefined,
  fromCaller: Record<string, Record<string, unknown>> | undefined,
): Record<string, Record<string, unknown>> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const source of [fromCase ?? {}, fromCaller ?? {}]) {
    for (const [id, parameters] of Object.entries(source)) merged[id] = { ...(merged[id] ?? {}), ...parameters };
  }
  return merged;
}

/** The investor's waterfall, narrowed to `requested` when given. Unknown program ids are an error naming them. */
function selectPrograms(loanCase: LoanCase, requested?: string[]): string[] {
  const waterfall = WATERFALLS[loanCase.investor];
  if (!requested) return waterfall;
  const unknown = requested.filter((id) => !ALL_PROGRAMS.some((program) => program.id === id));
  if (unknown.length > 0) {
    throw new CaseInputError(
      unknown.map((id) => ({
        field: 'programs',
        message: `unknown program "${id}"; known programs: ${ALL_PROGRAMS.map((p) => p.id).join(', ')}`,
      })),
    );
  }
  const inOrder = waterfall.filter((id) => requested.includes(id));
  return [...inOrder, ...requested.filter((id) => !inOrder.includes(id))];
}
