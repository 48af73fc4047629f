/**
 * Rulebook overrides carried by a case are user input too: every numeric parameter of every
 * rulebook, overridden with values at the edges of what the case parser accepts (0, the
 * largest accepted, fractions), on every example case, must evaluate or be refused, never fail
 * inside the engine. Before the override ranges, REG-X evaluationDays 1e9 gave an internal
 * error and a count of 1e9 ran the engine out of memory. Out-of-range values are refused: each
 * parameter is tried at its own bounds (min, max, between) and beyond them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkCase } from '../../src/engine/case/check';
import { ALL_RULEBOOKS } from '../../src/engine/rulebooks';

const examples = fs.readdirSync('examples').filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join('examples', f), 'utf8')));
const withOverride = (example: { case?: unknown }, id: string, name: string, value: unknown) => ({
  ...(JSON.parse(JSON.stringify(example.case ?? example)) as object),
  rulebookOverrides: { [id]: { [name]: value } },
});

describe('rulebook overrides in a case', () => {
  it('no numeric override the parser accepts makes the evaluation fail inside the engine', () => {
    const failures: string[] = [];
    let tried = 0;
    for (const rulebook of ALL_RULEBOOKS) {
      for (const [name, parameter] of Object.entries(rulebook.parameters as Record<string, { value: unknown; min?: number; max?: number }>)) {
        if (typeof parameter.value !== 'number') continue;
        // The edges of the parameter's own bounds (rulebooks/bounds.ts), a point between, and values beyond them.
        const { min, max } = parameter as { min: number; max: number };
        const values = [min, max, (min + max) / 2, Math.floor((min + max) / 2), min - 1, max + 0.5, max * 100];
        for (const value of values) {
          for (const example of examples) {
            tried += 1;
            const result = checkCase(withOverride(example, rulebook.id, name, value));
            if (result.verdict === 'internal error') failures.push(`${rulebook.id}.${name}=${value}: ${result.message}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(5000);
  }, 120_000);

  it.each([
    ['GSE-FLEX', 'forbearanceCapOfUpb', 5, /5 looks like a percent: the published value is the fraction 0\.3; enter e\.g\. 0\.05/],
    ['REG-X', 'evaluationDays', 1e9, /must be at most 365, not 1000000000: evaluationDays takes 1 to 365/],
    ['GSE-FLEX', 'maxTermMonths', 0, /must be at least 360, not 0: maxTermMonths takes 360 to 480/],
    ['GSE-FLEX', 'maxTermMonths', 360.5, /must be a whole number of 1 or more/],
    ['GSE-FLEX', 'trialPaymentCount', 2.5, /must be a whole number of 1 or more/],
    ['PORTFOLIO-MOD', 'fixedRateMonths', 59.5, /must be a whole number/],
    ['PORTFOLIO-MOD', 'targetDti', -0.31, /must not be negative/],
  ])('%s.%s = %s is refused, naming the parameter', (id, name, value, message) => {
    const result = checkCase(withOverride(examples[0], id, name, value));
    expect(result.verdict).toBe('invalid');
    const problem = result.verdict === 'invalid' ? result.problems.find((p) => p.field === `rulebookOverrides.${id}.${name}`) : undefined;
    expect(problem?.message).toMatch(message);
  });
});
