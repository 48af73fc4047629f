/** Node-side .xlsx writer of the sheet plans (exceljs): the standard Case Summary workbook without Excel. */
export * from './planSheet';
export * from './caseWorkbook';
