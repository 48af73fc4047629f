/**
 * `lm summary CASE.json --xlsx OUT.xlsx` and the batch form `lm summary DIR --xlsx OUTDIR`:
 * the workbook is written whole, an existing file is never replaced without --force, a bad case
 * in a batch is reported by file and field and the batch goes on, exit codes as `lm evaluate`.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadCaseFile, runCli, type CliIo } from '../src/cli/main';
import { checkCase } from '../src/engine/case/check';
import { nodeFiles } from '../src/cli/nodeFiles';
import { caseFileName, runSummary, type CliFiles } from '../src/cli/summary';

const example = readFileSync(join(__dirname, '..', 'examples', 'fannie-flex.json'), 'utf8');
const exampleId = (JSON.parse(example) as { caseId: string }).caseId;

/** An in-memory file system: folders are the prefixes of the file paths, plus those made. */
function memoryFiles(initial: Record<string, string | Uint8Array>) {
  const files = new Map<string, string | Uint8Array>(Object.entries(initial));
  const folders = new Set<string>();
  const parentsOf = (path: string) => path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'));
  for (const path of files.keys()) parentsOf(path).forEach((p) => folders.add(p));
  const fs: CliFiles = {
    kind: (path) => (files.has(path) ? 'file' : folders.has(path) ? 'directory' : null),
    list: (directory) => [...new Set([...files.keys(), ...folders].filter((p) => p.startsWith(`${directory}/`)).map((p) => p.slice(directory.length + 1).split('/')[0]))],
    makeDirectory: (directory) => {
      [...parentsOf(directory), directory].forEach((p) => folders.add(p));
    },
    writeFile: (path, bytes, replace) => {
      if (files.has(path) && !replace) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      const parent = path.split('/').slice(0, -1).join('/');
      if (parent !== '' && !folders.has(parent)) throw Object.assign(new Error('no folder'), { code: 'ENOENT' });
      files.set(path, bytes);
    },
  };
  return { files, fs };
}

async function run(argv: string[], initial: Record<string, string | Uint8Array>) {
  const { files, fs } = memoryFiles(initial);
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (path) => {
      const content = files.get(path);
      if (typeof content === 'string') return content;
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: content ? 'EISDIR' : 'ENOENT' });
    },
    files: fs,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, files };
}

async function sheetsOf(bytes: string | Uint8Array | undefined): Promise<string[]> {
  if (!(bytes instanceof Uint8Array)) throw new Error('no workbook written');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book.worksheets.map((s) => s.name);
}

