/**
 * The example loan tape (examples/portfolio-tape.csv, the same cells; test/excel/portfolioReview.test.ts
 * checks they agree), for the workbench's "Load example tape" and the tests: eight loans, one of
 * them (T-008) with a rate typed as a percent, so the review shows a problem row.
 */
export const EXAMPLE_TAPE_CSV_ROWS: readonly (readonly string[])[] = [
  ["caseId", "loanNumber", "investor", "evaluationDate", "upb", "rate", "remainingTermMonths", "contractualPI", "monthlyEscrow", "monthsDelinquent", "nextDueDate", "originationDate", "delinquentInterest", "escrowAdvances", "value", "valuationDate", "state", "occupancy", "hardship", "hardshipResolved", "intent", "grossMonthlyIncome", "taxes", "insurance", "monthlyDebts", "familySize", "region", "modificationRate", "pmms", "applicationReceivedDate", "applicationCompleteDate", "firstTrialPaymentDate"],
  ["T-001", "0012340001", "FREDDIE", "2025-10-15", "347868.83", "0.0475", "322", "1913.14", "0", "4", "2025-06-01", "2012-04-20", "8261.88", "0", "300000", "2025-10-01", "GA", "OWNER", "REDUCTION_IN_INCOME", "false", "KEEP", "6000", "0", "0", "400", "3", "SOUTH", "0.065", "0.0625", "2025-09-20", "2025-10-02", "2025-11-01"],
  ["T-002", "0012340002", "FANNIE", "2025-10-15", "212500.00", "0.0399", "300", "1121.34", "410", "3", "2025-07-01", "2016-08-01", "2110.45", "820", "265000", "2025-09-30", "TX", "OWNER", "UNEMPLOYMENT", "true", "KEEP", "5200", "260", "150", "300", "2", "SOUTH", "0.065", "0.0625", "2025-10-09", "", "2025-11-01"],
  ["T-003", "0012340003", "FHA", "2025-10-15", "185000.00", "0.0325", "310", "850.12", "390", "5", "2025-05-01", "2020-11-01", "2510.00", "1950", "210000", "2025-10-05", "OH", "OWNER", "REDUCTION_IN_INCOME", "false", "KEEP", "3600", "240", "150", "250", "4", "MIDWEST", "0.0625", "0.0625", "2025-09-01", "2025-09-10", "2025-11-01"],
  ["T-004", "0012340004", "VA", "2025-10-15", "240000.00", "0.0425", "330", "1242.10", "420", "4", "2025-06-01", "2018-03-01", "3400.00", "1680", "255000", "2025-09-25", "VA", "OWNER", "DISABILITY", "false", "KEEP", "5400", "270", "150", "650", "3", "SOUTH", "0.065", "0.0625", "2025-09-15", "2025-09-28", "2025-11-01"],
  ["T-005", "0012340005", "USDA", "2025-10-15", "142000.00", "0.0375", "320", "690.50", "300", "2", "2025-08-01", "2019-06-01", "890.00", "600", "150000", "2025-10-01", "KY", "OWNER", "REDUCTION_IN_INCOME", "false", "KEEP", "3100", "180", "120", "200", "3", "SOUTH", "0.065", "0.0625", "2025-10-10", "", "2025-11-01"],
  ["T-006", "0012340006", "PORTFOLIO", "2025-10-15", "310000.00", "0.0650", "300", "2093.18", "480", "6", "2025-04-01", "2007-05-01", "10075.00", "2880", "280000", "2025-10-02", "CA", "OWNER", "REDUCTION_IN_INCOME", "false", "KEEP", "7200", "300", "180", "900", "2", "WEST", "0.065", "0.0625", "2025-08-20", "2025-09-02", "2025-11-01"],
  ["T-007", "0012340007", "FANNIE", "2025-10-15", "198000.00", "0.0450", "280", "1085.00", "350", "5", "2025-05-01", "2014-02-01", "3700.00", "1750", "180000", "2025-10-03", "FL", "OWNER", "DEATH", "false", "SELL", "2500", "210", "140", "200", "1", "SOUTH", "0.065", "0.0625", "2025-09-12", "2025-09-20", "2025-11-01"],
  ["T-008", "0012340008", "FREDDIE", "2025-10-15", "150000.00", "4.25", "300", "812.00", "300", "3", "2025-07-01", "2015-09-01", "1590.00", "900", "250000", "2025-09-28", "NC", "OWNER", "REDUCTION_IN_INCOME", "false", "KEEP", "4500", "180", "120", "300", "2", "SOUTH", "0.065", "0.0625", "", "", "2025-11-01"],
];

/** Columns kept as text (a loan number's leading zeros; a case id that looks like a number). */
const TEXT_COLUMNS = new Set(['caseId', 'loanNumber']);

type TapeCell = string | number | boolean | null;

/** The CSV's cells as a user's sheet holds them: numbers as numbers, true/false as booleans, ISO dates as typed. */
export function tapeCellsOfCsv(rows: readonly (readonly string[])[]): TapeCell[][] {
  const header = rows[0];
  return rows.map((row, r) =>
    row.map((text, c) => {
      if (r === 0 || TEXT_COLUMNS.has(header[c])) return text;
      if (text === '') return null;
      if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
      if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
      return text;
    }),
  );
}

/** Rows per write of `writeTapeTable`: each write stays far under Excel's 5 MB request limit. */
const ROWS_PER_WRITE = 2000;

/**
 * Writes a loan tape onto a new sheet as an Excel table (as a user would paste a servicer's
 * export and Insert > Table), in writes under the request size limit. Returns the table's name.
 */
export async function writeTapeTable(excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> }, sheetName: string, cells: TapeCell[][]): Promise<string> {
  const header = cells[0].map(String);
  const width = header.length;
  return excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add(sheetName);
    const formatRow = header.map((name) => (TEXT_COLUMNS.has(name) ? '@' : 'General'));
    for (let start = 0; start < cells.length; start += ROWS_PER_WRITE) {
      const slice = cells.slice(start, start + ROWS_PER_WRITE);
      const range = sheet.getRangeByIndexes(start, 0, slice.length, width);
      // Text columns first, so a loan number keeps its leading zeros.
      range.numberFormat = slice.map(() => formatRow);
      range.values = slice.map((row) => row.map((cell) => (cell === null ? '' : cell)));
      await context.sync();
    }
    const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, cells.length, width), true);
    table.name = sheetName.replace(/[^A-Za-z0-9_]/g, '_');
    sheet.activate();
    await context.sync();
    return sheetName.replace(/[^A-Za-z0-9_]/g, '_');
  });
}
