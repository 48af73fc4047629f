/**
 * The manifest declares the requirement sets the code really uses (scripts/api-sets.js walks
 * every Office.js use of src/, src/workbench excepted, through the type checker and reads the
 * `[Api set: …]` tags of Microsoft's typings). A new call from a higher set fails here until
 * manifest.xml declares it; a set declared higher than the code needs fails too (it would hide
 * the add-in from Excel versions that can run it).
 *
 * Known from Microsoft's reference (not from the script's output): Worksheet.pageLayout and
 * PageLayout.setPrintTitleRows are ExcelApi 1.9; CustomFunctions.ErrorCode.invalidNumber is
 * CustomFunctionsRuntime 1.3 ("Requirement set 1.3 adds … new ErrorCode options", Custom
 * Functions requirement sets); Range.getSpillingToRange is ExcelApi 1.12; Application.calculationMode
 * is "ExcelApi 1.1 for get, 1.8 for set".
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

interface Derived {
  requirements: Record<string, string>;
  because: Record<string, string>;
  qualified: { tag: string; what: string; where: string; assumed: string }[];
  uses: { set: string; version: string; what: string; where: string }[];
  files: string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script, run as CI runs it.
const apiSets = require('../scripts/api-sets.js') as {
  deriveApiSets(options?: { files?: string[] }): Derived;
  requirementOf(tag: string, isWrite: boolean): { set: string; version: string; qualified: boolean } | null;
  manifestSets(xml: string): Record<string, string>;
  manifestProblems(required: Record<string, string>, declared: Record<string, string>): string[];
};
import { REQUIRED_SETS } from '../src/excel/requirementSets';

const ROOT = path.join(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** Probe files, type-checked together with the project's tsconfig like src/ (one program: the typings load once). */
const PROBES: Record<string, string> = {
  'spill.ts': `
    export async function probe(context: Excel.RequestContext): Promise<void> {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange('A1').getSpillingToRange();
      await context.sync();
    }`,
  'read.ts': `export const read = (c: Excel.RequestContext) => c.workbook.application.calculationMode;`,
  'write.ts': `export const write = (c: Excel.RequestContext) => { c.workbook.application.calculationMode = 'Manual'; };`,
  'load.ts': `export const load = (s: Excel.Worksheet) => s.load('name, showGridlines');`,
};

