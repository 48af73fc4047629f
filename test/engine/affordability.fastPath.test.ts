/**
 * The integer-cents fast paths of income.ts, affordability.ts and loanTape.ts must give exactly
 * what the decimal code gives (each reference below is the decimal code the fast path stands
 * in for): random cent amounts, sub-cent amounts, zeros, amounts past the exact range, ratios
 * on and a hair off a half step, payment increases (negative reductions, -0).
 */
import fc from 'fast-check';
import { RATIO_DECIMALS, computeAffordability, debtToIncome, housingExpense, loanToValue } from '../../src/engine/affordability';
import type { IncomeLine, LoanCase } from '../../src/engine/case/types';
import { exactCents, ratioOfCents as ratioOfCentsAt } from '../../src/engine/cents';

const ratioOfCents = (numerator: number, denominator: number) => ratioOfCentsAt(numerator, denominator, RATIO_DECIMALS);
import { grossMonthlyIncome, grossMonthlyIncomeFigures, monthlyIncome } from '../../src/engine/income';
import { summarizeEvaluation } from '../../src/engine/loanTape';
import { Decimal, ZERO, centsNumber, dec, ratioNumber, sumDecimals } from '../../src/engine/money';
import type { Evaluation, OptionResult } from '../../src/engine/results';
import { makeCase } from '../support/caseFactory';

const same = (a: unknown, b: unknown): boolean => Object.is(a, b);

/** Amounts of every kind the fast paths must accept or hand back: cents, sub-cents, zero, huge. */
const amount = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999_999 }).map((cents) => cents / 100),
  fc.integer({ min: 0, max: 500_000 }).map((cents) => cents / 100),
  fc.double({ min: 0, max: 2e9, noNaN: true }),
  fc.integer({ min: 0, max: 10_000_000 }).map((mills) => mills / 1000),
  fc.constantFrom(0, 0.01, 0.1 + 0.2, 1.005, 999_999_999.99, 1e9, 1e9 + 0.01, 12_345_678_901.23, 1e-7),
);

describe('exactCents', () => {
  it('is the decimal value of the number in cents, when it has at most two decimals', () => {
    fc.assert(
      fc.property(fc.oneof(amount, fc.double({ noNaN: false }), fc.constant(-0)), (x) => {
        const cents = exactCents(x);
        if (cents === null) return;
        expect(Number.isSafeInteger(cents)).toBe(true);
        expect(new Decimal(x).equals(new Decimal(cents).dividedBy(100))).toBe(true);
      }),
      { numRuns: 8000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        expect(exactCents(cents / 100)).toBe(cents);
      }),
    );
    expect(exactCents(-0)).toBeNull();
    expect(exactCents(-0.01)).toBeNull();
    expect(exactCents(0.1 + 0.2)).toBeNull(); // 0.30000000000000004
    expect(exactCents(1e9)).toBeNull();
  });
});

describe('ratioOfCents equals ratioNumber of the decimal quotient', () => {
  const reference = (numerator: number, denominator: number): number =>
    ratioNumber(new Decimal(numerator).dividedBy(denominator), RATIO_DECIMALS);

  it('on random cent figures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400_000_000_000 }), fc.integer({ min: 1, max: 99_999_999_999 }), (n, d) => {
        const fast = ratioOfCents(n, d);
        if (fast !== null) expect(same(fast, reference(n, d))).toBe(true);
      }),
      { numRuns: 8000 },
    );
  });

  it('on and next to the half steps (half-up), and with small denominators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: -2, max: 2 }), (d, q, offset) => {
        // numerator nearest (q + 1/2) x 10^-4 x d, then a cent either side
        const n = Math.max(0, Math.round(((2 * q + 1) * d) / 20_000) + offset);
        const fast = ratioOfCents(n, d);
        expect(fast).not.toBeNull();
        expect(same(fast, reference(n, d))).toBe(true);
      }),
      { numRuns: 8000 },
    );
    expect(ratioOfCents(1, 20_000)).toBe(0.0001); // exactly half a step: up
    expect(ratioOfCents(0, 5)).toBe(0);
    expect(ratioOfCents(1e12, 3)).toBeNull(); // past 2^53 once scaled
  });
});

