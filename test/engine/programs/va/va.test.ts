/**
 * VA programs, hand-computed (Python decimal, 40 digits; P&I rounded half-up to the cent).
 *
 * VA base case: UPB 200,000, note rate 7.00%, contractual P&I 1,450.00, escrow 400, other
 * housing 400, PMMS 6.31%, arrears 6,750 + 1,800 + 500 = 9,050 (late fees 300 excluded),
 * income 6,000/month, family of 3 in the SOUTH: required residual income 889 (loan >= 80,000).
 * Maximum rate (38 CFR 36.4315(a)(8)(i)): PMMS rounded to nearest 1/8 = 6.25% + 0.50% = 6.75%,
 * and <= note + 1% = 8.00% -> 6.75%; the rate used is min(7.00%, 6.75%) = 6.75%.
 */
import fc from 'fast-check';
import { VA_40_YEAR_MODIFICATION, VA_MODIFICATION, VA_PARTIAL_CLAIM, vaMaximumRate } from '../../../../src/engine/programs/government/va';
import { findRulebook, parameterValues } from '../../../../src/engine/rulebooks';
import { VA_RULEBOOK, type VaParameters } from '../../../../src/engine/rulebooks/government';
import type { ModificationResult, PartialClaimResult } from '../../../../src/engine/results';
import { makeContext, makeFhaTestCase } from '../../../support/caseFactory';

const base = makeFhaTestCase();
const vaCase = (loan = {}, borrower = {}) =>
  makeFhaTestCase({ investor: 'VA', loan: { ...base.loan, rate: 0.07, contractualPI: 1450, ...loan }, borrower: { ...base.borrower, ...borrower } });

