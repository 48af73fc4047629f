/** The program catalogue: every program the engine can evaluate, by id. */
import type { ProgramDefinition } from './types';
import { GSE_PROGRAMS } from './gse';
import { GOVERNMENT_PROGRAMS } from './government';
import { PORTFOLIO_PROGRAMS } from './portfolio';
import { DISPOSITION_PROGRAMS } from './disposition';

export * from './types';
export { WATERFALLS } from './waterfalls';

export const ALL_PROGRAMS: ProgramDefinition[] = [...GSE_PROGRAMS, ...GOVERNMENT_PROGRAMS, ...PORTFOLIO_PROGRAMS, ...DISPOSITION_PROGRAMS];

export function findProgram(id: string): ProgramDefinition | undefined {
  return ALL_PROGRAMS.find((program) => program.id === id);
}
