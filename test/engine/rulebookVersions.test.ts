/**
 * Rulebooks chosen by the evaluation date (engine.md section 9) and the self-checking program
 * registry (docs/adding-a-program.md). Dates from the sources: FHA's COVID-19 Recovery options
 * ended 2025-09-30 and the permanent options apply from 2025-10-01 (ML 2025-12); the Payment
 * Supplement may be offered from 2024-05-01 (ML 2024-02); the 40-year modification from
 * 2023-05-08 (HUD final rule); VA rescinded the VASP waterfall as of 2025-05-01 (Circular
 * 26-25-2) and the VA partial claim rules apply from 2026-06-01 (project sources, M26-4 ch. 22).
 */
import { evaluateCase } from '../../src/engine/evaluate';
import { WATERFALLS } from '../../src/engine/programs';
import { registryProblems } from '../../src/engine/registry';
import type { Investor } from '../../src/engine/case/types';
import { RULEBOOK_VERSIONS, rulebookInForce, rulebookVersions } from '../../src/engine/rulebooks';
import { dispositionRulebookId } from '../../src/engine/rulebooks/disposition';
import { FHA_RULEBOOK } from '../../src/engine/rulebooks/government';
import type { EvaluationContext } from '../../src/engine/programs/types';
import { makeCase, makeContext } from '../support/caseFactory';

function caseJson(investor: string, evaluationDate: string, extra: Record<string, unknown> = {}) {
  return {
    caseId: `DATED-${investor}`,
    investor,
    evaluationDate,
    loan: { upb: 200000, rate: 0.0675, remainingTermMonths: 330, contractualPI: 1350, monthlyEscrow: 400, monthsDelinquent: 4, productType: 'FIXED' },
    arrears: { delinquentInterest: 6750, escrowAdvances: 1800, legalFees: 500, lateFees: 300 },
    property: { value: 250000, valuationDate: evaluationDate, occupancy: 'OWNER' },
    borrower: {
      hardship: 'REDUCTION_IN_INCOME',
      incomes: [{ type: 'WAGES', amount: 5000, frequency: 'MONTHLY' }],
      housingExpenses: { taxes: 250, insurance: 150 },
    },
    market: { pmms: 0.0631 },
    ...extra,
  };
}

describe('rulebookInForce: the version covering the date', () => {
  test.each([
    ['2025-10-01', '2025-10-01'], // first day of the permanent options
    ['2025-09-30', '2024-05-01'], // last day of the COVID-19 Recovery options
    ['2024-05-01', '2024-05-01'], // first day the Payment Supplement may be offered
    ['2024-04-30', '2023-05-08'],
    ['2023-05-08', '2023-05-08'],
  ])('FHA-LOSS-MIT on %s: version %s, no warning', (date, version) => {
    const chosen = rulebookInForce('FHA-LOSS-MIT', date);
    expect(chosen.rulebook.version).toBe(version);
    expect(chosen.warning).toBeUndefined();
  });

  test('before the earliest version: the earliest, with a warning', () => {
    const chosen = rulebookInForce('FHA-LOSS-MIT', '2023-05-07');
    expect(chosen.rulebook.version).toBe('2023-05-08');
    expect(chosen.warning).toBe(
      'No FHA-LOSS-MIT rulebook covers the evaluation date 2023-05-07 (the earliest version known took effect 2023-05-08): evaluated under FHA-LOSS-MIT 2023-05-08; check the investor\'s rules of that date.',
    );
  });

  test('an unknown rulebook id is an error', () => {
    expect(() => rulebookInForce('NO-SUCH', '2025-01-01')).toThrow(/no rulebook "NO-SUCH"/);
  });

  test('every id has exactly one open-ended version, and versions do not overlap', () => {
    for (const id of new Set(RULEBOOK_VERSIONS.map((r) => r.id))) {
      const versions = rulebookVersions(id);
      expect(versions.filter((v) => v.effectiveUntil === undefined)).toHaveLength(1);
      expect(versions[versions.length - 1].effectiveUntil).toBeUndefined();
    }
  });

  test('an earlier version restates what changed and marks what it carries forward as interpretation', () => {
    const covid = rulebookInForce('FHA-LOSS-MIT', '2025-09-15').rulebook;
    expect(covid.parameters.partialClaimMaxPercent).toMatchObject({ value: 0.3, status: 'quoted' });
    expect(covid.parameters.repaymentMaxMonths.source).toMatch(/^carried from FHA-LOSS-MIT 2025-10-01, not re-checked/);
    expect(covid.parameters.repaymentMaxMonths.status).toBe('interpretation');
    // The current version itself is untouched.
    expect(FHA_RULEBOOK.parameters.repaymentMaxMonths.source).not.toMatch(/carried/);
  });
});

