/**
 * Every numeric rulebook parameter states its bounds (rulebooks/bounds.ts): the limits of a
 * plausible servicer correction, with the reason. Overrides outside them are refused by the case
 * parser (cases and workbook settings) and by withOverrides, naming the parameter, the bound and
 * the fix; the published value of every version lies inside them.
 */
import type { InputProblem } from '../../src/engine/errors';
import { validateRulebookOverrides } from '../../src/engine/case/parse';
import { ALL_RULEBOOKS, RULEBOOK_VERSIONS, findRulebook, withOverrides, type Rulebook, type RulebookParameter } from '../../src/engine/rulebooks';
import { isWholeNumberParameter, overrideRangeProblem, overrideValueProblem } from '../../src/engine/rulebooks/ranges';

type Entry = { rulebook: Rulebook; name: string; parameter: RulebookParameter };

function numericParameters(rulebooks: Rulebook[]): Entry[] {
  const entries: Entry[] = [];
  for (const rulebook of rulebooks) {
    for (const [name, parameter] of Object.entries(rulebook.parameters) as [string, RulebookParameter][]) {
      const value = parameter.value;
      if (typeof value === 'number' || (typeof value === 'object' && value !== null)) entries.push({ rulebook, name, parameter });
    }
  }
  return entries;
}

const label = ({ rulebook, name }: Entry) => `${rulebook.id} ${rulebook.version} ${name}`;

/** The problems the case parser reports for one override (the path the workbook settings use too). */
function parseProblems(id: string, name: string, value: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  validateRulebookOverrides({ [id]: { [name]: value } }, 'rulebookOverrides', problems);
  return problems;
}

/** ε: one for a whole number, a cent for dollars, a millionth for a fraction or ratio. */
function epsilon(parameter: RulebookParameter, name: string): number {
  const published = parameter.value as number;
  if (isWholeNumberParameter(parameter, name, published)) return 1;
  return (parameter.max as number) > 10 ? 0.01 : 1e-6;
}

