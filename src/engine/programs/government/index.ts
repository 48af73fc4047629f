/** GOVERNMENT programs. */
import type { ProgramDefinition } from '../types';

export const GOVERNMENT_PROGRAMS: ProgramDefinition[] = [];
