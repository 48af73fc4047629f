#!/usr/bin/env node
'use strict';
/**
 * Writes docs/scenarios.md from test/fixtures/scenarios/*.json (the issue 12 scenario suite), so the
 * table a reviewer reads cannot drift from the fixtures the tests run: test/engine/scenarios.test.ts
 * fails when the file differs from what this script writes. Usage: node scripts/scenarios-table.js
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const folder = path.join(root, 'test', 'fixtures', 'scenarios');

function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function scenariosTable() {
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  const lines = [
    '# Scenario suite (issue 12)',
    '',
    'Realistic cases across the five investors, each with the recommendation a loss-mitigation specialist would',
    'sign and the reason, written from the rules (not from the engine\'s output). The fixtures are in',
    '`test/fixtures/scenarios/`; `test/engine/scenarios.test.ts` runs every case through `evaluateCase` and checks',
    'this table against them. Regenerate with `node scripts/scenarios-table.js`. Files named `pending-*.json`',
    'hold scenarios that need another branch (named in the file); they are listed here and run once renamed.',
    '',
  ];
  for (const file of files) {
    const data = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
    lines.push(`## ${file}${file.startsWith('pending-') ? ' (pending: not run yet)' : ''}`, '', cell(data.source), '');
    lines.push('| case | investor | facts | expected recommendation | reason | source |', '|---|---|---|---|---|---|');
    for (const s of data.scenarios) {
      const expected = s.expect.program === null ? `none (${s.expect.category})` : `${s.expect.program} (${s.expect.category})`;
      lines.push(`| ${cell(`${s.id}: ${s.title}`)} | ${s.case.investor} | ${cell(s.facts)} | ${cell(expected)} | ${cell(s.reason)} | ${cell(s.source)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

module.exports = { scenariosTable };

if (require.main === module) {
  fs.writeFileSync(path.join(root, 'docs', 'scenarios.md'), scenariosTable());
  process.stdout.write('docs/scenarios.md written\n');
}