/** The decimal grossMonthlyIncome (before the fast path). */
function grossMonthlyIncomeReference(lines: readonly IncomeLine[], excludeTypes: readonly string[]) {
  const excluded = new Set(excludeTypes);
  let exactTotal = ZERO;
  const results = lines.map((line) => {
    const exact = monthlyIncome(line.amount, line.frequency, line.hoursPerWeek);
    const counted = !excluded.has(line.type);
    if (counted) exactTotal = exactTotal.plus(exact);
    return {
      type: line.type,
      frequency: line.frequency,
      amount: line.amount,
      ...(line.hoursPerWeek !== undefined ? { hoursPerWeek: line.hoursPerWeek } : {}),
      monthlyAmount: centsNumber(exact),
      counted,
    };
  });
  return { exactTotal, total: lines.length === 0 ? null : centsNumber(exactTotal), lines: results };
}

const incomeLine: fc.Arbitrary<IncomeLine> = fc
  .record({
    type: fc.constantFrom('WAGES', 'UNEMPLOYMENT', 'OTHER'),
    amount,
    frequency: fc.constantFrom('MONTHLY', 'MONTHLY', 'SEMIMONTHLY', 'WEEKLY', 'ANNUAL'),
    hoursPerWeek: fc.option(fc.constantFrom(40, 37.5), { nil: undefined }),
  })
  .map((line) => {
    const out: Record<string, unknown> = { type: line.type, amount: line.amount, frequency: line.frequency };
    if (line.hoursPerWeek !== undefined) out.hoursPerWeek = line.hoursPerWeek;
    return out as unknown as IncomeLine;
  });

describe('grossMonthlyIncome in cents equals the decimal sum', () => {
  it('on random income lines', () => {
    fc.assert(
      fc.property(fc.array(incomeLine, { maxLength: 4 }), fc.subarray(['UNEMPLOYMENT', 'OTHER']), (lines, excluded) => {
        const fast = grossMonthlyIncome(lines, { excludeTypes: excluded });
        const reference = grossMonthlyIncomeReference(lines, excluded);
        expect(same(fast.total, reference.total)).toBe(true);
        expect(fast.exactTotal.equals(reference.exactTotal)).toBe(true);
        expect(fast.exactTotal.toString()).toBe(reference.exactTotal.toString());
        expect(fast.lines).toEqual(reference.lines);
        fast.lines.forEach((line, i) => expect(same(line.monthlyAmount, reference.lines[i].monthlyAmount)).toBe(true));
        expect(Object.keys(fast.lines[0] ?? {})).toEqual(Object.keys(reference.lines[0] ?? {}));
        const figures = grossMonthlyIncomeFigures(lines, { excludeTypes: excluded });
        expect(same(figures.total, reference.total)).toBe(true);
        expect(figures.lines).toEqual(reference.lines);
      }),
      { numRuns: 5000 },
    );
  });
});

