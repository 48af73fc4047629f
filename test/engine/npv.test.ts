/**
 * NPV of a modification against foreclosure now. Expected figures are computed by hand in the
 * comments; the properties check the model's direction (more re-default or a longer timeline can
 * only lower the value).
 */
import fc from 'fast-check';
import { parseCase } from '../../src/engine/case/parse';
import { evaluateCase } from '../../src/engine/evaluate';
import { caseModificationNpv, foreclosureTimelineFor, modificationNpv } from '../../src/engine/npv';
import type { ModificationResult } from '../../src/engine/results';
import { NPV_RULEBOOK, FORECLOSURE_TIMELINE_DAYS } from '../../src/engine/rulebooks/disposition';
import { parameterValues } from '../../src/engine/rulebooks/types';

const noRisk = { annualDiscountRate: 0, annualRedefaultRate: 0, reoDiscount: 0, foreclosureCostRate: 0, foreclosureTimelineDays: 0 };

describe('modificationNpv: hand-checked cases', () => {
  test('zero re-default and zero discount: the sums of the cash flows', () => {
    // 12,000 at 0% over 120 months: P&I 100; mod = 120 x 100 + 3,000 forborne = 15,000.
    // Foreclosure: 20,000 x (1 - 0.1 - 0.1) = 16,000, capped at the debt 12,000 + 3,000 = 15,000.
    const r = modificationNpv(
      { interestBearingUpb: 12000, forbearance: 3000, rate: 0, termMonths: 120, propertyValue: 20000 },
      { ...noRisk, reoDiscount: 0.1, foreclosureCostRate: 0.1, foreclosureTimelineDays: 480 },
    );
    expect(r).toMatchObject({ npvModification: 15000, npvForeclosure: 15000, npvDifference: 0, passes: true, liquidationValue: 16000 });
  });

  test('discounting at 12% a year (1% a month)', () => {
    // Mod: 500 / 1.01 + 500 / 1.01^2 = 495.0495 + 490.1480 = 985.1975 -> 985.20.
    // Foreclosure: min(2,000, debt 1,000) received after 365 days = 12 months: 1,000 / 1.01^12 = 1,000 / 1.1268250 = 887.4492 -> 887.45.
    const r = modificationNpv(
      { interestBearingUpb: 1000, forbearance: 0, rate: 0, termMonths: 2, propertyValue: 2000 },
      { ...noRisk, annualDiscountRate: 0.12, foreclosureTimelineDays: 365 },
    );
    expect(r.npvModification).toBe(985.2);
    expect(r.npvForeclosure).toBe(887.45);
    expect(r.npvDifference).toBe(97.75);
    expect(r.passes).toBe(true);
  });

  test('days already delinquent shorten the foreclosure-now delay', () => {
    // 365-day timeline, 365 days elapsed: received now, 1,000 undiscounted.
    const r = modificationNpv(
      { interestBearingUpb: 1000, forbearance: 0, rate: 0, termMonths: 2, propertyValue: 2000 },
      { ...noRisk, annualDiscountRate: 0.12, foreclosureTimelineDays: 365, daysAlreadyDelinquent: 400 },
    );
    expect(r.npvForeclosure).toBe(1000);
  });

  test('certain re-default: the liquidation replaces the payment', () => {
    // Annual re-default 100%: hazard 1; month 1 payment missed, recovery min(800, 1,000) = 800.
    const r = modificationNpv(
      { interestBearingUpb: 1000, forbearance: 0, rate: 0, termMonths: 1, propertyValue: 800 },
      { ...noRisk, annualRedefaultRate: 1 },
    );
    expect(r.npvModification).toBe(800);
    expect(r.npvForeclosure).toBe(800);
  });

  test('partial re-default: monthly hazard from the annual rate', () => {
    // h = 1 - 0.5^(1/12) = 1 - 0.9438743 = 0.0561257; mod = (1 - h) x 1,000 + h x 600 = 1,000 - 400h = 977.55.
    const r = modificationNpv(
      { interestBearingUpb: 1000, forbearance: 0, rate: 0, termMonths: 1, propertyValue: 600 },
      { ...noRisk, annualRedefaultRate: 0.5 },
    );
    expect(r.npvModification).toBe(977.55);
    expect(r.npvForeclosure).toBe(600);
    expect(r.npvDifference).toBe(377.55);
  });

  test('a negative difference does not pass', () => {
    // Value 1,000 with a 10% REO discount: liquidation 900 (below the 1,000 debt).
    const r = modificationNpv(
      { interestBearingUpb: 1000, forbearance: 0, rate: 0, termMonths: 10, propertyValue: 1000 },
      { ...noRisk, annualDiscountRate: 0.12, annualRedefaultRate: 1, reoDiscount: 0.1, foreclosureTimelineDays: 365, daysAlreadyDelinquent: 365 },
    );
    // Foreclosure now: 900 at once. Modification: default in month 1, sale 12 months after the last paid installment (month 0): 900 / 1.1268250 = 798.704 -> 798.70.
    expect(r.npvForeclosure).toBe(900);
    expect(r.npvModification).toBe(798.7);
    expect(r.passes).toBe(false);
  });

  test('bad assumptions are rejected with the name of the assumption', () => {
    const inputs = { interestBearingUpb: 1000, forbearance: 0, rate: 0.05, termMonths: 12, propertyValue: 1000 };
    expect(() => modificationNpv(inputs, { ...noRisk, annualRedefaultRate: 15 })).toThrow(/annualRedefaultRate 15/);
    expect(() => modificationNpv({ ...inputs, termMonths: 0 }, noRisk)).toThrow(/termMonths/);
  });
});

