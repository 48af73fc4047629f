/**
 * The Case Summary prints as planned (issue 11, "Page 1 is the decision"): the summary of every
 * example case (examples/*.json) is written by the .xlsx writer, printed to PDF by LibreOffice
 * Calc (headless, fresh profile, time-boxed) and read back with poppler's pdftotext:
 *
 * - page 1 holds the decision block (recommendation, payments, key figures, every option, the
 *   Regulation X dates, the approval block) and nothing of the detail; page 2 starts the detail;
 * - every text planned for page 1 is printed on page 1, whole;
 * - nothing is clipped or runs past the print area, on any page: no two printed words overlap
 *   (a wrapped text whose row is too short draws its later lines over the next rows, and a text
 *   cut by its neighbour runs under the neighbour's words; pdftotext still extracts both, so the
 *   words' boxes are compared), and every word lies inside the page's margins;
 * - the page count is what the plan implies (page 1, then the detail pages), and every page is
 *   US Letter portrait.
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
import { INSTALL_HINT, findSoffice, printToPdfWithLibreOffice } from '../support/libreOffice';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const LIBREOFFICE_TIMEOUT_MS = 240_000;
/** US Letter in PDF points. */
const LETTER = { width: 612, height: 792 };
/** Excel's Normal margins (left / right 0.7 in, top / bottom 0.75 in), in points. */
const MARGIN = { side: 0.7 * 72, end: 0.75 * 72 };

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

interface Printed {
  name: string;
  evaluation: Evaluation;
  plan: ReturnType<typeof caseSummaryPlan>;
  pages: string[];
  /** The words of each page with their boxes (pdftotext -bbox). */
  words: Word[][];
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

function pdfWords(pdf: string, page: number): Word[] {
  const run = spawnSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext -bbox failed on ${pdf}: ${run.stderr}`);
  return [...run.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: m[5],
  }));
}

/**
 * Pairs of words drawn over each other: overlapping across more than 1 point and more than half
 * the smaller word's height (the boxes of two lines of one paragraph touch, they do not overlap).
 */
function overlapping(words: Word[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i];
      const b = words[j];
      const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (across > 1 && down > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) out.push(`"${a.text}" over "${b.text}"`);
    }
  return out;
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

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    const files: string[] = [];
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
      plans.push({ name, evaluation, plan });
    }
    await printToPdfWithLibreOffice(soffice!, files, outDir, work, LIBREOFFICE_TIMEOUT_MS);
    for (const { name, evaluation, plan } of plans) {
      const pdf = join(outDir, `case-summary-${name}.pdf`);
      const sizes = pdfPages(pdf);
      printed.push({ name, evaluation, plan, sizes, pages: sizes.map((_, i) => pdfText(pdf, i + 1)), words: sizes.map((_, i) => pdfWords(pdf, i + 1)) });
    }
  }, LIBREOFFICE_TIMEOUT_MS + 60_000);

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

  test('every text planned for page 1 is printed on page 1, whole', () => {
    const problems: string[] = [];
    for (const { name, plan, pages } of printed) {
      const page1 = squash(pages[0]);
      for (const text of pageOneTexts(plan)) if (!page1.includes(squash(text))) problems.push(`${name}: "${text}"`);
    }
    expect(problems).toEqual([]);
  });

  test('nothing is clipped or runs past the print area: no word is drawn over another, every word is inside the margins', () => {
    const problems: string[] = [];
    for (const { name, words, sizes } of printed) {
      words.forEach((page, i) => {
        for (const pair of overlapping(page)) problems.push(`${name} page ${i + 1}: ${pair}`);
        for (const word of page) {
          // pdftotext's word box is the font's whole box (about 1.3 em tall), a little taller than the glyphs: 3 points of play.
          const inside = word.x0 >= MARGIN.side - 1 && word.x1 <= sizes[i].width - MARGIN.side + 1 && word.y0 >= MARGIN.end - 3 && word.y1 <= sizes[i].height - MARGIN.end + 3;
          if (!inside) problems.push(`${name} page ${i + 1}: "${word.text}" outside the margins (${word.x0}, ${word.y0}, ${word.x1}, ${word.y1})`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  test('the overlap check sees a clipped text: a row too short for its wrapped reasons', async () => {
    const { plan, name } = printed[0];
    const why = plan.cells.find((cell) => cell.value === 'Why')!;
    const clipped = { ...plan, rowHeights: { ...plan.rowHeights, [parseCellAddress(why.address).row + 1]: 15 } };
    const path = join(work, 'clipped', `case-summary-${name}.xlsx`);
    mkdirSync(join(work, 'clipped'), { recursive: true });
    writeFileSync(path, new Uint8Array((await summaryWorkbook(clipped).xlsx.writeBuffer()) as ArrayBuffer));
    await printToPdfWithLibreOffice(soffice!, [path], join(work, 'clipped'), work, LIBREOFFICE_TIMEOUT_MS);
    expect(overlapping(pdfWords(join(work, 'clipped', `case-summary-${name}.pdf`), 1)).length).toBeGreaterThan(0);
  }, LIBREOFFICE_TIMEOUT_MS);

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
