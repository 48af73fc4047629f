/**
 * The Case Summary prints as planned (issue 11, "Page 1 is the decision"): the summary of every
 * example case (examples/*.json) is written by the .xlsx writer, printed to PDF by LibreOffice
 * Calc (headless, fresh profile, time-boxed) and read back with poppler's pdftotext:
 *
 * - page 1 holds the decision block (recommendation, payments, key figures, every option, the
 *   Regulation X dates, the approval block) and nothing of the detail; page 2 starts the detail;
 * - nothing on page 1 is clipped: every text planned for page 1 appears whole in page 1's text;
 * - the page count is what the plan implies (page 1, then the detail pages), and every page is
 *   US Letter portrait;
 * - LibreOffice's own row heights for the wrapped text of page 1 (it fits rows that have no set
 *   height) are no taller than the heights the plan set, so no wrapped line is cut off.
 *
 * Files go to os.tmpdir(), or to PRINT_PDF_DIR when set (scripts/pictures.js keeps them for the
 * README picture). Needs soffice (scripts/ensure-libreoffice.sh) and pdftotext
 * (scripts/ensure-poppler.sh).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseCase } from '../../src/engine/case/parse';
import type { LoanCase } from '../../src/engine/case/types';
import { evaluateParsedCase } from '../../src/engine/evaluate';
import type { Evaluation } from '../../src/engine/results';
import { caseSummaryPlan } from '../../src/summary/caseSummaryPlan';
import { parseCellAddress } from '../../src/summary/sheetPlan';
import { addPlanSheet } from '../../src/xlsx/planSheet';
import { INSTALL_HINT, findSoffice, printToPdfWithLibreOffice, recalculateWithLibreOffice } from '../support/libreOffice';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const LIBREOFFICE_TIMEOUT_MS = 240_000;
/** US Letter in PDF points. */
const LETTER = { width: 612, height: 792 };

interface Printed {
  name: string;
  evaluation: Evaluation;
  plan: ReturnType<typeof caseSummaryPlan>;
  pages: string[];
  /** Page sizes in points, from pdfinfo. */
  sizes: { width: number; height: number }[];
}

