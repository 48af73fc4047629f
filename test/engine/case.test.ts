import fc from 'fast-check';
import { parseCase, validateRulebookOverrides } from '../../src/engine/case/parse';
import type { LoanCase } from '../../src/engine/case/types';
import type { InputProblem } from '../../src/engine/errors';
import { makeCase } from '../support/caseFactory';

/** The smallest valid case: the required fields only. */
function minimal(): Record<string, any> {
  return {
    caseId: 'C-1',
    investor: 'FANNIE',
    evaluationDate: '2025-10-15',
    loan: { upb: 200000, rate: 0.05, remainingTermMonths: 300, contractualPI: 1200 },
  };
}

function problemsOf(input: unknown): InputProblem[] {
  const result = parseCase(input);
  if (result.ok) throw new Error('expected problems, the case parsed');
  return result.problems;
}

function okCase(input: unknown): { case: LoanCase; warnings: string[] } {
  const result = parseCase(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  return result;
}

function messageFor(problems: InputProblem[], field: string): string {
  const found = problems.filter((p) => p.field === field);
  if (found.length !== 1) throw new Error(`expected one problem for ${field}, got: ${JSON.stringify(problems)}`);
  return found[0].message;
}

describe('parseCase: defaults', () => {
  it('fills every optional field with its case-format.md default', () => {
    const c = okCase(minimal()).case;
    expect(c.loan).toEqual({
      loanNumber: null,
      upb: 200000,
      deferredBalance: 0,
      rate: 0.05,
      remainingTermMonths: 300,
      contractualPI: 1200,
      monthlyEscrow: 0,
      escrowShortage: 0,
      monthsDelinquent: 0,
      nextDueDate: null,
      originationDate: null,
      productType: 'FIXED',
      lienPosition: 1,
      priorModifications: 0,
      monthsSinceLastModification: null,
      failedTrialInLast12Months: false,
      cumulativeDeferredMonths: 0,
      partialClaimBalance: 0,
      lastDeferralEffectiveDate: null,
    });
    expect(c.arrears).toEqual({ delinquentInterest: 0, escrowAdvances: 0, servicingAdvances: 0, legalFees: 0, lateFees: 0, borrowerContribution: 0, suspense: 0 });
    expect(c.property).toEqual({ value: null, valuationDate: null, valuationType: null, state: null, occupancy: null, subordinateLiens: 0 });
    expect(c.borrower).toEqual({
      names: [],
      ssnLast4: null,
      familySize: null,
      region: null,
      hardship: null,
      hardshipResolved: false,
      intent: null,
      incomes: [],
      housingExpenses: { taxes: 0, insurance: 0, floodInsurance: 0, mortgageInsurance: 0, association: 0, groundRent: 0, subordinateLienPayment: 0 },
      debts: [],
      livingExpenses: null,
      liquidAssets: null,
      netMonthlyIncome: null,
      maintenanceAndUtilities: null,
    });
    expect(c.market).toEqual({ modificationRate: null, pmms: null });
    expect(c.options).toEqual({ firstTrialPaymentDate: null, applicationReceivedDate: null, applicationCompleteDate: null, foreclosureSaleDate: null, decisionNoticeSentDate: null });
    expect(c.disposition).toEqual({
      offerPrice: null,
      marketingDays: null,
      commissionRate: null,
      sellerClosingCosts: null,
      subordinateLienPayoff: null,
      relocationAssistance: null,
    });
    expect(c.rulebookOverrides).toEqual({});
  });

  it('the tests\' case factory (test/support/caseFactory.ts) fills the same defaults', () => {
    // The factory's required fields are the Flex worked example's; everything else is a default.
    const required = { caseId: 'TEST-1', investor: 'FREDDIE', evaluationDate: '2025-10-15', loan: { upb: 347868.83, rate: 0.0475, remainingTermMonths: 322, contractualPI: 1913.14 } };
    expect(makeCase()).toStrictEqual(okCase(required).case);
  });

  it('treats null as "not given": the default for optional fields', () => {
    const input = minimal();
    input.loan.deferredBalance = null;
    input.loan.monthsSinceLastModification = null;
    input.arrears = null;
    const c = okCase(input).case;
    expect(c.loan.deferredBalance).toBe(0);
    expect(c.arrears.delinquentInterest).toBe(0);
  });

  it('reads the full example of case-format.md (enum placeholders resolved)', () => {
    const example = {
      caseId: '2025-001843',
      investor: 'FREDDIE',
      evaluationDate: '2025-10-15',
      loan: {
        loanNumber: '0012345678', upb: 347868.83, deferredBalance: 0, rate: 0.0475, remainingTermMonths: 322, contractualPI: 1913.14,
        monthlyEscrow: 350, escrowShortage: 0, monthsDelinquent: 4, nextDueDate: '2025-06-01', originationDate: '2012-04-20',
        productType: 'FIXED', lienPosition: 1, priorModifications: 0, monthsSinceLastModification: null, failedTrialInLast12Months: false,
        cumulativeDeferredMonths: 0, partialClaimBalance: 0,
      },
      arrears: { delinquentInterest: 8261.88, escrowAdvances: 0, servicingAdvances: 0, legalFees: 0, lateFees: 0, borrowerContribution: 0 },
      property: { value: 50000, valuationDate: '2025-10-01', valuationType: 'BPO', state: 'GA', occupancy: 'OWNER', subordinateLiens: 0 },
      borrower: {
        names: ['Jane Q. Borrower'], ssnLast4: '1234', familySize: 3, region: 'SOUTH', hardship: 'UNEMPLOYMENT', hardshipResolved: false,
        intent: 'KEEP', incomes: [{ type: 'WAGES', amount: 2450, frequency: 'BIWEEKLY' }],
        housingExpenses: { taxes: 200, insurance: 150, floodInsurance: 0, mortgageInsurance: 0, association: 0, groundRent: 0, subordinateLienPayment: 0 },
        debts: [{ type: 'AUTO', monthlyPayment: 385, balance: 14200 }], livingExpenses: 1800, liquidAssets: 3200,
      },
      market: { modificationRate: 0.065, pmms: 0.0625 },
      options: { firstTrialPaymentDate: '2025-11-01', applicationReceivedDate: '2025-09-20', applicationCompleteDate: '2025-10-02', foreclosureSaleDate: null, decisionNoticeSentDate: null },
    };
    const { case: c, warnings } = okCase(example);
    expect(c.loan.loanNumber).toBe('0012345678');
    expect(c.borrower.incomes).toEqual([{ type: 'WAGES', amount: 2450, frequency: 'BIWEEKLY' }]); // no hoursPerWeek key invented
    expect(c.borrower.debts).toEqual([{ type: 'AUTO', monthlyPayment: 385, balance: 14200 }]);
    expect(warnings).toEqual([]); // valuation 14 days old
  });
});

describe('parseCase: required fields', () => {
  it('reports every missing required field at once', () => {
    const problems = problemsOf({});
    expect(problems.map((p) => p.field)).toEqual(['caseId', 'investor', 'evaluationDate', 'loan']);
    expect(messageFor(problems, 'loan')).toBe('required: an object { ... } with at least upb, rate, remainingTermMonths, contractualPI');
    const loanProblems = problemsOf({ caseId: 'x', investor: 'VA', evaluationDate: '2025-01-01', loan: {} });
    expect(loanProblems.map((p) => p.field)).toEqual(['loan.upb', 'loan.rate', 'loan.remainingTermMonths', 'loan.contractualPI']);
    expect(messageFor(loanProblems, 'loan.rate')).toMatch(/^required: .*0\.0475/);
  });

  it('rejects a case that is not an object', () => {
    expect(problemsOf([1, 2])[0]).toEqual({ field: '(case)', message: expect.stringContaining('JSON object') });
    expect(problemsOf(null)[0].field).toBe('(case)');
    expect(problemsOf('{"caseId": 1}')[0].message).toMatch(/not a long text|not the text/);
  });
});

describe('parseCase: every error kind, all at once', () => {
  const input = minimal();
  input.caseId = 42; // wrong type
  input.investor = 'freddie'; // enum, case
  input.evaluationDate = '2025-02-30'; // impossible date
  input.loan.rate = 4.75; // percent typed as number
  input.loan.upb = -5; // negative
  input.loan.remainingTermMonths = 300.5; // not whole
  input.loan.contractualPI = '1,200.00'; // text
  input.loan.monthlyEscrow = Number.POSITIVE_INFINITY; // non-finite
  input.loan.productType = 'BALLOON'; // enum
  input.loan.loanNumber = 12345678; // number loses leading zeros
  input.loan.nextDueDate = '06/01/2025'; // wrong date format
  input.loan.originationDate = 41019; // Excel serial
  input.loan.failedTrialInLast12Months = 'no'; // boolean
  input.loan.lienPosition = 0; // below minimum
  input.market = { modificationRate: -0.01, pmms: 6.25 };
  input.property = { value: 0, state: 'ga' };
  input.borrower = {
    ssnLast4: '123-45-6789',
    names: 'Jane',
    incomes: [
      { type: 'WAGES', amount: 20, frequency: 'HOURLY' },
      { type: 'WAGES', amout: 100, frequency: 'MONTHLY' },
      'salary',
    ],
    debts: [{ type: 'AUTO' }],
  };
  input.loan.escrowShortag = 3; // unknown field
  input.extra = true; // unknown top-level field

  const problems = problemsOf(input);
  const cases: [string, RegExp][] = [
    // Free text is never repeated in a message (it may hold personal data): only its kind is named.
    ['caseId', /must be text, not a number$/],
    ['investor', /"freddie" is not allowed; did you mean "FREDDIE"\? use one of FANNIE, FREDDIE/],
    ['evaluationDate', /"2025-02-30" is not a real calendar date/],
    ['loan.rate', /^rate 4\.75 looks like a percent: enter 4\.75% or 0\.0475$/],
    ['loan.upb', /must not be negative/],
    ['loan.remainingTermMonths', /whole number, not 300\.5/],
    ['loan.contractualPI', /not the text "1,200\.00" \(remove the quotes/],
    ['loan.monthlyEscrow', /finite number/],
    ['loan.productType', /use one of FIXED, STEP, ARM/],
    ['loan.loanNumber', /leading zeros/],
    ['loan.nextDueDate', /must be written YYYY-MM-DD/],
    ['loan.originationDate', /Excel date serial/],
    ['loan.failedTrialInLast12Months', /true or false/],
    ['loan.lienPosition', /1 or more/],
    ['loan.escrowShortag', /unknown field "escrowShortag"; did you mean "escrowShortage"\?/],
    ['market.modificationRate', /must not be negative/],
    ['market.pmms', /^pmms 6\.25 looks like a percent: enter 6\.25% or 0\.0625$/],
    ['property.value', /greater than 0/],
    ['property.state', /did you mean "GA"/],
    ['borrower.ssnLast4', /full Social Security number: only the last 4 digits are stored/],
    ['borrower.names', /list of text/],
    ['borrower.incomes[0].hoursPerWeek', /required when frequency is HOURLY/],
    ['borrower.incomes[1].amout', /^unknown field "amout"; did you mean "amount"\?$/],
    ['borrower.incomes[1].amount', /^required/],
    ['borrower.incomes[2]', /must be an object/],
    ['borrower.debts[0].monthlyPayment', /^required/],
    ['extra', /unknown field "extra"/],
  ];
  it.each(cases)('%s', (field, pattern) => {
    expect(messageFor(problems, field)).toMatch(pattern);
  });

  it('reports nothing else, and never echoes the SSN', () => {
    expect(problems.map((p) => p.field).sort()).toEqual(cases.map(([f]) => f).sort());
    expect(JSON.stringify(problems)).not.toContain('6789');
  });

  it('HOURLY without hoursPerWeek is reported; 0 hours is rejected', () => {
    const c = minimal();
    c.borrower = { incomes: [{ type: 'WAGES', amount: 20, frequency: 'HOURLY' }] };
    expect(messageFor(problemsOf(c), 'borrower.incomes[0].hoursPerWeek')).toMatch(/required when frequency is HOURLY/);
    c.borrower.incomes[0].hoursPerWeek = 0;
    expect(messageFor(problemsOf(c), 'borrower.incomes[0].hoursPerWeek')).toMatch(/more than 0/);
    c.borrower.incomes[0].hoursPerWeek = 40;
    expect(okCase(c).case.borrower.incomes[0]).toEqual({ type: 'WAGES', amount: 20, frequency: 'HOURLY', hoursPerWeek: 40 });
  });

  it('ssnLast4: a number, and the wrong length', () => {
    const c = minimal();
    c.borrower = { ssnLast4: 123 };
    expect(messageFor(problemsOf(c), 'borrower.ssnLast4')).toMatch(/leading zeros/);
    c.borrower = { ssnLast4: '12345' };
    expect(messageFor(problemsOf(c), 'borrower.ssnLast4')).toMatch(/exactly 4 digits/);
    c.borrower = { ssnLast4: 123456789 };
    expect(messageFor(problemsOf(c), 'borrower.ssnLast4')).toMatch(/full Social Security number/);
    c.borrower = { ssnLast4: '0123' };
    expect(okCase(c).case.borrower.ssnLast4).toBe('0123');
  });

  it('NaN is rejected; a rate of 0 is allowed, a rate of exactly 1 (100%) is a percent typed as a number', () => {
    const c = minimal();
    c.loan.upb = Number.NaN;
    expect(messageFor(problemsOf(c), 'loan.upb')).toMatch(/finite/);
    const d = minimal();
    d.loan.rate = 0;
    expect(okCase(d).case.loan.rate).toBe(0);
    const e = minimal();
    e.market = { modificationRate: 1 };
    expect(messageFor(problemsOf(e), 'market.modificationRate')).toBe('modificationRate 1 looks like a percent: enter 1% or 0.01');
  });

  it('unknown field without a near name lists the fields of the section', () => {
    const c = minimal();
    c.arrears = { penalties: 5 };
    expect(messageFor(problemsOf(c), 'arrears.penalties')).toMatch(/the fields here are: delinquentInterest, escrowAdvances/);
  });
});

describe('parseCase: extensions', () => {
  it('accepts disposition and rulebookOverrides', () => {
    const c = minimal();
    c.disposition = { offerPrice: 180000, marketingDays: 45, commissionRate: 0.06 };
    c.rulebookOverrides = { AFFORDABILITY: { maxValuationAgeDays: 120 } };
    const parsed = okCase(c).case;
    expect(parsed.disposition.offerPrice).toBe(180000);
    expect(parsed.disposition.sellerClosingCosts).toBeNull();
    expect(parsed.rulebookOverrides).toEqual({ AFFORDABILITY: { maxValuationAgeDays: 120 } });
  });

  it('rejects unknown rulebooks, unknown parameters and wrong types', () => {
    const c = minimal();
    c.disposition = { commissionRate: 6 };
    c.rulebookOverrides = { AFORDABILITY: { x: 1 } };
    const problems = problemsOf(c);
    expect(messageFor(problems, 'disposition.commissionRate')).toMatch(/looks like a percent/);
    expect(messageFor(problems, 'rulebookOverrides.AFORDABILITY')).toMatch(/unknown rulebook "AFORDABILITY"; did you mean "AFFORDABILITY"/);
    const d = minimal();
    d.rulebookOverrides = { AFFORDABILITY: { maxValuationAgeDay: 1, vaLoanAmountBreak: '80000', vaResidualBelowBreak: 3 } };
    const p2 = problemsOf(d);
    expect(messageFor(p2, 'rulebookOverrides.AFFORDABILITY.maxValuationAgeDay')).toMatch(/did you mean "maxValuationAgeDays"/);
    expect(messageFor(p2, 'rulebookOverrides.AFFORDABILITY.vaLoanAmountBreak')).toMatch(/must be a number/);
    expect(messageFor(p2, 'rulebookOverrides.AFFORDABILITY.vaResidualBelowBreak')).toMatch(/table/);
  });
});

describe('parseCase: warnings', () => {
  it('warns when the valuation is more than 90 days old (Fannie Mae F-1-27), not at 90', () => {
    const c = minimal();
    // 2025-07-17 -> 2025-10-15 is 90 days: current. 2025-07-16 is 91 days: stale.
    c.property = { value: 250000, valuationDate: '2025-07-17' };
    expect(okCase(c).warnings).toEqual([]);
    c.property.valuationDate = '2025-07-16';
    const w = okCase(c).warnings;
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^property\.valuationDate: .*91 days old.*F-1-27/);
  });

  it('warns on an evaluation before origination and a valuation after the evaluation', () => {
    const c = minimal();
    c.loan.originationDate = '2026-01-01';
    c.property = { value: 250000, valuationDate: '2025-11-01' };
    const w = okCase(c).warnings;
    expect(w.some((x) => x.startsWith('loan.originationDate:'))).toBe(true);
    expect(w.some((x) => x.startsWith('property.valuationDate:') && /after the evaluation date/.test(x))).toBe(true);
  });

  it('warns when monthsDelinquent disagrees with the next due date (whole months since the first unpaid due date)', () => {
    const c = minimal();
    // Evaluation 2025-10-15 (minimal()); 2025-06-01 unpaid: June 1 -> October 1 is 4 full months.
    c.loan.nextDueDate = '2025-06-01';
    c.loan.monthsDelinquent = 4;
    expect(okCase(c).warnings).toEqual([]);
    c.loan.monthsDelinquent = 2;
    const w = okCase(c).warnings;
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^loan\.monthsDelinquent: 2 months, but the next due date 2025-06-01 makes the loan 4 full months delinquent/);
  });

  it('warns that hoursPerWeek is ignored for a non-hourly line', () => {
    const c = minimal();
    c.borrower = { incomes: [{ type: 'WAGES', amount: 2000, frequency: 'MONTHLY', hoursPerWeek: 40 }] };
    expect(okCase(c).warnings[0]).toMatch(/ignored/);
  });
});

