#!/usr/bin/env node
/**
 * `npm run screenshots`: refreshes the README's images on purpose. The browser tests write their
 * screenshots to test/e2e/artifacts/screenshots/ (ignored by git, so `npm test` never modifies a
 * tracked file); this script runs them, then copies every PNG they made into the tracked
 * test/e2e/screenshots/. Commit the result when the pictures should change.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const made = path.join(root, 'test', 'e2e', 'artifacts', 'screenshots');
const tracked = path.join(root, 'test', 'e2e', 'screenshots');

// Stale pictures from an earlier run must not be copied as if this run made them.
fs.rmSync(made, { recursive: true, force: true });
for (const [command, args] of [
  ['bash', [path.join(root, 'scripts', 'ensure-chromium.sh')]],
  [process.execPath, [path.join(root, 'test', 'e2e', 'workbench.e2e.js')]],
]) {
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('screenshots: the browser tests failed; test/e2e/screenshots/ is unchanged');
    process.exit(1);
  }
}
const pictures = fs.existsSync(made) ? fs.readdirSync(made).filter((f) => f.endsWith('.png')).sort() : [];
if (pictures.length === 0) {
  console.error(`screenshots: the browser tests made no picture in ${path.relative(root, made)}`);
  process.exit(1);
}
fs.mkdirSync(tracked, { recursive: true });
for (const file of pictures) fs.copyFileSync(path.join(made, file), path.join(tracked, file));
console.log(`screenshots: copied ${pictures.length} pictures into ${path.relative(root, tracked)}/: ${pictures.join(', ')}`);
