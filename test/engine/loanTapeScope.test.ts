/**
 * LM.PORTFOLIO's default evaluation scope ('recommendation', `recommendCase`) against the full
 * evaluation (`scope: 'full'`, `evaluateCase`) on a generated loan tape: every row identical
 * (program, new payment, reduction, at-risk flag and reasons, error text). The expected rows are
 * the full evaluation's: the scope must not change what the tape shows.
 */
import { casesAsLoanTape, generateCase, seededRandom } from '../../src/bench/loanGenerator';
import { evaluateLoanTape } from '../../src/engine/loanTape';

type Json = Record<string, unknown>;

/** 400 generated loans (src/bench/loanGenerator.ts) across intents, hardships, resolutions, incomes and values. */
function generatedTape(): (string | number | boolean | null)[][] {
  const random = seededRandom(20261123);
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const cases: Json[] = [];
  for (let n = 1; n <= 400; n++) {
    const json = generateCase(random, n);
    json.investor = pick(['FANNIE', 'FREDDIE', 'FHA', 'VA', 'USDA', 'PORTFOLIO']);
    const borrower = json.borrower as Json;
    borrower.intent = pick(['KEEP', 'KEEP', 'SELL', 'VACATE', 'UNDECIDED']);
    borrower.hardship = pick(['UNEMPLOYMENT', 'REDUCTION_IN_INCOME', 'DISASTER', 'DIVORCE', 'OTHER']);
    borrower.hardshipResolved = random() < 0.4;
    const incomes = borrower.incomes as { amount: number }[];
    // 0.05x: nothing retention is affordable; 10x: no hardship-level DTI. Either way no retention option may be eligible.
    incomes[0].amount = Math.max(1, Math.round(incomes[0].amount * pick([0.05, 0.5, 1, 1, 1, 10])));
    const property = json.property as Json;
    property.value = Math.max(1, Math.round((property.value as number) * pick([0.4, 1, 1, 3])));
    cases.push(json);
  }
  const tape = casesAsLoanTape(cases);
  // Rows with an error: a rate typed as a percent, a blank investor.
  const rateColumn = tape[0].indexOf('rate');
  const investorColumn = tape[0].indexOf('investor');
  tape[7][rateColumn] = 4.75;
  tape[13][investorColumn] = null;
  return tape;
}

describe("evaluateLoanTape: scope 'recommendation' (the default) gives the rows of scope 'full'", () => {
  const tape = generatedTape();
  const full = evaluateLoanTape(tape, { scope: 'full' });
  const scoped = evaluateLoanTape(tape);

  test('every row identical', () => {
    expect(scoped).toHaveLength(400);
    expect(scoped).toEqual(full);
  });

  test('the tape covers the routes the scope treats differently', () => {
    const programs = new Set(full.map((row) => row.program));
    // Disposition recommended (SELL/VACATE intents, or nothing retention eligible), retention recommended, nothing recommended.
    expect(programs.has('SHORT-SALE') || programs.has('DEED-IN-LIEU')).toBe(true);
    expect(full.some((row) => row.program !== null && row.program !== 'SHORT-SALE' && row.program !== 'DEED-IN-LIEU')).toBe(true);
    expect(full.filter((row) => row.error === null && row.program === null).length).toBeGreaterThan(0);
    // Coverage only (VA residual income instead of a 31% gate, issue 12, leaves fewer such rows than before).
    expect(full.filter((row) => row.atRiskReasons.includes('no home-retention option is eligible')).length).toBeGreaterThan(10);
    expect(full.filter((row) => row.error !== null)).toHaveLength(2);
    expect(full.filter((row) => row.reduction !== null && row.reduction > 0).length).toBeGreaterThan(20);
  });

  test('the published options (defaults, overrides, program list) pass through the scope unchanged', () => {
    const options = { defaults: { market: { modificationRate: 0.07 } }, programs: ['REPAYMENT-PLAN', 'GSE-FLEX', 'SHORT-SALE', 'DEED-IN-LIEU'] };
    const part = tape.slice(0, 120);
    expect(evaluateLoanTape(part, options)).toEqual(evaluateLoanTape(part, { ...options, scope: 'full' }));
    // With rulebook overrides the rows are evaluated in full (an invalid override must fail as it does there).
    const overridden = { rulebookOverrides: { AFFORDABILITY: { maxValuationAgeDays: 120 } } };
    expect(evaluateLoanTape(part, overridden)).toEqual(evaluateLoanTape(part, { ...overridden, scope: 'full' }));
    const invalid = { rulebookOverrides: { 'GSE-FLEX': { noSuchParameter: 1 } } };
    const invalidRows = evaluateLoanTape(part, invalid);
    expect(invalidRows).toEqual(evaluateLoanTape(part, { ...invalid, scope: 'full' }));
    expect(invalidRows.filter((row) => row.error !== null).length).toBeGreaterThan(0);
  });
});
