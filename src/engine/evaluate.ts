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
import type { EvaluationContext, ProgramDefinition, RulebookInContext } from './programs/types';
import { chooseOption, inTier, programInTier, recommend, recommendationRoute } from './recommendation';
import { caseModificationNpv } from './npv';
import { computeTimeline } from './regulationX';
import { NPV_RULEBOOK, REGULATION_X_RULEBOOK } from './rulebooks/disposition';
import type { Evaluation, OptionResult, Recommendation, RulebookOverrideUsed, RulebookRef } from './results';
import { parameterValues, rulebookInForce, rulebookRef, withOverrides } from './rulebooks';
import { formatRulebookRef, type ParameterValue, type Rulebook } from './rulebooks/types';
import { checkRegistry } from './registry';
import { ENGINE_VERSION } from './version';

// A registry error (a waterfall naming an unknown program, a program naming an unknown rulebook)
// is a defect of the build: fail on load, not on some case later.
checkRegistry();

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
  const { programIds, affordability, usedRulebooks, results, context, rulebookWarnings, overridesUsed } = startEvaluation(loanCase, options);

  for (const id of programIds) {
    const result = programById(id).evaluate(context);
    // Every eligible modification carries its NPV against foreclosure (a decision aid, engine.md section 7).
    if (result.kind === 'modification' && result.eligible) {
      const npv = context.rulebook(NPV_RULEBOOK);
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
    timeline: computeTimeline(loanCase, context.rulebook(REGULATION_X_RULEBOOK).params),
    recommendation: recommend(loanCase, programIds, results),
    rulebooks: usedRulebooks,
    warnings: [...warnings, ...rulebookWarnings],
    ...(overridesUsed.length > 0 ? { overrides: overridesUsed } : {}),
  };
}

/**
 * What a caller that shows only the recommendation needs (LM.PORTFOLIO): `recommendParsedCase`.
 * `recommendation` is deep-equal to the full evaluation's (program, rationale, category,
 * passedOver), and every option in `options` is the full evaluation's option, except that `npv`
 * may be absent (only the recommended modification carries it; none with `recommendedNpv:
 * false`). Not computed: the Regulation X timeline, the NPV of the other eligible modifications,
 * and the disposition programs (short sale, deed-in-lieu) when the recommendation cannot reach
 * them. `waterfall` lists the options evaluated; `rulebooks` the rulebooks they used.
 */
export interface RecommendationEvaluation extends Omit<Evaluation, 'timeline'> {
  scope: 'recommendation';
}

export interface RecommendOptions extends EvaluateOptions {
  /**
   * Compute the recommended modification's NPV, which only the rationale quotes (default true).
   * false (the loan tape, which shows no rationale): no NPV at all; the rationale then lacks its
   * "; NPV against foreclosure is ..." clause and is otherwise the full evaluation's.
   */
  recommendedNpv?: boolean;
}

/**
 * `evaluateCase` restricted to the recommendation (see `RecommendationEvaluation`). Same
 * validation and the same errors as `evaluateCase`.
 */
export function recommendCase(input: unknown, options: RecommendOptions = {}): RecommendationEvaluation {
  const parsed = parseCase(input);
  if (!parsed.ok) throw new CaseInputError(parsed.problems);
  return recommendParsedCase(parsed.case, options, parsed.warnings);
}