describe('modificationNpv: properties', () => {
  const loan = fc.record({
    upb: fc.integer({ min: 10_000, max: 800_000 }),
    rate: fc.integer({ min: 100, max: 900 }).map((bp) => bp / 10_000),
    term: fc.integer({ min: 12, max: 480 }),
    value: fc.integer({ min: 10_000, max: 1_000_000 }),
    reo: fc.integer({ min: 0, max: 40 }).map((p) => p / 100),
    cost: fc.integer({ min: 0, max: 20 }).map((p) => p / 100),
    days: fc.integer({ min: 0, max: 2500 }),
  });

  test('higher re-default never raises the modification NPV (discount rate at most the note rate, no forbearance)', () => {
    fc.assert(
      fc.property(loan, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (l, a, b, discountShare) => {
        const [low, high] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
        const discount = (l.rate * discountShare) / 100;
        const inputs = { interestBearingUpb: l.upb, forbearance: 0, rate: l.rate, termMonths: l.term, propertyValue: l.value };
        const base = { annualDiscountRate: discount, reoDiscount: l.reo, foreclosureCostRate: l.cost, foreclosureTimelineDays: l.days };
        const lowNpv = modificationNpv(inputs, { ...base, annualRedefaultRate: low }).npvModification;
        const highNpv = modificationNpv(inputs, { ...base, annualRedefaultRate: high }).npvModification;
        expect(highNpv).toBeLessThanOrEqual(lowNpv);
      }),
      { numRuns: 60 },
    );
  });

  test('a longer foreclosure timeline never raises the foreclosure NPV', () => {
    fc.assert(
      fc.property(loan, fc.integer({ min: 0, max: 2500 }), fc.integer({ min: 0, max: 2000 }), (l, extra, discountBp) => {
        const inputs = { interestBearingUpb: l.upb, forbearance: 0, rate: l.rate, termMonths: 12, propertyValue: l.value };
        const base = { annualDiscountRate: discountBp / 10_000, annualRedefaultRate: 0.1, reoDiscount: l.reo, foreclosureCostRate: l.cost };
        const shorter = modificationNpv(inputs, { ...base, foreclosureTimelineDays: l.days }).npvForeclosure;
        const longer = modificationNpv(inputs, { ...base, foreclosureTimelineDays: l.days + extra }).npvForeclosure;
        expect(longer).toBeLessThanOrEqual(shorter);
      }),
      { numRuns: 100 },
    );
  });
});

