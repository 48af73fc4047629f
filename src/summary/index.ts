/** Declarative sheet plans (no Office calls): the Case Input and Case Summary sheets. */
export * from './sheetPlan';
export * from './caseInputLayout';
export * from './caseInputPlan';
export * from './caseInputRead';
export * from './caseSummaryPlan';
