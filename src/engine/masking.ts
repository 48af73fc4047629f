/** Personal identifiers as the add-in shows them: never whole (the brief: loan numbers and SSNs masked). */

/** "****5678": a loan number masked to its last 4 characters (spaces ignored). */
export function maskLoanNumber(loanNumber: string): string {
  return `****${loanNumber.replace(/\s/g, '').slice(-4)}`;
}
