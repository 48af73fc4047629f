/**
 * The LM function table of docs/functions.md (Function | Returns | Example | Result) is read as a
 * user reads it: each Example formula is typed into a workbook, evaluated as Excel would (the
 * HyperFormula bridge, every LM function registered from its generated metadata), and the cell
 * must show the Result written beside it.
 *
 * The expected values are the document's, never the code's: a row that disagrees with the engine
 * fails here, and either the document or the engine is wrong (say which when fixing it).
 * - A number is compared at the precision it is shown with (`0.387` to 3 decimals, `45000` to the
 *   dollar); `TRUE`/`FALSE` are booleans; other backticked words are text.
 * - Several backticked values are one spilled row, from the formula cell rightwards.
 * - "with B1:B2 = 100, 50" puts those values in those cells first.
 * - "e.g. row 3: "label", 2025-09-26, `status`" is row 3 of the spill: that text, that date (an
 *   Excel serial, as the Returns column says), that status.
 * - The two descriptive results are checked for what they state: "one row per option +
 *   recommendation" (LM.CASEOPTIONS over a Case Input sheet as the add-in writes it: a header, the
 *   investor's waterfall in the order docs/programs.md gives, then the Recommendation row) and "one
 *   row per loan" (LM.PORTFOLIO over the example tape pasted on a sheet named Tape: a header, then
 *   each loan of the tape in order, with its sheet row and case id). A result the test cannot read
 *   fails it: add a check here rather than leave a row unchecked.
 * - The working shown in parentheses beside a result ("2450 x 26 / 12", "1,004 + 2 x $75",
 *   "floor_to_cent(...)") must give that result too, and a "Freddie Mac published example" must be
 *   the published reference case's figure.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { parse as parseCsv } from 'csv-parse/sync';
import { caseInputPlan } from '../../src/summary/caseInputPlan';
import type { CaseInput } from '../../src/engine/case/types';
import { workbookOfSheets, type BridgeWorkbook } from '../support/hyperformulaBridge';
import { allFunctionsMetadata, registerAllLmFunctions, ROOT } from '../support/lmAllFunctions';
import { readReferenceCase } from '../support/referenceCases';

type Cell = string | number | boolean | null;

const FUNCTIONS_DOC = path.join(ROOT, 'docs', 'functions.md');
const PROGRAMS_DOC = path.join(ROOT, 'docs', 'programs.md');
const TABLE_HEADER = '| Function | Returns | Example | Result |';

interface ExampleRow {
  /** LM.DTI */
  name: string;
  returns: string;
  /** The formula as written, e.g. =LM.DTI(5000, 1550, 385). */
  formula: string;
  /** Cells to fill first ("with B1:B2 = 100, 50"). */
  setup: { address: string; value: number }[];
  /** The Result column as written. */
  result: string;
}

