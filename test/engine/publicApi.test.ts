/**
 * The engine's public surface (`dist/engine`, src/engine/index.ts) is a named list: a helper
 * exported for a sibling module must not become public by accident, and a documented export must
 * not disappear. The list below is the contract (README "Architecture", docs/programs.md
 * "Exported helpers"); changing it is a decision, made here on purpose.
 */
import * as engine from '../../src/engine';

const CONTRACT = {
  functions: [
    // evaluate
    'evaluateCase',
    'evaluateParsedCase',
    'recommendCase',
    'recommendParsedCase',
    'recommendedOptionOfCase',
    'recommendedOptionOfParsedCase',
    'evaluateLoanTape',
    // the case format
    'parseCase',
    'caseToJson',
    // rulebooks
    'coversDate',
    'findRulebook',
    'rulebookInForce',
    'rulebookVersions',
    // program helpers (docs/programs.md)
    'computeFhaModification',
    'fhaPartialClaimAvailable',
    'vaMaximumRate',
    'usdaMraCap',
    'computePortfolioWaterfall',
    'rateStepSchedule',
    'highestSteppedRateForPayment',
    'largestUpbForPayment',
    'shortestTermForPayment',
    // errors (classes)
    'ArgumentError',
    'CaseInputError',
  ],
  values: ['CASE_FIELDS', 'ALL_RULEBOOKS', 'EARLIER_RULEBOOKS', 'RULEBOOK_VERSIONS', 'FHA_RULEBOOK', 'USDA_RULEBOOK', 'VA_RULEBOOK', 'PORTFOLIO_RULEBOOK', 'PORTFOLIO_TIER2_RULEBOOK', 'ENGINE_VERSION'],
};

test('the engine exports exactly the contract, nothing more', () => {
  expect(Object.keys(engine).sort()).toEqual([...CONTRACT.functions, ...CONTRACT.values].sort());
});

test('each export is what the contract says: functions are functions, the rest are data', () => {
  const api = engine as Record<string, unknown>;
  for (const name of CONTRACT.functions) expect([name, typeof api[name]]).toEqual([name, 'function']);
  for (const name of CONTRACT.values) expect([name, typeof api[name] === 'function']).toEqual([name, false]);
});

test('the entry point evaluates a case through the public surface alone', () => {
  const parsed = engine.parseCase({});
  expect(parsed.ok).toBe(false);
  expect(() => engine.evaluateCase({})).toThrow(engine.CaseInputError);
  expect(engine.findRulebook('GSE-FLEX')?.id).toBe('GSE-FLEX');
});
