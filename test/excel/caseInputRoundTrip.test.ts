/**
 * Property: any valid case written to a Case Input sheet reads back as the same case (after
 * parseCase), whatever its text looks like (numbers, dates, formulas or booleans as text) and
 * however many lines it has.
 */
import fc from 'fast-check';
import { parseCase } from '../../src/engine/case/parse';
import { HARDSHIPS, INCOME_FREQUENCIES, INCOME_TYPES, INVESTORS, type CaseInput } from '../../src/engine/case/types';
import { createCaseSheet, readCaseFromInputSheet } from '../../src/excel/workbookActions';
import { installGlobals } from '../../src/workbench/excelHost';

const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
// The evaluation date's accepted range starts on 2014-01-10 (12 CFR 1024.41; docs/engine-core.md "Dates").
const evaluationDate = fc.date({ min: new Date('2014-01-10T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
// Text that Excel would happily turn into something else if it were not kept as text.
const trickyText = fc.oneof(fc.constantFrom('0012345678', '2025-001843', 'TRUE', '=SUM(A1)', "'quoted", '1,234', '4.75%', '10/15/2025'), fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0));

const caseArbitrary: fc.Arbitrary<CaseInput> = fc.record({
  caseId: trickyText,
  investor: fc.constantFrom(...INVESTORS),
  evaluationDate,
  loan: fc.record({
    loanNumber: fc.stringMatching(/^[0-9]{6,12}$/),
    upb: cents(900000).filter((n) => n > 0),
    rate: fc.integer({ min: 1, max: 150 }).map((n) => n / 1000),
    remainingTermMonths: fc.integer({ min: 1, max: 480 }),
    contractualPI: cents(9000).filter((n) => n > 0),
    monthlyEscrow: cents(2000),
    monthsDelinquent: fc.integer({ min: 0, max: 36 }),
    nextDueDate: isoDate,
    failedTrialInLast12Months: fc.boolean(),
  }),
  property: fc.record({ value: cents(2000000).filter((n) => n > 0), state: fc.constantFrom('GA', 'CA', 'NY', 'TX') }),
  borrower: fc.record({
    names: fc.array(trickyText, { minLength: 1, maxLength: 3 }),
    hardship: fc.constantFrom(...HARDSHIPS),
    hardshipResolved: fc.boolean(),
    incomes: fc.array(
      fc.record({ type: fc.constantFrom(...INCOME_TYPES), amount: cents(20000), frequency: fc.constantFrom(...INCOME_FREQUENCIES.filter((f) => f !== 'HOURLY')) }),
      { maxLength: 6 },
    ),
    debts: fc.array(fc.record({ type: trickyText, monthlyPayment: cents(3000), balance: cents(90000) }), { maxLength: 4 }),
    livingExpenses: cents(5000),
  }),
  market: fc.record({ modificationRate: fc.integer({ min: 1, max: 120 }).map((n) => n / 1000) }),
}) as fc.Arbitrary<CaseInput>;

test('write then read gives back the same case', async () => {
  await fc.assert(
    fc.asyncProperty(caseArbitrary, async (caseJson) => {
      const original = parseCase(caseJson);
      if (!original.ok) throw new Error(`the generator made an invalid case: ${JSON.stringify(original.problems)}`);
      installGlobals(globalThis);
      const { sheetName } = await createCaseSheet({ caseJson });
      const read = await readCaseFromInputSheet(sheetName);
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      const again = parseCase(read.caseJson);
      expect(again.ok).toBe(true);
      if (again.ok && original.ok) expect(again.case).toEqual(original.case);
    }),
    { numRuns: 40 },
  );
});
