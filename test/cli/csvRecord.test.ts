/**
 * The tape's CSV split into records on the main thread and parsed in the workers (RFC 4180):
 * a line break inside quotes stays in its field, "" is a quote, CRLF and a BOM are read, a blank
 * row is skipped but keeps its number, and a broken quote is that row's problem only.
 */
import { csvRecordBatches, isBlankRecord, parseCsvRecord, RecordTooLongError } from '../../src/cli/portfolio/csvRecord';

async function records(chunks: string[]): Promise<{ row: number; record: string }[]> {
  const out: { row: number; record: string }[] = [];
  async function* input() {
    yield* chunks;
  }
  for await (const batch of csvRecordBatches(input(), 2)) out.push(...batch);
  return out;
}

test('records end at a line break outside quotes, whatever the chunk boundaries', async () => {
  const text = '\ufeffcaseId,note\r\nA-1,"two\nlines"\r\nA-2,"say ""hi"", then go"\n\n,,\nA-3,x';
  for (const size of [1, 3, 7, text.length]) {
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
    const got = await records(chunks);
    expect(got.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(got.map((r) => parseCsvRecord(r.record))).toEqual([
      { ok: true, cells: ['caseId', 'note'] },
      { ok: true, cells: ['A-1', 'two\nlines'] },
      { ok: true, cells: ['A-2', 'say "hi", then go'] },
      { ok: true, cells: [''] },
      { ok: true, cells: ['', '', ''] },
      { ok: true, cells: ['A-3', 'x'] },
    ]);
    expect(got.map((r) => isBlankRecord(r.record))).toEqual([false, false, false, true, true, false]);
  }
});

test('a broken quote is the row\'s problem, named without its text', () => {
  const parsed = parseCsvRecord('A-9,"Jane Q. Borrower" is here');
  expect(parsed).toEqual({ ok: false, problem: expect.stringMatching(/^not valid CSV/) });
  expect(JSON.stringify(parsed)).not.toContain('Jane');
});

test('a record longer than 64 KB (an unclosed quote, or no line ends) stops the read', async () => {
  await expect(records(['A,"', 'x'.repeat(70 * 1024)])).rejects.toBeInstanceOf(RecordTooLongError);
});
