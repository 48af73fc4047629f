/**
 * docs/sources.md is generated from the rulebooks (npm run docs:sources): it must match what
 * the rulebooks say now. Compares only; never writes the tracked file.
 */
import fs from 'fs';
import path from 'path';
import { sourceRows, sourcesMarkdown, statusCounts } from '../../src/engine/rulebooks/sourcesTable';

describe('docs/sources.md', () => {
  test('is up to date with the rulebooks (run npm run docs:sources when this fails)', () => {
    const file = path.join(__dirname, '..', '..', 'docs', 'sources.md');
    expect(fs.readFileSync(file, 'utf8')).toBe(sourcesMarkdown());
  });

  test('every parameter has a status, and interpretation flags stay interpretation unless checked', () => {
    const rows = sourceRows();
    const counts = statusCounts(rows);
    expect(counts.verified + counts.quoted + counts.interpretation).toBe(rows.length);
    // The Regulation X figures read in the CFR text itself.
    const regx = (name: string) => rows.find((r) => r.rulebook === 'REG-X' && r.parameter === name);
    expect(regx('foreclosureReferralDelinquencyDays')?.status).toBe('verified');
    expect(regx('acknowledgmentBusinessDays')?.status).toBe('verified');
    expect(regx('nearDays')?.status).toBe('interpretation');
    // A value an earlier version carries forward is never counted as checked.
    expect(rows.filter((r) => r.source.startsWith('carried from ')).every((r) => r.status === 'interpretation')).toBe(true);
  });
});
