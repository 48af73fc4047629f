/**
 * The recommendation scope (`recommendCase`) against the full evaluation (`evaluateCase`) on
 * generated loans: the same recommendation (program, rationale, category, passed-over list), the
 * same figures of the recommended option, the same loan-tape row (payment, reduction, at-risk
 * flag), and the same options for everything it evaluated. The expected values are the full
 * evaluation's: the scope is an optimization and must not change a displayed figure.
 */
import fc from 'fast-check';
import { generateCase, seededRandom } from '../../src/bench/loanGenerator';
import { evaluateCase, recommendCase, recommendedOptionOfCase, type RecommendationEvaluation } from '../../src/engine/evaluate';
import { summarizeEvaluation } from '../../src/engine/loanTape';
import { findProgram } from '../../src/engine/programs';
import type { Evaluation, OptionResult } from '../../src/engine/results';

type Json = Record<string, unknown>;

const INVESTORS = ['FANNIE', 'FREDDIE', 'FHA', 'VA', 'USDA', 'PORTFOLIO'] as const;
const INTENTS = ['KEEP', 'SELL', 'VACATE', 'UNDECIDED', null] as const;
const HARDSHIPS = ['UNEMPLOYMENT', 'REDUCTION_IN_INCOME', 'DISASTER', 'DIVORCE', 'OTHER', null] as const;

interface Variation {
  seed: number;
  investor: (typeof INVESTORS)[number];
  intent: (typeof INTENTS)[number];
  hardship: (typeof HARDSHIPS)[number];
  hardshipResolved: boolean;
  /** Multiplies the income: small values make every retention option fail (payment unaffordable), large ones too (no hardship-level DTI). */
  incomeFactor: number;
  /** Multiplies the property value: deep underwater or large equity changes Flex, short sale and deed-in-lieu. */
  valueFactor: number;
}

/** A generated case (src/bench/loanGenerator.ts) varied along the inputs the routing and the programs read. */
function variedCase(v: Variation): Json {
  const json = generateCase(seededRandom(v.seed), v.seed) as Json;
  json.investor = v.investor;
  const borrower = json.borrower as Json;
  if (v.intent === null) delete borrower.intent;
  else borrower.intent = v.intent;
  if (v.hardship === null) delete borrower.hardship;
  else borrower.hardship = v.hardship;
  borrower.hardshipResolved = v.hardshipResolved;
  const incomes = borrower.incomes as { amount: number }[];
  incomes[0].amount = Math.max(1, Math.round(incomes[0].amount * v.incomeFactor));
  const property = json.property as Json;
  property.value = Math.max(1, Math.round((property.value as number) * v.valueFactor));
  return json;
}

type Outcome = { ok: true; value: Evaluation } | { ok: false; message: string };
type ScopedOutcome = { ok: true; value: RecommendationEvaluation } | { ok: false; message: string };

function attempt<T>(run: () => T): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, message: `${(error as Error).name}: ${(error as Error).message} ${JSON.stringify((error as { problems?: unknown }).problems ?? null)}` };
  }
}

function withoutNpv(option: OptionResult): OptionResult {
  const { npv: _npv, ...rest } = option as OptionResult & { npv?: unknown };
  return rest as OptionResult;
}

const stats = { compared: 0, errors: 0, dispositionSkipped: 0, dispositionEvaluated: 0, modificationRecommended: 0, nothingRecommended: 0, dispositionRecommended: 0, npvClauseDropped: 0, programsSkipped: 0 };

/** Every check of the scope's promise on one case; returns nothing, fails the test on a difference. */
function expectSameRecommendation(json: Json): void {
  const full: Outcome = attempt(() => evaluateCase(structuredClone(json)));
  const scoped: ScopedOutcome = attempt(() => recommendCase(structuredClone(json)));
  expect(scoped.ok).toBe(full.ok);
  if (!full.ok || !scoped.ok) {
    // Same validation: the same error, word for word.
    expect(scoped).toEqual(full);
    stats.errors++;
    return;
  }
  stats.compared++;
  const f = full.value;
  const s = scoped.value;
  // The scopes choose by the program's declared kind before running it: every result must have that kind.
  for (const id of f.waterfall) expect(f.options[id].kind).toBe(findProgram(id)?.kind);
  // The whole recommendation object, rationale text included.
  expect(s.recommendation).toEqual(f.recommendation);
  expect(s.affordability).toEqual(f.affordability);
  const program = f.recommendation.program;
  if (program) {
    const fo = f.options[program] as unknown as Record<string, unknown>;
    const so = s.options[program] as unknown as Record<string, unknown>;
    // The figures the loan tape displays, and the option as a whole (its NPV included).
    expect(so.monthlyPayment).toBe(fo.monthlyPayment);
    expect(so.principalAndInterest).toBe(fo.principalAndInterest);
    expect(so.reductionPercent).toBe(fo.reductionPercent);
    expect(so).toEqual(fo);
    if (fo.kind === 'modification') stats.modificationRecommended++;
    if (fo.kind === 'disposition') stats.dispositionRecommended++;
  } else stats.nothingRecommended++;
  // Every option the scope evaluated is the full evaluation's, apart from the NPV it skips.
  for (const id of s.waterfall) expect(withoutNpv(s.options[id])).toEqual(withoutNpv(f.options[id]));
  for (const id of f.waterfall) {
    if (!(id in s.options)) {
      expect(f.options[id].kind).toBe('disposition');
      stats.dispositionSkipped++;
    } else if (f.options[id].kind === 'disposition') stats.dispositionEvaluated++;
  }
  // The loan-tape row: program, new payment, reduction, at-risk flag and reasons.
  expect(summarizeEvaluation(2, s, json)).toEqual(summarizeEvaluation(2, f, json));
  expect('timeline' in s).toBe(false);

  // recommendedNpv: false (the loan tape): no NPV anywhere; the rationale is the full one without its NPV clause.
  const bare = recommendCase(structuredClone(json), { recommendedNpv: false });
  // The NPV clause: an investor test where the rulebook has one (portfolio), information elsewhere (engine.md 7).
  const npvClause = /; NPV against foreclosure (is (negative|positive) \([^)]*\)(: investor review)?|-?\$[\d,.]+ \(information only: the investor has no NPV test\))/;
  expect(bare.recommendation).toEqual({ ...f.recommendation, rationale: f.recommendation.rationale.replace(npvClause, '') });
  for (const id of bare.waterfall) {
    expect('npv' in bare.options[id]).toBe(false);
    expect(bare.options[id]).toEqual(withoutNpv(f.options[id]));
  }
  expect(summarizeEvaluation(2, bare, json)).toEqual(summarizeEvaluation(2, f, json));
  if (program && npvClause.test(f.recommendation.rationale)) stats.npvClauseDropped++;

  // recommendedOptionOfCase (the loan tape): the same program and option, the same tape row.
  const light = recommendedOptionOfCase(structuredClone(json));
  expect(light.recommendation).toEqual({ program: f.recommendation.program, category: f.recommendation.category });
  for (const id of light.waterfall) expect(light.options[id]).toEqual(withoutNpv(f.options[id]));
  expect(summarizeEvaluation(2, light, json)).toEqual(summarizeEvaluation(2, f, json));
  stats.programsSkipped += f.waterfall.length - light.waterfall.length;
}