export function recommendParsedCase(loanCase: LoanCase, options: RecommendOptions = {}, warnings: string[] = []): RecommendationEvaluation {
  const { programIds, affordability, usedRulebooks, results, context, overrides, rulebookWarnings } = startEvaluation(loanCase, options);
  // Overrides of the NPV or Regulation X rulebooks can be invalid, and the full evaluation throws
  // on them when it resolves those rulebooks: evaluate in full so the error is the same.
  if (overrides[NPV_RULEBOOK.id] !== undefined || overrides[REGULATION_X_RULEBOOK.id] !== undefined) {
    const { timeline: _timeline, ...full } = evaluateParsedCase(loanCase, options, warnings);
    return { ...full, scope: 'recommendation' };
  }

  const programs = programIds.map(programById);
  // Disposition programs are deferred only when they all come after every retention program (as
  // in every published waterfall): then the retention programs see exactly the results they see
  // in the full evaluation (no program reads another's NPV).
  const firstDisposition = programs.findIndex((program) => program.kind === 'disposition');
  const deferDisposition = firstDisposition >= 0 && programs.slice(firstDisposition).every((program) => program.kind === 'disposition');
  const retention = deferDisposition ? programs.slice(0, firstDisposition) : programs;
  for (const program of retention) results[program.id] = program.evaluate(context);

  const route = recommendationRoute(loanCase);
  if (deferDisposition) {
    // Without the dispositions, the choice is option X in tier t. The dispositions come after X
    // in waterfall order, so within tier t X still wins; they can change the choice only through
    // an earlier tier that admits dispositions, or when nothing was chosen.
    const { chosen, tier } = chooseOption(route, programIds.filter((id) => results[id]), results);
    const reachable = chosen === null || route.tiers.slice(0, tier).some((kinds) => kinds.includes('disposition'));
    if (reachable) for (const program of programs.slice(firstDisposition)) results[program.id] = program.evaluate(context);
  }

  // The rationale quotes the recommended modification's NPV: compute that one only.
  const { chosen } = chooseOption(route, programIds.filter((id) => results[id]), results);
  const recommended = chosen ? results[chosen] : undefined;
  if (options.recommendedNpv !== false && recommended && recommended.kind === 'modification' && recommended.eligible) {
    const npv = context.rulebook(NPV_RULEBOOK);
    recommended.npv = caseModificationNpv(loanCase, recommended, npv.params, npv.ref);
  }

  return {
    scope: 'recommendation',
    caseId: loanCase.caseId,
    investor: loanCase.investor,
    evaluationDate: loanCase.evaluationDate,
    engineVersion: ENGINE_VERSION,
    waterfall: programIds.filter((id) => id in results),
    options: results,
    affordability,
    recommendation: recommend(loanCase, programIds, results),
    rulebooks: usedRulebooks,
    warnings: [...warnings, ...rulebookWarnings],
  };
}

/**
 * The least a caller that shows only the recommended program, its figures and whether any
 * retention option is eligible needs (the loan tape): `recommendedOptionOfParsedCase`.
 * `recommendation.program` is the full evaluation's; `options` holds only the options evaluated
 * (each the full evaluation's option; `npv` may be absent); and some retention (non-disposition) option
 * in `options` is eligible exactly when one is in the full evaluation.
 */
export interface RecommendedOptionEvaluation extends Pick<Evaluation, 'caseId' | 'investor' | 'evaluationDate' | 'waterfall' | 'options' | 'affordability' | 'warnings'> {
  scope: 'recommended option';
  recommendation: Pick<Recommendation, 'program' | 'category'>;
}

export function recommendedOptionOfCase(input: unknown, options: EvaluateOptions = {}): RecommendedOptionEvaluation {
  const parsed = parseCase(input);
  if (!parsed.ok) throw new CaseInputError(parsed.problems);
  return recommendedOptionOfParsedCase(parsed.case, options, parsed.warnings);
}

/**
 * Programs are evaluated in the order the recommendation scans them (route tier by tier, waterfall
 * order within a tier), up to the first eligible one: that is the recommendation's choice (the
 * same scan as `chooseOption`). A retention choice settles "some retention option is eligible";
 * otherwise every retention program is evaluated. Valid because a program reads no other
 * program's result except that disposition programs read earlier disposition programs (deed-in-lieu
 * reads short sale): dispositions are evaluated together, in waterfall order.
 */
export function recommendedOptionOfParsedCase(loanCase: LoanCase, options: EvaluateOptions = {}, warnings: string[] = []): RecommendedOptionEvaluation {
  const { programIds, affordability, results, context, overrides, rulebookWarnings } = startEvaluation(loanCase, options);
  const route = recommendationRoute(loanCase);
  const finish = (program: string | null): RecommendedOptionEvaluation => ({
    scope: 'recommended option',
    caseId: loanCase.caseId,
    investor: loanCase.investor,
    evaluationDate: loanCase.evaluationDate,
    waterfall: programIds.filter((id) => id in results),
    options: results,
    affordability,
    recommendation: { program, category: route.category },
    warnings: [...warnings, ...rulebookWarnings],
  });
  // An override can be invalid, and the full evaluation throws when the rulebook using it is
  // first resolved: with overrides, evaluate in full so the same error (or none) comes out.
  if (Object.keys(overrides).length > 0) {
    const full = evaluateParsedCase(loanCase, options, warnings);
    return { ...finish(full.recommendation.program), waterfall: full.waterfall, options: full.options, warnings: full.warnings };
  }

  const programs = programIds.map(programById);
  const evaluateDispositions = () => {
    for (const program of programs) if (program.kind === 'disposition' && !(program.id in results)) results[program.id] = program.evaluate(context);
  };
  let chosen: string | null = null;
  scan: for (const kinds of route.tiers) {
    for (const program of programs) {
      if (!programInTier(program, kinds)) continue;
      if (!(program.id in results)) {
        if (program.kind === 'disposition') evaluateDispositions();
        else results[program.id] = program.evaluate(context);
      }
      const result = results[program.id];
      // The choice reads the result's kind (as `chooseOption` does); a program's result has the program's kind.
      if (inTier(result, kinds) && result.eligible) {
        chosen = program.id;
        break scan;
      }
    }
  }
  if (chosen === null || results[chosen].kind === 'disposition') {
    for (const program of programs) if (program.kind !== 'disposition' && !(program.id in results)) results[program.id] = program.evaluate(context);
    // VA: a retention option the route set aside may come before disposition (recommendation.ts, veteranRetention).
    if (route.veteranRetention) {
      evaluateDispositions();
      chosen = chooseOption(route, programIds.filter((id) => results[id]), results).chosen;
    }
  }
  return finish(chosen);
}

