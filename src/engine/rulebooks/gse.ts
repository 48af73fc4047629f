/** GSE rulebooks (filled in by the gse programs). */
import type { Rulebook } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const GSE_RULEBOOKS: Rulebook<any>[] = [];
