/**
 * How an earlier rulebook version is written: the current version's parameters, each marked as
 * carried forward (not re-checked for the earlier dates, so an interpretation), with the
 * parameters the earlier rules set differently restated with their own sources.
 *
 * Carrying forward keeps one parameter type per rulebook id (the program code reads the same
 * names whatever the date) and gives a parameter added later a value on earlier dates too,
 * plainly labelled as such in docs/sources.md.
 */
import type { ParameterValue, Rulebook, RulebookParameter, RulebookParameters } from '../types';

export interface EarlierVersionSpec<P extends Record<string, ParameterValue>> {
  version: string;
  effectiveDate: string;
  effectiveUntil: string;
  title: string;
  programsNotOffered?: string[];
  /** The parameters that version set itself, with their sources. */
  restated: { [K in keyof P]?: RulebookParameter<P[K]> };
}

export function earlierVersion<P extends Record<string, ParameterValue>>(current: Rulebook<P>, spec: EarlierVersionSpec<P>): Rulebook<P> {
  const parameters = {} as Record<string, RulebookParameter>;
  for (const [name, parameter] of Object.entries(current.parameters) as [string, RulebookParameter][]) {
    const restated = (spec.restated as Record<string, RulebookParameter | undefined>)[name];
    // Bounds are the limits of a plausible correction of the figure, whatever its date: a
    // restated parameter keeps the current version's unless it states its own.
    const bounds: Partial<RulebookParameter> = {};
    for (const key of ['min', 'max', 'boundsWhy', 'whole'] as const) if (parameter[key] !== undefined) Object.assign(bounds, { [key]: parameter[key] });
    parameters[name] = restated ? { ...bounds, ...restated } : {
      ...parameter,
      source: `carried from ${current.id} ${current.version}, not re-checked for ${spec.effectiveDate} to ${spec.effectiveUntil}: ${parameter.source}`,
      interpretation: true,
      status: 'interpretation',
    };
  }
  const unknown = Object.keys(spec.restated).filter((name) => !(name in current.parameters));
  if (unknown.length > 0) throw new Error(`${current.id} ${spec.version}: no parameter ${unknown.join(', ')} in ${current.id} ${current.version}`);
  return {
    id: current.id,
    version: spec.version,
    effectiveDate: spec.effectiveDate,
    effectiveUntil: spec.effectiveUntil,
    title: spec.title,
    ...(spec.programsNotOffered ? { programsNotOffered: spec.programsNotOffered } : {}),
    parameters: parameters as RulebookParameters<P>,
  };
}
