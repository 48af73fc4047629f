/**
 * LM.MODTERMS, called as Excel calls it and inside a workbook (HyperFormula). Expected figures
 * are the published Freddie Mac Resolve Retention API examples in
 * shared/reference/cases/gse-flex-forbearance.json and gse-flex-pi-increase.json, not the code's output.
 */
import { excelErrorOf } from '../support/customFunctionsShim';
import { modterms } from '../../src/functions/functions';
import { MODIFICATION_FIELDS, modificationTerms } from '../../src/functions/modificationTerms';
import { registerLmFunctions } from '../support/lmFunctions';
import { workbook } from '../support/hyperformulaBridge';

// gse-flex-forbearance.json: UPB 347,868.83, arrears 8,261.88, 4.75%, 322 months, P&I 1,913.14,
// value 50,000, posted modification rate 6.5%, escrow 350.
const FLEX = ['FLEX', 347868.83, [[8261.88]], 0.0475, 322, 1913.14, 50000, 0.065, [[350]]] as const;
const call = (...args: unknown[]) => (modterms as (...a: unknown[]) => unknown[][])(...args);

/** The published expectations (rate kept below the posted rate; 480 months; forbearance to the 20% target). */
const EXPECTED_FLEX: Record<string, unknown> = {
  eligible: true,
  reason: '',
  rate: 0.0475,
  termMonths: 480,
  postCapitalizationUpb: 356130.71,
  interestBearingUpb: 328584.9,
  forbearance: 27545.81,
  principalAndInterest: 1530.41,
  monthlyPayment: 1880.41,
  reductionPercent: 20.01,
  mtmltvPercent: 657.16,
  trialPayment: 1880.41, // engine.md 4.7: new P&I + escrow, no shortage: 1530.41 + 350
  rulebook: 'GSE-FLEX 2024-12-01',
};