describe('recommendCase gives the recommendation of evaluateCase', () => {
  test('on 600 generated loans, every investor, intent, hardship route and resolution', () => {
    const random = seededRandom(7_2026);
    for (let n = 0; n < 600; n++) {
      const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
      expectSameRecommendation(
        variedCase({
          seed: 1 + n,
          investor: pick(INVESTORS),
          intent: pick(INTENTS),
          hardship: pick(HARDSHIPS),
          hardshipResolved: random() < 0.4,
          incomeFactor: pick([0.05, 0.5, 1, 1, 1, 2, 10]),
          valueFactor: pick([0.4, 0.8, 1, 1, 1.5, 3]),
        }),
      );
    }
    // The sample exercised every branch of the scope (else this test would prove little).
    expect(stats.dispositionSkipped).toBeGreaterThan(50);
    expect(stats.dispositionEvaluated).toBeGreaterThan(50);
    expect(stats.modificationRecommended).toBeGreaterThan(20);
    expect(stats.dispositionRecommended).toBeGreaterThan(20);
    expect(stats.nothingRecommended).toBeGreaterThan(0);
    expect(stats.npvClauseDropped).toBeGreaterThan(20);
    expect(stats.programsSkipped).toBeGreaterThan(600);
  });

  test('property: any generated loan and variation (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          investor: fc.constantFrom(...INVESTORS),
          intent: fc.constantFrom(...INTENTS),
          hardship: fc.constantFrom(...HARDSHIPS),
          hardshipResolved: fc.boolean(),
          incomeFactor: fc.double({ min: 0.01, max: 20, noNaN: true }),
          valueFactor: fc.double({ min: 0.1, max: 4, noNaN: true }),
        }),
        (variation) => expectSameRecommendation(variedCase(variation)),
      ),
      { numRuns: 300 },
    );
  });

  test('a disposition program before a retention one (a program outside the waterfall goes last): nothing is skipped', () => {
    const json = variedCase({ seed: 11, investor: 'FANNIE', intent: 'KEEP', hardship: null, hardshipResolved: false, incomeFactor: 1, valueFactor: 1 });
    const programs = ['SHORT-SALE', 'FHA-PARTIAL-CLAIM'];
    const full = evaluateCase(json, { programs });
    const scoped = recommendCase(json, { programs });
    expect(full.waterfall).toEqual(['SHORT-SALE', 'FHA-PARTIAL-CLAIM']);
    expect(scoped.waterfall).toEqual(full.waterfall);
    expect(scoped.recommendation).toEqual(full.recommendation);
    expect(recommendedOptionOfCase(json, { programs }).recommendation.program).toBe(full.recommendation.program);
    expect(withoutNpv(scoped.options['SHORT-SALE'])).toEqual(withoutNpv(full.options['SHORT-SALE']));
  });

  test('invalid overrides of the NPV or Regulation X rulebooks fail exactly as in the full evaluation', () => {
    const json = variedCase({ seed: 5, investor: 'FANNIE', intent: 'KEEP', hardship: 'REDUCTION_IN_INCOME', hardshipResolved: false, incomeFactor: 1, valueFactor: 1 });
    const cases: Record<string, Record<string, unknown>>[] = [{ NPV: { noSuchParameter: 1 } }, { 'REG-X': { noSuchParameter: 1 } }, { 'GSE-FLEX': { noSuchParameter: 1 } }];
    for (const overrides of cases) {
      const full = attempt(() => evaluateCase(json, { rulebookOverrides: overrides }));
      const scoped = attempt(() => recommendCase(json, { rulebookOverrides: overrides }));
      const light = attempt(() => recommendedOptionOfCase(json, { rulebookOverrides: overrides }));
      expect(full.ok).toBe(false);
      expect(scoped).toEqual(full);
      expect(light).toEqual(full);
    }
  });
});
