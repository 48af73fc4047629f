/**
 * LM.PORTFOLIO is asynchronous and evaluates the tape in slices that yield to the event loop
 * (src/functions/slices.ts), so the pane and the other functions of the shared runtime run in
 * between. Proven without timing thresholds: a timer queued just after the call starts fires
 * before the call resolves, and the number of slices follows from the row cap alone. The rows
 * are the synchronous engine's (evaluateLoanTape), row for row, bad cells in their own rows.
 */
import '../support/customFunctionsShim';
import { portfolio, portfolioInSlices, portfolioRow, PORTFOLIO_HEADER } from '../../src/functions/portfolio';
import { evaluateLoanTape } from '../../src/engine/loanTape';
import type { CellValue } from '../../src/engine/caseFields';
import { casesAsLoanTape, generateCases } from '../../src/bench/loanGenerator';

/** 1,200 generated loans (seeded): with the 250-row cap, at least 4 yields whatever the machine's speed. */
const tape = casesAsLoanTape(generateCases(1200, 20261206));
const synchronous = (table: CellValue[][]) => [PORTFOLIO_HEADER, ...evaluateLoanTape(table).map(portfolioRow)];

describe('LM.PORTFOLIO yields to the event loop', () => {
  test('returns a Promise, and a timer queued just after the call fires before it resolves', async () => {
    const events: string[] = [];
    const call = portfolio(tape);
    expect(call).toBeInstanceOf(Promise);
    setTimeout(() => events.push('timer'), 0);
    const rows = await call.then((result) => {
      events.push('resolved');
      return result;
    });
    expect(events).toEqual(['timer', 'resolved']);
    expect(rows).toHaveLength(1 + 1200);
  });

  test('other work runs between slices, not only before the first', async () => {
    // A chain of zero-delay timers stands for the pane and the other functions: each tick re-queues itself.
    let ticks = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      ticks++;
      setTimeout(tick, 0);
    };
    const slices: number[] = [];
    const call = portfolioInSlices(tape, true, { onSlice: (ms) => slices.push(ms) });
    setTimeout(tick, 0);
    await call;
    done = true;
    // 1,200 rows at most 250 to a slice: 5 slices or more, so 4 yields or more.
    expect(slices.length).toBeGreaterThanOrEqual(5);
    expect(ticks).toBeGreaterThanOrEqual(2);
  });

  test('a one-row budget yields after every row', async () => {
    const small = tape.slice(0, 11);
    const slices: number[] = [];
    await portfolioInSlices(small, true, { budget: { maxRows: 1, maxMs: Number.POSITIVE_INFINITY }, onSlice: (ms) => slices.push(ms) });
    // 10 loans: a yield after each, then the final slice that builds the result.
    expect(slices).toHaveLength(11);
  });
});

describe('LM.PORTFOLIO in slices gives the synchronous evaluation, row for row', () => {
  test('the generated tape: the same rows as evaluateLoanTape', async () => {
    expect(await portfolio(tape)).toEqual(synchronous(tape));
  });

  test('whatever the slice size', async () => {
    const part = tape.slice(0, 301);
    const expected = synchronous(part);
    expect(await portfolioInSlices(part, true, { budget: { maxRows: 1, maxMs: Number.POSITIVE_INFINITY } })).toEqual(expected);
    expect(await portfolioInSlices(part, true, { budget: { maxRows: 7, maxMs: Number.POSITIVE_INFINITY } })).toEqual(expected);
    expect(await portfolioInSlices(part, true, { budget: { maxRows: 100_000, maxMs: Number.POSITIVE_INFINITY } })).toEqual(expected);
  });

  test('a bad cell makes its own row an error row, in every slice; the other rows are unchanged; blank rows are skipped', async () => {
    const upb = tape[0].indexOf('upb');
    const bad = new Set([2, 250, 251, 900]); // tape indexes, two on the first slice edge; sheet rows 3, 251, 252 and 902 (after the blank row)
    const withBad = tape.map((cells, index) => {
      if (!bad.has(index)) return cells;
      const copy: unknown[] = [...cells];
      copy[upb] = { type: 'Error', basicType: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' };
      return copy;
    });
    const blank = tape[0].map(() => null);
    withBad.splice(500, 0, blank); // a blank row at table index 500 (sheet row 501): no output row
    const rows = await portfolio(withBad as never);
    expect(rows).toHaveLength(1 + 1200);
    // Reference: the synchronous engine on the tape with the same blank row, bad rows left out.
    const clean = tape.map((cells, index) => (bad.has(index) ? tape[0].map(() => null) : cells));
    clean.splice(500, 0, blank);
    const reference = new Map(evaluateLoanTape(clean).map((result) => [result.row, portfolioRow(result)]));
    for (const out of rows.slice(1)) {
      const sheetRow = out[0] as number;
      const tableIndex = sheetRow - 1;
      const originalIndex = tableIndex > 500 ? tableIndex - 1 : tableIndex;
      if (bad.has(originalIndex)) expect(out).toEqual([sheetRow, '', '#ERROR', '', '', '', `row ${sheetRow}, upb holds #DIV/0!`]);
      else expect(out).toEqual(reference.get(sheetRow));
    }
    expect(rows.some((out) => out[0] === 501)).toBe(false);
  });

  test('a bad argument rejects with the cell error, as the synchronous function threw it', async () => {
    await expect(portfolio([tape[0]] as never)).rejects.toMatchObject({ code: '#VALUE!', message: 'table must be a range with a header row and at least one loan row' });
    await expect(portfolio([tape[0], tape[0].map(() => null)] as never)).rejects.toMatchObject({ code: '#N/A', message: 'table has no loan rows (every row below the header is blank)' });
  });
});

describe('LM.PORTFOLIO is cancelable', () => {
  test('canceled by Excel (an edit superseded the call), it stops at the next slice and rejects', async () => {
    const invocation: { onCanceled?: () => void } = {};
    const call = portfolio(tape, true, invocation as never);
    expect(typeof invocation.onCanceled).toBe('function');
    // Cancel as soon as the first slice has yielded; the call must not run its remaining slices.
    setTimeout(() => invocation.onCanceled?.(), 0);
    // Rejected, not resolved: it stopped at a yield before the last row (it checks only between slices).
    await expect(call).rejects.toMatchObject({ code: '#N/A', message: 'LM.PORTFOLIO was canceled before it finished' });
  });

  test('never canceled, the invocation changes nothing', async () => {
    const part = tape.slice(0, 51);
    expect(await portfolio(part, true, {} as never)).toEqual(synchronous(part));
  });
});

