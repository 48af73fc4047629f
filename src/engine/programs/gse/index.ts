/** GSE programs. */
import type { ProgramDefinition } from '../types';

export const GSE_PROGRAMS: ProgramDefinition[] = [];
