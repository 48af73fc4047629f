/** DISPOSITION rulebooks (filled in by the disposition programs). */
import type { Rulebook } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DISPOSITION_RULEBOOKS: Rulebook<any>[] = [];
