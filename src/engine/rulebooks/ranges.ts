/**
 * The range an override of a numeric rulebook parameter must lie in (issue 9: a 500% forbearance
 * cap must be refused, not applied). A parameter may state `min` / `max`; otherwise two generic
 * rules apply, read off the published value: no published number is negative, so an override
 * cannot be either; and a published value strictly between 0 and 1 is a fraction (a cap, a
 * ratio, a rate), so its override must lie in [0, 1].
 */
import type { RulebookParameter } from './types';

export function overrideRangeProblem(parameter: RulebookParameter, value: number): string | null {
  const published = parameter.value;
  if (typeof published !== 'number') return null;
  const fraction = published > 0 && published < 1;
  const min = parameter.min ?? (published >= 0 ? 0 : undefined);
  const max = parameter.max ?? (fraction ? 1 : undefined);
  if (min !== undefined && value < min) return `must be at least ${min} (the published value is ${published}), not ${value}`;
  if (max !== undefined && value > max) {
    const hint = fraction ? `: it is a fraction, so ${published * 100}% is written ${published}` : '';
    return `must be at most ${max}${hint}; ${value} is out of range`;
  }
  return null;
}
