/**
 * The range an override of a numeric rulebook parameter must lie in (issue 9: a 500% forbearance
 * cap must be refused, not applied; a count of 1e9 months must not run the engine out of memory).
 * One rule set for the case's overrides (case/parse.ts), the workbook's settings (which use the
 * case parser's check) and `withOverrides` (types.ts), for callers that pass overrides directly.
 *
 * Every numeric parameter states its bounds (`min`, `max`, `boundsWhy`; rulebooks/bounds.ts):
 * the limits of a plausible servicer correction, with the reason and, where one sets the limit,
 * the source. For a table (a list or record of numbers) the bounds hold for every entry.
 * Counts stay whole: a term (`...TermMonths`, `termMonths`) or a count of trial payments is a
 * whole number of at least 1; a parameter named for months, days, a count or a size, or marked
 * `whole`, and published whole, stays whole.
 *
 * Fallback (docs/engine-core.md, "Bounds"), only for a numeric parameter without `min`/`max`
 * (test/engine/rulebookBounds.test.ts expects none): the interim guard read off the published
 * value: never negative; a published fraction strictly between 0 and 1 stays at most 1; nothing
 * beyond 100 times the published figure (1,000,000 where it is 0).
 */
import { numberExcerpt } from '../errors';
import type { ParameterValue, RulebookParameter } from './types';

export interface EffectiveBounds {
  min: number | undefined;
  max: number | undefined;
  /** True when the parameter states them; false for the interim fallback. */
  explicit: boolean;
}

/** The bounds an override is judged by: the parameter's own, else the interim guard. */
export function effectiveBounds(parameter: RulebookParameter, published: number): EffectiveBounds {
  if (parameter.min !== undefined || parameter.max !== undefined) return { min: parameter.min, max: parameter.max, explicit: true };
  const fraction = published > 0 && published < 1;
  return { min: published >= 0 ? 0 : undefined, max: fraction ? 1 : published > 0 ? published * 100 : 1_000_000, explicit: false };
}

/** True when an override of the parameter must be a whole number. */
export function isWholeNumberParameter(parameter: RulebookParameter, name: string, published: number): boolean {
  if (parameter.whole) return true;
  if (/TermMonths$|^termMonths$|PaymentCount/.test(name)) return true;
  return Number.isInteger(published) && /(Months|Days?|Count|Size)$/.test(name);
}

/** A fraction (a rate, a share, a ratio written as a decimal): a value typed 100 times too big is a percent. */
function takesDecimal(published: number, max: number | undefined): boolean {
  return (published > 0 && published < 1) || (max !== undefined && max <= 3);
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return `at most ${max}`;
}

/**
 * The problem with an override of a numeric parameter, or null. The message is read after the
 * field that names the parameter (`rulebookOverrides.GSE-FLEX.maxTermMonths: must be ...`) and
 * names the parameter, the bound and the fix itself.
 */
export function overrideRangeProblem(parameter: RulebookParameter, value: number, name: string): string | null {
  const published = parameter.value;
  if (typeof published !== 'number') return null;
  return numberProblem(parameter, value, name, published, isWholeNumberParameter(parameter, name, published));
}

/** `published`: the parameter's published number (a table entry has none of its own: its representative 0.5 or 1). */
function numberProblem(parameter: RulebookParameter, value: number, name: string, published: number, whole: boolean, entry = false): string | null {
  const { min, max, explicit } = effectiveBounds(parameter, published);
  const range = rangeText(min, max);
  const publishedText = entry ? '' : ` (the published value is ${published})`;
  const fix = explicit ? `: ${name} takes ${range}${publishedText}; enter a value in that range` : publishedText;
  if (min !== undefined && value < min) {
    const negative = value < 0 && min >= 0 ? ': an override must not be negative' : '';
    return `must be at least ${min}${negative}, not ${numberExcerpt(value)}${fix}`;
  }
  if (max !== undefined && value > max) {
    if (!whole && takesDecimal(published, max) && value > 1 && (min === undefined || value / 100 >= min) && value / 100 <= max) {
      const kind = entry ? 'the entries are decimals' : `the published value is ${published > 0 && published < 1 ? 'the fraction' : 'the decimal'} ${published}`;
      return `must be at most ${max}: ${numberExcerpt(value)} looks like a percent: ${kind}; enter e.g. ${Number((value / 100).toPrecision(12))}`;
    }
    if (!explicit && published > 0 && !(published < 1)) {
      return `must be at most ${max} (100 times the published ${published}), not ${numberExcerpt(value)}; check the digits`;
    }
    return `must be at most ${max}, not ${numberExcerpt(value)}${fix}`;
  }
  if (/TermMonths$|^termMonths$|PaymentCount/.test(name) && !Number.isInteger(value)) {
    return `must be a whole number of 1 or more (a term or a count of payments), not ${numberExcerpt(value)}`;
  }
  if (whole && !Number.isInteger(value)) {
    return `must be a whole number (of months, days or payments), not ${numberExcerpt(value)}`;
  }
  return null;
}

/**
 * The problem with an override of any parameter value, or null: a number is judged as above; a
 * list or record of numbers entry by entry (the parameter's bounds hold for every entry; the
 * case parser refuses tables in a case, so this serves `withOverrides`). Text and switches have
 * no range.
 */
export function overrideValueProblem(parameter: RulebookParameter, value: ParameterValue, name: string): string | null {
  if (typeof value === 'number') return overrideRangeProblem(parameter, value, name);
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'number' || !Number.isFinite(entry)) return `entry ${JSON.stringify(key)} must be a finite number, not ${JSON.stringify(entry)}`;
    const problem = tableEntryProblem(parameter, entry, name);
    if (problem !== null) return `entry ${JSON.stringify(key)} ${problem}`;
  }
  return null;
}

/** An entry of a table parameter: the parameter's bounds, whole when the parameter is named for days or months. */
function tableEntryProblem(parameter: RulebookParameter, value: number, name: string): string | null {
  if (parameter.min === undefined && parameter.max === undefined) return null;
  const whole = parameter.whole === true || /(Months|Days?|Count|Size)$/.test(name);
  return numberProblem(parameter, value, name, whole ? 1 : 0.5, whole, true);
}
