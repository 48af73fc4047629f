/**
 * FHA programs: hand-computed figures (arithmetic in the comments, computed independently with
 * Python's decimal module at 40 digits: P&I = P * i / (1 - (1 + i)^-n), rounded half-up).
 *
 * Base case (FHA_TEST_CASE in test/support/caseFactory.ts): UPB 200,000.00 at 6.75%, contractual P&I
 * 1,350.00, escrow 400.00, 4 months delinquent, PMMS 6.31%. Amount to reinstate (engine.md 1) =
 * 4 missed installments x (1,350 + 400) + legal fees 500 = 7,500.00 (late fees 300 never; delinquent
 * interest and escrow advances are the interest and escrow parts of those installments). Paying them
 * applies the 4 installments: principal parts 225.00 + 226.27 + 227.54 + 228.82 = 907.63 (interest
 * 1,125.00, 1,123.73, 1,122.46, 1,121.18 at 6.75% / 12, rounded each month), so the UPB becomes
 * 199,092.37. Value 250,000, income 5,000/month, other housing expense 250 + 150 = 400.
 */
import fc from 'fast-check';
import { FHA_30_YEAR_MODIFICATION, FHA_40_YEAR_MODIFICATION, FHA_PARTIAL_CLAIM, FHA_PAYMENT_SUPPLEMENT } from '../../../../src/engine/programs/government/fha';
import type { ModificationResult, PartialClaimResult } from '../../../../src/engine/results';
import { makeContext, makeFhaTestCase } from '../../../support/caseFactory';

const evaluate30 = (c = makeFhaTestCase(), o = {}) => FHA_30_YEAR_MODIFICATION.evaluate(makeContext(c, o)) as ModificationResult;
const evaluate40 = (c = makeFhaTestCase(), o = {}) => FHA_40_YEAR_MODIFICATION.evaluate(makeContext(c, o)) as ModificationResult;

describe('FHA-30-YEAR-MODIFICATION', () => {
  test('reaches the 25% target with principal deferment in the partial claim', () => {
    const r = evaluate30();
    // rate: 6.31% / 0.125% = 50.48 -> 50 steps -> 6.25%
    expect(r.rate).toBe(0.0625);
    expect(r.termMonths).toBe(360);
    // target = floor(1,350.00 * 0.75) = 1,012.50
    expect(r.targetPrincipalAndInterest).toBe(1012.5);
    // partial claim cap = 30% * 200,000 = 60,000; the amount to reinstate 7,500 goes into it, nothing capitalized
    expect(r.partialClaimCap).toBe(60000);
    expect(r.partialClaimArrears).toBe(7500);
    expect(r.postCapitalizationUpb).toBe(199092.37);
    // P&I(200,000, 6.25%, 360) = 200,000 * 0.0061571720 = 1,231.43 > 1,012.50, so defer:
    // largest UPB with P&I <= 1,012.50: floor(1,012.505 / 0.0061571720) = 164,443.18
    expect(r.interestBearingUpb).toBe(164443.18);
    expect(r.principalDeferment).toBe(34649.19); // 199,092.37 - 164,443.18
    expect(r.partialClaim).toBe(42149.19); // 7,500 + 34,649.19 <= 60,000
    expect(r.forbearance).toBe(0);
    expect(r.principalAndInterest).toBe(1012.5);
    expect(r.monthlyPayment).toBe(1412.5); // + escrow 400
    expect(r.trialPayment).toBe(1412.5);
    expect(r.reductionPercent).toBe(25); // (1,350 - 1,012.50) / 1,350
    expect(r.mtmltvPercent).toBe(65.77); // 164,443.18 / 250,000 = 65.777% truncated
    expect(r.postModificationDti).toBe(0.2825); // (1,012.50 + 400) / 5,000
    expect(r.trialPaymentCount).toBe(3);
    expect(r.trialPaymentDates).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
    expect(r.modificationEffectiveDate).toBe('2026-01-01');
    expect(r.firstPaymentDate).toBe('2026-02-01');
    expect(r.maturityDate).toBe('2056-01-01'); // 2026-02-01 + 359 months
    expect(r.eligible).toBe(true);
    expect(r.rulebook).toEqual({ id: 'FHA-LOSS-MIT', version: '2025-10-01' });
    expect(r.steps.map((s) => s.step)).toEqual(['Partial claim available', 'Arrears', 'Rate', 'Term', 'Principal deferment', 'Result']);
  });

  test('misses the target when the partial claim left is too small (previous claims 29,000)', () => {
    const r = evaluate30(makeFhaTestCase({ loan: { ...makeFhaTestCase().loan, partialClaimBalance: 29000 } }));
    // available 60,000 - 29,000 = 31,000; left after arrears 23,500 < needed 34,649.19
    expect(r.partialClaimCap).toBe(31000);
    expect(r.principalDeferment).toBe(23500);
    expect(r.principalAndInterest).toBe(1081.15); // P&I(199,092.37 - 23,500 = 175,592.37, 6.25%, 360)
    expect(r.eligible).toBe(false);
    expect(r.reason).toBe('target reduction not reached');
  });

  test('imminent default: four trial payments (ML 2025-14)', () => {
    const c = makeFhaTestCase({ loan: { ...makeFhaTestCase().loan, monthsDelinquent: 0 } });
    const r = evaluate30(c);
    expect(r.trialPaymentCount).toBe(4);
    expect(r.modificationEffectiveDate).toBe('2026-02-01');
  });

  test('one permanent option per 24 months', () => {
    const c = makeFhaTestCase({ loan: { ...makeFhaTestCase().loan, priorModifications: 1, monthsSinceLastModification: 18 } });
    const r = evaluate30(c);
    expect(r.eligible).toBe(false);
    expect(r.checks.find((k) => k.test.startsWith('one permanent option'))?.status).toBe('fail');
    const unknown = evaluate30(makeFhaTestCase({ loan: { ...makeFhaTestCase().loan, priorModifications: 1, monthsSinceLastModification: null } }));
    expect(unknown.checks.find((k) => k.test.startsWith('one permanent option'))?.status).toBe('not checked');
  });

  test('the interval is a rulebook parameter that an override changes', () => {
    const c = makeFhaTestCase({ loan: { ...makeFhaTestCase().loan, priorModifications: 1, monthsSinceLastModification: 18 } });
    const r = evaluate30(c, { rulebookOverrides: { 'FHA-LOSS-MIT': { retentionIntervalMonths: 12 } } });
    expect(r.eligible).toBe(true);
    expect(r.rulebook.version).toBe('2025-10-01+overrides');
  });

  test('without PMMS the option is not computed and says why', () => {
    const r = evaluate30(makeFhaTestCase({ market: { modificationRate: null, pmms: null } }));
    expect(r.eligible).toBe(false);
    expect(r.reason).toBe('market rate missing');
    expect(r.checks.find((k) => k.test.startsWith('market rate'))?.status).toBe('not checked');
  });

  test('a modification that raises P&I is not offered', () => {
    // Contractual P&I 800 at a low note rate: P&I(200,000, 6.25%, 360) = 1,231.43; target 600.00
    // needs UPB 97,447.xx, deferment ~102,553 > 60,000 - 9,050 available -> P&I stays above 800.
    const r = evaluate30(makeFhaTestCase({ loan: { ...makeFhaTestCase().loan, contractualPI: 800, rate: 0.03 } }));
    expect(r.eligible).toBe(false);
    expect(r.checks.find((k) => k.test === 'P&I does not increase')?.status).toBe('fail');
  });
});

