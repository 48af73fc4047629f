/**
 * The published worked examples: the in-project copies (test/fixtures/reference/*.json) and every
 * file of ../shared/reference/cases/ when that folder exists (LM_REFERENCE_DIR replaces it), as
 * listed by test/support/referenceCases.ts. Every file is run through the CLI (`lm evaluate FILE
 * --json`, in-process) and every field of its `expect` block must match exactly (numbers ===,
 * strings ===, booleans ===). New files are picked up without a code change.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../src/cli/main';
import { FIXTURE_REFERENCE_DIR, SHARED_REFERENCE_DIR, referenceCaseFiles } from './support/referenceCases';

async function evaluateFile(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['evaluate', file, '--json'], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (p) => fs.readFileSync(p, 'utf8'),
  });
  return { code, stdout, stderr };
}

/** Every field of `expected` that differs from `actual`, as "PROGRAM.field: expected X, got Y". */
export function mismatches(expected: Record<string, Record<string, unknown>>, options: Record<string, Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const [program, fields] of Object.entries(expected)) {
    const result = options[program];
    if (!result) {
      out.push(`${program}: not in the evaluation (options: ${Object.keys(options).join(', ') || 'none'})`);
      continue;
    }
    for (const [field, want] of Object.entries(fields)) {
      const got = result[field];
      const same = typeof want === 'object' && want !== null ? JSON.stringify(want) === JSON.stringify(got) : got === want;
      if (!same) out.push(`${program}.${field}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
  }
  return out;
}

describe('reference cases', () => {
  const files = referenceCaseFiles();

  it.each(files.map((f) => [f.label, f.file]))('%s', async (_name, file) => {
    const reference = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(reference.expect && Object.keys(reference.expect).length > 0).toBe(true);
    const { code, stdout, stderr } = await evaluateFile(file);
    if (code !== 0) throw new Error(`lm evaluate exited ${code}:\n${stderr}`);
    const evaluation = JSON.parse(stdout);
    expect(mismatches(reference.expect, evaluation.options)).toEqual([]);
  });
});

describe('the reference runner itself', () => {
  it('compares exactly and reports missing programs', () => {
    const options = { 'GSE-FLEX': { eligible: true, rate: 0.0475, reason: 'P&I increase' } };
    expect(mismatches({ 'GSE-FLEX': { eligible: true, rate: 0.0475 } }, options)).toEqual([]);
    expect(mismatches({ 'GSE-FLEX': { rate: 0.04750001 } }, options)).toEqual(['GSE-FLEX.rate: expected 0.04750001, got 0.0475']);
    expect(mismatches({ 'GSE-FLEX': { reason: 'P&I Increase' } }, options)).toHaveLength(1);
    expect(mismatches({ 'GSE-FLEX': { termMonths: 480 } }, options)).toEqual(['GSE-FLEX.termMonths: expected 480, got undefined']);
    expect(mismatches({ 'FHA-X': { eligible: true } }, options)[0]).toMatch(/^FHA-X: not in the evaluation/);
  });
});

describe('the list of reference cases', () => {
  it('always holds the in-project copies, and every *.json of ../shared/reference/cases when that folder exists', () => {
    const env = {};
    const files = referenceCaseFiles(env);
    const fixtures = fs.readdirSync(FIXTURE_REFERENCE_DIR).filter((f) => f.endsWith('.json'));
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
    expect(files.filter((f) => f.origin === 'fixtures').map((f) => path.basename(f.file)).sort()).toEqual(fixtures.sort());
    const shared = fs.existsSync(SHARED_REFERENCE_DIR) ? fs.readdirSync(SHARED_REFERENCE_DIR).filter((f) => f.endsWith('.json')) : [];
    expect(files.filter((f) => f.origin === 'shared').map((f) => path.basename(f.file)).sort()).toEqual(shared.sort());
    expect(new Set(files.map((f) => f.label)).size).toBe(files.length);
  });

  it('LM_REFERENCE_DIR replaces the shared folder; a missing or empty one is an error, not a skip', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lm-reference-'));
    try {
      expect(() => referenceCaseFiles({ LM_REFERENCE_DIR: dir })).toThrow(/holds no \*\.json file/);
      expect(() => referenceCaseFiles({ LM_REFERENCE_DIR: path.join(dir, 'absent') })).toThrow(/does not exist/);
      fs.writeFileSync(path.join(dir, 'mine.json'), '{}');
      const files = referenceCaseFiles({ LM_REFERENCE_DIR: dir });
      expect(files.filter((f) => f.origin !== 'fixtures').map((f) => f.label)).toEqual(['LM_REFERENCE_DIR/mine.json']);
      expect(files.some((f) => f.origin === 'shared')).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
