/**
 * The range an override of a numeric rulebook parameter must lie in (issue 9: a 500% forbearance
 * cap must be refused, not applied; a count of 1e9 months must not run the engine out of memory).
 * One rule set for the case's overrides (case/parse.ts) and the workbook's settings. A parameter
 * may state `min` / `max`; otherwise an interim guard read off the published value and the
 * parameter's name (docs/engine-core.md, "Bounds"), until every parameter carries its own bounds:
 * - never negative (no published parameter is);
 * - a published fraction strictly between 0 and 1 (a rate, a cap, a share of the UPB) stays at
 *   most 1: a cap typed 50 for 50% is a percent typed as a number;
 * - a term (`...TermMonths`, `termMonths`) or a count of trial payments is a whole number of at
 *   least 1; a count of months, days or payments published whole stays whole;
 * - nothing beyond 100 times the published figure.
 */
import { numberExcerpt } from '../errors';
import type { RulebookParameter } from './types';

export function overrideRangeProblem(parameter: RulebookParameter, value: number, name: string): string | null {
  const published = parameter.value;
  if (typeof published !== 'number') return null;
  const fraction = published > 0 && published < 1;
  const min = parameter.min ?? (published >= 0 ? 0 : undefined);
  const max = parameter.max ?? (fraction ? 1 : undefined);
  if (min !== undefined && value < min) return `must be at least ${min}${min === 0 ? ': an override must not be negative' : ''} (the published value is ${published}), not ${numberExcerpt(value)}`;
  if (max !== undefined && value > max) {
    const hint = fraction ? `: ${numberExcerpt(value)} looks like a percent: the published value is the fraction ${published}; enter e.g. ${Number((value / 100).toPrecision(12))}` : `; ${numberExcerpt(value)} is out of range`;
    return `must be at most ${max}${hint}`;
  }
  if (/TermMonths$|^termMonths$|PaymentCount/.test(name) && (!Number.isInteger(value) || value < 1)) {
    return `must be a whole number of 1 or more (a term or a count of payments), not ${numberExcerpt(value)}`;
  }
  if (Number.isInteger(published) && /(Months|Days?|Count|Size)$/.test(name) && !Number.isInteger(value)) {
    return `must be a whole number (of months, days or payments), not ${numberExcerpt(value)}`;
  }
  const limit = parameter.max ?? (published > 0 ? published * 100 : 1_000_000);
  if (value > limit) return `must be at most ${limit} (100 times the published ${published}), not ${numberExcerpt(value)}; check the digits`;
  return null;
}