describe('NPV rulebook and case wiring', () => {
  const params = parameterValues(NPV_RULEBOOK);

  test('the foreclosure timeline table covers all 50 states and DC, with the spec examples', () => {
    const states = 'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(' ');
    expect(states).toHaveLength(51);
    for (const s of states) expect(FORECLOSURE_TIMELINE_DAYS[s]).toBeGreaterThan(0);
    // engine.md section 7 examples.
    expect(FORECLOSURE_TIMELINE_DAYS).toMatchObject({ GA: 330, CA: 480, FL: 810, NY: 1740 });
    expect(foreclosureTimelineFor('ga', params).days).toBe(330);
    expect(foreclosureTimelineFor(null, params)).toEqual({ days: 510, source: 'national default: the case has no property state' });
    expect(foreclosureTimelineFor('TX', params).source).toMatch(/interpretation/);
  });

  test('discount rate = PMMS + 2.50% when the case has PMMS, else the rulebook default', () => {
    const parsed = parseCase({
      caseId: 'NPV',
      investor: 'FANNIE',
      evaluationDate: '2025-10-15',
      loan: { upb: 200000, rate: 0.05, remainingTermMonths: 300, contractualPI: 1169.18, nextDueDate: '2025-06-01' },
      property: { value: 250000, state: 'GA' },
      market: { pmms: 0.0625 },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const mod = { interestBearingUpb: 200000, forbearance: 0, rate: 0.05, termMonths: 300, principalAndInterest: 1169.18 } as ModificationResult;
    const npv = caseModificationNpv(parsed.case, mod, params);
    expect(npv.assumptions?.discountRate).toBe(0.0875);
    expect(npv.assumptions?.foreclosureTimelineDays).toBe(330);
    // Last paid installment 2025-05-01 to 2025-10-15: 30 + 31 + 31 + 30 + 31 + 14 = 167 days.
    expect(npv.assumptions?.daysAlreadyDelinquent).toBe(167);
    expect(typeof npv.passes).toBe('boolean');
    const noPmms = caseModificationNpv({ ...parsed.case, market: { ...parsed.case.market, pmms: null } }, mod, params);
    expect(noPmms.assumptions?.discountRate).toBe(0.09);
    const noValue = caseModificationNpv({ ...parsed.case, property: { ...parsed.case.property, value: null } }, mod, params);
    expect(noValue).toMatchObject({ passes: null, npvModification: null, reason: expect.stringMatching(/no property value/) });
  });

  test('evaluateCase attaches an NPV to every eligible modification', () => {
    const evaluation = evaluateCase({
      caseId: 'REF-FLEX-1',
      investor: 'FREDDIE',
      evaluationDate: '2025-10-15',
      loan: { upb: 347868.83, rate: 0.0475, remainingTermMonths: 322, contractualPI: 1913.14, monthlyEscrow: 350, monthsDelinquent: 4 },
      arrears: { delinquentInterest: 8261.88 },
      property: { value: 50000 },
      market: { modificationRate: 0.065 },
      options: { firstTrialPaymentDate: '2025-11-01' },
    });
    const modifications = Object.values(evaluation.options).filter((o): o is ModificationResult => o.kind === 'modification' && o.eligible);
    // The published Flex example is eligible (shared/reference/cases/gse-flex-forbearance.json).
    expect(modifications.length).toBeGreaterThan(0);
    for (const mod of modifications) {
      expect(mod.npv).toBeDefined();
      expect(mod.npv?.assumptions?.foreclosureTimelineSource).toMatch(/national default/);
    }
  });
});

describe('partial claims', () => {
  test('an insurer-paid partial claim is cash at month 0 and part of the foreclosure debt', () => {
    // Without risk or discounting: mod = 120 x 100 + 0 + claim 5,000 = 17,000.
    // Foreclosure: liquidation 20,000 capped at the debt 12,000 + 5,000 = 17,000.
    const r = modificationNpv(
      { interestBearingUpb: 12000, forbearance: 0, rate: 0, termMonths: 120, propertyValue: 20000, upfrontClaim: 5000 },
      { ...noRisk, foreclosureTimelineDays: 300 },
    );
    expect(r).toMatchObject({ npvModification: 17000, npvForeclosure: 17000, passes: true });
  });

  test('caseModificationNpv reads `partialClaim` from the modification result', () => {
    const parsed = parseCase({
      caseId: 'PC',
      investor: 'FHA',
      evaluationDate: '2025-10-15',
      loan: { upb: 12000, rate: 0.05, remainingTermMonths: 120, contractualPI: 127.28 },
      property: { value: 20000, state: 'GA' },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const mod = { interestBearingUpb: 12000, forbearance: 0, rate: 0, termMonths: 120, principalAndInterest: 100, partialClaim: 5000 } as unknown as ModificationResult;
    const params = { ...parameterValues(NPV_RULEBOOK), annualRedefaultRate: 0, reoDiscount: 0, foreclosureCostRate: 0, defaultDiscountRate: 0 };
    const npv = caseModificationNpv(parsed.case, mod, params);
    expect(npv.assumptions?.partialClaimReceived).toBe(5000);
    expect(npv.npvModification).toBe(17000);
    expect(npv.npvForeclosure).toBe(17000);
  });
});
