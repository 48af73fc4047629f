/**
 * The rulebook catalogue: every published rulebook the engine knows, by id.
 * Program families add theirs to `ALL_RULEBOOKS`.
 */
import type { Rulebook } from './types';
import { GSE_RULEBOOKS } from './gse';
import { GOVERNMENT_RULEBOOKS } from './government';
import { PORTFOLIO_RULEBOOKS } from './portfolio';
import { DISPOSITION_RULEBOOKS } from './disposition';
import { AFFORDABILITY_RULEBOOKS } from './affordability';

export * from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ALL_RULEBOOKS: Rulebook<any>[] = [...GSE_RULEBOOKS, ...GOVERNMENT_RULEBOOKS, ...PORTFOLIO_RULEBOOKS, ...DISPOSITION_RULEBOOKS, ...AFFORDABILITY_RULEBOOKS];

export function findRulebook(id: string): Rulebook | undefined {
  return ALL_RULEBOOKS.find((rulebook) => rulebook.id === id);
}