describe('FHA-40-YEAR-MODIFICATION', () => {
  test('not offered when the 30-year modification reaches the target', () => {
    const r = evaluate40();
    expect(r.eligible).toBe(false);
    expect(r.checks.find((k) => k.test === '30-year modification misses the target')?.status).toBe('fail');
  });

  test('reaches the target at 480 months when the 30-year one misses (previous claims 29,000)', () => {
    const r = evaluate40(makeFhaTestCase({ loan: { ...makeFhaTestCase().loan, partialClaimBalance: 29000 } }));
    // P&I(200,000, 6.25%, 480) = 200,000 * 0.0056773957 = 1,135.48 > 1,012.50
    // largest UPB with P&I <= 1,012.50 at 480: 178,339.69 -> deferment 199,092.37 - 178,339.69 = 20,752.68 <= 23,500 left
    expect(r.termMonths).toBe(480);
    expect(r.interestBearingUpb).toBe(178339.69);
    expect(r.principalDeferment).toBe(20752.68);
    expect(r.partialClaim).toBe(28252.68); // 7,500 + 20,752.68 <= 31,000
    expect(r.principalAndInterest).toBe(1012.5);
    expect(r.maturityDate).toBe('2066-01-01');
    expect(r.eligible).toBe(true);
  });
});

describe('FHA-PARTIAL-CLAIM (standalone)', () => {
  test('cures the arrears when the hardship is resolved', () => {
    const c = makeFhaTestCase({ borrower: { ...makeFhaTestCase().borrower, hardshipResolved: true } });
    const r = FHA_PARTIAL_CLAIM.evaluate(makeContext(c)) as PartialClaimResult;
    expect(r.eligible).toBe(true);
    expect(r.partialClaim).toBe(7500); // 4 x (1,350 + 400) + legal fees 500; late fees 300 never
    expect(r.partialClaimCap).toBe(60000);
  });

  test('arrears above what is left of the 30% are not eligible', () => {
    const c = makeFhaTestCase({ borrower: { ...makeFhaTestCase().borrower, hardshipResolved: true }, loan: { ...makeFhaTestCase().loan, partialClaimBalance: 55000 } });
    const r = FHA_PARTIAL_CLAIM.evaluate(makeContext(c)) as PartialClaimResult;
    // 60,000 - 55,000 = 5,000 < 7,500
    expect(r.partialClaimCap).toBe(5000);
    expect(r.eligible).toBe(false);
    expect(r.reason).toBe('partial claim cap exceeded');
    expect(r.reasonDetail).toContain('7500.00');
  });
});