/** What both scopes share: the programs to run, the affordability, and the context with its rulebooks in force. */
function startEvaluation(loanCase: LoanCase, options: EvaluateOptions) {
  const rulebookWarnings: string[] = [];
  const warnOnce = (warning: string | undefined) => {
    if (warning && !rulebookWarnings.includes(warning)) rulebookWarnings.push(warning);
  };
  const programIds = selectPrograms(loanCase, options.programs, warnOnce);
  const affordability = computeAffordability(loanCase);
  const overrides = mergeOverrides(loanCase.rulebookOverrides, options.rulebookOverrides);
  const rulebooksInForce = new Map<string, Rulebook>();
  const usedRulebooks: RulebookRef[] = [];
  const overridesUsed: RulebookOverrideUsed[] = [];

  const results: Record<string, OptionResult> = {};
  // Any version of a rulebook resolves to the version in force on the evaluation date, so the
  // program code never picks a version itself.
  const rulebook = <P extends Record<string, ParameterValue>>(book: Rulebook<P>): RulebookInContext<P> => {
    const id = book.id;
    let inForce = rulebooksInForce.get(id) as Rulebook<P> | undefined;
    if (!inForce) {
      const chosen = rulebookInForce(id, loanCase.evaluationDate);
      warnOnce(chosen.warning);
      inForce = withOverrides(chosen.rulebook as Rulebook<P>, overrides[id] ?? {});
      rulebooksInForce.set(id, inForce);
      usedRulebooks.push(rulebookRef(inForce));
      // The workbook's settings are applied over the case's own: a parameter they name came from them.
      for (const [parameter, used] of Object.entries(overrides[id] ?? {})) {
        const published = (chosen.rulebook.parameters as Record<string, { value: unknown }>)[parameter]?.value;
        const source = options.rulebookOverrides?.[id]?.[parameter] !== undefined ? 'workbook settings' : 'case';
        overridesUsed.push({ rulebook: rulebookRef(inForce), parameter, published, used, source });
      }
    }
    return { ref: rulebookRef(inForce), params: parameterValues(inForce), rulebook: inForce };
  };
  const context: EvaluationContext = { loanCase, affordability, results, rulebook };
  return { programIds, affordability, overrides, usedRulebooks, results, context, rulebookWarnings, overridesUsed };
}

/** A program of the registry; an id that is not one is a defect, never skipped. */
function programById(id: string): ProgramDefinition {
  const program = findProgram(id);
  if (!program) throw new Error(`program "${id}" is in a waterfall but not in the program registry (src/engine/programs)`);
  return program;
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

/**
 * The investor's waterfall, narrowed to `requested` when given. Unknown program ids are an error
 * naming them. A program that the rulebook version in force on the evaluation date does not
 * offer (`programsNotOffered`, e.g. the VA partial claim before 2026-06-01) is left out, with a warning.
 */
function selectPrograms(loanCase: LoanCase, requested: string[] | undefined, warn: (warning: string) => void): string[] {
  return offeredOn(loanCase.evaluationDate, programsAsked(loanCase, requested), warn);
}

function offeredOn(date: string, programIds: string[], warn: (warning: string) => void): string[] {
  return programIds.filter((id) => {
    const { rulebook } = rulebookInForce(programById(id).rulebookId, date);
    if (!rulebook.programsNotOffered?.includes(id)) return true;
    warn(`${id} is not evaluated: ${formatRulebookRef(rulebookRef(rulebook))} (${rulebook.effectiveDate} to ${rulebook.effectiveUntil ?? 'now'}), in force on ${date}, does not offer it.`);
    return false;
  });
}

function programsAsked(loanCase: LoanCase, requested?: string[]): string[] {
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