describe('rulebook parameter bounds', () => {
  test('every numeric parameter of every version (and every table) states min, max and why; none falls back to the interim rule', () => {
    const missing = numericParameters(RULEBOOK_VERSIONS)
      .filter(({ parameter }) => parameter.min === undefined || parameter.max === undefined || !parameter.boundsWhy)
      .map(label);
    expect(missing).toEqual([]);
  });

  test('the numeric parameters counted: 177 across the current rulebooks (169 numbers, 8 tables)', () => {
    // A parameter added without bounds fails the test above; this count says how many were bounded.
    expect(numericParameters(ALL_RULEBOOKS).length).toBe(177);
    expect(numericParameters(ALL_RULEBOOKS).filter(({ parameter }) => typeof parameter.value === 'object')).toHaveLength(8);
  });

  test('min < max, and the published value of every version lies inside its own bounds (every table entry too)', () => {
    const outside: string[] = [];
    for (const entry of numericParameters(RULEBOOK_VERSIONS)) {
      const { parameter, name } = entry;
      if (!((parameter.min as number) < (parameter.max as number))) outside.push(`${label(entry)}: min ${parameter.min} is not below max ${parameter.max}`);
      const problem = overrideValueProblem(parameter, parameter.value, name);
      if (problem !== null) outside.push(`${label(entry)}: ${problem}`);
    }
    expect(outside).toEqual([]);
  });

  test('a restated parameter of an earlier version keeps the current bounds', () => {
    const earlier = RULEBOOK_VERSIONS.find((r) => r.id === 'FHA-LOSS-MIT' && r.version === '2023-05-08')!;
    const current = findRulebook('FHA-LOSS-MIT')!;
    for (const name of ['maxTermMonths', 'targetReductionPercent', 'partialClaimMaxPercent', 'repaymentMaxMonths']) {
      const [a, b] = [earlier.parameters[name], current.parameters[name]];
      expect([a.min, a.max, a.boundsWhy]).toEqual([b.min, b.max, b.boundsWhy]);
    }
  });

  // Table-driven over every numeric parameter the parser accepts an override of (the current versions).
  const scalars = numericParameters(ALL_RULEBOOKS).filter(({ parameter }) => typeof parameter.value === 'number');

  test.each(scalars.map((e) => [label(e), e] as const))('%s: min and max accepted, min-ε and max+ε refused', (_label, { rulebook, name, parameter }) => {
    const min = parameter.min as number;
    const max = parameter.max as number;
    const eps = epsilon(parameter, name);
    expect(parseProblems(rulebook.id, name, min)).toEqual([]);
    expect(parseProblems(rulebook.id, name, max)).toEqual([]);
    for (const [beyond, bound] of [
      [min - eps, `at least ${min}`],
      [max + eps, `at most ${max}`],
    ] as const) {
      const problems = parseProblems(rulebook.id, name, Number(beyond.toPrecision(12)));
      expect(problems).toHaveLength(1);
      expect(problems[0].field).toBe(`rulebookOverrides.${rulebook.id}.${name}`);
      expect(problems[0].message).toContain(`must be ${bound}`);
    }
  });

  test('every version, through the range check itself: min and max accepted, min-ε and max+ε refused', () => {
    const wrong: string[] = [];
    for (const entry of numericParameters(RULEBOOK_VERSIONS).filter(({ parameter }) => typeof parameter.value === 'number')) {
      const { parameter, name } = entry;
      const eps = epsilon(parameter, name);
      const [min, max] = [parameter.min as number, parameter.max as number];
      if (overrideRangeProblem(parameter, min, name) !== null) wrong.push(`${label(entry)}: min ${min} refused`);
      if (overrideRangeProblem(parameter, max, name) !== null) wrong.push(`${label(entry)}: max ${max} refused`);
      if (overrideRangeProblem(parameter, min - eps, name) === null) wrong.push(`${label(entry)}: ${min - eps} accepted`);
      if (overrideRangeProblem(parameter, max + eps, name) === null) wrong.push(`${label(entry)}: ${max + eps} accepted`);
    }
    expect(wrong).toEqual([]);
  });

  // Edges of one representative parameter of each kind, written from the bounds documented in
  // rulebooks/bounds.ts (and docs/engine-core.md "Bounds").
  describe.each([
    // kind, rulebook, parameter, min, max, just below, just above
    ['fraction (reduction target)', 'FHA-LOSS-MIT', 'targetReductionPercent', 0.05, 0.5, 0.049999, 0.500001],
    ['fraction (share of the UPB)', 'GSE-FLEX', 'forbearanceCapOfUpb', 0, 0.5, -0.000001, 0.500001],
    ['rate cap', 'VA-LOSS-MIT', 'maxRateAboveExisting', 0, 0.05, -0.000001, 0.050001],
    ['term', 'GSE-FLEX', 'maxTermMonths', 360, 480, 359, 481],
    ['months (forbearance)', 'GSE-FORBEARANCE', 'maxCumulativeMonths', 1, 18, 0, 19],
    ['months (repayment plan)', 'GSE-REPAYMENT-PLAN', 'maxMonthsWithoutInvestorApproval', 1, 60, 0, 61],
    ['days (timeline)', 'NPV', 'nationalDefaultTimelineDays', 0, 3650, -1, 3651],
    ['days (Regulation X period)', 'REG-X', 'evaluationDays', 1, 365, 0, 366],
    ['dollars', 'DISPOSITION-FHA', 'relocationAssistance', 0, 10_000, -0.01, 10_000.01],
    ['count', 'GSE-FLEX', 'maxPriorModifications', 1, 10, 0, 11],
    ['count (trial payments)', 'FHA-LOSS-MIT', 'trialPaymentCountImminentDefault', 1, 6, 0, 7],
  ] as const)('%s: %s.%s', (_kind, id, name, min, max, below, above) => {
    test(`the bounds are ${min} and ${max}`, () => {
      const parameter = findRulebook(id)!.parameters[name];
      expect([parameter.min, parameter.max]).toEqual([min, max]);
      expect(parameter.boundsWhy).toMatch(/\S/);
    });

    test(`${min} and ${max} are accepted`, () => {
      expect(parseProblems(id, name, min)).toEqual([]);
      expect(parseProblems(id, name, max)).toEqual([]);
    });

    test(`${below} is refused naming the parameter, the bound and the fix`, () => {
      const [problem] = parseProblems(id, name, below);
      expect(problem.field).toBe(`rulebookOverrides.${id}.${name}`);
      expect(problem.message).toContain(`must be at least ${min}`);
      expect(problem.message).toContain(`${name} takes ${min} to ${max}`);
      expect(problem.message).toContain('enter a value in that range');
    });

    test(`${above} is refused naming the parameter, the bound and the fix`, () => {
      const [problem] = parseProblems(id, name, above);
      expect(problem.field).toBe(`rulebookOverrides.${id}.${name}`);
      expect(problem.message).toBe(
        `must be at most ${max}, not ${above}: ${name} takes ${min} to ${max} (the published value is ${findRulebook(id)!.parameters[name].value}); enter a value in that range`,
      );
    });
  });

  test('a negative override still says it must not be negative', () => {
    expect(parseProblems('PORTFOLIO-MOD', 'targetDti', -0.31)[0].message).toMatch(/^must be at least 0\.1: an override must not be negative, not -0\.31/);
  });

  test.each([
    ['FHA-LOSS-MIT', 'targetReductionPercent', 25, 'must be at most 0.5: 25 looks like a percent: the published value is the fraction 0.25; enter e.g. 0.25'],
    ['GSE-FLEX', 'forbearanceCapOfUpb', 30, 'must be at most 0.5: 30 looks like a percent: the published value is the fraction 0.3; enter e.g. 0.3'],
    ['GSE-REPAYMENT-PLAN', 'maxPaymentRatio', 150, 'must be at most 3: 150 looks like a percent: the published value is the decimal 1.5; enter e.g. 1.5'],
    ['PORTFOLIO-MOD', 'forbearanceMtmltvTarget', 115, 'must be at most 1.5: 115 looks like a percent: the published value is the decimal 1; enter e.g. 1.15'],
  ])('%s.%s = %s (a percent typed as a number) gets the percent hint', (id, name, value, message) => {
    expect(parseProblems(id, name, value)).toEqual([{ field: `rulebookOverrides.${id}.${name}`, message }]);
  });

  test('a value beyond the bound that is not a percent gets no percent hint', () => {
    expect(parseProblems('GSE-REPAYMENT-PLAN', 'maxPaymentRatio', 4)[0].message).not.toMatch(/percent/);
    expect(parseProblems('GSE-FLEX', 'maxTermMonths', 4800)[0].message).not.toMatch(/percent/);
  });

  test('counts stay whole inside their bounds', () => {
    expect(parseProblems('GSE-FLEX', 'maxPriorModifications', 2.5)[0].message).toBe('must be a whole number (of months, days or payments), not 2.5');
    expect(parseProblems('USDA-LOSS-MIT', 'mraMaxMonthsPiti', 6.5)[0].message).toBe('must be a whole number (of months, days or payments), not 6.5');
    expect(parseProblems('GSE-FLEX', 'trialPaymentCount', 2.5)[0].message).toMatch(/^must be a whole number of 1 or more/);
  });

  test('withOverrides (overrides passed directly, not parsed) refuses the same values, tables entry by entry', () => {
    const flex = findRulebook('GSE-FLEX')!;
    expect(() => withOverrides(flex, { maxTermMonths: 600 })).toThrow(/GSE-FLEX parameter "maxTermMonths" must be at most 480, not 600: maxTermMonths takes 360 to 480/);
    expect(withOverrides(flex, { maxTermMonths: 420 }).parameters.maxTermMonths.value).toBe(420);
    const npv = findRulebook('NPV')!;
    const timelines = npv.parameters.foreclosureTimelineDays.value as Record<string, number>;
    expect(() => withOverrides(npv, { foreclosureTimelineDays: { ...timelines, GA: 4000 } })).toThrow(/entry "GA" must be at most 3650, not 4000: foreclosureTimelineDays takes 0 to 3650; enter a value in that range/);
    expect(() => withOverrides(npv, { foreclosureTimelineDays: { ...timelines, GA: 330.5 } })).toThrow(/entry "GA" must be a whole number/);
    expect(withOverrides(npv, { foreclosureTimelineDays: { ...timelines, GA: 360 } }).parameters.foreclosureTimelineDays.value).toMatchObject({ GA: 360 });
    const disposition = findRulebook('DISPOSITION-FHA')!;
    expect(() => withOverrides(disposition, { minimumNetReturnTiers: { '30': 88 } })).toThrow(/entry "30" must be at most 1: 88 looks like a percent: the entries are decimals; enter e\.g\. 0\.88/);
  });

  test('tables cannot be overridden from a case or the settings (so their bounds bind withOverrides only)', () => {
    expect(parseProblems('NPV', 'foreclosureTimelineDays', 3)[0].message).toMatch(/table/);
  });
});
