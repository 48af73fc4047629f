/**
 * `lm portfolio` in-process and on worker threads: rows in tape order, bad rows reported by row and
 * field without stopping the batch, CSV injection guarded, and files that are not tapes refused.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { Writable } from 'stream';
import { runPortfolio, type PortfolioIo } from '../../src/cli/portfolio/command';
import { evaluateCase } from '../../src/engine/evaluate';

const ROOT = path.resolve(__dirname, '..', '..');
const TS_REQUIRE = path.join(ROOT, 'test', 'e2e', 'tsRequire.js');
const WORKER_TS = path.join(ROOT, 'src', 'cli', 'portfolio', 'worker.ts');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lm-portfolio-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], workers: number): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  const io: PortfolioIo = {
    stderr: (text) => (err += text),
    output: () => sink,
    stderrIsTty: false,
    // The worker is TypeScript here: a bootstrap registers the in-memory transpiler first.
    workerScript: { file: `require(${JSON.stringify(TS_REQUIRE)}).register(); require(${JSON.stringify(WORKER_TS)});`, eval: true },
  };
  const code = await runPortfolio([...args, '--workers', String(workers)], io);
  return { code, out, err };
}

const HEADER = 'caseId,investor,evaluationDate,upb,rate,remainingTermMonths,contractualPI,monthlyEscrow,monthsDelinquent,nextDueDate,delinquentInterest,value,valuationDate,hardship,grossMonthlyIncome,modificationRate,pmms';
const GOOD = 'T-1,FREDDIE,2025-10-15,347868.83,0.0475,322,1913.14,0,4,2025-06-01,8261.88,300000,2025-10-01,REDUCTION_IN_INCOME,6000,0.065,0.0625';

function csvRows(text: string): string[][] {
  return text.trim().split('\r\n').map((line) => line.split(','));
}

describe('lm portfolio on a CSV tape', () => {
  const tape = () => {
    const file = path.join(dir, 'tape.csv');
    writeFileSync(
      file,
      [
        HEADER,
        GOOD,
        '', // a blank line is skipped, but still counts in the row numbers
        GOOD.replace('T-1', 'T-3').replace('0.0475', '4.75'),
        GOOD.replace('T-1', '"=HYPERLINK(""http://x"",""y"")"'),
      ].join('\n'),
    );
    return file;
  };

  // Worker threads transpile the engine from TypeScript when they start: allow for it on a loaded machine.
  test.each([0, 2])('rows come out in tape order, a bad row names its row and field, and the batch goes on (%i workers)', async (workers) => {
    const { code, out, err } = await run([tape(), '--csv'], workers);
    expect(code).toBe(0);
    const rows = csvRows(out);
    const header = rows[0];
    const column = (name: string) => header.indexOf(name);
    expect(rows.slice(1).map((r) => r[column('row')])).toEqual(['2', '4', '5']);
    expect(rows[2].join(',')).toContain('row 4, loan.rate');
    expect(rows[2].join(',')).toContain('looks like a percent');
    expect(err).toMatch(/3 loans \(1 could not be evaluated\)/);
  }, 120_000);

  test('the recommendation is the engine\'s own for the same case', async () => {
    const { out } = await run([tape(), '--csv'], 0);
    const rows = csvRows(out);
    const expected = evaluateCase({
      caseId: 'T-1', investor: 'FREDDIE', evaluationDate: '2025-10-15',
      loan: { upb: 347868.83, rate: 0.0475, remainingTermMonths: 322, contractualPI: 1913.14, monthlyEscrow: 0, monthsDelinquent: 4, nextDueDate: '2025-06-01' },
      arrears: { delinquentInterest: 8261.88 }, property: { value: 300000, valuationDate: '2025-10-01' },
      borrower: { hardship: 'REDUCTION_IN_INCOME', incomes: [{ type: 'WAGES', amount: 6000, frequency: 'MONTHLY' }] },
      market: { modificationRate: 0.065, pmms: 0.0625 },
    }).recommendation.program;
    expect(rows[1][rows[0].indexOf('recommended')]).toBe(String(expected));
  });

  test('a case id that looks like a formula is written as text (apostrophe first)', async () => {
    const { out } = await run([tape(), '--csv'], 0);
    expect(out).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(out).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  test('JSON lines out: one review object per row, the loan number never whole', async () => {
    const file = path.join(dir, 'tape-loan.csv');
    writeFileSync(file, `${HEADER},loanNumber\n${GOOD},0012345678\n`);
    const { out } = await run([file, '--json'], 0);
    const row = JSON.parse(out.trim());
    expect(row.loanNumber).toBe('****5678');
    expect(out).not.toContain('0012345678');
  });
});

describe('lm portfolio on JSON lines of cases', () => {
  test('every example case, one per line, in order; a line that is not JSON is its row\'s problem', async () => {
    const examples = ['fannie-flex', 'fha-partial-claim', 'va-modification', 'usda-modification', 'portfolio-hamp'].map((name) => JSON.parse(readFileSync(path.join(ROOT, 'examples', `${name}.json`), 'utf8')));
    const file = path.join(dir, 'cases.jsonl');
    writeFileSync(file, [...examples.map((c) => JSON.stringify(c)), '{"caseId": "Jane Q. Borrower"'].join('\n'));
    for (const workers of [0, 2]) {
      const { code, out } = await run([file, '--json'], workers);
      expect(code).toBe(0);
      const rows = out.trim().split('\n').map((line) => JSON.parse(line));
      expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(rows.slice(0, 5).map((r) => r.program)).toEqual(examples.map((c) => evaluateCase(c).recommendation.program));
      expect(rows[5].error).toBe('row 6, not valid JSON: each line must be one case object in the case format');
      expect(out).not.toContain('Jane Q. Borrower');
    }
  }, 120_000);
});

describe('what is not a tape', () => {
  test('a FIFO is refused at once instead of blocking', async () => {
    const fifo = path.join(dir, 'fifo.csv');
    execFileSync('mkfifo', [fifo]);
    const { code, err } = await run([fifo], 0);
    expect(code).toBe(2);
    expect(err).toMatch(/not a regular file/);
  });

  test('an unknown extension, a folder, a missing file: exit 2 with the fix', async () => {
    expect((await run([path.join(dir, 'tape.txt')], 0)).err).toMatch(/\.csv or \.xlsx file with the LM\.PORTFOLIO headers, or a \.jsonl file of cases/);
    const folder = path.join(dir, 'folder.csv');
    execFileSync('mkdir', ['-p', folder]);
    expect((await run([folder], 0)).err).toMatch(/it is a folder/);
    expect((await run([path.join(dir, 'none.csv')], 0)).err).toMatch(/no such file/);
  });

  test('a run-away record (no line ends) is refused by size, not read into memory', async () => {
    const file = path.join(dir, 'huge.csv');
    writeFileSync(file, `${HEADER}\n${'x'.repeat(200 * 1024)}`);
    const { code, err } = await run([file], 0);
    expect(code).toBe(2);
    expect(err).toMatch(/longer than 64 KB/);
  });
});

describe('lm portfolio on an .xlsx tape', () => {
  test('the example tape saved as a workbook (numbers as numbers, dates as dates) gives the rows of its CSV', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const csv = readFileSync(path.join(ROOT, 'examples', 'portfolio-tape.csv'), 'utf8').trim().split('\n').map((line) => line.split(','));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tape');
    sheet.addRow(csv[0]);
    for (const cells of csv.slice(1)) {
      sheet.addRow(cells.map((cell) => (/^\d{4}-\d{2}-\d{2}$/.test(cell) ? new Date(`${cell}T00:00:00Z`) : cell !== '' && /^-?[\d.]+$/.test(cell) ? Number(cell) : cell === '' ? null : cell)));
    }
    const file = path.join(dir, 'tape.xlsx');
    await workbook.xlsx.writeFile(file);
    const fromXlsx = await run([file, '--json'], 0);
    const fromCsv = await run([path.join(ROOT, 'examples', 'portfolio-tape.csv'), '--json'], 0);
    expect(fromXlsx.code).toBe(0);
    const rows = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows(fromXlsx.out)).toEqual(rows(fromCsv.out));
    expect(rows(fromXlsx.out)).toHaveLength(8);
  }, 60_000);
});
