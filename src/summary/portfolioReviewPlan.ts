/**
 * The Portfolio Review sheet (issue 11): one row per loan, exceptions first, totals at the top as
 * native formulas (they read and update without the add-in), an Excel table with filters, and two
 * charts. The manager's decision of each built summary is read live from the summary's approval
 * block by a native formula, so decisions entered on summaries roll up by themselves.
 * A pure plan: src/excel renders it in the pane, src/xlsx writes it to a file.
 */
import { addDays, type IsoDate } from '../engine/dates';
import { compareReviewRows, exceptionOf, type DeadlineStatus, type PortfolioReviewRow } from '../engine/portfolioReview';
import { APPROVAL_DECISIONS } from './caseSummaryPlan';
import { FORMATS, columnLetter, formulaText, qualifiedAddress, type CellValue, type ConditionalLookName, type PlannedCell, type PlannedChart, type PlannedConditionalFormat, type SheetPlan } from './sheetPlan';

export const PORTFOLIO_REVIEW_SHEET = 'Portfolio Review';
export const PORTFOLIO_REVIEW_TABLE = 'PortfolioReview';

/**
 * A loan's built Case Summary. A summary names its Decision cell with the sheet-scoped name
 * `LM_Decision` (caseSummaryPlan), so the review's formula follows the cell wherever the summary's
 * layout puts it; a summary built before the name existed has none (`hasDecisionName` false):
 * then the review links the summary but reads no decision.
 */
export interface SummaryLink {
  sheetName: string;
  hasDecisionName: boolean;
}

/** The sheet-scoped name of a Case Summary's Decision cell. */
export const DECISION_NAME = 'LM_Decision';

export interface PortfolioReviewPlanOptions {
  /** The evaluation date of the review (the deadline chart counts 14 days from it). */
  reviewDate: IsoDate;
  /** Built summaries by case id. */
  summaries?: ReadonlyMap<string, SummaryLink>;
  /** What the review was built from, for the subtitle ("the workbook's 12 case sheets", "table Tape1"). */
  source: string;
}

const EXCEPTION_LABELS: Record<ReturnType<typeof exceptionOf>, string> = {
  'deadline passed': 'Deadline passed: confirm done',
  'deadline due soon': 'Deadline due soon',
  'no option fits': 'No option fits',
  affordability: 'Affordability flag',
  'input problem': 'Problem in the input',
  none: '',
};

const STATUS_LABELS: Record<DeadlineStatus, string> = { passed: 'Passed', 'due soon': 'Due soon', ok: 'OK', none: 'No dates' };

/**
 * The colour of each status in the table (conditional formats): red where the manager must act
 * (a deadline passed, no option, a loan the tape could not describe), yellow where a case needs a
 * look (a deadline near, an affordability flag), green for deadlines in hand. The text still says
 * the status, so the colour is never the only sign.
 */
const EXCEPTION_LOOKS: Record<Exclude<ReturnType<typeof exceptionOf>, 'none'>, ConditionalLookName> = {
  'deadline passed': 'alert',
  'deadline due soon': 'caution',
  'no option fits': 'alert',
  affordability: 'caution',
  'input problem': 'alert',
};
const STATUS_LOOKS: Partial<Record<DeadlineStatus, ConditionalLookName>> = { passed: 'alert', 'due soon': 'caution', ok: 'good' };

/** The table's columns: header, number format, and the value of a row. */
const COLUMNS: { header: string; format: string; text?: boolean; value: (row: PortfolioReviewRow) => CellValue }[] = [
  { header: 'Row', format: FORMATS.integer, value: (r) => r.row },
  { header: 'Exception', format: FORMATS.text, value: (r) => EXCEPTION_LABELS[exceptionOf(r)] },
  { header: 'Case ID', format: FORMATS.text, text: true, value: (r) => r.caseId },
  { header: 'Loan', format: FORMATS.text, value: (r) => r.loanNumber },
  { header: 'Investor', format: FORMATS.text, value: (r) => r.investor },
  { header: 'Days delinquent', format: FORMATS.integer, value: (r) => r.daysDelinquent },
  { header: 'Hardship', format: FORMATS.text, value: (r) => (r.hardship ? plainWords(r.hardship) : null) },
  { header: 'Recommended', format: FORMATS.text, value: (r) => r.programLabel ?? (r.error ? null : 'No option fits') },
  { header: 'Current payment', format: FORMATS.currency, value: (r) => r.currentPayment },
  { header: 'Proposed payment', format: FORMATS.currency, value: (r) => r.proposedPayment },
  { header: 'Change', format: FORMATS.currency, value: (r) => r.paymentChange },
  { header: 'Reduction', format: FORMATS.percent, value: (r) => r.reduction },
  { header: 'Post-mod DTI', format: FORMATS.percent, value: (r) => r.postModificationDti },
  { header: 'Affordability', format: FORMATS.text, value: (r) => r.affordabilityFlag },
  { header: 'Interpretation used', format: FORMATS.text, value: (r) => (r.error ? null : r.interpretationUsed ? 'Yes' : 'No') },
  { header: 'Override used', format: FORMATS.text, value: (r) => (r.error ? null : r.overrideUsed ? 'Yes' : 'No') },
  { header: 'Warnings', format: FORMATS.text, value: (r) => (r.warnings.length > 0 ? r.warnings.join(' | ') : null) },
  { header: 'Next deadline', format: FORMATS.text, value: (r) => r.nextDeadline?.label ?? null },
  { header: 'Deadline date', format: FORMATS.date, value: (r) => r.nextDeadline?.date ?? null },
  { header: 'Deadline status', format: FORMATS.text, value: (r) => (r.error ? null : STATUS_LABELS[r.deadlineStatus]) },
  // General, not Text: a formula written into a Text cell stays text (Excel shows "=HYPERLINK(...)").
  { header: 'Summary', format: FORMATS.general, value: () => null },
  { header: 'Decision', format: FORMATS.general, value: () => null },
  { header: 'Problem (row, field, fix)', format: FORMATS.text, value: (r) => r.error },
];

