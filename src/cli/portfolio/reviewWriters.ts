/**
 * The review rows as JSON lines or CSV, written as they come (tape order). Text that a spreadsheet
 * would take for a formula (a first character of = + - @, tab or carriage return) is prefixed with
 * an apostrophe in CSV (OWASP "CSV injection"): a case id from a tape must never run in Excel.
 */
import { exceptionOf, type PortfolioReviewRow } from '../../engine/portfolioReview';
import { stripControls } from '../../engine/errors';

export const CSV_COLUMNS: [string, (row: PortfolioReviewRow) => string | number | boolean | null][] = [
  ['row', (r) => r.row],
  ['caseId', (r) => r.caseId],
  ['loanNumber', (r) => r.loanNumber],
  ['investor', (r) => r.investor],
  ['daysDelinquent', (r) => r.daysDelinquent],
  ['hardship', (r) => r.hardship],
  ['recommended', (r) => r.program],
  ['recommendedLabel', (r) => r.programLabel],
  ['currentPayment', (r) => r.currentPayment],
  ['proposedPayment', (r) => r.proposedPayment],
  ['paymentChange', (r) => r.paymentChange],
  ['reduction', (r) => r.reduction],
  ['postModificationDti', (r) => r.postModificationDti],
  ['affordabilityFlag', (r) => r.affordabilityFlag],
  ['interpretationUsed', (r) => r.interpretationUsed],
  ['overrideUsed', (r) => r.overrideUsed],
  ['warnings', (r) => (r.warnings.length ? r.warnings.join(' | ') : null)],
  ['nextDeadline', (r) => (r.nextDeadline ? r.nextDeadline.label : null)],
  ['nextDeadlineDate', (r) => (r.nextDeadline ? r.nextDeadline.date : null)],
  ['deadlineStatus', (r) => r.deadlineStatus],
  ['deadlineDetail', (r) => r.deadlineDetail],
  ['exception', (r) => exceptionOf(r)],
  ['error', (r) => r.error],
];

export function csvHeader(): string {
  return `${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`;
}

export function csvLine(row: PortfolioReviewRow): string {
  return `${CSV_COLUMNS.map(([, get]) => csvField(get(row))).join(',')}\r\n`;
}

export function jsonLine(row: PortfolioReviewRow): string {
  return `${JSON.stringify(row)}\n`;
}

function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = stripControls(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