/** The figures of computeAffordability, computed as before the fast path (decimal throughout). */
function affordabilityReference(c: LoanCase) {
  const { loan, property, borrower } = c;
  const income = grossMonthlyIncomeReference(borrower.incomes, []);
  const h = borrower.housingExpenses;
  const itemized = [h.taxes, h.insurance, h.floodInsurance, h.mortgageInsurance, h.association, h.groundRent, h.subordinateLienPayment];
  const housing =
    itemized.every((x) => x === 0) && loan.monthlyEscrow > 0
      ? housingExpense({ principalAndInterest: loan.contractualPI, taxes: loan.monthlyEscrow })
      : housingExpense({ principalAndInterest: loan.contractualPI, ...h });
  const housingCents = centsNumber(housing);
  const debtsCents = centsNumber(sumDecimals(borrower.debts.map((d) => dec(d.monthlyPayment))));
  const gross = income.total;
  const hasIncome = gross !== null && gross > 0;
  const value = property.value;
  let surplusIncome: number | null = null;
  if (gross !== null) {
    let surplus = dec(gross).minus(housingCents).minus(debtsCents);
    if (borrower.livingExpenses !== null) surplus = surplus.minus(borrower.livingExpenses);
    surplusIncome = centsNumber(surplus);
  }
  return {
    grossMonthlyIncome: gross,
    housingExpense: housingCents,
    otherDebtPayments: debtsCents,
    frontEndDti: hasIncome ? ratioNumber(debtToIncome(gross, housingCents), RATIO_DECIMALS) : null,
    backEndDti: hasIncome ? ratioNumber(debtToIncome(gross, housingCents, debtsCents), RATIO_DECIMALS) : null,
    ltv: value ? ratioNumber(loanToValue(loan.upb, value), RATIO_DECIMALS) : null,
    cltv: value ? ratioNumber(loanToValue(loan.upb, value, property.subordinateLiens), RATIO_DECIMALS) : null,
    mtmltv: value ? ratioNumber(loanToValue(loan.upb, value, loan.deferredBalance), RATIO_DECIMALS) : null,
    surplusIncome,
  };
}

