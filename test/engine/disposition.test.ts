/**
 * Short sale / pre-foreclosure sale / compromise sale and deed-in-lieu. Expected figures are
 * hand computations (shown in the comments) from engine.md section 7 and fha-va-usda.md
 * (FHA 88/86/84% by marketing period, VA relocation $1,500, GSE caps 6% and $6,000).
 */
import { evaluateCase } from '../../src/engine/evaluate';
import type { DispositionResult } from '../../src/engine/results';
import { minimumNetReturn } from '../../src/engine/programs/disposition';
import { FHA_DISPOSITION_RULEBOOK, GSE_DISPOSITION_RULEBOOK } from '../../src/engine/rulebooks/disposition';
import { parameterValues } from '../../src/engine/rulebooks/types';

function evaluate(investor: string, extra: Record<string, unknown> = {}, options: Parameters<typeof evaluateCase>[1] = {}) {
  const { property, disposition, borrower, ...rest } = extra as { property?: object; disposition?: object; borrower?: object };
  const evaluation = evaluateCase(
    {
      caseId: 'DISP',
      investor,
      evaluationDate: '2025-10-15',
      loan: { upb: 210000, rate: 0.05, remainingTermMonths: 300, contractualPI: 1227.64, monthsDelinquent: 5 },
      property: { value: 200000, valuationDate: '2025-10-01', state: 'FL', occupancy: 'OWNER', ...property },
      borrower: { hardship: 'DIVORCE', intent: 'SELL', ...borrower },
      ...(disposition ? { disposition } : {}),
      ...rest,
    },
    { programs: ['SHORT-SALE', 'DEED-IN-LIEU'], ...options },
  );
  return {
    shortSale: evaluation.options['SHORT-SALE'] as DispositionResult,
    deedInLieu: evaluation.options['DEED-IN-LIEU'] as DispositionResult,
    evaluation,
  };
}

describe('minimum net return', () => {
  test('FHA tiers by marketing days: 88% days 1-30, 86% days 31-60, 84% after', () => {
    const fha = parameterValues(FHA_DISPOSITION_RULEBOOK);
    expect(minimumNetReturn(fha, 1).minimum.toNumber()).toBe(0.88);
    expect(minimumNetReturn(fha, 30).minimum.toNumber()).toBe(0.88);
    expect(minimumNetReturn(fha, 31).minimum.toNumber()).toBe(0.86);
    expect(minimumNetReturn(fha, 60).minimum.toNumber()).toBe(0.86);
    expect(minimumNetReturn(fha, 61).minimum.toNumber()).toBe(0.84);
    expect(minimumNetReturn(fha, null).minimum.toNumber()).toBe(0.88); // strictest without the days
    expect(minimumNetReturn(parameterValues(GSE_DISPOSITION_RULEBOOK), 200).tier).toBe('flat minimum');
  });
});

