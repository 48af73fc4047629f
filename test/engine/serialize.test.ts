import fc from 'fast-check';
import { CASE_FIELDS, US_STATE_CODES, parseCase } from '../../src/engine/case/parse';
import { caseToJson } from '../../src/engine/case/serialize';
import {
  HARDSHIPS,
  INCOME_FREQUENCIES,
  INCOME_TYPES,
  INTENTS,
  INVESTORS,
  OCCUPANCIES,
  PRODUCT_TYPES,
  REGIONS,
  VALUATION_TYPES,
  type IncomeLine,
  type LoanCase,
} from '../../src/engine/case/types';
import { formatIsoDate } from '../../src/engine/dates';

const cents = (max = 100_000_000) => fc.integer({ min: 0, max }).map((c) => c / 100);
const positiveCents = (max = 100_000_000) => fc.integer({ min: 1, max }).map((c) => c / 100);
const rate = fc.integer({ min: 0, max: 200_000 }).map((x) => x / 1_000_000);
const isoDate = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 11, 31) }).map((ms) => formatIsoDate(new Date(ms)));
// The evaluation date's accepted range starts with Regulation X's loss-mitigation rule (2014-01-10; case/bounds.ts).
const evaluationDate = fc.integer({ min: Date.UTC(2014, 0, 10), max: Date.UTC(2060, 11, 31) }).map((ms) => formatIsoDate(new Date(ms)));
const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const count = (max = 480) => fc.integer({ min: 0, max });

const incomeLine: fc.Arbitrary<IncomeLine> = fc
  .record({ type: fc.constantFrom(...INCOME_TYPES), amount: cents(), frequency: fc.constantFrom(...INCOME_FREQUENCIES), hours: fc.option(fc.integer({ min: 1, max: 80 })) })
  .map(({ hours, ...line }) => (line.frequency === 'HOURLY' || hours !== null ? { ...line, hoursPerWeek: hours ?? 40 } : line));

const debtLine = fc
  .record({ type: text, monthlyPayment: cents(1_000_000), balance: fc.option(cents()) })
  .map(({ balance, ...line }) => (balance === null ? line : { ...line, balance }));