describe('FHA-PAYMENT-SUPPLEMENT', () => {
  test('monthly principal reduction from the claim left after curing arrears (previous claims 40,000)', () => {
    const c = makeFhaTestCase({ loan: { ...makeFhaTestCase().loan, partialClaimBalance: 40000 } });
    const r = FHA_PAYMENT_SUPPLEMENT.evaluate(makeContext(c)) as PartialClaimResult;
    // available 20,000; left after the amount to reinstate (7,500) 12,500; MoPR = floor(min(25% * 1,350 = 337.50, 12,500 / 36 = 347.22)) = 337.50
    // minimum = max(5% * 1,350 = 67.50, 20) -> met. The 30/40-year options miss: deferment needed 34,649.19 / 20,752.68 > 12,500 left
    expect(r.monthlyPrincipalReduction).toBe(337.5);
    expect(r.partialClaim).toBe(19650); // 7,500 + 36 * 337.50
    expect(r.partialClaimCap).toBe(20000);
    expect(r.principalAndInterestDuringSupplement).toBe(1012.5);
    expect(r.eligible).toBe(true);
  });

  test('not offered while a modification reaches the target', () => {
    const r = FHA_PAYMENT_SUPPLEMENT.evaluate(makeContext(makeFhaTestCase())) as PartialClaimResult;
    expect(r.eligible).toBe(false);
    expect(r.reason).toBe('a modification reaches the target');
  });

  test('MoPR below the $20 minimum is not eligible', () => {
    // contractual P&I 300: 5% = 15 < 20 so the $20 minimum governs; amount to reinstate 4 x (300 + 400) + 500 = 3,300; left 719
    const c = makeFhaTestCase({ loan: { ...makeFhaTestCase().loan, contractualPI: 300, partialClaimBalance: 60000 - 3300 - 719 } });
    const r = FHA_PAYMENT_SUPPLEMENT.evaluate(makeContext(c)) as PartialClaimResult;
    // left 719 / 36 = 19.97 -> MoPR 19.97 < 20
    expect(r.monthlyPrincipalReduction).toBe(19.97);
    expect(r.checks.find((k) => k.test === 'minimum monthly principal reduction')?.status).toBe('fail');
  });
});

describe('FHA invariants (property tests)', () => {
  const loanArb = fc.record({
    upb: fc.integer({ min: 20000, max: 800000 }),
    rate: fc.integer({ min: 200, max: 900 }).map((bp) => bp / 10000),
    remaining: fc.integer({ min: 60, max: 360 }),
    piFactor: fc.integer({ min: 40, max: 120 }),
    pmms: fc.integer({ min: 2500, max: 8000 }).map((x) => x / 100000),
    interest: fc.integer({ min: 0, max: 40000 }),
    previous: fc.integer({ min: 0, max: 100000 }),
  });
  test('partial claim <= cap, rate on 1/8 % steps, an offered modification never raises P&I', () => {
    fc.assert(
      fc.property(loanArb, (a) => {
        const contractualPI = Math.round(a.upb * a.piFactor) / 10000;
        const c = makeFhaTestCase({
          loan: { ...makeFhaTestCase().loan, upb: a.upb, rate: a.rate, remainingTermMonths: a.remaining, contractualPI, partialClaimBalance: Math.min(a.previous, a.upb * 0.3) },
          arrears: { ...makeFhaTestCase().arrears, delinquentInterest: a.interest },
          market: { modificationRate: null, pmms: a.pmms },
        });
        for (const r of [evaluate30(c), evaluate40(c)]) {
          expect((r.partialClaim as number) <= (r.partialClaimCap as number) + 1e-9).toBe(true);
          expect(Math.abs(r.rate * 800 - Math.round(r.rate * 800))).toBeLessThan(1e-6);
          if (r.eligible) expect(r.principalAndInterest).toBeLessThanOrEqual(contractualPI);
        }
        const s = FHA_PAYMENT_SUPPLEMENT.evaluate(makeContext(c)) as PartialClaimResult;
        expect((s.partialClaim as number) <= (s.partialClaimCap as number) + 1e-9).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('FHA rateRule (market by default; lowerOfNoteAndMarket available)', () => {
  // A 3.25% note with the PMMS at 6.31%: the market rule modifies at 6.25% (above the note rate),
  // the lowerOfNoteAndMarket rule keeps 3.25%.
  const low = () => makeFhaTestCase({ loan: { rate: 0.0325 } });
  test('market: the modified rate is the market rate even above the note rate', () => {
    expect(evaluate30(low()).rate).toBe(0.0625);
  });
  test('lowerOfNoteAndMarket: the note rate when it is lower', () => {
    const r = evaluate30(low(), { rulebookOverrides: { 'FHA-LOSS-MIT': { rateRule: 'lowerOfNoteAndMarket' } } });
    expect(r.rate).toBe(0.0325);
    expect(r.rulebook.version).toBe('2025-10-01+overrides');
  });
});