describe('evaluateCase picks each program\'s rulebook by the evaluation date', () => {
  test('a back-dated FHA case (2025-09-15) is evaluated under the COVID-19 Recovery version and names it', () => {
    const evaluation = evaluateCase(caseJson('FHA', '2025-09-15'));
    expect(evaluation.rulebooks).toContainEqual({ id: 'FHA-LOSS-MIT', version: '2024-05-01' });
    expect(evaluation.rulebooks.some((r) => r.id === 'FHA-LOSS-MIT' && r.version === '2025-10-01')).toBe(false);
    for (const id of ['FHA-PARTIAL-CLAIM', 'FHA-30-YEAR-MODIFICATION', 'FHA-40-YEAR-MODIFICATION', 'FHA-PAYMENT-SUPPLEMENT']) {
      expect(evaluation.options[id].rulebook).toEqual({ id: 'FHA-LOSS-MIT', version: '2024-05-01' });
    }
    expect(evaluation.warnings.some((w) => w.includes('FHA-LOSS-MIT'))).toBe(false);
  });

  test('the same case on 2025-10-01 uses the permanent options', () => {
    const evaluation = evaluateCase(caseJson('FHA', '2025-10-01'));
    expect(evaluation.options['FHA-30-YEAR-MODIFICATION'].rulebook).toEqual({ id: 'FHA-LOSS-MIT', version: '2025-10-01' });
  });

  test('before 2024-05-01 there is no Payment Supplement: left out of the waterfall, with a warning', () => {
    const evaluation = evaluateCase(caseJson('FHA', '2024-03-01'));
    expect(evaluation.waterfall).not.toContain('FHA-PAYMENT-SUPPLEMENT');
    expect(evaluation.waterfall).toContain('FHA-40-YEAR-MODIFICATION');
    expect(evaluation.warnings).toContain(
      'FHA-PAYMENT-SUPPLEMENT is not evaluated: FHA-LOSS-MIT 2023-05-08 (2023-05-08 to 2024-04-30), in force on 2024-03-01, does not offer it.',
    );
  });

  test('a VA case dated 2025-10-15: the post-VASP version, no partial claim, and a warning for rulebooks not yet in force', () => {
    const evaluation = evaluateCase(caseJson('VA', '2025-10-15'));
    expect(evaluation.rulebooks).toContainEqual({ id: 'VA-LOSS-MIT', version: '2025-05-01' });
    expect(evaluation.waterfall).not.toContain('VA-PARTIAL-CLAIM');
    expect(evaluation.options['VA-PARTIAL-CLAIM']).toBeUndefined();
    expect(evaluation.warnings.some((w) => w.startsWith('VA-PARTIAL-CLAIM is not evaluated: VA-LOSS-MIT 2025-05-01'))).toBe(true);
    // The VA disposition rulebook is known only from 2026-06-01: used, and said so.
    expect(evaluation.warnings.some((w) => w.startsWith('No DISPOSITION-VA rulebook covers the evaluation date 2025-10-15'))).toBe(true);
  });

  test('a VA case before 2025-05-01 (VASP era, not modelled): the earliest version, with a warning', () => {
    const evaluation = evaluateCase(caseJson('VA', '2025-04-15'));
    expect(evaluation.rulebooks).toContainEqual({ id: 'VA-LOSS-MIT', version: '2025-05-01' });
    expect(evaluation.warnings.some((w) => w.startsWith('No VA-LOSS-MIT rulebook covers the evaluation date 2025-04-15 (the earliest version known took effect 2025-05-01)'))).toBe(true);
  });

  test('a VA case on 2026-06-01 has the partial claim and no VA-LOSS-MIT warning', () => {
    const evaluation = evaluateCase(caseJson('VA', '2026-06-01'));
    expect(evaluation.waterfall).toContain('VA-PARTIAL-CLAIM');
    expect(evaluation.warnings.some((w) => w.includes('VA-LOSS-MIT'))).toBe(false);
  });

  test('a Fannie Mae case before the 2024-12-01 Flex changes (no earlier GSE version is carried): the 2024-12-01 rules, with a warning', () => {
    const evaluation = evaluateCase({ ...caseJson('FANNIE', '2024-11-15'), market: { modificationRate: 0.0675 } });
    expect(evaluation.rulebooks).toContainEqual({ id: 'GSE-FLEX', version: '2024-12-01' });
    expect(evaluation.warnings).toContain(
      "No GSE-FLEX rulebook covers the evaluation date 2024-11-15 (the earliest version known took effect 2024-12-01): evaluated under GSE-FLEX 2024-12-01; check the investor's rules of that date.",
    );
    // On 2024-12-01 itself: no such warning.
    expect(evaluateCase({ ...caseJson('FANNIE', '2024-12-01'), market: { modificationRate: 0.0675 } }).warnings.some((w) => w.includes('GSE-FLEX'))).toBe(false);
  });

  test('overrides apply to the version in force', () => {
    const evaluation = evaluateCase(caseJson('FHA', '2025-09-15'), { rulebookOverrides: { 'FHA-LOSS-MIT': { retentionIntervalMonths: 12 } } });
    expect(evaluation.rulebooks).toContainEqual({ id: 'FHA-LOSS-MIT', version: '2024-05-01+overrides' });
  });

  test('the recommendation scopes carry the same warnings', () => {
    const { recommendCase, recommendedOptionOfCase } = jest.requireActual('../../src/engine/evaluate') as typeof import('../../src/engine/evaluate');
    const full = evaluateCase(caseJson('VA', '2025-10-15'));
    expect(recommendCase(caseJson('VA', '2025-10-15')).warnings).toEqual(expect.arrayContaining(full.warnings.filter((w) => w.includes('VA-PARTIAL-CLAIM'))));
    expect(recommendedOptionOfCase(caseJson('VA', '2025-10-15')).warnings.some((w) => w.includes('VA-PARTIAL-CLAIM'))).toBe(true);
  });
});

