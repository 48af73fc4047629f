/** Generic workout calculators: limits are arguments, so every investor's program can reuse them with its own rulebook. */
export * from './arguments';
export * from './solvers';
export * from './repaymentPlan';
export * from './forbearancePlan';
export * from './paymentDeferral';