describe('computeAffordability in cents equals the decimal figures', () => {
  const positive = amount.filter((x) => x > 0);
  const optionalAmount = fc.oneof(amount, fc.constant(0));
  it('on random cases (itemized, escrow and P&I-only housing; with and without income, value, living expenses)', () => {
    fc.assert(
      fc.property(
        fc.record({
          upb: positive,
          contractualPI: positive,
          monthlyEscrow: optionalAmount,
          deferredBalance: optionalAmount,
          value: fc.option(positive, { nil: null }),
          subordinateLiens: optionalAmount,
          taxes: optionalAmount,
          insurance: optionalAmount,
          association: optionalAmount,
          incomes: fc.array(incomeLine, { maxLength: 3 }),
          debts: fc.array(amount, { maxLength: 3 }),
          livingExpenses: fc.option(amount, { nil: null }),
        }),
        (r) => {
          const c = makeCase({
            loan: { upb: r.upb, contractualPI: r.contractualPI, monthlyEscrow: r.monthlyEscrow, deferredBalance: r.deferredBalance },
            property: { value: r.value, subordinateLiens: r.subordinateLiens },
            borrower: {
              incomes: r.incomes,
              debts: r.debts.map((monthlyPayment) => ({ type: 'AUTO', monthlyPayment })),
              housingExpenses: { taxes: r.taxes, insurance: r.insurance, association: r.association },
              livingExpenses: r.livingExpenses,
            },
          });
          const fast = computeAffordability(c);
          const reference = affordabilityReference(c);
          for (const [name, value] of Object.entries(reference)) {
            if (!same((fast as unknown as Record<string, unknown>)[name], value)) throw new Error(`${name}: ${String((fast as unknown as Record<string, unknown>)[name])} != ${String(value)}`);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('a surplus of exactly 0 is +0, a negative surplus is negative, as in decimals', () => {
    const c = makeCase({
      loan: { contractualPI: 1000, monthlyEscrow: 0 },
      borrower: { incomes: [{ type: 'WAGES', amount: 1500, frequency: 'MONTHLY' }], debts: [{ type: 'AUTO', monthlyPayment: 500 }], housingExpenses: {}, livingExpenses: null },
    });
    expect(Object.is(computeAffordability(c).surplusIncome, 0)).toBe(true);
    expect(Object.is(affordabilityReference(c).surplusIncome, 0)).toBe(true);
  });
});

describe('the loan tape summary in cents equals the decimal summary', () => {
  const base = { rulebook: { id: 'X', version: '1' }, checks: [], steps: [] };
  const evaluation = (option: OptionResult, backEndDti: number | null): Evaluation =>
    ({
      caseId: 'C-1',
      waterfall: ['P'],
      options: { P: option },
      evaluationDate: '2025-10-15',
      affordability: { backEndDti },
      recommendation: { program: 'P' },
    }) as unknown as Evaluation;
  // The decimal formulas of paymentUnder / reductionUnder.
  const referencePayment = (pi: number, escrow: number): number => new Decimal(pi).plus(escrow).toNumber();
  const referenceReduction = (pi: number, escrow: number, payment: number): number | null => {
    const current = new Decimal(pi).plus(escrow);
    if (current.isZero()) return null;
    return ratioNumber(current.minus(payment).dividedBy(current), 4);
  };

  it('a deferral: payment P&I + escrow, reduction from the figures (also payment increases)', () => {
    fc.assert(
      fc.property(amount, amount, (pi, escrow) => {
        const deferral = { ...base, program: 'P', kind: 'deferral', eligible: true } as unknown as OptionResult;
        const row = summarizeEvaluation(2, evaluation(deferral, null), { loan: { contractualPI: pi, monthlyEscrow: escrow } });
        expect(same(row.newPayment, referencePayment(pi, escrow))).toBe(true);
        expect(same(row.reduction, referenceReduction(pi, escrow, referencePayment(pi, escrow)))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('an option with its own payment and no reduction percent: the reduction of P&I + escrow, of either sign', () => {
    fc.assert(
      fc.property(amount, amount, amount, (pi, escrow, payment) => {
        const option = { ...base, program: 'P', kind: 'repaymentPlan', eligible: true, monthlyPayment: payment } as unknown as OptionResult;
        const row = summarizeEvaluation(2, evaluation(option, null), { loan: { contractualPI: pi, monthlyEscrow: escrow } });
        expect(same(row.newPayment, payment)).toBe(true);
        expect(same(row.reduction, referenceReduction(pi, escrow, payment))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    // 1000.00 -> 1000.04: -0.00004 rounds to -0, as decimal.js gives it.
    const option = { ...base, program: 'P', kind: 'repaymentPlan', eligible: true, monthlyPayment: 1000.04 } as unknown as OptionResult;
    const row = summarizeEvaluation(2, evaluation(option, null), { loan: { contractualPI: 1000 } });
    expect(Object.is(row.reduction, -0)).toBe(true);
  });

  it('a reduction percent becomes a fraction as decimal.js divides it by 100', () => {
    const percent = fc.oneof(
      fc.integer({ min: -100_000, max: 100_000 }).map((k) => k / 100),
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      fc.constantFrom(0, -0, 20.01, 1e-7, 33.333333333333336),
    );
    fc.assert(
      fc.property(percent, (p) => {
        const option = { ...base, program: 'P', kind: 'modification', eligible: true, monthlyPayment: 1, reductionPercent: p } as unknown as OptionResult;
        const row = summarizeEvaluation(2, evaluation(option, null), { loan: { contractualPI: 2 } });
        expect(same(row.reduction, new Decimal(p).dividedBy(100).toNumber())).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('the back-end DTI threshold compares as the decimal does, next to 0.55 included', () => {
    const below = 0.55 - 2 ** -53;
    const above = 0.55 + 2 ** -53;
    const dti = fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.constantFrom(0.55, below, above, 0.5499, 0.5501, 0.5500000000000002));
    fc.assert(
      fc.property(dti, (backEnd) => {
        const option = { ...base, program: 'P', kind: 'modification', eligible: true } as unknown as OptionResult;
        const row = summarizeEvaluation(2, evaluation(option, backEnd), {});
        const flagged = row.atRiskReasons.some((reason) => reason.startsWith('back-end DTI'));
        expect(flagged).toBe(new Decimal(backEnd).greaterThanOrEqualTo(0.55));
      }),
      { numRuns: 5000 },
    );
  });
});