describe('VA-MODIFICATION (30 years)', () => {
  test('capitalizes arrears at the lower of the note rate and the VA maximum', () => {
    const r = VA_MODIFICATION.evaluate(makeContext(vaCase(), { grossMonthlyIncome: 6000 })) as ModificationResult;
    expect(r.rate).toBe(0.0675);
    expect(r.maximumRate).toBe(0.0675);
    expect(r.postCapitalizationUpb).toBe(209050); // 200,000 + 9,050
    expect(r.interestBearingUpb).toBe(209050);
    expect(r.termMonths).toBe(360);
    expect(r.principalAndInterest).toBe(1355.89); // P&I(209,050, 6.75%, 360)
    expect(r.postModificationDti).toBe(0.292648); // (1,355.89 + 400) / 6,000
    expect(r.reductionPercent).toBe(6.49); // (1,450 - 1,355.89) / 1,450 = 6.490%
    expect(r.eligible).toBe(true);
    expect(r.forbearance).toBe(0);
  });

  test('31% PITIA is a target, not a gate: above it, the step closest to the target is offered when residual income passes', () => {
    // income 5,400: 30-year (1,355.89 + 400) / 5,400 = 32.52% > 31%; the 40-year (1,261.32 + 400) / 5,400 = 30.77% comes closer
    const thirty = VA_MODIFICATION.evaluate(makeContext(vaCase(), { grossMonthlyIncome: 5400 })) as ModificationResult;
    expect(thirty.eligible).toBe(false);
    expect(thirty.reason).toBe('the 40-year modification comes closer to the target');
    expect(thirty.targetHousingRatioReached).toBe(false);
    // residual income (gross used) 5,400 - 1,755.89 = 3,644.11 >= 889 required (SOUTH, family of 3, loan >= 80,000); DTI 33%
    expect(thirty.checks.find((c) => c.id === 'va-residual-income')?.status).toBe('pass');
    expect(thirty.vaUnderwriting).toEqual({ residualIncome: 3644.11, required: 889, debtToIncomePercent: 33, incomeBasis: 'GROSS', passes: true });
    // income 5,000: the 40-year leaves (1,261.32 + 400) / 5,000 = 33.23% > 31% and is still offered (residual income passes)
    const forty = VA_40_YEAR_MODIFICATION.evaluate(makeContext(vaCase(), { grossMonthlyIncome: 5000 })) as ModificationResult;
    expect(forty.eligible).toBe(true);
    expect(forty.targetHousingRatioReached).toBe(false);
    expect(forty.postModificationDti).toBe(0.332264);
  });

  test('residual income below the required figure fails (38 CFR 36.4340)', () => {
    // income 2,500: residual 2,500 - 1,755.89 = 744.11 < 889; DTI 70%
    const r = VA_MODIFICATION.evaluate(makeContext(vaCase(), { grossMonthlyIncome: 2500 })) as ModificationResult;
    expect(r.eligible).toBe(false);
    expect(r.checks.find((c) => c.test.startsWith('VA residual income'))?.status).toBe('fail');
  });

  describe('debt-to-income 41% edge (rounded to the whole percent, 36.4340(d)) and the 120% residual margin', () => {
    // gross 6,000; housing 1,355.89 + 400 = 1,755.89; required 889, 120% = 1,066.80
    const evaluateWith = (debts: number, net: number) =>
      VA_MODIFICATION.evaluate(makeContext(vaCase({}, { netMonthlyIncome: net }), { grossMonthlyIncome: 6000, otherDebtPayments: debts })) as ModificationResult;
    test('41.4% rounds to 41%: residual 900 (>= 889) passes', () => {
      const r = evaluateWith(728.11, 3384); // (1,755.89 + 728.11) / 6,000 = 41.40%; residual 3,384 - 2,484 = 900
      expect(r.vaUnderwriting).toMatchObject({ debtToIncomePercent: 41, residualIncome: 900, incomeBasis: 'NET', passes: true });
    });
    test('41.5% rounds to 42%: residual 900 is below 120% of required (1,066.80) and fails', () => {
      const r = evaluateWith(734.11, 3390); // 2,490 / 6,000 = 41.50% -> 42%; residual 900
      expect(r.vaUnderwriting).toMatchObject({ debtToIncomePercent: 42, residualIncome: 900, passes: false });
      expect(r.eligible).toBe(false);
    });
    test('at 42%, residual exactly 1,066.80 passes and 1,066.79 fails', () => {
      expect(evaluateWith(734.11, 3556.8).vaUnderwriting).toMatchObject({ residualIncome: 1066.8, passes: true });
      expect(evaluateWith(734.11, 3556.79).vaUnderwriting).toMatchObject({ residualIncome: 1066.79, passes: false });
    });
    test('maintenance and utilities are deducted when the case gives them', () => {
      const r = VA_MODIFICATION.evaluate(
        makeContext(vaCase({}, { netMonthlyIncome: 3384, maintenanceAndUtilities: 12 }), { grossMonthlyIncome: 6000, otherDebtPayments: 728.11 }),
      ) as ModificationResult;
      expect(r.vaUnderwriting).toMatchObject({ residualIncome: 888, passes: false }); // 900 - 12 < 889
    });
  });

  test('without income the residual-income test is not checked (never passed silently)', () => {
    const r = VA_MODIFICATION.evaluate(makeContext(vaCase(), { grossMonthlyIncome: null })) as ModificationResult;
    expect(r.checks.find((c) => c.test.startsWith('VA residual income'))?.status).toBe('not checked');
    expect(r.postModificationDti).toBeNull();
  });

  test("M26-4 5.08 rounding 'up' as an override: 6.31% -> 6.375% + 0.50% = 6.875%, capped by note + 1%", () => {
    const context = makeContext(vaCase({ rate: 0.07 }), { grossMonthlyIncome: 6000, rulebookOverrides: { 'VA-LOSS-MIT': { rateRounding: 'up' } } });
    const params = context.rulebook(VA_RULEBOOK).params;
    expect(vaMaximumRate(context.loanCase, params)?.toNumber()).toBe(0.06875);
    const capped = vaMaximumRate(vaCase({ rate: 0.055 }), params);
    expect(capped?.toNumber()).toBe(0.065); // 5.50% + 1.00%
  });
});

