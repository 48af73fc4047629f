/**
 * The published worked examples (shared/reference/cases/*.json): every file is run through the
 * CLI (`lm evaluate FILE --json`, in-process) and every field of its `expect` block must match
 * exactly (numbers ===, strings ===, booleans ===). New files are picked up without a code
 * change. LM_REFERENCE_DIR overrides the folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../src/cli/main';

const referenceDir = process.env.LM_REFERENCE_DIR
  ? path.resolve(process.env.LM_REFERENCE_DIR)
  : path.resolve(__dirname, '..', '..', 'shared', 'reference', 'cases');

function referenceFiles(): string[] {
  if (!fs.existsSync(referenceDir)) throw new Error(`reference folder ${referenceDir} does not exist (set LM_REFERENCE_DIR)`);
  const files = fs
    .readdirSync(referenceDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(referenceDir, f));
  if (files.length === 0) throw new Error(`reference folder ${referenceDir} holds no *.json file`);
  return files;
}

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
  const files = referenceFiles();

  it.each(files.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
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
