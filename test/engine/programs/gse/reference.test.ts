/**
 * The published worked examples (shared/reference/cases, Freddie Mac Resolve Retention API v3
 * test figures) reproduced to the cent through the whole engine: evaluateCase with GSE-FLEX.
 *
 * Hand check of case 1 (gse-flex-forbearance): 347868.83 + 8261.88 = 356130.71;
 * target floor(1913.14 x 0.79995 = 1530.408...) = 1530.41; 4.75% is below the posted 6.5%, kept;
 * no term up to 480 reaches the target (P&I at 480 on 356130.71 is about 1658.8), so principal
 * forbearance 356130.71 - 328584.90 = 27545.81 (caps: 30% = 106839.21, gross - 50% of 50000 =
 * 331130.71); reduction (1913.14 - 1530.41) / 1913.14 = 20.005% -> 20.01; MTMLTV
 * 328584.90 / 50000 = 657.1698% truncated 657.16; trials 2025-11-01, 12-01, 2026-01-01:
 * effective 2026-01-01, first payment 2026-02-01, maturity + 479 months = 2066-01-01.
 *
 * Case 2 (gse-flex-pi-increase): 203826.75 + 2208.12 = 206034.87; forbearance capped at
 * 30% = 61810.461 -> 61810.46; interest-bearing 144224.41; MTMLTV 288.448% -> 288.44; P&I
 * 537.30 is above the current 200.00: "P&I increase".
 */
import * as fs from 'fs';
import { evaluateCase } from '../../../../src/engine/evaluate';
import { readReferenceCase, referenceCaseFiles } from '../../../support/referenceCases';

// Every reference case that publishes GSE-FLEX figures (the in-project copies, plus ../shared's when present).
const files = referenceCaseFiles().filter((f) => JSON.parse(fs.readFileSync(f.file, 'utf8')).expect?.['GSE-FLEX']);

describe('GSE Flex reference cases', () => {
  it('has reference cases to check', () => {
    expect(files.filter((f) => f.origin === 'fixtures').length).toBeGreaterThanOrEqual(2);
  });

  for (const { label, file } of files) {
    it(`reproduces ${label} to the cent`, () => {
      const reference = JSON.parse(fs.readFileSync(file, 'utf8'));
      const evaluation = evaluateCase(reference.case, { programs: ['GSE-FLEX'] });
      const option = evaluation.options['GSE-FLEX'] as unknown as Record<string, unknown>;
      for (const [field, expected] of Object.entries(reference.expect['GSE-FLEX'] as Record<string, unknown>)) {
        expect({ field, value: option[field] }).toEqual({ field, value: expected });
      }
      expect(option.rulebook).toEqual({ id: 'GSE-FLEX', version: '2024-12-01' });
    });
  }

  it('explains the P&I increase with its figures', () => {
    const reference = readReferenceCase('gse-flex-pi-increase.json');
    const option = evaluateCase(reference.case, { programs: ['GSE-FLEX'] }).options['GSE-FLEX'];
    expect(option.reasonDetail).toBe('modification results in P&I increase (Freddie Mac LM000018): new P&I 537.30 is not below the current 200.00');
  });
});