describe('lm summary CASE.json --xlsx OUT.xlsx', () => {
  test('writes the Case Input and Case Summary workbook and says where', async () => {
    const result = await run(['summary', 'cases/a.json', '--xlsx', 'out/a.xlsx'], { 'cases/a.json': example, 'out/keep.txt': '' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`out/a.xlsx: Case Input and Case Summary of case ${exampleId} (FANNIE)\n`);
    expect(await sheetsOf(result.files.get('out/a.xlsx'))).toEqual(['Case Input', `Case Summary ${exampleId}`]);
  });

  test('an existing workbook is left alone (exit 2) unless --force', async () => {
    const refused = await run(['summary', 'a.json', '--xlsx', 'a.xlsx'], { 'a.json': example, 'a.xlsx': 'mine' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('a.xlsx: the file exists and was left as it is: choose another name, or add --force to replace it\n');
    expect(refused.files.get('a.xlsx')).toBe('mine');
    const forced = await run(['summary', 'a.json', '--xlsx', 'a.xlsx', '--force'], { 'a.json': example, 'a.xlsx': 'mine' });
    expect(forced.code).toBe(0);
    expect(await sheetsOf(forced.files.get('a.xlsx'))).toHaveLength(2);
  });

  test('--xlsx naming an existing folder writes <case id>.xlsx into it', async () => {
    const result = await run(['summary', 'a.json', '--xlsx', 'out'], { 'a.json': example, 'out/other.xlsx': 'x' });
    expect(result.code).toBe(0);
    expect(result.files.has(`out/${exampleId}.xlsx`)).toBe(true);
  });

  test('usage and bad input exit 2 with the field and the fix; nothing is written', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['summary', 'a.json'], { 'a.json': example }, /summary needs --xlsx OUT\.xlsx/],
      [['summary', '--xlsx', 'a.xlsx'], {}, /summary needs a case file or a folder/],
      [['summary', 'a.json', 'b.json', '--xlsx', 'a.xlsx'], { 'a.json': example }, /takes one case file or folder, got 2/],
      [['summary', 'a.json', '--xlsx'], { 'a.json': example }, /--xlsx needs where to write/],
      [['summary', 'a.json', '--xlsx', 'a.csv'], { 'a.json': example }, /^--xlsx: "a\.csv" does not end in \.xlsx/],
      [['summary', 'a.json', '--xlsx', 'a.xlsx', '--pdf'], { 'a.json': example }, /unknown option "--pdf" for summary/],
      [['summary', 'missing.json', '--xlsx', 'a.xlsx'], {}, /^missing\.json: cannot read the file: no such file$/m],
      [['summary', 'a.json', '--xlsx', 'a.xlsx'], { 'a.json': '{"caseId": "X", ' }, /^a\.json: not valid JSON: .* at line 1, column 17$/m],
      [['summary', 'a.json', '--xlsx', 'a.xlsx'], { 'a.json': example.replace('"rate": 0.07125', '"rate": 7.125') }, /^loan\.rate: rate 7\.125 looks like a percent/m],
      [['summary', 'a.json', '--xlsx', 'nowhere/a.xlsx'], { 'a.json': example }, /^nowhere\/a\.xlsx: cannot write the workbook: its folder does not exist$/m],
    ];
    for (const [argv, files, message] of cases) {
      const result = await run(argv, files);
      expect({ argv, code: result.code }).toEqual({ argv, code: 2 });
      expect(result.stderr).toMatch(message);
      expect([...result.files.keys()].filter((p) => p.endsWith('.xlsx'))).toEqual([]);
    }
  });
});

