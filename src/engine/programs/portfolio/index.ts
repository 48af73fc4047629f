/** PORTFOLIO programs. */
import type { ProgramDefinition } from '../types';

export const PORTFOLIO_PROGRAMS: ProgramDefinition[] = [];