describe('SHORT-SALE', () => {
  test('FHA pre-foreclosure sale with an offer, 45 days of marketing', () => {
    // 190,000 - 6% 11,400 - closing 3,000 - liens 0 - FHA incentive 1,000 = 174,600; / 200,000 = 87.30% >= 86%.
    const { shortSale } = evaluate('FHA', { disposition: { offerPrice: 190000, marketingDays: 45, commissionRate: 0.06, sellerClosingCosts: 3000 } });
    expect(shortSale).toMatchObject({ eligible: true, label: 'Pre-foreclosure sale', netProceeds: 174600, netReturnPercent: 87.3, minimumNetReturnPercent: 86 });
    expect(shortSale.rulebook.id).toBe('DISPOSITION-FHA');
  });

  test('FHA: the same offer in the first 30 days misses the 88% minimum', () => {
    const { shortSale } = evaluate('FHA', { disposition: { offerPrice: 190000, marketingDays: 20, commissionRate: 0.06, sellerClosingCosts: 3000 } });
    expect(shortSale).toMatchObject({ eligible: false, reason: 'net return below minimum', netReturnPercent: 87.3, minimumNetReturnPercent: 88 });
    expect(shortSale.reasonDetail).toMatch(/87\.3% .*minimum 88%/);
  });

  test('FHA without marketing days: "not checked" and the first tier applies', () => {
    const { shortSale } = evaluate('FHA', { disposition: { offerPrice: 190000, commissionRate: 0.06, sellerClosingCosts: 3000 } });
    expect(shortSale.checks.find((c) => c.test === 'marketing period')?.status).toBe('not checked');
    expect(shortSale.minimumNetReturnPercent).toBe(88);
  });

  test('GSE without an offer: evaluated at the as-is value with the rulebook defaults, and says so', () => {
    // 200,000 - 6% 12,000 - 2% 4,000 - liens min(8,000, cap 6,000) - relocation 0 = 178,000 -> 89.00% >= 88%.
    const { shortSale } = evaluate('FANNIE', { property: { subordinateLiens: 8000 } });
    expect(shortSale).toMatchObject({ eligible: true, netProceeds: 178000, netReturnPercent: 89, subordinateLienPayoff: 6000, priceFromOffer: false });
    expect(shortSale.steps.find((s) => s.step === 'Price')?.action).toMatch(/no offer in the case.*as-is value/);
    expect(shortSale.steps.some((s) => s.step === 'Subordinate liens')).toBe(true);
  });

  test('GSE caps: commission above 6% and lien payoff above $6,000 fail by name', () => {
    const { shortSale } = evaluate('FREDDIE', { disposition: { offerPrice: 199000, commissionRate: 0.07, subordinateLienPayoff: 7500, sellerClosingCosts: 1000 } });
    expect(shortSale.eligible).toBe(false);
    expect(shortSale.checks.find((c) => c.test === 'commission within cap')?.status).toBe('fail');
    expect(shortSale.checks.find((c) => c.test === 'subordinate lien payoff within cap')?.status).toBe('fail');
    // 199,000 - 13,930 - 1,000 - 7,500 - 0 = 176,570.
    expect(shortSale.netProceeds).toBe(176570);
  });

  test('VA compromise sale deducts the $1,500 relocation assistance', () => {
    // 197,000 - 5% 9,850 - 2,000 - 0 - 1,500 = 183,650 -> 91.83%.
    const { shortSale } = evaluate('VA', { disposition: { offerPrice: 197000, commissionRate: 0.05, sellerClosingCosts: 2000 } });
    expect(shortSale).toMatchObject({ eligible: true, label: 'Compromise sale', relocationAssistance: 1500, netProceeds: 183650, netReturnPercent: 91.83 });
  });

  test('FHA requires owner occupancy; occupancy absent is "not checked"', () => {
    const investment = evaluate('FHA', { property: { occupancy: 'INVESTMENT' }, disposition: { offerPrice: 199000, marketingDays: 70, sellerClosingCosts: 0 } }).shortSale;
    expect(investment.eligible).toBe(false);
    expect(investment.reason).toBe('occupancy');
    const unknown = evaluate('FHA', { property: { occupancy: null }, disposition: { offerPrice: 199000, marketingDays: 70, sellerClosingCosts: 0 } }).shortSale;
    expect(unknown.checks.find((c) => c.test === 'occupancy')?.status).toBe('not checked');
  });

  test('no as-is value: not eligible, no figures', () => {
    const { shortSale, deedInLieu } = evaluate('USDA', { property: { value: null } });
    expect(shortSale).toMatchObject({ eligible: false, reason: 'no as-is value', netProceeds: null });
    expect(deedInLieu).toMatchObject({ eligible: false, reason: 'no as-is value' });
  });

  test('a stale valuation fails the valuation age check', () => {
    const { shortSale } = evaluate('FANNIE', { property: { valuationDate: '2025-05-01' } });
    expect(shortSale.checks.find((c) => c.test === 'valuation age')?.status).toBe('fail');
  });

  test('minimum net return is a rulebook parameter', () => {
    const { shortSale } = evaluate('PORTFOLIO', {}, { rulebookOverrides: { 'DISPOSITION-PORTFOLIO': { minimumNetReturn: 0.9 } } });
    // 200,000 - 12,000 - 4,000 = 184,000 -> 92% >= 90%.
    expect(shortSale).toMatchObject({ eligible: true, minimumNetReturnPercent: 90, netReturnPercent: 92 });
    expect(shortSale.rulebook.version).toMatch(/\+overrides$/);
  });
});

describe('DEED-IN-LIEU', () => {
  test('GSE Mortgage Release: value - 10% carrying and disposition costs', () => {
    const { deedInLieu } = evaluate('FANNIE');
    // 200,000 - 20,000 - 0 = 180,000; FL timeline 810 days against 90.
    expect(deedInLieu).toMatchObject({ eligible: true, expectedRecovery: 180000, netReturnPercent: 90, foreclosureTimelineDays: 810, timelineDays: 90 });
    // Foreclosure liquidation: 200,000 x (1 - 0.15 - 0.10) = 150,000.
    expect(deedInLieu.foreclosureLiquidationValue).toBe(150000);
  });

  test('FHA and VA relocation assistance', () => {
    expect(evaluate('FHA').deedInLieu.expectedRecovery).toBe(178000); // 200,000 - 20,000 - 2,000
    expect(evaluate('VA').deedInLieu.expectedRecovery).toBe(178500); // 200,000 - 20,000 - 1,500
  });

  test('subordinate liens block a deed-in-lieu (clear title)', () => {
    const { deedInLieu } = evaluate('FANNIE', { property: { subordinateLiens: 15000 } });
    expect(deedInLieu).toMatchObject({ eligible: false, reason: 'clear title' });
  });

  test('hardship absent is "not checked", never passed', () => {
    const { deedInLieu } = evaluate('FANNIE', { borrower: { hardship: null } });
    expect(deedInLieu.checks.find((c) => c.test === 'hardship')?.status).toBe('not checked');
  });

  test('borrower intent: pass for SELL / VACATE, "not checked" (never a silent pass or a block) otherwise', () => {
    expect(evaluate('FANNIE', { borrower: { intent: 'VACATE' } }).deedInLieu.checks.find((c) => c.test === 'borrower intent')?.status).toBe('pass');
    const keep = evaluate('FANNIE', { borrower: { intent: 'KEEP' } }).deedInLieu;
    expect(keep.checks.find((c) => c.test === 'borrower intent')).toMatchObject({ status: 'not checked', detail: expect.stringMatching(/agreement/) });
    expect(keep.eligible).toBe(true);
    expect(evaluate('FANNIE', { borrower: { intent: null } }).shortSale.checks.find((c) => c.test === 'borrower intent')?.status).toBe('not checked');
  });
});
