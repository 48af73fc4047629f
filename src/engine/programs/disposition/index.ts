/** DISPOSITION programs. */
import type { ProgramDefinition } from '../types';

export const DISPOSITION_PROGRAMS: ProgramDefinition[] = [];