describe('parseCase: robustness', () => {
  it('property: never throws on any JSON value; always ok or a non-empty problem list with field and message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ caseId: fc.jsonValue(), loan: fc.jsonValue(), borrower: fc.jsonValue() })), (value) => {
        const result = parseCase(value);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) {
            expect(typeof p.field).toBe('string');
            expect(p.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: a misspelled field anywhere in a valid case is reported by its path', () => {
    const paths: [string[], string][] = [
      [[], 'caseID'],
      [['loan'], 'upbb'],
      [['arrears'], 'legalFee'],
      [['borrower', 'housingExpenses'], 'taxs'],
      [['market'], 'pmm'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.integer(), ([at, key], value) => {
        const c = minimal();
        let target: Record<string, any> = c;
        for (const k of at) target = target[k] ??= {};
        target[key] = value;
        const problems = problemsOf(c);
        expect(problems).toHaveLength(1);
        expect(problems[0].field).toBe([...at, key].join('.'));
        expect(problems[0].message).toMatch(/^unknown field .*did you mean/);
      }),
    );
  });

  it('validateRulebookOverrides is usable on its own', () => {
    const problems: InputProblem[] = [];
    expect(validateRulebookOverrides({ AFFORDABILITY: { maxValuationAgeDays: 60 } }, 'overrides', problems)).toEqual({ AFFORDABILITY: { maxValuationAgeDays: 60 } });
    expect(validateRulebookOverrides([], 'overrides', problems)).toBeUndefined();
    expect(problems[0].field).toBe('overrides');
  });
});
