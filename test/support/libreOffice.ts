/**
 * LibreOffice Calc, headless, as a second real spreadsheet application: converts .xlsx files to
 * .xlsx with every formula recalculated on load.
 *
 * LibreOffice keeps the cached results of an .xlsx by default (Tools > Options > Calc > Formula >
 * "Recalculation on file load", Excel 2007 and newer: "Never recalculate"; registry key
 * /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode, default 1 in LibreOffice's main.xcd).
 * The values are ScRecalcOptions of sc/inc/calcconfig.hxx: 0 always, 1 never, 2 ask. A fresh
 * user profile per run carries OOXMLRecalcMode = 0, so nothing of a developer's own profile
 * counts and two runs never share a profile.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const INSTALL_HINT =
  'LibreOffice Calc (soffice) is needed by this test and was not found: run `bash scripts/ensure-libreoffice.sh` ' +
  '(Debian: apt-get install -y --no-install-recommends libreoffice-calc), or set SOFFICE_PATH to an installed soffice.';

/** The soffice binary: SOFFICE_PATH, else `soffice` or `libreoffice` on the PATH; null when there is none. */
export function findSoffice(): string | null {
  const candidates = process.env.SOFFICE_PATH ? [process.env.SOFFICE_PATH] : (process.env.PATH ?? '').split(delimiter).flatMap((dir) => [join(dir, 'soffice'), join(dir, 'libreoffice')]);
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

const RECALC_ALWAYS_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface RecalculationRun {
  /** Wall-clock milliseconds of the soffice run (start-up included). */
  elapsedMs: number;
  /** The converted file of each input, by input path. */
  outputs: Map<string, string>;
}

/**
 * Converts `files` (all in one soffice run) into `outDir`, recalculating every formula on load.
 * `workDir` gets the fresh profile. Fails after `timeoutMs`, killing the whole soffice process group.
 */
export async function recalculateWithLibreOffice(soffice: string, files: string[], outDir: string, workDir: string, timeoutMs: number): Promise<RecalculationRun> {
  return convertWithLibreOffice(soffice, files, outDir, workDir, timeoutMs, 'xlsx:Calc MS Excel 2007 XML', 'xlsx');
}

/**
 * Prints `files` to PDF (all in one soffice run, `--convert-to pdf`: Calc's PDF export prints each
 * sheet's print area with its page setup and manual page breaks) into `outDir`. Same fresh profile
 * and time box as `recalculateWithLibreOffice`.
 */
export async function printToPdfWithLibreOffice(soffice: string, files: string[], outDir: string, workDir: string, timeoutMs: number): Promise<RecalculationRun> {
  return convertWithLibreOffice(soffice, files, outDir, workDir, timeoutMs, 'pdf:calc_pdf_Export', 'pdf');
}

async function convertWithLibreOffice(soffice: string, files: string[], outDir: string, workDir: string, timeoutMs: number, target: string, extension: string): Promise<RecalculationRun> {
  const profile = join(workDir, 'libreoffice-profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS_PROFILE);
  mkdirSync(outDir, { recursive: true });
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--invisible',
    '--norestore',
    '--nolockcheck',
    '--nodefault',
    '--convert-to',
    target,
    '--outdir',
    outDir,
    ...files,
  ];
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    // Its own process group, so a timeout ends soffice.bin too, not only the launcher script.
    const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: workDir } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(new Error(`LibreOffice did not finish converting ${files.length} file(s) within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`LibreOffice exited with ${code}:\n${output}`));
    });
  });
  const outputs = new Map<string, string>();
  for (const file of files) {
    const converted = join(outDir, (file.split(/[\\/]/).pop() as string).replace(/\.[^.]+$/, `.${extension}`));
    if (!existsSync(converted)) throw new Error(`LibreOffice wrote no ${converted}`);
    outputs.set(file, converted);
  }
  return { elapsedMs: Date.now() - started, outputs };
}
