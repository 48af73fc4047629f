/**
 * The published reference cases the tests run, in one place.
 *
 * - test/fixtures/reference/: copies kept in the project, so a fresh clone passes with no
 *   ../shared beside it. Always listed.
 * - ../shared/reference/cases/ (relative to the repository root, where CI has it): every *.json
 *   file, when the folder exists, so cases published there later run without a code change.
 * - LM_REFERENCE_DIR, when set, replaces the shared folder; it must exist and hold *.json files
 *   (someone asked for it by name, so a wrong path is an error, not a silent skip).
 *
 * Plain Node (fs, path) only: the browser tests require this file through test/e2e/tsRequire.js.
 */
import * as fs from 'fs';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURE_REFERENCE_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'reference');
export const SHARED_REFERENCE_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'reference', 'cases');

export interface ReferenceCaseFile {
  /** Where it comes from and its file name, e.g. "fixtures/gse-flex-forbearance.json": unique test names. */
  label: string;
  origin: 'fixtures' | 'shared' | 'LM_REFERENCE_DIR';
  file: string;
}

function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The folder beside the fixtures that is run too (LM_REFERENCE_DIR or ../shared), or null when there is none. */
export function extraReferenceDir(env: NodeJS.ProcessEnv = process.env): { dir: string; origin: 'shared' | 'LM_REFERENCE_DIR' } | null {
  if (env.LM_REFERENCE_DIR) {
    const dir = path.resolve(env.LM_REFERENCE_DIR);
    if (!fs.existsSync(dir)) throw new Error(`LM_REFERENCE_DIR: the folder ${dir} does not exist`);
    if (jsonFiles(dir).length === 0) throw new Error(`LM_REFERENCE_DIR: the folder ${dir} holds no *.json file`);
    return { dir, origin: 'LM_REFERENCE_DIR' };
  }
  return fs.existsSync(SHARED_REFERENCE_DIR) ? { dir: SHARED_REFERENCE_DIR, origin: 'shared' } : null;
}

/** Every reference case file to run: the in-project fixtures, then the shared (or LM_REFERENCE_DIR) folder's. */
export function referenceCaseFiles(env: NodeJS.ProcessEnv = process.env): ReferenceCaseFile[] {
  const fixtures = jsonFiles(FIXTURE_REFERENCE_DIR);
  if (fixtures.length === 0) throw new Error(`${FIXTURE_REFERENCE_DIR} holds no *.json file`);
  const out: ReferenceCaseFile[] = fixtures.map((file) => ({ label: `fixtures/${path.basename(file)}`, origin: 'fixtures', file }));
  const extra = extraReferenceDir(env);
  if (extra) {
    const prefix = extra.origin === 'shared' ? 'shared' : 'LM_REFERENCE_DIR';
    for (const file of jsonFiles(extra.dir)) out.push({ label: `${prefix}/${path.basename(file)}`, origin: extra.origin, file });
  }
  return out;
}

/** The path of one in-project reference case, by file name (tests that need a particular published example). */
export function referenceCasePath(name: string): string {
  const file = path.join(FIXTURE_REFERENCE_DIR, name);
  if (!fs.existsSync(file)) throw new Error(`no reference case ${name} in ${FIXTURE_REFERENCE_DIR}`);
  return file;
}

/** One in-project reference case, parsed: `{ source, case, expect }`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function readReferenceCase(name: string): { source: string; case: any; expect: Record<string, Record<string, any>> } {
  return JSON.parse(fs.readFileSync(referenceCasePath(name), 'utf8'));
}
