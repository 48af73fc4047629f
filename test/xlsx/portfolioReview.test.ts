/**
 * `lm portfolio TAPE --xlsx OUT`: the Portfolio Review sheet as a real workbook, recalculated by
 * LibreOffice Calc. Its native totals (loans, by recommendation, by deadline status) must equal
 * the counts of the table's own rows, as a second spreadsheet application computes them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runPortfolio } from '../../src/cli/portfolio/command';
import { PORTFOLIO_REVIEW_SHEET } from '../../src/summary/portfolioReviewPlan';
import { INSTALL_HINT, findSoffice, recalculateWithLibreOffice } from '../support/libreOffice';
import { valueAt } from '../support/xlsxCells';

const TAPE = join(__dirname, '..', '..', 'examples', 'portfolio-tape.csv');

test('the review workbook: exceptions first, and LibreOffice agrees with every total', async () => {
  const soffice = findSoffice();
  if (!soffice) throw new Error(INSTALL_HINT);
  const dir = mkdtempSync(join(tmpdir(), 'lm-review-xlsx-'));
  try {
    const out = join(dir, 'review.xlsx');
    let err = '';
    const code = await runPortfolio([TAPE, '--xlsx', out, '--workers', '0'], { stderr: (t) => (err += t), output: () => process.stdout, stderrIsTty: false });
    expect(code).toBe(0);
    expect(err).toMatch(/8 loans \(1 could not be evaluated\)/);

    const run = await recalculateWithLibreOffice(soffice, [out], join(dir, 'recalculated'), dir, 240_000);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(run.outputs.get(out) as string);
    const sheet = workbook.getWorksheet(PORTFOLIO_REVIEW_SHEET)!;

    // Find the table's header row by its first header, then read the body.
    let headerRow = 0;
    sheet.eachRow((row, n) => {
      if (!headerRow && valueAt(sheet, `A${n}`) === 'Row' && valueAt(sheet, `B${n}`) === 'Exception') headerRow = n;
      void row;
    });
    expect(headerRow).toBeGreaterThan(0);
    const headers: string[] = [];
    for (let c = 1; ; c++) {
      const v = sheet.getRow(headerRow).getCell(c).value;
      if (v === null || v === undefined || v === '') break;
      headers.push(String(v));
    }
    const body: Record<string, unknown>[] = [];
    for (let r = headerRow + 1; valueAt(sheet, `A${r}`) !== null; r++) {
      body.push(Object.fromEntries(headers.map((h, c) => [h, sheet.getRow(r).getCell(c + 1).value])));
    }
    expect(body).toHaveLength(8);
    const order = ['Deadline passed: confirm done', 'Deadline due soon', 'No option fits', 'Affordability flag', 'Problem in the input', null];
    const ranks = body.map((row) => order.indexOf((row.Exception ?? null) as string | null));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    const totalRightOf = (label: string, labelColumn: string, countColumn: string) => {
      for (let r = 1; r < headerRow; r++) if (valueAt(sheet, `${labelColumn}${r}`) === label) return valueAt(sheet, `${countColumn}${r}`);
      throw new Error(`no total labelled ${label}`);
    };
    expect(totalRightOf('Loans', 'A', 'B')).toBe(8);
    const count = (column: string, value: string) => body.filter((row) => row[column] === value).length;
    for (const label of new Set(body.map((row) => row.Recommended).filter((v): v is string => typeof v === 'string'))) {
      expect([label, totalRightOf(label, 'D', 'E')]).toEqual([label, count('Recommended', label)]);
    }
    for (const status of ['Passed', 'Due soon', 'OK', 'No dates']) {
      expect([status, totalRightOf(status, 'G', 'H')]).toEqual([status, count('Deadline status', status)]);
    }
    expect(totalRightOf('Not decided', 'J', 'K')).toBe(8);
    // The status colours survive LibreOffice: it read each conditional format and wrote it back
    // (a rule it could not read would be dropped). Each status cell's own rule is found by its text.
    const formats = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[]; text?: string; style?: { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } } } }[] }[] }).conditionalFormattings;
    const column = (header: string) => String.fromCharCode(65 + headers.indexOf(header));
    const ruleFor = (header: string, label: string) => {
      const letter = column(header);
      const hits = formats.filter((f) => f.ref.replace(/\$/g, '') === `${letter}${headerRow + 1}:${letter}${headerRow + body.length}`)
        .flatMap((f) => f.rules)
        .filter((r) => (r.text ?? r.formulae?.join(' ') ?? '').includes(`"${label}"`) || r.text === label);
      expect([header, label, hits.length]).toEqual([header, label, 1]);
      const fill = hits[0].style?.fill;
      return (fill?.bgColor?.argb ?? fill?.fgColor?.argb ?? '').slice(-6).toUpperCase();
    };
    expect(ruleFor('Exception', 'Deadline passed: confirm done')).toBe('FFC7CE');
    expect(ruleFor('Exception', 'Deadline due soon')).toBe('FFEB9C');
    expect(ruleFor('Exception', 'Problem in the input')).toBe('FFC7CE');
    expect(ruleFor('Deadline status', 'Passed')).toBe('FFC7CE');
    expect(ruleFor('Deadline status', 'OK')).toBe('C6EFCE');
    // The loan numbers of the tape are never written whole.
    expect(JSON.stringify(body)).not.toMatch(/001234000\d/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
