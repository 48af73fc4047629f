/**
 * LM Workbench engine: pure TypeScript, decimal money, no Office, React or I/O.
 * `evaluateCase(case, { programs? })` is the entry point the CLI, the pane and the custom functions share.
 *
 * The public surface of `dist/engine` (`require('./dist/engine/index.js')`), named one by one so
 * that an internal helper does not become public by being exported for a sibling module.
 * test/engine/publicApi.test.ts pins the list; docs/programs.md documents the program helpers.
 */

// Evaluate a case, a recommendation, a loan tape.
export { evaluateCase, evaluateParsedCase, recommendCase, recommendParsedCase, recommendedOptionOfCase, recommendedOptionOfParsedCase } from './evaluate';
export type { EvaluateOptions, RecommendOptions, RecommendationEvaluation, RecommendedOptionEvaluation } from './evaluate';
export { evaluateLoanTape } from './loanTape';

// The case format (case-format.md) and the results.
export { parseCase, CASE_FIELDS } from './case/parse';
export type { ParseResult } from './case/parse';
export { caseToJson } from './case/serialize';
export type * from './case/types';
export type * from './results';
export { ArgumentError, CaseInputError } from './errors';
export type { InputProblem } from './errors';

// Rulebooks: every program's parameters with their sources and dates.
export { ALL_RULEBOOKS, EARLIER_RULEBOOKS, RULEBOOK_VERSIONS, coversDate, findRulebook, rulebookInForce, rulebookVersions } from './rulebooks';
export type * from './rulebooks/types';
export { FHA_RULEBOOK, USDA_RULEBOOK, VA_RULEBOOK } from './rulebooks/government';
export { PORTFOLIO_RULEBOOK, PORTFOLIO_TIER2_RULEBOOK } from './rulebooks/portfolio';

// Program helpers (docs/programs.md, "Exported helpers").
export { computeFhaModification, fhaPartialClaimAvailable } from './programs/government/fha';
export { vaMaximumRate } from './programs/government/va';
export { usdaMraCap } from './programs/government/usda';
export { computePortfolioWaterfall, rateStepSchedule } from './programs/portfolio/hamp';
export { highestSteppedRateForPayment, largestUpbForPayment, shortestTermForPayment } from './workouts/solvers';

export { ENGINE_VERSION } from './version';
