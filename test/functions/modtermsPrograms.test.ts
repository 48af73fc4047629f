/**
 * LM.MODTERMS accepts every modification program of the engine (not only GSE Flex): the case
 * it builds belongs to the investor whose waterfall holds the program, and modification_rate
 * is read as the PMMS rate for FHA, VA, USDA and portfolio programs.
 */
import { excelErrorOf } from '../support/customFunctionsShim';
import { modterms } from '../../src/functions/functions';
import { MODIFICATION_PROGRAM_IDS } from '../../src/functions/modificationTerms';
import { ALL_PROGRAMS } from '../../src/engine/programs';

const ARGS = [200000, [[5000]], 0.07, 300, 1413.56, 250000, 0.0625, [[400]]] as const;

describe('LM.MODTERMS and every program', () => {
  test('every modification program of the engine is accepted, each under its own rulebook', () => {
    const expected = ALL_PROGRAMS.filter((p) => p.kind === 'modification').map((p) => p.id);
    expect(MODIFICATION_PROGRAM_IDS.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThanOrEqual(8);
    for (const id of expected) {
      const table = modterms(id.toLowerCase(), ...(ARGS as unknown as [never, never, never, never, never, never, never, never]));
      const fields = Object.fromEntries(table);
      expect({ id, hasRulebook: typeof fields.rulebook === 'string' && fields.rulebook.length > 0 }).toEqual({ id, hasRulebook: true });
      expect(typeof fields.eligible).toBe('boolean');
    }
  });
  const fieldsOf = (id: string) => Object.fromEntries(modterms(id, ...(ARGS as unknown as [never, never, never, never, never, never, never, never])));
  test('government programs read modification_rate as PMMS (6.25%)', () => {
    // FHA (fha-va-usda.md, Interpretation): PMMS rounded to the nearest 0.125%, no spread: 6.25%
    expect(fieldsOf('FHA-30-YEAR-MODIFICATION')).toMatchObject({ eligible: true, rate: 0.0625, termMonths: 360 });
    // VA (38 CFR 36.4315(a)(8)(i)): PMMS rounded to the nearest 0.125% + 0.50% = 6.75%
    expect(fieldsOf('VA-MODIFICATION')).toMatchObject({ rate: 0.0675, termMonths: 360 });
  });
  test('a program that needs an input the function does not take stays not eligible (portfolio: no income for the DTI target)', () => {
    expect(fieldsOf('PORTFOLIO-MODIFICATION')).toMatchObject({ eligible: false, reason: 'income missing' });
  });
  test('a non-modification program points to the function that computes it', () => {
    const error = excelErrorOf(() => modterms('REPAYMENT-PLAN', ...(ARGS as unknown as [never, never, never, never, never, never, never, never])));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^program "REPAYMENT-PLAN" is not one LM.MODTERMS evaluates: .*LM.REPAYMENT/);
  });
});
