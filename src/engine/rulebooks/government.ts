/** GOVERNMENT rulebooks (filled in by the government programs). */
import type { Rulebook } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const GOVERNMENT_RULEBOOKS: Rulebook<any>[] = [];