describe('the program registry checks itself', () => {
  test('the published registry is sound', () => {
    expect(registryProblems()).toEqual([]);
  });

  test('an unknown waterfall id is reported, and evaluating it fails instead of skipping it', () => {
    WATERFALLS.FHA.push('FHA-NO-SUCH-PROGRAM');
    try {
      expect(registryProblems()).toContain('the FHA waterfall names "FHA-NO-SUCH-PROGRAM", which is not a registered program');
      expect(() => evaluateCase(caseJson('FHA', '2025-10-15'))).toThrow(/FHA-NO-SUCH-PROGRAM.*not in the program registry/);
    } finally {
      WATERFALLS.FHA.pop();
    }
  });

  test('a new investor does not fall through to the portfolio rules', () => {
    // @ts-expect-error 'GNMA' is not an Investor: the exhaustive switch rejects it at compile time.
    expect(() => dispositionRulebookId('GNMA')).toThrow(/no disposition rulebook for investor "GNMA"/);
    const investors: Investor[] = ['FANNIE', 'FREDDIE', 'FHA', 'VA', 'USDA', 'PORTFOLIO'];
    expect(investors.map(dispositionRulebookId)).toEqual(['DISPOSITION-GSE', 'DISPOSITION-GSE', 'DISPOSITION-FHA', 'DISPOSITION-VA', 'DISPOSITION-USDA', 'DISPOSITION-PORTFOLIO']);
  });

  test('context.rulebook takes the rulebook object, so the parameter type follows', () => {
    const readTarget = (context: EvaluationContext): number => {
      const { params } = context.rulebook(FHA_RULEBOOK);
      // @ts-expect-error FhaParameters has no such parameter: a typo fails type-checking.
      void params.targetReductionPercentage;
      return params.targetReductionPercent;
    };
    expect(readTarget(makeContext(makeCase({ investor: 'FHA' })))).toBe(0.25);
  });

  test('context.rulebook has no form by id: a string does not compile', () => {
    const context = makeContext(makeCase({ investor: 'FHA' }));
    // @ts-expect-error By id the parameter type would be only the caller's claim: the string form is gone.
    const byId = () => context.rulebook('FHA-LOSS-MIT');
    // At run time (from untyped code) an id is not a rulebook either.
    expect(byId).toThrow();
  });
});
