#!/usr/bin/env node
/**
 * `npm run pictures`: refreshes the README's picture of the Case Summary's page 1 on purpose
 * (never during `npm test`). Runs the print test (test/xlsx/caseSummaryPrint.test.ts), which has
 * LibreOffice print the summary of every example case to PDF, keeping the PDFs in the ignored
 * test/e2e/artifacts/print/; then renders page 1 of the Fannie Mae example with poppler's pdftoppm
 * into the tracked test/e2e/screenshots/case-summary-page1.png. Commit it when it should change.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pdfDir = path.join(root, 'test', 'e2e', 'artifacts', 'print');
const picture = path.join(root, 'test', 'e2e', 'screenshots', 'case-summary-page1.png');
const EXAMPLE = 'fannie-flex';

fs.rmSync(pdfDir, { recursive: true, force: true });
const steps = [
  ['bash', [path.join(root, 'scripts', 'ensure-libreoffice.sh')], {}],
  ['bash', [path.join(root, 'scripts', 'ensure-poppler.sh')], {}],
  [process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), 'test/xlsx/caseSummaryPrint.test.ts'], { PRINT_PDF_DIR: pdfDir }],
];
for (const [command, args, env] of steps) {
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) {
    console.error(`pictures: ${path.basename(args[args.length - 1])} failed; ${path.relative(root, picture)} is unchanged`);
    process.exit(1);
  }
}
const pdf = path.join(pdfDir, `case-summary-${EXAMPLE}.pdf`);
const prefix = path.join(pdfDir, 'page1');
// 110 dpi: the page reads at the README's width; -singlefile writes prefix.png.
const render = spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '110', '-png', '-singlefile', pdf, prefix], { stdio: 'inherit' });
if (render.status !== 0) {
  console.error('pictures: pdftoppm failed');
  process.exit(1);
}
fs.mkdirSync(path.dirname(picture), { recursive: true });
fs.copyFileSync(`${prefix}.png`, picture);
console.log(`pictures: page 1 of the ${EXAMPLE} Case Summary is in ${path.relative(root, picture)}`);
