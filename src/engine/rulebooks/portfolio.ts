/** PORTFOLIO rulebooks (filled in by the portfolio programs). */
import type { Rulebook } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const PORTFOLIO_RULEBOOKS: Rulebook<any>[] = [];