describe('VA-PARTIAL-CLAIM', () => {
  test('arrears within 25% of the UPB, contractual payment affordable', () => {
    const r = VA_PARTIAL_CLAIM.evaluate(makeContext(vaCase(), { grossMonthlyIncome: 6000 })) as PartialClaimResult;
    // cap 25% * 200,000 = 50,000; (1,450 + 400) / 6,000 = 30.83% <= 31%
    expect(r.partialClaimCap).toBe(50000);
    expect(r.partialClaim).toBe(7900); // amount to reinstate: 4 x (1,450 + 400) + legal fees 500
    expect(r.eligible).toBe(true);
  });

  test('30% cap for a payment missed between 2020-03-01 and 2025-05-01 (case override)', () => {
    const c = vaCase();
    c.rulebookOverrides = { 'VA-LOSS-MIT': { missedPaymentInCovidWindow: true } };
    const r = VA_PARTIAL_CLAIM.evaluate(makeContext(c, { grossMonthlyIncome: 6000 })) as PartialClaimResult;
    expect(r.partialClaimCap).toBe(60000);
  });

  test('one partial claim per loan, except after a disaster', () => {
    const prior = VA_PARTIAL_CLAIM.evaluate(makeContext(vaCase({ partialClaimBalance: 5000 }), { grossMonthlyIncome: 6000 })) as PartialClaimResult;
    expect(prior.eligible).toBe(false);
    expect(prior.checks.find((c) => c.test === 'one partial claim per loan')?.status).toBe('fail');
    const disaster = VA_PARTIAL_CLAIM.evaluate(makeContext(vaCase({ partialClaimBalance: 5000 }, { hardship: 'DISASTER' }), { grossMonthlyIncome: 6000 })) as PartialClaimResult;
    expect(disaster.eligible).toBe(true);
  });
});

describe('VA-40-YEAR-MODIFICATION', () => {
  test('offered when the 30-year modification leaves PITIA above the 31% target and the partial claim is not available', () => {
    // income 5,400: 30-year (1,355.89 + 400) / 5,400 = 32.52% > 31%; the partial claim is refused (a prior claim);
    // 40-year P&I(209,050, 6.75%, 480) = 1,261.32, (1,261.32 + 400) / 5,400 = 30.77%.
    const r = VA_40_YEAR_MODIFICATION.evaluate(makeContext(vaCase({ partialClaimBalance: 5000 }), { grossMonthlyIncome: 5400 })) as ModificationResult;
    expect(r.principalAndInterest).toBe(1261.32);
    expect(r.termMonths).toBe(480);
    expect(r.eligible).toBe(true);
    expect(r.targetHousingRatioReached).toBe(true);
    const blocked = VA_40_YEAR_MODIFICATION.evaluate(makeContext(vaCase(), { grossMonthlyIncome: 6000 })) as ModificationResult;
    expect(blocked.eligible).toBe(false); // 30-year: 29.26% reaches the target
    expect(blocked.checks.find((c) => c.test === '30-year modification not affordable')?.status).toBe('fail');
  });
});

describe('VA invariants', () => {
  test('partial claim <= cap; modified rate on 1/8 % steps when the VA maximum applies; offered P&I never above contractual', () => {
    const params = parameterValues(findRulebook('VA-LOSS-MIT')!) as unknown as VaParameters;
    fc.assert(
      fc.property(
        fc.integer({ min: 20000, max: 700000 }),
        fc.integer({ min: 300, max: 900 }),
        fc.integer({ min: 2500, max: 8000 }),
        fc.integer({ min: 0, max: 200000 }),
        (upb, rateBp, pmmsX, interest) => {
          const rate = rateBp / 10000;
          const c = makeFhaTestCase({
            investor: 'VA',
            loan: { ...base.loan, upb, rate, contractualPI: Math.round(upb * 0.0075 * 100) / 100 },
            arrears: { ...base.arrears, delinquentInterest: interest },
            market: { modificationRate: null, pmms: pmmsX / 100000 },
          });
          const claim = VA_PARTIAL_CLAIM.evaluate(makeContext(c)) as PartialClaimResult;
          expect(claim.partialClaim!).toBeLessThanOrEqual(claim.partialClaimCap!);
          for (const program of [VA_MODIFICATION, VA_40_YEAR_MODIFICATION]) {
            const m = program.evaluate(makeContext(c)) as ModificationResult;
            const max = vaMaximumRate(c, params)!.toNumber();
            expect(m.rate).toBeLessThanOrEqual(max + 1e-12);
            if (m.rate !== rate) expect(Math.abs((m.rate - 0.005) * 800 - Math.round((m.rate - 0.005) * 800)) < 1e-6 || m.rate === Math.round((rate + 0.01) * 1e8) / 1e8).toBe(true);
            if (m.eligible) expect(m.principalAndInterest).toBeLessThanOrEqual(c.loan.contractualPI);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
