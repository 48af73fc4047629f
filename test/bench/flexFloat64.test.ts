/**
 * The bench's float64 Flex comparator (src/bench/flexFloat64.ts) is only a speed baseline, but
 * a baseline that computes something else would make the speed ratio meaningless: it must
 * reproduce the published Freddie Mac Resolve examples (test/fixtures/reference) and agree
 * with the decimal engine on most random loans.
 */
import { flexFloat64 } from '../../src/bench/flexFloat64';
import { flexLoanOf, generateCases } from '../../src/bench/loanGenerator';
import { readReferenceCase } from '../support/referenceCases';

const reference = readReferenceCase;

describe('flexFloat64 reproduces the published Flex examples', () => {
  test.each(['gse-flex-forbearance.json', 'gse-flex-pi-increase.json'])('%s', (name) => {
    const { case: json, expect: expected } = reference(name);
    const loan = flexLoanOf({ ...json, arrears: { ...json.arrears }, loan: { deferredBalance: 0, ...json.loan } });
    const result = flexFloat64(loan);
    const flex = expected['GSE-FLEX'];
    expect(result.eligible).toBe(flex.eligible);
    for (const key of ['rate', 'termMonths', 'postCapitalizationUpb', 'interestBearingUpb', 'forbearance', 'principalAndInterest', 'mtmltvPercent']) {
      expect([key, (result as unknown as Record<string, unknown>)[key]]).toEqual([key, flex[key]]);
    }
    if (flex.reductionPercent !== undefined) expect(result.reductionPercent).toBe(flex.reductionPercent);
  });
});

describe('flexFloat64 invariants on generated loans', () => {
  const loans = generateCases(500, 7).map(flexLoanOf);
  test('a term below 480 is the shortest that reaches the target, and forbearance stays within its caps', () => {
    for (const loan of loans) {
      const r = flexFloat64(loan);
      const target = Math.floor((Math.round(loan.contractualPI * 100) * 79995) / 100000) / 100;
      expect(r.termMonths).toBeLessThanOrEqual(480);
      expect(r.forbearance).toBeGreaterThanOrEqual(0);
      expect(r.forbearance).toBeLessThanOrEqual(Math.round(r.postCapitalizationUpb * 30) / 100 + 0.005);
      expect(Math.round((r.interestBearingUpb + r.forbearance) * 100)).toBe(Math.round(r.postCapitalizationUpb * 100));
      if (r.termMonths < 480 && r.forbearance === 0) expect(r.principalAndInterest).toBeLessThanOrEqual(target);
    }
  });
});

describe('flexFloat64 agrees with the decimal engine (a sanity check of the comparator, not of the engine)', () => {
  test('on at least 95% of 1,000 generated loans, every figure to the cent', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { flexModification } = require('../../src/engine/programs/gse/flex');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { GSE_FLEX_RULEBOOK } = require('../../src/engine/rulebooks/gse');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parameterValues, rulebookRef } = require('../../src/engine/rulebooks/types');
    const params = parameterValues(GSE_FLEX_RULEBOOK);
    const ref = rulebookRef(GSE_FLEX_RULEBOOK);
    const loans = generateCases(1000, 99).map(flexLoanOf);
    let agree = 0;
    const disagreements: string[] = [];
    for (const loan of loans) {
      const float = flexFloat64(loan);
      const decimal = flexModification(
        {
          interestBearingUpb: loan.upb,
          deferredBalance: loan.deferredBalance,
          eligibleArrearages: loan.arrears,
          borrowerContribution: loan.borrowerContribution,
          currentRate: loan.rate,
          remainingTermMonths: loan.remainingTermMonths,
          contractualPI: loan.contractualPI,
          propertyValue: loan.value,
          modificationRate: loan.modificationRate,
          monthlyEscrow: 0,
          escrowShortage: 0,
          firstTrialPaymentDate: null,
          grossMonthlyIncome: null,
        },
        params,
        ref,
      );
      const same = ['rate', 'termMonths', 'postCapitalizationUpb', 'interestBearingUpb', 'forbearance', 'principalAndInterest', 'eligible'].every(
        (key) => (float as unknown as Record<string, unknown>)[key] === decimal[key],
      );
      if (same) agree += 1;
      else if (disagreements.length < 5) disagreements.push(JSON.stringify({ loan, float, decimal: { t: decimal.termMonths, ib: decimal.interestBearingUpb, pi: decimal.principalAndInterest } }));
    }
    expect({ agree, disagreements: agree >= 950 ? [] : disagreements }).toEqual({ agree: expect.any(Number), disagreements: [] });
    expect(agree).toBeGreaterThanOrEqual(950);
    if (process.env.SHOW_AGREEMENT) process.stdout.write(`flexFloat64 agrees on ${agree} of 1000 loans\n`);
  });
});
