/**
 * The GSE program definitions on LoanCase objects built directly (caseFactory): eligibility
 * checks by name, reasons, figures from hand computations in the comments.
 */
import { evaluateParsedCase } from '../../../../src/engine/evaluate';
import { CaseInputError } from '../../../../src/engine/errors';
import type { DeferralResult, ForbearancePlanResult, ModificationResult, RepaymentPlanResult } from '../../../../src/engine/results';
import { makeFlexExampleCase as makeCase } from '../../../support/caseFactory';

const flex = (c: ReturnType<typeof makeCase>) => evaluateParsedCase(c, { programs: ['GSE-FLEX'] }).options['GSE-FLEX'] as ModificationResult;
const statusOf = (r: { checks: { test: string; status: string }[] }, prefix: string) => r.checks.find((c) => c.test.startsWith(prefix))?.status;

describe('GSE-FLEX program', () => {
  it('reproduces the worked example from a LoanCase and lists every check', () => {
    const r = flex(makeCase());
    expect(r).toMatchObject({ eligible: true, principalAndInterest: 1530.41, interestBearingUpb: 328584.9, forbearance: 27545.81 });
    expect(r.checks.map((c) => [c.test, c.status])).toEqual([
      ['conventional first lien', 'pass'],
      ['at least 60 days delinquent or in imminent default', 'pass'],
      ['originated at least 12 months before evaluation', 'not checked'],
      ['fewer than 3 prior modifications', 'pass'],
      ['no failed Flex trial in the last 12 months', 'pass'],
      ['property valuation at most 90 days old', 'not checked'],
      ['rate compared with the posted modification rate', 'pass'],
      ['modified P&I below the current P&I', 'pass'],
    ]);
  });

  it('names every failed test in the reason', () => {
    const r = flex(
      makeCase({
        loan: { originationDate: '2025-01-20', priorModifications: 3, failedTrialInLast12Months: true, monthsDelinquent: 1 } as never,
        property: { valuationDate: '2025-06-01' } as never,
      }),
    );
    expect(r.eligible).toBe(false);
    // Origination 2025-01-20 to 2025-10-15: 8 whole months; valuation 2025-06-01: 136 days.
    expect(r.reason).toBe(
      'less than 60 days delinquent; originated less than 12 months ago; 3 or more prior modifications; failed Flex trial in the last 12 months; valuation older than 90 days',
    );
    expect(r.reasonDetail).toMatch(/imminent default is a servicer determination/);
    expect(r.reasonDetail).toMatch(/8 months before/);
    expect(r.reasonDetail).toMatch(/136 days before/);
    // Figures are still computed.
    expect(r.principalAndInterest).toBe(1530.41);
  });

  it('passes origination and valuation when the dates are recent enough', () => {
    // 2024-10-15 to 2025-10-15 = 12 months; 2025-07-17 to 2025-10-15 = 90 days.
    const r = flex(makeCase({ loan: { originationDate: '2024-10-15' } as never, property: { valuationDate: '2025-07-17' } as never }));
    expect(statusOf(r, 'originated')).toBe('pass');
    expect(statusOf(r, 'property valuation')).toBe('pass');
    expect(r.eligible).toBe(true);
  });

  it('is not a conventional first lien for an FHA loan or a second lien', () => {
    expect(flex(makeCase({ investor: 'FHA' })).reason).toBe('not a conventional first lien');
    expect(flex(makeCase({ loan: { lienPosition: 2 } as never })).reason).toBe('not a conventional first lien');
  });

  it('reports a bad figure as a case error naming the field', () => {
    expect(() => flex(makeCase({ loan: { contractualPI: 0 } as never }))).toThrow(CaseInputError);
    expect(() => flex(makeCase({ loan: { contractualPI: 0 } as never }))).toThrow(/loan\.contractualPI/);
  });

  it('applies a rulebook override and names it in the result', () => {
    // 'rounded' boundary: 328585.97 (see flex.test.ts); forbearance 356130.71 - 328585.97 = 27544.74.
    const r = evaluateParsedCase(makeCase(), { programs: ['GSE-FLEX'], rulebookOverrides: { 'GSE-FLEX': { forbearancePaymentBoundary: 'rounded' } } }).options['GSE-FLEX'] as ModificationResult;
    expect(r).toMatchObject({ interestBearingUpb: 328585.97, forbearance: 27544.74, rulebook: { id: 'GSE-FLEX', version: '2024-12-01+overrides' } });
  });

  it('computes the post-modification DTI from the case income', () => {
    // 6000 a month; housing other than P&I = escrow 350: (1530.41 + 350) / 6000 = 0.313402.
    const r = flex(makeCase({ borrower: { incomes: [{ type: 'WAGES', amount: 6000, frequency: 'MONTHLY' }] } as never }));
    expect(r.postModificationDti).toBe(0.313402);
  });
});