const loanCase: fc.Arbitrary<LoanCase> = fc.record({
  caseId: text,
  investor: fc.constantFrom(...INVESTORS),
  evaluationDate,
  loan: fc.record({
    loanNumber: nullable(fc.stringMatching(/^[0-9]{6,12}$/)),
    upb: positiveCents(),
    deferredBalance: cents(),
    rate,
    remainingTermMonths: fc.integer({ min: 1, max: 480 }),
    contractualPI: positiveCents(1_000_000),
    monthlyEscrow: cents(500_000),
    escrowShortage: cents(500_000),
    monthsDelinquent: count(60),
    nextDueDate: nullable(isoDate),
    originationDate: nullable(isoDate),
    productType: fc.constantFrom(...PRODUCT_TYPES),
    lienPosition: fc.integer({ min: 1, max: 3 }),
    priorModifications: count(5),
    monthsSinceLastModification: nullable(count()),
    failedTrialInLast12Months: fc.boolean(),
    cumulativeDeferredMonths: count(12),
    partialClaimBalance: cents(),
    lastDeferralEffectiveDate: nullable(isoDate),
  }),
  arrears: fc.record({
    delinquentInterest: cents(),
    escrowAdvances: cents(),
    servicingAdvances: cents(),
    legalFees: cents(),
    lateFees: cents(),
    borrowerContribution: cents(),
    suspense: cents(),
  }),
  property: fc.record({
    value: nullable(positiveCents()),
    valuationDate: nullable(isoDate),
    valuationType: nullable(fc.constantFrom(...VALUATION_TYPES)),
    state: nullable(fc.constantFrom(...US_STATE_CODES)),
    occupancy: nullable(fc.constantFrom(...OCCUPANCIES)),
    subordinateLiens: cents(),
  }),
  borrower: fc.record({
    names: fc.array(fc.string(), { maxLength: 3 }),
    ssnLast4: nullable(fc.stringMatching(/^[0-9]{4}$/)),
    familySize: nullable(fc.integer({ min: 1, max: 12 })),
    region: nullable(fc.constantFrom(...REGIONS)),
    hardship: nullable(fc.constantFrom(...HARDSHIPS)),
    hardshipResolved: fc.boolean(),
    intent: nullable(fc.constantFrom(...INTENTS)),
    incomes: fc.array(incomeLine, { maxLength: 4 }),
    housingExpenses: fc.record({
      taxes: cents(),
      insurance: cents(),
      floodInsurance: cents(),
      mortgageInsurance: cents(),
      association: cents(),
      groundRent: cents(),
      subordinateLienPayment: cents(),
    }),
    debts: fc.array(debtLine, { maxLength: 4 }),
    livingExpenses: nullable(cents()),
    liquidAssets: nullable(cents()),
    netMonthlyIncome: nullable(cents()),
    maintenanceAndUtilities: nullable(cents()),
  }),
  market: fc.record({ modificationRate: nullable(rate), pmms: nullable(rate) }),
  options: fc.record({
    firstTrialPaymentDate: nullable(isoDate),
    applicationReceivedDate: nullable(isoDate),
    applicationCompleteDate: nullable(isoDate),
    foreclosureSaleDate: nullable(isoDate),
    decisionNoticeSentDate: nullable(isoDate),
  }),
  disposition: fc.record({
    offerPrice: nullable(positiveCents()),
    marketingDays: nullable(count(720)),
    commissionRate: nullable(rate),
    sellerClosingCosts: nullable(cents()),
    subordinateLienPayoff: nullable(cents()),
    relocationAssistance: nullable(cents()),
  }),
  rulebookOverrides: fc.oneof(fc.constant({}), fc.integer({ min: 1, max: 365 }).map((days) => ({ AFFORDABILITY: { maxValuationAgeDays: days } }))),
})
  // fast-check may build records with a null prototype; the parser builds plain objects.
  .map((c) => JSON.parse(JSON.stringify(c)) as LoanCase)
  // A contribution must leave a balance to modify (parse.ts, contributionProblem): none where it would not.
  .map((c) => {
    const debt = [c.loan.upb, c.loan.deferredBalance, c.arrears.delinquentInterest, c.arrears.escrowAdvances, c.arrears.servicingAdvances, c.arrears.legalFees];
    if (c.arrears.borrowerContribution >= debt.reduce((a, b) => a + b, 0)) c.arrears.borrowerContribution = 0;
    return c;
  });

describe('caseToJson', () => {
  it('property: parseCase(caseToJson(c)) deep-equals c, also through JSON text', () => {
    fc.assert(
      fc.property(loanCase, (c) => {
        const json = caseToJson(c);
        const direct = parseCase(json);
        if (!direct.ok) throw new Error(JSON.stringify(direct.problems));
        expect(direct.case).toStrictEqual(c);
        const viaText = parseCase(JSON.parse(JSON.stringify(json)));
        expect(viaText.ok && viaText.case).toStrictEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it('writes every field of the format, in its order, null where unknown', () => {
    const parsed = parseCase({ caseId: 'A', investor: 'VA', evaluationDate: '2025-01-01', loan: { upb: 1, rate: 0, remainingTermMonths: 1, contractualPI: 1 } });
    if (!parsed.ok) throw new Error('invalid');
    const json = caseToJson(parsed.case) as Record<string, Record<string, unknown>>;
    expect(Object.keys(json)).toEqual(Object.keys(CASE_FIELDS));
    expect(Object.keys(json.loan)).toEqual(Object.keys((CASE_FIELDS.loan as { fields: object }).fields));
    expect(json.loan.loanNumber).toBeNull();
    expect(json.property.value).toBeNull();
    expect(json.rulebookOverrides).toEqual({});
  });

  it('returns a copy: editing the JSON does not edit the case', () => {
    const parsed = parseCase({
      caseId: 'A', investor: 'VA', evaluationDate: '2025-01-01',
      loan: { upb: 1, rate: 0, remainingTermMonths: 1, contractualPI: 1 },
      borrower: { names: ['X'], incomes: [{ type: 'WAGES', amount: 1, frequency: 'MONTHLY' }] },
    });
    if (!parsed.ok) throw new Error('invalid');
    const json = caseToJson(parsed.case);
    (json.borrower!.names as string[]).push('Y');
    json.borrower!.incomes![0].amount = 99;
    expect(parsed.case.borrower.names).toEqual(['X']);
    expect(parsed.case.borrower.incomes[0].amount).toBe(1);
  });
});