function tool(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

function pdfText(pdf: string, page: number): string {
  const run = spawnSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${run.stderr}`);
  return run.stdout;
}

function pdfPages(pdf: string): { width: number; height: number }[] {
  const run = spawnSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdfinfo failed on ${pdf}: ${run.stderr}`);
  return [...run.stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** The plan's text cells of page 1 (strings only: numbers print formatted). */
function pageOneTexts(plan: Printed['plan']): string[] {
  return plan.cells
    .filter((cell) => typeof cell.value === 'string' && cell.value.trim() !== '' && parseCellAddress(cell.address).row < plan.anchors.lastDecisionRow)
    .map((cell) => cell.value as string);
}

function summaryWorkbook(plan: Printed['plan']): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  addPlanSheet(workbook, plan);
  return workbook;
}

const soffice = findSoffice();
const poppler = tool('pdftotext') !== null && tool('pdfinfo') !== null;
const describeIfTools = soffice && poppler ? describe : describe.skip;

if (!soffice || !poppler) {
  test('the print test needs LibreOffice and poppler-utils', () => {
    throw new Error(`${soffice ? '' : INSTALL_HINT}\n${poppler ? '' : 'pdftotext/pdfinfo (poppler-utils) are needed: run `bash scripts/ensure-poppler.sh`.'}`);
  });
}

describeIfTools('the Case Summary printed by LibreOffice', () => {
  const work = mkdtempSync(join(tmpdir(), 'lm-summary-print-'));
  const outDir = process.env.PRINT_PDF_DIR ?? join(work, 'pdf');
  const printed: Printed[] = [];
  const optimal = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    const files: string[] = [];
    const unsized: string[] = [];
    const plans: { name: string; evaluation: Evaluation; plan: Printed['plan'] }[] = [];
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort()) {
      const parsed = parseCase(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')));
      if (!parsed.ok) throw new Error(`${file} does not parse`);
      const loanCase: LoanCase = parsed.case;
      const evaluation = evaluateParsedCase(loanCase);
      const plan = caseSummaryPlan(evaluation, loanCase, { sheetName: 'Case Summary', preparer: 'A. Specialist' });
      const name = file.replace(/\.json$/, '');
      const path = join(work, `case-summary-${name}.xlsx`);
      writeFileSync(path, new Uint8Array((await summaryWorkbook(plan).xlsx.writeBuffer()) as ArrayBuffer));
      files.push(path);
      // The same sheet without the heights the plan set: LibreOffice fits those rows itself on load.
      const bare = join(work, 'bare', `case-summary-${name}.xlsx`);
      mkdirSync(join(work, 'bare'), { recursive: true });
      writeFileSync(bare, new Uint8Array((await summaryWorkbook({ ...plan, rowHeights: {} }).xlsx.writeBuffer()) as ArrayBuffer));
      unsized.push(bare);
      plans.push({ name, evaluation, plan });
    }
    await printToPdfWithLibreOffice(soffice!, files, outDir, work, LIBREOFFICE_TIMEOUT_MS);
    const resaved = await recalculateWithLibreOffice(soffice!, unsized, join(work, 'fitted'), work, LIBREOFFICE_TIMEOUT_MS);
    for (const { name, evaluation, plan } of plans) {
      const pdf = join(outDir, `case-summary-${name}.pdf`);
      const sizes = pdfPages(pdf);
      printed.push({ name, evaluation, plan, sizes, pages: sizes.map((_, i) => pdfText(pdf, i + 1)) });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(resaved.outputs.get(join(work, 'bare', `case-summary-${name}.xlsx`))!);
      const heights = new Map<number, number>();
      workbook.worksheets[0].eachRow({ includeEmpty: true }, (row, n) => {
        if (row.height) heights.set(n, row.height);
      });
      optimal.set(name, heights);
    }
  }, LIBREOFFICE_TIMEOUT_MS * 2 + 60_000);

  afterAll(() => {
    if (!process.env.KEEP_PRINT_FILES) rmSync(work, { recursive: true, force: true });
  });

  test('every example case was printed', () => {
    expect(printed.map((p) => p.name)).toEqual(readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort().map((f) => f.replace(/\.json$/, '')));
  });

  test('page 1 holds the decision block, and nothing of the detail', () => {
    for (const { name, evaluation, plan, pages } of printed) {
      const page1 = pages[0];
      const problems: string[] = [];
      const expectOn = (text: string) => {
        if (!squash(page1).includes(squash(text))) problems.push(`${name}: page 1 lacks "${text}"`);
      };
      ['1. Decision', 'Recommended option', 'Payment now', 'Payment after', '2. Key figures', '4. Regulation X dates', '5. Approval', 'Reviewer', 'Decision', 'Comments'].forEach(expectOn);
      for (const id of evaluation.waterfall) expectOn(evaluation.options[id].label);
      for (const label of ['Acknowledgment due', 'Evaluation due', 'Earliest foreclosure referral']) expectOn(label);
      if (page1.includes('6. Case details')) problems.push(`${name}: the detail starts on page 1`);
      if (!squash(pages[1] ?? '').includes(squash('6. Case details'))) problems.push(`${name}: page 2 does not start the detail`);
      expect(plan.print.rowBreaks).toEqual([plan.anchors.lastDecisionRow + 1]);
      expect(problems).toEqual([]);
    }
  });

  test('no text of page 1 is clipped: each planned text appears whole on page 1', () => {
    const problems: string[] = [];
    for (const { name, plan, pages } of printed) {
      const page1 = squash(pages[0]);
      for (const text of pageOneTexts(plan)) if (!page1.includes(squash(text))) problems.push(`${name}: "${text}"`);
    }
    expect(problems).toEqual([]);
  });

  test('LibreOffice fits no wrapped row of page 1 taller than the plan set it', () => {
    const problems: string[] = [];
    for (const { name, plan } of printed) {
      const heights = optimal.get(name)!;
      for (let row = 1; row <= plan.anchors.lastDecisionRow; row++) {
        const fitted = heights.get(row);
        const planned = plan.rowHeights?.[row] ?? 15;
        if (fitted !== undefined && fitted > planned + 0.5) problems.push(`${name} row ${row}: LibreOffice needs ${fitted} pt, the plan gives ${planned} pt`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('every page is US Letter portrait, and the detail follows on as many pages as it needs', () => {
    for (const { name, sizes, pages } of printed) {
      expect({ name, count: sizes.length >= 2 }).toEqual({ name, count: true });
      for (const size of sizes) {
        expect(Math.round(size.width)).toBe(LETTER.width);
        expect(Math.round(size.height)).toBe(LETTER.height);
      }
      // The last section of the detail (the payment chart's data) is printed: the print area ends after it.
      expect(squash(pages.join('\n'))).toContain(squash('18. Current and proposed monthly payment'));
    }
  });
});
