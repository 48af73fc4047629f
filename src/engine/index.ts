/**
 * LM Workbench engine: pure TypeScript, decimal money, no Office, React or I/O.
 * `evaluateCase(case, { programs? })` is the entry point the CLI, the pane and the custom functions share.
 */
export * from './money';
export * from './amortization';
export * from './dates';
export * from './errors';
export * from './results';
export * from './case/types';
export * from './case/parse';
export * from './case/serialize';
export * from './affordability';
export * from './income';
export * from './vaResidual';
export * from './rulebooks/affordability';
export * from './evaluate';
export * from './rulebooks';
export * from './programs';
export * from './programs/gse';
export * from './rulebooks/gse';
export * from './programs/government';
export * from './programs/portfolio';
export * from './rulebooks/government';
export * from './rulebooks/portfolio';
export * from './workouts';
export * from './regulationX';
export * from './holidays';
export * from './npv';
export * from './recommendation';
export { ENGINE_VERSION } from './version';