/** The rows of a Markdown table whose header line is `header`, split into trimmed cells. */
function markdownTable(text: string, header: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === header);
  if (start < 0) throw new Error(`no table headed ${header}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
  }
  return rows;
}

/** The contents of the backticked spans of a table cell. */
const codeSpans = (cell: string): string[] => [...cell.matchAll(/`([^`]*)`/g)].map((m) => m[1]);

/** Column letters and row of an A1 address. */
function splitAddress(a1: string): { column: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { column, row: Number(m[2]) - 1 };
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function exampleRows(): ExampleRow[] {
  return markdownTable(readFileSync(FUNCTIONS_DOC, 'utf8'), TABLE_HEADER).map((cells) => {
    if (cells.length !== 4) throw new Error(`a row of ${cells.length} cells: ${cells.join(' | ')}`);
    const [fn, returns, example, result] = cells;
    const name = /^`(LM\.[A-Z]+)\(/.exec(fn)?.[1];
    const formula = codeSpans(example)[0];
    if (!name || !formula?.startsWith(`=${name}(`)) throw new Error(`cannot read the row of ${fn}`);
    const setup: ExampleRow['setup'] = [];
    const given = /with ([A-Z]+\d+):([A-Z]+\d+) = ([-\d., ]+)$/.exec(example);
    if (given) {
      const [from, to] = [splitAddress(given[1]), splitAddress(given[2])];
      const values = given[3].split(',').map((v) => Number(v.trim()));
      let i = 0;
      for (let r = from.row; r <= to.row; r++) for (let c = from.column; c <= to.column; c++) setup.push({ address: `${columnName(c)}${r + 1}`, value: values[i++] });
      if (i !== values.length) throw new Error(`${name}: ${given[0]} gives ${values.length} values for ${i} cells`);
    } else if (example.replace(/`[^`]*`/, '').trim() !== '') {
      throw new Error(`${name}: the example says more than its formula, and the test does not read it: ${example}`);
    }
    return { name, returns, formula, setup, result };
  });
}

/** An ISO date as an Excel serial (days since 1899-12-30), computed here rather than by the engine. */
const excelSerial = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
};

/** What a cell must hold for one written value: a number at its shown precision, a boolean, a date, or text. */
type Expected = { number: number; decimals: number } | { boolean: boolean } | { date: string } | { text: string };

function expectedOf(written: string): Expected {
  if (/^-?\d+(\.\d+)?$/.test(written)) return { number: Number(written), decimals: written.split('.')[1]?.length ?? 0 };
  if (written === 'TRUE' || written === 'FALSE') return { boolean: written === 'TRUE' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(written)) return { date: written };
  return { text: written };
}

function expectCell(actual: unknown, expected: Expected, where: string): void {
  if ('number' in expected) {
    if (typeof actual !== 'number') throw new Error(`${where}: the document says ${expected.number}, got ${JSON.stringify(actual)}`);
    // At the shown precision: within half a unit of the last digit shown.
    const halfUnit = 0.5 * 10 ** -expected.decimals;
    if (!(Math.abs(actual - expected.number) < halfUnit + 1e-9)) throw new Error(`${where}: the document says ${expected.number}, got ${actual}`);
  } else if ('boolean' in expected) {
    expect({ where, value: actual }).toEqual({ where, value: expected.boolean });
  } else if ('date' in expected) {
    expect({ where, value: actual }).toEqual({ where, value: excelSerial(expected.date) });
  } else {
    expect({ where, value: actual }).toEqual({ where, value: expected.text });
  }
}

/** Where the example formula goes: clear of the cells an example fills (B1:B2) and of its spill. */
const FORMULA_CELL = 'H1';

/** The Case Input sheet the add-in writes for a case (its cell values; the tables lie right of A:B). */
function caseInputSheet(caseJson: CaseInput): Cell[][] {
  const plan = caseInputPlan(caseJson);
  const rows: Cell[][] = [];
  for (const cell of plan.cells) {
    const { row, column } = splitAddress(cell.address);
    while (rows.length <= row) rows.push([]);
    // A text cell (`@` format) keeps its text in Excel; the apostrophe says so to HyperFormula.
    const value = cell.formula ?? (cell.text && typeof cell.value === 'string' ? `'${cell.value}` : (cell.value ?? null));
    rows[row][column] = value;
  }
  return rows.map((row) => Array.from(row, (v) => v ?? null));
}

const FANNIE_CASE = JSON.parse(readFileSync(path.join(ROOT, 'examples', 'fannie-flex.json'), 'utf8')) as CaseInput & { investor: string };
const TAPE = parseCsv(readFileSync(path.join(ROOT, 'examples', 'portfolio-tape.csv'), 'utf8'), { skip_empty_lines: true }) as string[][];

/** The sheets every example can refer to: its own, a Case Input sheet and a loan tape named Tape. */
function exampleWorkbook(row: ExampleRow): BridgeWorkbook {
  const own: Cell[][] = [];
  for (const { address, value } of row.setup) {
    const { row: r, column } = splitAddress(address);
    while (own.length <= r) own.push([]);
    own[r][column] = value;
  }
  const at = splitAddress(FORMULA_CELL);
  while (own.length <= at.row) own.push([]);
  own[at.row][at.column] = row.formula;
  return workbookOfSheets({
    Examples: own.map((r) => Array.from(r, (v) => v ?? null)),
    'Case Input': caseInputSheet(FANNIE_CASE),
    // As pasted from the CSV: HyperFormula reads numerals as numbers, as Excel does.
    Tape: TAPE,
  });
}

/** The cell `rows` below and `columns` right of the formula cell. */
function spillCell(wb: BridgeWorkbook, rows: number, columns: number): unknown {
  const at = splitAddress(FORMULA_CELL);
  return wb.value(`${columnName(at.column + columns)}${at.row + rows + 1}`, 'Examples');
}

/** The investor's waterfall as docs/programs.md lists it (program ids in order). */
function documentedWaterfall(investor: string): string[] {
  const rows = markdownTable(readFileSync(PROGRAMS_DOC, 'utf8'), '| investor | waterfall (evaluation and recommendation order) | rulebooks |');
  const row = rows.find((cells) => cells[0].split(',').map((s) => s.trim()).includes(investor));
  if (!row) throw new Error(`docs/programs.md lists no waterfall for ${investor}`);
  return codeSpans(row[1]);
}

/** Descriptive results, each checked for what it states. */
const DESCRIPTIVE_CHECKS: Record<string, (wb: BridgeWorkbook, row: ExampleRow) => void> = {
  // "spills the options table (...) in waterfall order, then a Recommendation row"
  'one row per option + recommendation': (wb) => {
    const waterfall = documentedWaterfall(FANNIE_CASE.investor);
    const spilled: unknown[][] = [];
    for (let r = 0; ; r++) {
      const label = spillCell(wb, r, 0);
      if (label === null || label === '') break;
      spilled.push([label, spillCell(wb, r, 1)]);
    }
    expect(spilled[0][0]).toBe('Option'); // the header row
    expect(spilled.slice(1, -1).map(([, program]) => program)).toEqual(waterfall);
    expect(spilled[spilled.length - 1][0]).toBe('Recommendation');
  },
  // "spills one row per loan: sheet row, case id, ..."
  'one row per loan': (wb) => {
    const caseIdColumn = TAPE[0].indexOf('caseId');
    const loans = TAPE.slice(1).map((cells, index) => [index + 2, cells[caseIdColumn]]);
    expect(loans.length).toBeGreaterThan(1);
    const spilled = loans.map((_, index) => [spillCell(wb, index + 1, 0), spillCell(wb, index + 1, 1)]);
    expect(spilled).toEqual(loans);
    expect(spillCell(wb, loans.length + 1, 1) ?? '').toBe(''); // nothing after the last loan
  },
};

/** The written values of a Result cell (backticked values; or "row N: ..."), and its working in parentheses. */
function readResult(result: string): { values: string[]; spillRow: number; working: string | null } | null {
  const rowForm = /^e\.g\. row (\d+): (.*)$/.exec(result);
  if (rowForm) {
    const values = rowForm[2].split(/,\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((item) => item.trim().replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1'));
    return { values, spillRow: Number(rowForm[1]) - 1, working: null };
  }
  const values = codeSpans(result);
  if (values.length === 0) return null;
  const outside = result.replace(/`[^`]*`/g, '').replace(/,/g, '').trim();
  const working = /^\((.*)\)$/.exec(outside)?.[1] ?? null;
  if (outside !== '' && working === null) throw new Error(`cannot read the result ${result}`);
  return { values, spillRow: 0, working };
}

/** Arithmetic as the document writes it: + - x / parentheses, $ and thousands commas, floor_to_cent(...). */
function evaluateWorking(text: string): number {
  const tokens = text.replace(/\$/g, '').replace(/(\d),(\d{3})/g, '$1$2').match(/floor_to_cent|\d+(\.\d+)?|[-+x*/()]/g) ?? [];
  let i = 0;
  const factor = (): number => {
    const token = tokens[i++];
    if (token === '(') {
      const value = sum();
      i++; // ')'
      return value;
    }
    if (token === 'floor_to_cent') return Math.floor(factor() * 100 + 1e-9) / 100;
    if (token === '-') return -factor();
    const value = Number(token);
    if (Number.isNaN(value)) throw new Error(`cannot read the working ${text}`);
    return value;
  };
  const product = (): number => {
    let value = factor();
    while (tokens[i] === 'x' || tokens[i] === '*' || tokens[i] === '/') value = tokens[i++] === '/' ? value / factor() : value * factor();
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (tokens[i] === '+' || tokens[i] === '-') value = tokens[i++] === '+' ? value + product() : value - product();
    return value;
  };
  const value = sum();
  if (i !== tokens.length) throw new Error(`cannot read the working ${text}`);
  return value;
}

const ROWS = exampleRows();

beforeAll(async () => {
  await registerAllLmFunctions();
});

describe('docs/functions.md: the LM function table', () => {
  test('lists every LM function once, each with an example and its result', async () => {
    const { metadata } = await allFunctionsMetadata();
    expect(ROWS.map((r) => r.name).sort()).toEqual(metadata.functions.map((f) => `LM.${f.name}`).sort());
    expect(ROWS).toHaveLength(17);
  });

  test.each(ROWS.map((row) => [row.name, row] as const))('%s: the example gives the result written beside it', async (_name, row) => {
    const wb = exampleWorkbook(row);
    await wb.settle();
    const descriptive = DESCRIPTIVE_CHECKS[row.result];
    if (descriptive) {
      descriptive(wb, row);
      return;
    }
    const read = readResult(row.result);
    if (!read) throw new Error(`${row.name}: the result "${row.result}" is neither values nor a described check: add one to DESCRIPTIVE_CHECKS`);
    read.values.forEach((written, column) => expectCell(spillCell(wb, read.spillRow, column), expectedOf(written), `${row.formula} [row ${read.spillRow + 1}, value ${column + 1}]`));
  });

  test('the working written beside a result gives that result', () => {
    const reference = readReferenceCase('gse-flex-forbearance.json');
    const checked: string[] = [];
    for (const row of ROWS) {
      const read = DESCRIPTIVE_CHECKS[row.result] ? null : readResult(row.result);
      if (!read?.working) continue;
      const stated = expectedOf(read.values[0]);
      if (!('number' in stated)) throw new Error(`${row.name}: working beside a result that is not a number`);
      if (read.working === 'Freddie Mac published example') {
        // The published figure (Freddie Mac Resolve, Scenario 5), from the reference case file.
        expectCell(reference.expect['GSE-FLEX'].principalAndInterest, stated, `${row.name}: the published P&I`);
      } else {
        expectCell(evaluateWorking(read.working), stated, `${row.name}: ${read.working}`);
      }
      checked.push(row.name);
    }
    expect(checked).toEqual(['LM.MODTERMS', 'LM.MONTHLYINCOME', 'LM.VARESIDUALREQUIRED', 'LM.TARGETPI']);
  });
});
