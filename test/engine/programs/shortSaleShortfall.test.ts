/**
 * A short sale is a sale short of the payoff. Found reviewing examples/fannie-flex.json: a loan
 * with equity (value 395,000, debt about 331,000) was reported "Short sale: eligible".
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { evaluateCase } from '../../../src/engine/evaluate';
import type { DispositionResult } from '../../../src/engine/results';

function shortSaleOf(name: string): DispositionResult {
  const evaluation = evaluateCase(JSON.parse(readFileSync(join(__dirname, '../../../examples', name), 'utf8')));
  return (evaluation.options as Record<string, DispositionResult>)['SHORT-SALE'];
}

test('net proceeds that cover the total debt: no short sale', () => {
  // No offer: price = value 395,000; commission 6% = 23,700; closing costs 2% = 7,900 -> net 363,400.
  // Total debt = 319,442.86 + 9,483.45 + 1,650 + 325 + 444.65 = 331,345.96 < 363,400.
  const sale = shortSaleOf('fannie-flex.json');
  expect(sale.netProceeds).toBe(363400);
  expect(sale.eligible).toBe(false);
  expect(sale.reason).toBe('no shortfall: the sale pays off the loan');
  expect(sale.reasonDetail).toContain('cover the total debt 331345.96');
});

test('net proceeds below the total debt: the short sale stands', () => {
  // Offer 309,000 - 5% commission 15,450 - closing 4,800 - second-lien payoff 6,000 = 282,750.
  // Total debt = 333,971.33 + 6,657.20 + 4,920 + 1,150 + 2,400 + 640.02 = 349,738.55; shortfall 66,988.55.
  const sale = shortSaleOf('short-sale.json');
  expect(sale.netProceeds).toBe(282750);
  expect(sale.eligible).toBe(true);
  const shortfall = sale.checks.find((c) => c.test === 'net proceeds short of the total debt');
  expect(shortfall?.status).toBe('pass');
  expect(shortfall?.detail).toContain('shortfall of 66988.55');
});

test('deed-in-lieu on a loan with equity: not offered, the borrower can sell', () => {
  const evaluation = evaluateCase(JSON.parse(readFileSync(join(__dirname, '../../../examples', 'fannie-flex.json'), 'utf8')));
  const dil = (evaluation.options as Record<string, DispositionResult>)['DEED-IN-LIEU'];
  // Sale at the as-is value: 395,000 - 6% (23,700) - 2% (7,900) = 363,400 >= total debt 331,345.96.
  expect(dil.eligible).toBe(false);
  expect(dil.reason).toBe('equity: an ordinary sale pays off the loan');
  expect(dil.reasonDetail).toContain('would net 363400.00, covering the total debt 331345.96');
});

test('deed-in-lieu underwater: the equity check passes', () => {
  const evaluation = evaluateCase(JSON.parse(readFileSync(join(__dirname, '../../../examples', 'va-modification.json'), 'utf8')));
  const dil = (evaluation.options as Record<string, DispositionResult>)['DEED-IN-LIEU'];
  // 335,000 - 6% - 2% = 308,200 < 309,867.63 + 11,232.72 + 2,730 + 285 + 433.86 = 324,549.21.
  const equity = dil.checks.find((c) => c.test === 'no equity to sell');
  expect(equity?.status).toBe('pass');
  expect(equity?.detail).toContain('308200.00, below the total debt 324549.21');
});
