/**
 * Case Summary round trips for `npm run bench`: builds the Case Summary of a case in the
 * in-memory Excel host (src/workbench/excelHost) with the real Office.js code
 * (src/excel/workbookActions.ts) and counts the context.sync() calls it made.
 */
import { parseCase } from '../engine/case/parse';
import { evaluateParsedCase } from '../engine/evaluate';
import { buildCaseSummary } from '../excel/workbookActions';
import { installGlobals } from '../workbench/excelHost';

export interface SummarySyncFigures {
  /** Syncs for the largest sample case (by the size of its JSON). */
  summarySyncs: number;
  summarySyncsCaseId: string;
  /** Syncs for the same case with 30 income lines and 20 debts (the count must not grow). */
  summarySyncsManyLines: number;
}

async function syncsFor(caseJson: unknown): Promise<number> {
  const host = installGlobals(globalThis);
  const parsed = parseCase(caseJson);
  if (!parsed.ok) throw new Error(`sample case does not parse: ${parsed.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  const evaluation = evaluateParsedCase(parsed.case, {}, parsed.warnings);
  const before = host.syncCount();
  await buildCaseSummary(evaluation, parsed.case, { replaceExisting: false, preparer: 'Bench' });
  return host.syncCount() - before;
}

/** `samples`: case JSON objects; the largest (by JSON length) is measured, then a copy with many lines. */
export async function measureSummarySyncs(samples: Record<string, unknown>[]): Promise<SummarySyncFigures> {
  if (samples.length === 0) throw new Error('no sample cases');
  const largest = [...samples].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
  const summarySyncs = await syncsFor(largest);
  const borrower = { ...((largest.borrower as Record<string, unknown>) ?? {}) };
  borrower.incomes = Array.from({ length: 30 }, (_, n) => ({ type: 'WAGES', amount: 100 + n, frequency: 'MONTHLY' }));
  borrower.debts = Array.from({ length: 20 }, (_, n) => ({ type: 'OTHER', monthlyPayment: 10 + n }));
  const summarySyncsManyLines = await syncsFor({ ...largest, caseId: `${String(largest.caseId)}-MANY`, borrower });
  return { summarySyncs, summarySyncsCaseId: String(largest.caseId), summarySyncsManyLines };
}
