/**
 * The target P&I of a payment-reduction rule (engine.md 4.2), for any reduction.
 *
 * GSE Flex wants "a reduction strictly above 20% as reported to two decimals": the largest
 * cent amount P with round((pre - P) / pre * 100, 2) >= 20.01, i.e. P <= pre * (1 - 0.20 - 0.00005),
 * which is floor_to_cent(pre * 0.79995). The same reasoning for a reduction r gives
 * floor_to_cent(pre * (1 - r - 0.00005)). A rule that only asks for "at least r" (not strictly
 * above, as reported) is floor_to_cent(pre * (1 - r)).
 */
import { ArgumentError } from './errors';
import { Decimal, type DecimalInput, floorCents } from './money';

/** Half of one hundredth of a percent: the rounding margin of a reduction reported to two decimals. */
const HALF_REPORTED_STEP = new Decimal('0.00005');

export function targetPrincipalAndInterest(currentPI: DecimalInput, reductionFraction: DecimalInput = '0.2', strictlyAbove = true): Decimal {
  const pre = new Decimal(currentPI);
  const r = new Decimal(reductionFraction);
  if (!pre.isFinite() || pre.lessThanOrEqualTo(0)) throw new ArgumentError('current_pi', `current_pi must be greater than 0, not ${pre.toString()}`, 'num');
  if (!r.isFinite() || r.isNegative()) throw new ArgumentError('reduction', `reduction must be a fraction from 0 to 1 (20% or 0.2), not ${r.toString()}`, 'num');
  if (r.greaterThanOrEqualTo(1)) {
    throw new ArgumentError('reduction', `reduction ${r.toString()} looks like a percent: enter ${r.toString()}% or ${r.dividedBy(100).toString()}`, 'num');
  }
  const factor = new Decimal(1).minus(r).minus(strictlyAbove ? HALF_REPORTED_STEP : 0);
  return Decimal.max(0, floorCents(pre.times(factor)));
}
