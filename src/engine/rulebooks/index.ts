/**
 * The rulebook catalogue: every published rulebook version the engine knows, by id, and the
 * choice of the version in force on a date (engine.md section 9).
 *
 * `ALL_RULEBOOKS` holds the current version of each rulebook (what program families publish in
 * their own files); `EARLIER_RULEBOOKS` the versions they replaced, each with the dates it
 * applied (rulebooks/earlier/*). An evaluation uses, for each rulebook id, the version whose
 * `effectiveDate`..`effectiveUntil` covers the case's evaluation date. When none does (a date
 * before the earliest version known), it uses the earliest version and says so in a warning:
 * it never applies a later rule to an earlier date in silence.
 */
import type { Rulebook } from './types';
import { GSE_RULEBOOKS } from './gse';
import { GOVERNMENT_RULEBOOKS } from './government';
import { PORTFOLIO_RULEBOOKS } from './portfolio';
import { DISPOSITION_RULEBOOKS } from './disposition';
import { AFFORDABILITY_RULEBOOKS } from './affordability';
import { EARLIER_RULEBOOKS } from './earlier';
import { formatRulebookRef, rulebookRef } from './types';

export * from './types';
export { EARLIER_RULEBOOKS } from './earlier';

/** The current version of every rulebook (one per id). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ALL_RULEBOOKS: Rulebook<any>[] = [...GSE_RULEBOOKS, ...GOVERNMENT_RULEBOOKS, ...PORTFOLIO_RULEBOOKS, ...DISPOSITION_RULEBOOKS, ...AFFORDABILITY_RULEBOOKS];

/** The current version of a rulebook. */
export function findRulebook(id: string): Rulebook | undefined {
  return ALL_RULEBOOKS.find((rulebook) => rulebook.id === id);
}

/** Every version of every rulebook, current and earlier. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const RULEBOOK_VERSIONS: Rulebook<any>[] = [...ALL_RULEBOOKS, ...EARLIER_RULEBOOKS];

/** Versions by id, oldest first, built once: every evaluation looks its rulebooks up (a loan tape does it per loan). */
const VERSIONS_BY_ID = new Map<string, Rulebook[]>();
for (const rulebook of RULEBOOK_VERSIONS) VERSIONS_BY_ID.set(rulebook.id, [...(VERSIONS_BY_ID.get(rulebook.id) ?? []), rulebook]);
for (const versions of VERSIONS_BY_ID.values()) versions.sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));

/** The versions of one rulebook, oldest first (a copy). */
export function rulebookVersions(id: string): Rulebook[] {
  return [...(VERSIONS_BY_ID.get(id) ?? [])];
}

export interface RulebookInForce<R extends Rulebook = Rulebook> {
  rulebook: R;
  /** Set when no version covers the date and the earliest was used instead. */
  warning?: string;
}

/** True when `rulebook`'s dates cover `date` (ISO dates compare as strings). */
export function coversDate(rulebook: Rulebook, date: string): boolean {
  return rulebook.effectiveDate <= date && (rulebook.effectiveUntil === undefined || date <= rulebook.effectiveUntil);
}

/**
 * The version of rulebook `id` in force on `date`. Throws for an unknown id. When no version
 * covers the date, the earliest version (or, past a gap, the latest one before the date), with a warning.
 */
export function rulebookInForce(id: string, date: string): RulebookInForce {
  const versions = VERSIONS_BY_ID.get(id) ?? [];
  if (versions.length === 0) throw new Error(`no rulebook "${id}" is defined`);
  const covering = versions.find((rulebook) => coversDate(rulebook, date));
  if (covering) return { rulebook: covering };
  const earlier = versions.filter((rulebook) => rulebook.effectiveDate <= date);
  const used = earlier.length > 0 ? earlier[earlier.length - 1] : versions[0];
  const first = versions[0];
  const why =
    date < first.effectiveDate
      ? `the earliest version known took effect ${first.effectiveDate}`
      : `no version known covers that date`;
  return {
    rulebook: used,
    warning: `No ${id} rulebook covers the evaluation date ${date} (${why}): evaluated under ${formatRulebookRef(rulebookRef(used))}; check the investor's rules of that date.`,
  };
}