describe('lm summary DIR --xlsx OUTDIR (batch)', () => {
  const second = example.replace(`"caseId": "${exampleId}"`, '"caseId": "2025/001 843"');
  const folder = {
    'in/a.json': example,
    'in/b.json': second,
    'in/c.json': example.replace('"rate": 0.07125', '"rate": 7.125'), // bad: a percent typed as a number
    'in/d.json': '{ nope', // bad JSON
    'in/e.json': example, // the same case id as a.json
    'in/notes.txt': 'not a case',
  };

  test('one workbook per case, named after its case id; bad cases reported by file and field; the batch goes on (exit 2)', async () => {
    const result = await run(['summary', 'in', '--xlsx', 'out'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^in\/c\.json: loan\.rate: rate 7\.125 looks like a percent/),
      expect.stringMatching(/^in\/d\.json: not valid JSON: .* at line 1, column 3$/),
    ]);
    const written = [...result.files.keys()].filter((p) => p.startsWith('out/')).sort();
    expect(written).toEqual([`out/${exampleId}-2.xlsx`, `out/${exampleId}.xlsx`, 'out/2025_001_843.xlsx'].sort());
    expect(result.stdout).toMatch(/^3 of 5 case\(s\) written to out$/m);
    for (const path of written) expect(await sheetsOf(result.files.get(path))).toHaveLength(2);
  });

  test('all good: exit 0; run again: every existing workbook is kept (exit 2), --force replaces them', async () => {
    const good = { 'in/a.json': example, 'in/b.json': second };
    expect((await run(['summary', 'in', '--xlsx', 'out'], good)).code).toBe(0);
    const again = await run(['summary', 'in', '--xlsx', 'out'], { ...good, [`out/${exampleId}.xlsx`]: 'mine' });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`in/a.json: out/${exampleId}.xlsx: the file exists and was left as it is: choose another name, or add --force to replace it\n`);
    expect(again.files.get(`out/${exampleId}.xlsx`)).toBe('mine');
    expect(again.stdout).toMatch(/^1 of 2 case\(s\) written to out$/m);
    expect((await run(['summary', 'in', '--xlsx', 'out', '--force'], { ...good, [`out/${exampleId}.xlsx`]: 'mine' })).code).toBe(0);
  });

  test('an internal error in one case is reported by file, the batch goes on, and the exit code is 1', async () => {
    const { files, fs } = memoryFiles({ 'in/a.json': example, 'in/b.json': second, 'in/c.json': example.replace('"rate": 0.07125', '"rate": 7.125') });
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readFile: (p) => files.get(p) as string, files: fs };
    const code = await runSummary({ source: 'in', xlsx: 'out', force: false }, io, {
      load: loadCaseFile,
      // The engine failing on the first case only (as a bug would).
      check: (caseJson, options) => {
        const checked = checkCase(caseJson, options);
        return checked.verdict === 'valid' && checked.loanCase.caseId === exampleId ? { verdict: 'internal error', message: 'boom' } : checked;
      },
    });
    expect(code).toBe(1);
    // The case id is free text: the internal error names the file, not the case.
    expect(stderr.split('\n').filter(Boolean)).toEqual(['in/a.json: lm: internal error while evaluating the case: boom', expect.stringMatching(/^in\/c\.json: loan\.rate: /)]);
    expect([...files.keys()].filter((p) => p.startsWith('out/'))).toEqual(['out/2025_001_843.xlsx']);
    expect(stdout).toMatch(/^1 of 3 case\(s\) written to out$/m);
  });

  test('a folder without case files, or an output that is a file, exits 2', async () => {
    expect((await run(['summary', 'in', '--xlsx', 'out'], { 'in/notes.txt': '' })).stderr).toBe('in: no *.json case files in this folder\n');
    const onFile = await run(['summary', 'in', '--xlsx', 'out.xlsx'], { 'in/a.json': example, 'out.xlsx': 'x' });
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toMatch(/^--xlsx: "out\.xlsx" is not a folder/);
  });
});

describe('case file names', () => {
  test.each([
    ['EX-2026-0101', 'EX-2026-0101.xlsx'],
    ['2025/001 843', '2025_001_843.xlsx'],
    ['../../etc/passwd', '_.._etc_passwd.xlsx'],
    ['..', 'case.xlsx'],
    ['', 'case.xlsx'],
    ['CON', '_CON.xlsx'],
    ['lpt1.txt', '_lpt1.txt.xlsx'],
    ['a'.repeat(300), `${'a'.repeat(100)}.xlsx`],
  ])('%j -> %s', (caseId, name) => {
    expect(caseFileName(caseId)).toBe(name);
    expect(name).not.toMatch(/[/\\]/);
  });
});

describe("Node's file system binding", () => {
  const dir = mkdtempSync(join(tmpdir(), 'lm-summary-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('writes a new file whole (owner-only), refuses to replace it without asking, replaces with; no temporary file left', () => {
    const path = join(dir, 'a.xlsx');
    nodeFiles.writeFile(path, new Uint8Array([1, 2, 3]), false);
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(() => nodeFiles.writeFile(path, new Uint8Array([9]), false)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    nodeFiles.writeFile(path, new Uint8Array([4]), true);
    expect([...readFileSync(path)]).toEqual([4]);
    expect(readdirSync(dir)).toEqual(['a.xlsx']);
    expect(nodeFiles.kind(path)).toBe('file');
    expect(nodeFiles.kind(dir)).toBe('directory');
    expect(nodeFiles.kind(join(dir, 'none'))).toBeNull();
    writeFileSync(join(dir, 'b.json'), '{}');
    expect(nodeFiles.list(dir).sort()).toEqual(['a.xlsx', 'b.json']);
  });
});