describe('LM.MODTERMS called as Excel calls it', () => {
  it('spills the GSE Flex terms of the published example as [field, value] rows', () => {
    const table = call(...FLEX);
    expect(table.map((row) => row[0])).toEqual([...MODIFICATION_FIELDS]);
    expect(Object.fromEntries(table)).toEqual(EXPECTED_FLEX);
  });

  it('returns one value for field, in any case', () => {
    expect(call(...FLEX, 'principalAndInterest')).toEqual([[1530.41]]);
    expect(call(...FLEX, 'PRINCIPALANDINTEREST')).toEqual([[1530.41]]);
    expect(call(...FLEX, 'forbearance')).toEqual([[27545.81]]);
  });

  it('accepts GSE-FLEX and any case for the program, omitted optionals as null or undefined', () => {
    expect(call('gse-flex', ...FLEX.slice(1), 'termMonths')).toEqual([[480]]);
    // Without escrow the monthly payment is the P&I alone (same P&I: escrow does not enter the waterfall).
    expect(call(...FLEX.slice(0, 8), null, 'monthlyPayment')).toEqual([[1530.41]]);
    expect(call(...FLEX.slice(0, 8), undefined, 'monthlyPayment')).toEqual([[1530.41]]);
  });

  it('reports the published P&I increase case as not eligible (Freddie Mac LM000018)', () => {
    // gse-flex-pi-increase.json: the 20% target cannot be reached below the 200.00 P&I.
    const table = Object.fromEntries(call('FLEX', 203826.75, [[2208.12]], 0.0325, 313, 200, 50000, 0.065, [[350]]));
    expect(table).toMatchObject({
      eligible: false,
      reason: 'P&I increase',
      rate: 0.0325,
      termMonths: 480,
      postCapitalizationUpb: 206034.87,
      interestBearingUpb: 144224.41,
      forbearance: 61810.46,
      principalAndInterest: 537.3,
      mtmltvPercent: 288.44,
    });
  });

  it('sums an arrears range, blanks ignored (8,000 + 261.88 = 8,261.88)', () => {
    expect(call('FLEX', 347868.83, [[8000], [''], [261.88]], 0.0475, 322, 1913.14, 50000, 0.065, [[350]], 'postCapitalizationUpb')).toEqual([
      [356130.71],
    ]);
  });

  it('rejects a rate typed as a percent number, naming the argument', () => {
    const rate = excelErrorOf(() => call('FLEX', 347868.83, [[8261.88]], 4.75, 322, 1913.14, 50000, 0.065));
    expect(rate).toEqual({ code: '#VALUE!', message: 'rate 4.75 looks like a percent: enter 4.75% or 0.0475' });
    const posted = excelErrorOf(() => call('FLEX', 347868.83, [[8261.88]], 0.0475, 322, 1913.14, 50000, 6.5));
    expect(posted).toEqual({ code: '#VALUE!', message: 'modification_rate 6.5 looks like a percent: enter 6.5% or 0.065' });
  });

  it('rejects an unknown field, listing the valid names', () => {
    const error = excelErrorOf(() => call(...FLEX, 'payment'));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(`field "payment" is unknown: use one of ${MODIFICATION_FIELDS.join(', ')}`);
  });

  it('rejects text, negatives, a fractional term and an unknown program, naming the argument', () => {
    expect(excelErrorOf(() => call('FLEX', 'n/a', [[0]], 0.0475, 322, 1913.14, 50000)).message).toBe('upb must be a number, not the text "n/a"');
    expect(excelErrorOf(() => call('FLEX', 347868.83, [[-1]], 0.0475, 322, 1913.14, 50000)).message).toMatch(/^arrears must not be negative/);
    expect(excelErrorOf(() => call('FLEX', 347868.83, [[0]], 0.0475, 322.5, 1913.14, 50000)).message).toBe('remaining_term must be a whole number, not 322.5');
    expect(excelErrorOf(() => call('FHA', 347868.83, [[0]], 0.0475, 322, 1913.14, 50000)).message).toMatch(/^program "FHA" is not one LM.MODTERMS evaluates/);
    expect(excelErrorOf(() => call('FLEX', 347868.83, [[0]], 0.0475, 322, 1913.14, '')).message).toMatch(/^property_value is blank/);
  });

  it('leaves the delinquency test "not checked" (the function has no input for it), the others as the engine found them', () => {
    const [program, upb, arrears, rate, remainingTerm, currentPI, propertyValue, modificationRate, monthlyEscrow] = FLEX;
    const result = modificationTerms(
      { program, upb, arrears, rate, remainingTerm, currentPI, propertyValue, modificationRate, monthlyEscrow },
      '2025-10-15',
    );
    const delinquency = result.checks.filter((c) => /delinquen/i.test(c.test));
    expect(delinquency).toHaveLength(1);
    expect(delinquency[0].status).toBe('not checked');
    expect(result.checks.find((c) => c.test === 'conventional first lien')?.status).toBe('pass');
    expect(result.checks.some((c) => c.status === 'fail')).toBe(false);
    expect(result.eligible).toBe(true);
    expect(call(...FLEX, 'eligible')).toEqual([[true]]);
  });
});

describe('LM.MODTERMS in a workbook (HyperFormula)', () => {
  beforeAll(registerLmFunctions);

  const sheet = () =>
    workbook([
      ['program', 'FLEX', '=LM.MODTERMS(B1, B2, B3:B4, B5, B6, B7, B8, B9, B10)', null, '=LM.MODTERMS(B1,B2,B3:B4,B5,B6,B7,B8,B9,B10,"principalAndInterest")'],
      ['upb', 347868.83, null, null, null, null, '=LM.MODTERMS(B1,B2,B3:B4,4.75,B6,B7,B8,B9,B10)'],
      ['arrears', 8000, null, null, '=LM.MODTERMS(B1,B2,B3:B4,B5,B6,B7,B8,B9,B10,"termMonths") / 12'],
      ['', 261.88],
      ['rate', '4.75%'],
      ['term', 322],
      ['P&I', 1913.14],
      ['value', 50000],
      ['modification rate', '6.5%'],
      ['escrow', 350],
    ]);

  it('spills the 13 x 2 table from references, a range and percent-formatted rates', () => {
    const { value } = sheet();
    const rows = MODIFICATION_FIELDS.map((_, i) => [value(`C${i + 1}`), value(`D${i + 1}`)]);
    expect(Object.fromEntries(rows)).toEqual(EXPECTED_FLEX);
  });

  it('returns a single value with field, usable in arithmetic', () => {
    const { value } = sheet();
    expect(value('E1')).toBe(1530.41);
    expect(value('E3')).toBe(40); // 480 months / 12
  });

  it('shows #VALUE! with the percent message for a rate typed as 4.75', () => {
    const { value } = sheet();
    expect(value('G2')).toMatchObject({ value: '#VALUE!', message: 'rate 4.75 looks like a percent: enter 4.75% or 0.0475' });
  });
});