describe('GSE-PAYMENT-DEFERRAL program', () => {
  const run = (c: ReturnType<typeof makeCase>) => evaluateParsedCase(c, { programs: ['GSE-PAYMENT-DEFERRAL'] }).options['GSE-PAYMENT-DEFERRAL'] as DeferralResult;

  it('defers past-due P&I plus escrow and servicing advances and legal fees', () => {
    // 4 x 1913.14 = 7652.56 + 1400 + 250 + 300 = 9602.56.
    const r = run(makeCase({ arrears: { escrowAdvances: 1400, servicingAdvances: 250, legalFees: 300 } as never, borrower: { hardshipResolved: true } as never }));
    expect(r).toMatchObject({ eligible: true, deferredMonths: 4, deferredAmount: 9602.56, rulebook: { id: 'GSE-PAYMENT-DEFERRAL', version: '2024-12-01' } });
    expect(statusOf(r, 'can resume')).toBe('not checked');
  });

  it('is not eligible with an unresolved hardship, too many months, or near maturity', () => {
    const r = run(makeCase({ loan: { monthsDelinquent: 7, remainingTermMonths: 30 } as never }));
    expect(r.eligible).toBe(false);
    expect(r.reason).toBe('at most 6 months past due; within 36 months of maturity; hardship not resolved');
    expect(r.deferredAmount).toBeNull();
  });

  it('checks the last modification date only when there was one', () => {
    expect(statusOf(run(makeCase({ loan: { priorModifications: 1 } as never })), 'no modification')).toBe('not checked');
    expect(statusOf(run(makeCase({ loan: { priorModifications: 1, monthsSinceLastModification: 11 } as never })), 'no modification')).toBe('fail');
    expect(statusOf(run(makeCase({ loan: { priorModifications: 1, monthsSinceLastModification: 12 } as never })), 'no modification')).toBe('pass');
  });
});

describe('REPAYMENT-PLAN program', () => {
  const run = (c: ReturnType<typeof makeCase>) => evaluateParsedCase(c, { programs: ['REPAYMENT-PLAN'] }).options['REPAYMENT-PLAN'] as RepaymentPlanResult;

  it('offers the shortest plan under 150% of P&I + escrow', () => {
    // Contractual 1913.14 + 350 = 2263.14; 2 months = 4526.28; room floor(1131.57) -> 4 months of 3394.71.
    const r = run(makeCase({ loan: { monthsDelinquent: 2 } as never }));
    expect(r).toMatchObject({ eligible: true, months: 4, monthlyPayment: 3394.71, rulebook: { id: 'GSE-REPAYMENT-PLAN', version: '2024-12-01' } });
    expect(statusOf(r, 'surplus income')).toBe('not checked');
  });

  it('needs a complete application beyond 90 days delinquent', () => {
    const r = run(makeCase({ loan: { monthsDelinquent: 4 } as never }));
    expect(r.eligible).toBe(false);
    expect(r.reason).toBe('complete application required');
  });

  it('allows up to 12 months with a complete application, and no more', () => {
    // 4 x 2263.14 = 9052.56 / 1131.57 = 8 months.
    const ok = run(makeCase({ loan: { monthsDelinquent: 4 } as never, options: { applicationCompleteDate: '2025-10-01' } as never }));
    expect(ok).toMatchObject({ eligible: true, months: 8, monthlyPayment: 3394.71 });
    // 7 months: 15841.98 / 1131.57 = 14 months > 12.
    const long = run(makeCase({ loan: { monthsDelinquent: 7 } as never, options: { applicationCompleteDate: '2025-10-01' } as never }));
    expect(long.eligible).toBe(false);
    expect(long.reason).toBe('needs more than 12 months');
    expect(long.months).toBeNull();
  });

  it('is not eligible when current', () => {
    expect(run(makeCase({ loan: { monthsDelinquent: 0 } as never })).reason).toBe('no arrears to repay');
  });

  it('needs the hardship resolved (D2-3.2-02); not checked when the case names no hardship', () => {
    const continuing = run(makeCase({ loan: { monthsDelinquent: 2 } as never, borrower: { hardship: 'REDUCTION_IN_INCOME', hardshipResolved: false } as never }));
    expect(continuing.eligible).toBe(false);
    expect(continuing.reason).toBe('hardship not resolved');
    const resolved = run(makeCase({ loan: { monthsDelinquent: 2 } as never, borrower: { hardship: 'REDUCTION_IN_INCOME', hardshipResolved: true } as never }));
    expect(resolved.eligible).toBe(true);
    expect(statusOf(resolved, 'hardship resolved')).toBe('pass');
    expect(statusOf(run(makeCase({ loan: { monthsDelinquent: 2 } as never })), 'hardship resolved')).toBe('not checked');
  });
});

describe('FORBEARANCE program', () => {
  const run = (c: ReturnType<typeof makeCase>) => evaluateParsedCase(c, { programs: ['FORBEARANCE'] }).options['FORBEARANCE'] as ForbearancePlanResult;

  it('suspends payments for one 3-month increment and reports the arrears at the end', () => {
    // (4 + 3) x 2263.14 = 15841.98.
    const r = run(makeCase({ borrower: { hardship: 'UNEMPLOYMENT' } as never }));
    expect(r).toMatchObject({ eligible: true, months: 3, monthlyPayment: 0, arrearsAtEnd: 15841.98, rulebook: { id: 'GSE-FORBEARANCE', version: '2024-12-01' } });
    expect(statusOf(r, 'at most 12 months')).toBe('not checked');
  });

  it('is not offered for a resolved hardship; not checked without one', () => {
    expect(run(makeCase({ borrower: { hardship: 'UNEMPLOYMENT', hardshipResolved: true } as never })).reason).toBe('hardship resolved');
    expect(statusOf(run(makeCase()), 'hardship')).toBe('not checked');
  });
});

describe('the GSE waterfall', () => {
  it('evaluates all four GSE programs for a Freddie Mac case', () => {
    const evaluation = evaluateParsedCase(makeCase());
    for (const id of ['FORBEARANCE', 'REPAYMENT-PLAN', 'GSE-PAYMENT-DEFERRAL', 'GSE-FLEX']) expect(evaluation.options[id]).toBeDefined();
  });
});
