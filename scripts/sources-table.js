#!/usr/bin/env node
/**
 * npm run docs:sources: writes docs/sources.md from the rulebooks (src/engine/rulebooks,
 * transpiled in memory like the browser tests do). `--check` only compares and exits 1 when
 * the file is out of date.
 */
const fs = require('fs');
const path = require('path');
require('../test/e2e/tsRequire.js').register();
const { sourcesMarkdown } = require('../src/engine/rulebooks/sourcesTable.ts');

const file = path.join(__dirname, '..', 'docs', 'sources.md');
const text = sourcesMarkdown();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== text) {
    console.error('docs/sources.md is out of date: run npm run docs:sources');
    process.exit(1);
  }
  console.log('docs/sources.md is up to date');
} else {
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
