/**
 * Rulebooks (engine.md section 9): each program's parameters live in a named, dated rulebook,
 * never as literals in code. Every parameter carries its public source and date, and whether
 * the spec marks it **Interpretation** (a figure a servicer may need to correct without a
 * release). A case or a workbook can override parameters; the result then names the
 * rulebook as `<version>+overrides` and lists what was overridden.
 */
import type { RulebookRef } from '../results';
import { overrideValueProblem } from './ranges';

export type ParameterValue = number | string | boolean | number[] | Record<string, number>;

/**
 * How far a parameter's source was checked (docs/sources.md):
 * - `verified`: the primary text itself was read (CFR, statute, guide, handbook, Mortgagee Letter);
 * - `quoted`: a secondary source quoting or summarizing the primary text was read;
 * - `interpretation`: no source confirms the figure in full (the spec's **Interpretation**, or an engine decision).
 */
export type SourceStatus = 'verified' | 'quoted' | 'interpretation';

export const SOURCE_STATUSES: readonly SourceStatus[] = ['verified', 'quoted', 'interpretation'];

export interface RulebookParameter<T extends ParameterValue = ParameterValue> {
  value: T;
  /** What the parameter means, in a specialist's words. */
  description: string;
  /** The public source and its date, e.g. "Fannie Mae Servicing Guide D2-3.2-06 (2024-12-01)". */
  source: string;
  /** True where the spec says Interpretation: the figure could not be confirmed in full from the source. */
  interpretation?: boolean;
  /**
   * How far the source was checked. When absent: `interpretation` when `interpretation` is true,
   * else the status recorded in rulebooks/sourceChecks.ts, else `quoted` (`sourceStatus()`).
   */
  status?: SourceStatus;
  /**
   * The range an override must lie in (ranges.ts): the limits of a plausible servicer correction,
   * not the published value (rulebooks/bounds.ts). For a table (list or record of numbers) they
   * bound every entry. A numeric parameter without them falls back to the interim rule of
   * ranges.ts; test/engine/rulebookBounds.test.ts expects none to.
   */
  min?: number;
  max?: number;
  /** Why `min`/`max`: the reason, and the source (section, date) where one sets the limit. */
  boundsWhy?: string;
  /** A whole number (a count) where the name does not say so (ranges.ts reads `...Months`, `...Days`, `...Count`). */
  whole?: boolean;
}

export type RulebookParameters<P> = { [K in keyof P]: P[K] extends ParameterValue ? RulebookParameter<P[K]> : never };

export interface Rulebook<P extends Record<string, ParameterValue> = Record<string, ParameterValue>> {
  id: string;
  version: string;
  /** The date from which these parameters apply: the day this version took effect (engine.md section 9). */
  effectiveDate: string;
  /**
   * The last day this version applied, once a later version replaced it; absent while it is in
   * force. The engine evaluates a case under the version whose dates cover its evaluation date.
   */
  effectiveUntil?: string;
  /**
   * Programs that apply this rulebook but did not exist under this version (e.g. the VA partial
   * claim before 2026-06-01): the waterfall leaves them out on this version's dates, with a warning.
   */
  programsNotOffered?: string[];
  title: string;
  parameters: RulebookParameters<P>;
  /** Parameters replaced by an override, with their original values (empty for a published rulebook). */
  overridden?: Record<string, ParameterValue>;
}

const valuesOfRulebook = new WeakMap<Rulebook, Readonly<Record<string, ParameterValue>>>();

/**
 * The parameter values of a rulebook as a plain object, for the program code that applies them.
 * Memoized per rulebook object (every program evaluation asks for its rulebook's values) and
 * frozen, so that no caller can change a value another caller reads.
 */
export function parameterValues<P extends Record<string, ParameterValue>>(rulebook: Rulebook<P>): P {
  const memoized = valuesOfRulebook.get(rulebook as unknown as Rulebook);
  if (memoized !== undefined) return memoized as P;
  const values = {} as Record<string, ParameterValue>;
  for (const [name, parameter] of Object.entries(rulebook.parameters) as [string, RulebookParameter][]) {
    values[name] = parameter.value;
  }
  valuesOfRulebook.set(rulebook as unknown as Rulebook, Object.freeze(values));
  return values as P;
}

export function rulebookRef(rulebook: Rulebook): RulebookRef {
  return { id: rulebook.id, version: rulebook.version };
}

/** "GSE-FLEX 2024-12-01" */
export function formatRulebookRef(ref: RulebookRef): string {
  return `${ref.id} ${ref.version}`;
}

/**
 * A copy of the rulebook with some parameters replaced. Unknown parameter names and values of
 * the wrong type are errors naming the parameter (a typo must not be ignored).
 */
export function withOverrides<P extends Record<string, ParameterValue>>(
  rulebook: Rulebook<P>,
  overrides: Record<string, unknown>,
): Rulebook<P> {
  const entries = Object.entries(overrides);
  if (entries.length === 0) return rulebook;
  const parameters = { ...rulebook.parameters } as Record<string, RulebookParameter>;
  const overridden: Record<string, ParameterValue> = { ...(rulebook.overridden ?? {}) };
  for (const [name, value] of entries) {
    const current = parameters[name];
    if (!current) {
      throw new RangeError(
        `rulebook ${rulebook.id} has no parameter "${name}"; its parameters are: ${Object.keys(parameters).join(', ')}`,
      );
    }
    if (typeof value !== typeof current.value || Array.isArray(value) !== Array.isArray(current.value)) {
      throw new TypeError(`rulebook ${rulebook.id} parameter "${name}" must be a ${describeType(current.value)}, not ${JSON.stringify(value)}`);
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`rulebook ${rulebook.id} parameter "${name}" must be a finite number`);
    }
    // The same ranges as the case parser (case/parse.ts), for callers that pass overrides directly.
    const problem = overrideValueProblem(current, value as ParameterValue, name);
    if (problem !== null) throw new RangeError(`rulebook ${rulebook.id} parameter "${name}" ${problem}`);
    if (!(name in overridden)) overridden[name] = current.value;
    parameters[name] = { ...current, value: value as ParameterValue, source: `override (was ${JSON.stringify(current.value)}: ${current.source})` };
  }
  const baseVersion = rulebook.version.replace(/\+overrides$/, '');
  return { ...rulebook, version: `${baseVersion}+overrides`, parameters: parameters as RulebookParameters<P>, overridden };
}

function describeType(value: ParameterValue): string {
  if (Array.isArray(value)) return 'list of numbers';
  if (typeof value === 'object') return 'table of numbers';
  return typeof value;
}