const column = (header: string): number => COLUMNS.findIndex((c) => c.header === header);

/** "REDUCTION_IN_INCOME" to "Reduction in income". */
function plainWords(identifier: string): string {
  const words = identifier.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function portfolioReviewPlan(reviewRows: readonly PortfolioReviewRow[], options: PortfolioReviewPlanOptions): SheetPlan {
  const rows = reviewOrder(reviewRows);
  return portfolioReviewPlanOfTable({ rows, cells: rows.map((row) => reviewTableRow(row, options.summaries)) }, options);
}

/** The review rows in the table's order: exceptions first, then by tape row. */
export function reviewOrder(reviewRows: readonly PortfolioReviewRow[]): PortfolioReviewRow[] {
  return [...reviewRows].sort(compareReviewRows);
}

/** A loan's row of the review table: its values, and the formulas that take the place of some (else null). */
export interface ReviewTableRow {
  values: CellValue[];
  formulas: (string | null)[];
}

/** The review table: the rows in its order (reviewOrder) and each one's cells (reviewTableRow), in the same order. */
export interface ReviewTable {
  rows: readonly PortfolioReviewRow[];
  cells: readonly ReviewTableRow[];
}

/** One loan's row of the review table, with the summary link and the live decision as formulas. */
export function reviewTableRow(row: PortfolioReviewRow, summaries: PortfolioReviewPlanOptions['summaries']): ReviewTableRow {
  const link = row.caseId ? summaries?.get(row.caseId) : undefined;
  const formulas: (string | null)[] = COLUMNS.map(() => null);
  if (link) {
    formulas[column('Summary')] = `=HYPERLINK("#${qualifiedAddress(link.sheetName, 'A1').replace(/"/g, '""')}",${formulaText(link.sheetName)})`;
    if (link.hasDecisionName) {
      const target = qualifiedAddress(link.sheetName, DECISION_NAME);
      formulas[column('Decision')] = `=IF(${target}="","",${target})`;
    }
  }
  return { values: COLUMNS.map((c) => c.value(row)), formulas };
}

/**
 * The review sheet of a table already made: the pane makes the table's rows in chunks that yield
 * (a review of 100,000 loans is 2.3 million cells), then the rest of the plan here.
 */
export function portfolioReviewPlanOfTable(table: ReviewTable, options: PortfolioReviewPlanOptions): SheetPlan {
  const { rows } = table;
  const cells: PlannedCell[] = [];
  const put = (address: string, cell: Omit<PlannedCell, 'address'>) => cells.push({ address, ...cell });

  put('A1', { value: 'Portfolio Review', style: 'title' });
  put('A2', { value: `${rows.length} loans from ${options.source}, reviewed ${options.reviewDate}; exceptions first`, style: 'subtitle' });

  // The table sits under the totals; its first body row is fixed once the totals' height is known.
  const recommendations = [...new Set(rows.map((r) => COLUMNS[column('Recommended')].value(r)).filter((v): v is string => typeof v === 'string'))].sort();
  const statuses = Object.values(STATUS_LABELS);
  const decisions = [...APPROVAL_DECISIONS];
  const totalsHeight = 2 + Math.max(recommendations.length, statuses.length, decisions.length + 1) + 1;
  const headerRow = 4 + totalsHeight; // 1-based
  const firstRow = headerRow + 1;
  const lastRow = headerRow + Math.max(1, rows.length);
  const rangeOf = (header: string) => {
    const letter = columnLetter(column(header));
    return `$${letter}$${firstRow}:$${letter}$${lastRow}`;
  };

  // Totals: native formulas over the table's columns.
  const totalsTop = 4;
  put(`A${totalsTop}`, { value: 'Totals', style: 'section' });
  put(`A${totalsTop + 1}`, { value: 'Loans', style: 'label' });
  put(`B${totalsTop + 1}`, { formula: `=COUNT(${rangeOf('Row')})`, numberFormat: FORMATS.integer, style: 'total' });
  const block = (col: string, countCol: string, title: string, labels: string[], range: string, blankLabel?: string) => {
    put(`${col}${totalsTop + 1}`, { value: title, style: 'tableHeader' });
    put(`${countCol}${totalsTop + 1}`, { value: 'Loans', style: 'tableHeader' });
    labels.forEach((label, i) => {
      put(`${col}${totalsTop + 2 + i}`, { value: label, style: 'label', text: true });
      put(`${countCol}${totalsTop + 2 + i}`, { formula: `=COUNTIF(${range},${formulaText(label)})`, numberFormat: FORMATS.integer });
    });
    if (blankLabel) {
      const r = totalsTop + 2 + labels.length;
      put(`${col}${r}`, { value: blankLabel, style: 'label' });
      put(`${countCol}${r}`, { formula: `=ROWS(${range})-COUNTIF(${range},"?*")`, numberFormat: FORMATS.integer });
    }
    return `${col}${totalsTop + 1}:${countCol}${totalsTop + 1 + labels.length}`;
  };
  const recommendationBlock = block('D', 'E', 'Recommendation', recommendations, rangeOf('Recommended'));
  block('G', 'H', 'Deadline status', statuses, rangeOf('Deadline status'));
  block('J', 'K', 'Decision', decisions, rangeOf('Decision'), 'Not decided');

  // The review table: values, with the summary link and the live decision as formulas.
  const body: CellValue[][] = table.cells.map((c) => c.values);
  const formulas: (string | null)[][] = table.cells.map((c) => c.formulas);
  const lastColumn = columnLetter(COLUMNS.length - 1);

  // Each status column's labels are distinct and none contains another, so a "contains" rule
  // matches its own label only (a test holds this).
  const bodyOf = (header: string) => rangeOf(header).replace(/\$/g, '');
  const conditionalFormats: PlannedConditionalFormat[] = [
    ...Object.entries(EXCEPTION_LOOKS).map(([kind, look]) => ({ address: bodyOf('Exception'), textContains: EXCEPTION_LABELS[kind as keyof typeof EXCEPTION_LOOKS], look })),
    ...Object.entries(STATUS_LOOKS).map(([status, look]) => ({ address: bodyOf('Deadline status'), textContains: STATUS_LABELS[status as DeadlineStatus], look: look! })),
  ];

  // Chart data: recommendations (the totals block above) and deadlines in the next 14 days.
  const chartTop = lastRow + 3;
  put(`A${chartTop}`, { value: 'Deadlines in the next 14 days', style: 'section' });
  put(`A${chartTop + 1}`, { value: 'Date', style: 'tableHeader' });
  put(`B${chartTop + 1}`, { value: 'Deadlines', style: 'tableHeader' });
  for (let d = 0; d < 14; d++) {
    const date = addDays(options.reviewDate, d);
    put(`A${chartTop + 2 + d}`, { value: date, numberFormat: FORMATS.date });
    put(`B${chartTop + 2 + d}`, { formula: `=COUNTIF(${rangeOf('Deadline date')},A${chartTop + 2 + d})`, numberFormat: FORMATS.integer });
  }
  const charts: PlannedChart[] = [
    { type: 'BarClustered', title: 'Recommendations by option', sourceAddress: recommendationBlock, seriesBy: 'Columns', topLeft: `D${chartTop}`, bottomRight: `H${chartTop + 16}` },
    { type: 'ColumnClustered', title: 'Deadlines in the next 14 days', sourceAddress: `A${chartTop + 1}:B${chartTop + 15}`, seriesBy: 'Columns', topLeft: `J${chartTop}`, bottomRight: `P${chartTop + 16}` },
  ];

  const columnWidths: Record<string, number> = {};
  COLUMNS.forEach((c, i) => {
    columnWidths[columnLetter(i)] = /Warnings|Problem|Affordability|Exception|Next deadline|Recommended/.test(c.header) ? 160 : /Summary|Hardship/.test(c.header) ? 110 : 80;
  });

  return {
    sheetName: PORTFOLIO_REVIEW_SHEET,
    cells,
    merges: [],
    names: [],
    tables: [
      {
        name: PORTFOLIO_REVIEW_TABLE,
        headerAddress: `A${headerRow}:${lastColumn}${headerRow}`,
        headers: COLUMNS.map((c) => c.header),
        rows: body.length > 0 ? body : [COLUMNS.map(() => null)],
        formulas: body.length > 0 ? formulas : undefined,
        columnFormats: COLUMNS.map((c) => c.format),
        textColumns: COLUMNS.map((c) => c.text === true),
        style: 'TableStyleMedium2',
      },
    ],
    validations: [],
    columnWidths,
    freezeRows: headerRow,
    print: { orientation: 'Landscape', fitToPagesWide: 1, printArea: `A1:${lastColumn}${chartTop + 16}`, titleRows: `$${headerRow}:$${headerRow}` },
    charts,
    conditionalFormats,
    showGridlines: false,
  };
}
