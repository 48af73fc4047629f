/**
 * Wording of the reasons a specialist reads for an ineligible government or portfolio option
 * (found while reviewing examples/*.json):
 * - amounts in reasons and check details print with two decimals ("1073.00", not "1073");
 * - a gate check named for the condition that lets a later step run ("30-year modification not
 *   affordable") must not become the reason "failed: 30-year modification not affordable" when
 *   the 30-year modification IS affordable: the reason says what actually happened;
 * - a repayment plan refused on its payment cap names the length limit it was held to.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { evaluateCase } from '../../../src/engine/evaluate';
import type { Evaluation, EligibilityCheck } from '../../../src/engine/results';

function evaluateExample(name: string): Evaluation {
  return evaluateCase(JSON.parse(readFileSync(join(__dirname, '../../../examples', name), 'utf8')));
}

function option(evaluation: Evaluation, id: string): Record<string, unknown> & { checks: EligibilityCheck[] } {
  const result = (evaluation.options as Record<string, unknown>)[id];
  expect(result).toBeDefined();
  return result as Record<string, unknown> & { checks: EligibilityCheck[] };
}

describe('reason wording of government options', () => {
  const fha = evaluateExample('fha-partial-claim.json');
  const va = evaluateExample('va-modification.json');

  test('FHA 30-year modification: the P&I in the reason has cents', () => {
    // UPB 234,643.30; partial claim cap 30% = 70,392.99; amount to reinstate 5 x 1,892.16 + advances 410 = 9,870.80;
    // the 5 installments applied (5.75% / 12, interest rounded monthly) take 1,468.14 of principal: UPB 233,175.16;
    // principal deferment = 70,392.99 - 9,870.80 = 60,522.19; interest-bearing 172,652.97;
    // P&I at 6.25% (PMMS) over 360 = 1,063.05 (hand, Python decimal).
    const thirty = option(fha, 'FHA-30-YEAR-MODIFICATION');
    expect(thirty.eligible).toBe(false);
    expect(thirty.reasonDetail).toContain('P&I 1063.05 above target 1061.37');
    const pi = thirty.checks.find((c) => c.test === 'P&I does not increase');
    expect(pi?.detail).toBe('1063.05 <= contractual 1415.16');
  });

  test('no reason or check detail prints a whole-dollar amount without cents next to a cents amount', () => {
    for (const evaluation of [fha, va]) {
      for (const result of Object.values(evaluation.options) as Array<{ reasonDetail?: string; checks: EligibilityCheck[] }>) {
        const texts = [result.reasonDetail ?? '', ...result.checks.map((c) => c.detail)];
        for (const text of texts) {
          // "P&I 1073 above", "1936.5 > contractual": an amount of 3+ digits with 0 or 1 decimals beside a comparison.
          expect(text).not.toMatch(/\b\d{3,}(\.\d)? (<=|>=|<|>|above)\b/);
        }
      }
    }
  });

  test('VA 40-year modification passed over because the 30-year one works: the reason says so', () => {
    // Note 7.25% > maximum modified rate (PMMS 6.25% + 0.50% = 6.75%): the 30-year modification
    // at 6.75% on 324,115.35 gives P&I 2,102.21 < 2,169.32 and PITIA (2,102.21 + 455) / 8,350 = 30.6% <= 31%.
    expect(option(va, 'VA-MODIFICATION').eligible).toBe(true);
    const forty = option(va, 'VA-40-YEAR-MODIFICATION');
    expect(forty.eligible).toBe(false);
    expect(forty.reason).toBe('a 30-year modification is affordable');
    expect(String(forty.reason)).not.toMatch(/not affordable/);
  });

  test('a repayment plan refused on its cap names the length limit', () => {
    // PITIA 1,892.16; amount to reinstate 5 x 1,892.16 + 410 = 9,870.80; cap 150% => at most 946.08 a month extra => 10.43 -> 11 months > 6.
    const plan = option(fha, 'FHA-REPAYMENT-PLAN');
    expect(plan.reason).toBe('payment cap');
    expect(plan.reasonDetail).toBe('the shortest plan under the cap is 11 months; the limit is 6');
  });
});