function deriveProbes(): Record<string, Derived['uses']> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lm-api-sets-'));
  try {
    const files = Object.entries(PROBES).map(([name, source]) => {
      fs.writeFileSync(path.join(dir, name), source);
      return path.join(dir, name);
    });
    const { uses } = apiSets.deriveApiSets({ files });
    return Object.fromEntries(Object.keys(PROBES).map((name) => [name, uses.filter((u) => u.where.includes(`${name}:`))]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The highest version per set among some uses (what the script reports for a whole program). */
function highestPerSet(uses: Derived['uses']): Record<string, string> {
  const out: Record<string, string> = {};
  const after = (a: string, b: string) => a.split('.').map(Number).reduce((d, n, i) => d || n - Number(b.split('.')[i] ?? 0), 0) > 0;
  for (const u of uses) if (!out[u.set] || after(u.version, out[u.set])) out[u.set] = u.version;
  return out;
}

describe('the requirement sets of the code and of the manifest', () => {
  let derived: Derived;
  beforeAll(() => {
    derived = apiSets.deriveApiSets();
  }, 180_000);

  it('walks the add-in code, not the in-memory stand-in', () => {
    expect(derived.files).toEqual(expect.arrayContaining(['src/excel/renderPlan.ts', 'src/functions/excelErrors.ts', 'src/taskpane/App.tsx']));
    expect(derived.files.filter((f) => f.startsWith('src/workbench/'))).toEqual([]);
  });

  it('finds the page layout calls (ExcelApi 1.9) and the error codes (CustomFunctionsRuntime 1.3)', () => {
    expect(derived.uses).toEqual(expect.arrayContaining([expect.objectContaining({ set: 'ExcelApi', version: '1.9', what: expect.stringMatching(/pageLayout\.setPrintTitleRows/) })]));
    expect(derived.uses).toEqual(expect.arrayContaining([expect.objectContaining({ set: 'CustomFunctionsRuntime', version: '1.3', what: 'CustomFunctions.ErrorCode.invalidNumber' })]));
  });

  it('manifest.xml declares exactly the sets the code needs (plus SharedRuntime 1.1 for its shared runtime)', () => {
    const declared = apiSets.manifestSets(MANIFEST);
    expect(apiSets.manifestProblems(derived.requirements, declared)).toEqual([]);
    expect(declared.SharedRuntime).toBe('1.1');
  });

  it("the pane's start-up check asks for the same sets the manifest declares", () => {
    expect(Object.fromEntries(REQUIRED_SETS.map((s) => [s.name, s.minVersion]))).toEqual(apiSets.manifestSets(MANIFEST));
  });
});

describe('the derivation itself', () => {
  let probes: Record<string, Derived['uses']>;
  beforeAll(() => {
    probes = deriveProbes();
  }, 180_000);

  it('a new call from a higher set raises the requirement, and the manifest then fails', () => {
    const required = highestPerSet(probes['spill.ts']);
    expect(required).toEqual({ ExcelApi: '1.12' });
    expect(apiSets.manifestProblems(required, apiSets.manifestSets(MANIFEST))).toContain('the manifest declares ExcelApi 1.9, the code needs 1.12');
  });

  it('"1.1 for get, 1.8 for set": a read needs 1.1, a write 1.8; strings given to load() count', () => {
    expect(highestPerSet(probes['read.ts'])).toEqual({ ExcelApi: '1.1' });
    expect(highestPerSet(probes['write.ts'])).toEqual({ ExcelApi: '1.8' });
    expect(probes['load.ts'].filter((u) => u.what.startsWith('load(')).map((u) => [u.version, u.what])).toEqual([
      ['1.1', "load('name')"],
      ['1.8', "load('showGridlines')"],
    ]);
  });

  it('reads the tag forms of the typings', () => {
    expect(apiSets.requirementOf('ExcelApi 1.9', false)).toEqual({ set: 'ExcelApi', version: '1.9', qualified: false });
    expect(apiSets.requirementOf('ExcelApi 1.1 for get, 1.8 for set', true)).toEqual({ set: 'ExcelApi', version: '1.8', qualified: false });
    expect(apiSets.requirementOf('ExcelApi 1.1 for reading visibility; 1.2 for setting it.', false)).toEqual({ set: 'ExcelApi', version: '1.1', qualified: false });
    expect(apiSets.requirementOf('ExcelApi 1.1 for reading visibility; 1.2 for setting it.', true)).toEqual({ set: 'ExcelApi', version: '1.2', qualified: false });
    // Anything else with two versions: the higher, flagged.
    expect(apiSets.requirementOf('ExcelApi 1.1 / 1.3. Prior to ExcelApi 1.3, this parameter must be a string.', false)).toEqual({ set: 'ExcelApi', version: '1.3', qualified: true });
    expect(apiSets.requirementOf('ExcelApi 1.10 for string, 1.11 for CommentRichContent object', false)).toEqual({ set: 'ExcelApi', version: '1.11', qualified: true });
    expect(apiSets.requirementOf('1.1', false)).toBeNull();
  });

  it('compares versions as numbers per part (1.10 is above 1.9) and reports each mismatch', () => {
    expect(apiSets.manifestProblems({ ExcelApi: '1.10' }, { ExcelApi: '1.9', SharedRuntime: '1.1' })).toEqual(['the manifest declares ExcelApi 1.9, the code needs 1.10']);
    expect(apiSets.manifestProblems({ ExcelApi: '1.8' }, { ExcelApi: '1.9', SharedRuntime: '1.1' })).toEqual(['the manifest declares ExcelApi 1.9, the code needs only 1.8']);
    expect(apiSets.manifestProblems({ ExcelApi: '1.9' }, { ExcelApi: '1.9' })).toEqual(['the manifest does not declare SharedRuntime 1.1: add <Set Name="SharedRuntime" MinVersion="1.1"/>']);
    expect(apiSets.manifestProblems({}, { SharedRuntime: '1.1', WordApi: '1.1' })).toEqual(['the manifest declares WordApi, which no call in the code needs']);
  });
});
