/**
 * USDA streamline modification with mortgage recovery advance, hand-computed (Python decimal).
 *
 * Case: UPB 200,000, note 7.00%, contractual P&I 1,300.00, escrow 400, PMMS 6.31%, 4 months
 * delinquent. The MRA pays the amount to reinstate (engine.md 1): 4 x (1,300 + 400) + legal fees
 * 500 = 7,300 (late fees never); the 4 installments applied reduce the principal by their principal
 * parts (interest at 7% / 12 rounded monthly): 133.33 + 134.11 + 134.89 + 135.68 = 538.01, so the
 * UPB becomes 199,461.99.
 * Maximum allowable rate: nearest 1/8 of 6.31% = 6.25% + 0.50% = 6.75% < 7.00% -> 6.75%.
 * MRA cap = min(12 * (1,300 + 400) + legal fees 500 = 20,900; 30% * 200,000 = 60,000) = 20,900.
 * Target P&I = floor(1,300 * 0.90) = 1,170.00.
 */
import fc from 'fast-check';
import { USDA_MODIFICATION, usdaMraCap } from '../../../../src/engine/programs/government/usda';
import { findRulebook, parameterValues } from '../../../../src/engine/rulebooks';
import type { UsdaParameters } from '../../../../src/engine/rulebooks/government';
import type { ModificationResult } from '../../../../src/engine/results';
import { makeContext, makeFhaTestCase } from '../../../support/caseFactory';

const base = makeFhaTestCase();
const usdaCase = (loan = {}) => makeFhaTestCase({ investor: 'USDA', loan: { ...base.loan, rate: 0.07, contractualPI: 1300, ...loan } });
const params = parameterValues(findRulebook('USDA-LOSS-MIT')!) as unknown as UsdaParameters;

describe('USDA-MODIFICATION', () => {
  test('rate, 480 months, then principal deferment in the MRA to a 10% reduction', () => {
    const r = USDA_MODIFICATION.evaluate(makeContext(usdaCase())) as ModificationResult;
    expect(r.rate).toBe(0.0675);
    expect(r.termMonths).toBe(480);
    expect(r.partialClaimCap).toBe(20900);
    // P&I(199,461.99, 6.75%, 480) = 1,203.47 > 1,170.00; largest UPB at 1,170.00 = 193,915.92
    expect(r.postCapitalizationUpb).toBe(199461.99);
    expect(r.interestBearingUpb).toBe(193915.92);
    expect(r.principalDeferment).toBe(5546.07); // 199,461.99 - 193,915.92
    expect(r.mortgageRecoveryAdvance).toBe(12846.07); // 7,300 + 5,546.07 <= 20,900
    expect(r.principalAndInterest).toBe(1170);
    expect(r.reductionPercent).toBe(10);
    expect(r.eligible).toBe(true);
  });

  test('term extended one month at a time: contractual 1,400.00 -> target 1,260.00 at 392 months, no deferment', () => {
    // 4 installments of 1,400 applied: principal 941.52 -> UPB 199,058.48; the first term whose
    // P&I(199,058.48, 6.75%, n) <= 1,260.00 is 392 months (1,259.42)
    const r = USDA_MODIFICATION.evaluate(makeContext(usdaCase({ contractualPI: 1400 }))) as ModificationResult;
    expect(r.termMonths).toBe(392);
    expect(r.principalAndInterest).toBe(1259.42);
    expect(r.principalDeferment).toBe(0);
    expect(r.mortgageRecoveryAdvance).toBe(7700); // the amount to reinstate only: 4 x 1,800 + 500
    expect(r.eligible).toBe(true);
  });

  test('earlier MRAs count against the 30% (several MRAs allowed since 2025-02-11)', () => {
    // 30% * 200,000 = 60,000 less 45,000 already advanced = 15,000 < 12 * 1,700 + 500 = 20,900
    expect(usdaMraCap(usdaCase({ partialClaimBalance: 45000 }), params).cap.toNumber()).toBe(15000);
  });

  test('needs 90 days past due', () => {
    const r = USDA_MODIFICATION.evaluate(makeContext(usdaCase({ monthsDelinquent: 2 }))) as ModificationResult;
    expect(r.eligible).toBe(false);
    expect(r.checks.find((c) => c.test === 'at least 3 months past due')?.status).toBe('fail');
  });

  test('the MRA cap is the lesser of 12 months PITI + foreclosure costs and 30% of the UPB', () => {
    // UPB 50,000: 30% = 15,000 < 20,900
    expect(usdaMraCap(usdaCase({ upb: 50000 }), params).cap.toNumber()).toBe(15000);
    expect(usdaMraCap(usdaCase(), params).cap.toNumber()).toBe(20900);
  });

  test('invariants: MRA <= cap, offered P&I at least 10% below contractual', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30000, max: 500000 }), fc.integer({ min: 55, max: 110 }), fc.integer({ min: 0, max: 30000 }), (upb, factor, interest) => {
        const c = makeFhaTestCase({
          investor: 'USDA',
          loan: { ...base.loan, upb, contractualPI: Math.round(upb * factor) / 10000 },
          arrears: { ...base.arrears, delinquentInterest: interest },
        });
        const r = USDA_MODIFICATION.evaluate(makeContext(c)) as ModificationResult;
        expect(r.mortgageRecoveryAdvance as number).toBeLessThanOrEqual(r.partialClaimCap as number);
        if (r.eligible) expect(r.principalAndInterest).toBeLessThanOrEqual(Math.floor(c.loan.contractualPI * 0.9 * 100 + 1e-6) / 100);
      }),
      { numRuns: 100 },
    );
  });
});
