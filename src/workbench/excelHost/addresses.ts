/** A1 addresses for the in-memory host: "C7", "A1:K40", "E:Z" (whole columns), "1:3" (whole rows), with an optional sheet. */
import { cellAddress, columnIndex, columnLetter } from '../../summary/sheetPlan';
import { MAX_COLUMNS, MAX_ROWS, type Box } from './model';

/** Splits "'Case Input'!B5:C7" into the sheet name (unquoted) and the local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const trimmed = address.trim().replace(/^=/, '');
  const bang = trimmed.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: trimmed };
  let sheet = trimmed.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: trimmed.slice(bang + 1) };
}

/** Parses a local A1 address into a box (zero-based, inclusive); null when it is not one. */
export function parseBox(local: string): Box | null {
  const parts = local.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2 || parts.length === 0) return null;
  const cells = parts.map((part) => {
    let m = /^([A-Z]{1,3})(\d+)$/.exec(part);
    if (m) return { r: Number(m[2]) - 1, c: columnIndex(m[1]), kind: 'cell' as const };
    m = /^([A-Z]{1,3})$/.exec(part);
    if (m) return { r: -1, c: columnIndex(m[1]), kind: 'column' as const };
    m = /^(\d+)$/.exec(part);
    if (m) return { r: Number(m[1]) - 1, c: -1, kind: 'row' as const };
    return null;
  });
  if (cells.some((c) => c === null)) return null;
  const [a, b] = [cells[0]!, cells[cells.length - 1]!];
  if (a.kind !== b.kind) return null;
  if (a.kind === 'cell' && (a.r < 0 || b.r < 0)) return null;
  const box: Box =
    a.kind === 'column'
      ? { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) }
      : a.kind === 'row'
        ? { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: 0, c1: MAX_COLUMNS - 1 }
        : { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  return box;
}

export function boxAddress(box: Box): string {
  const a = cellAddress(box.r0, box.c0);
  if (box.r0 === box.r1 && box.c0 === box.c1) return a;
  if (box.r0 === 0 && box.r1 === MAX_ROWS - 1) return `${columnLetter(box.c0)}:${columnLetter(box.c1)}`;
  if (box.c0 === 0 && box.c1 === MAX_COLUMNS - 1) return `${box.r0 + 1}:${box.r1 + 1}`;
  return `${a}:${cellAddress(box.r1, box.c1)}`;
}

export function absoluteAddress(box: Box): string {
  const a = `$${columnLetter(box.c0)}$${box.r0 + 1}`;
  if (box.r0 === box.r1 && box.c0 === box.c1) return a;
  return `${a}:$${columnLetter(box.c1)}$${box.r1 + 1}`;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function boxContains(outer: Box, inner: Box): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function boxSize(box: Box): { rows: number; columns: number } {
  return { rows: box.r1 - box.r0 + 1, columns: box.c1 - box.c0 + 1 };
}
