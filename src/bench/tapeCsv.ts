/** Writes generated loans as a CSV loan tape (LM.PORTFOLIO headers), for `lm portfolio` in the bench. */
import { createWriteStream } from 'fs';
import { fromExcelSerial } from '../engine/dates';
import { casesAsLoanTape, generateCase, seededRandom } from './loanGenerator';

/** Writes `count` deterministic loans to `file`, a chunk at a time (the tape is never held whole). */
export async function writeTapeCsv(file: string, count: number, seed = 20251015): Promise<void> {
  const out = createWriteStream(file);
  const random = seededRandom(seed);
  const chunk = 5000;
  for (let start = 0; start < count; start += chunk) {
    const cases = [];
    for (let n = start; n < Math.min(count, start + chunk); n++) cases.push(generateCase(random, n + 1));
    const table = casesAsLoanTape(cases);
    // A CSV tape carries ISO dates (YYYY-MM-DD), not the Excel serials of the sheet tape.
    const dateColumns = table[0].map((header, column) => (/Date$/.test(String(header)) ? column : -1)).filter((column) => column >= 0);
    for (const cells of table.slice(1)) for (const column of dateColumns) cells[column] = fromExcelSerial(cells[column] as number);
    const rows = start === 0 ? table : table.slice(1);
    const text = rows.map((cells) => cells.map((cell) => (cell === null ? '' : String(cell))).join(',')).join('\n') + '\n';
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(resolve));
}
