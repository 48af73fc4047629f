/**
 * What a user typed into a Case Summary the add-in built: the approval block (carried into a
 * replacement) and any other cell that differs from what the add-in wrote (named in the Replace
 * prompt before it is lost). What the add-in wrote is kept as a fingerprint: one short hash per
 * non-empty cell of the finished sheet, read back right after the write (so it holds what Excel
 * stored, not what was sent). Pure functions over cell grids; the Office calls are in
 * workbookActions.ts.
 */
import { cellAddress } from '../summary/sheetPlan';
import type { PlannedCell, SheetPlan } from '../summary/sheetPlan';

export type Grid = unknown[][];

/** A cell address → hash of its formula or constant, for the non-empty cells. */
export type Fingerprint = Record<string, string>;

/** FNV-1a, 32 bits, base 36: enough to tell an edited cell from the written one. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function cellText(value: unknown): string {
  return typeof value === 'string' ? `s${value}` : `${typeof value}${String(value)}`;
}

const isBlank = (value: unknown) => value === '' || value === null || value === undefined;

/** The fingerprint of a sheet's formulas grid read from (rowIndex, columnIndex). */
export function fingerprintOf(formulas: Grid, rowIndex: number, columnIndex: number): Fingerprint {
  const out: Fingerprint = {};
  formulas.forEach((row, r) =>
    row.forEach((value, c) => {
      if (!isBlank(value)) out[cellAddress(rowIndex + r, columnIndex + c)] = hash(cellText(value));
    }),
  );
  return out;
}

/** The addresses whose content differs from the fingerprint (typed into, cleared, or added). */
export function editedCells(fingerprint: Fingerprint, formulas: Grid, rowIndex: number, columnIndex: number, ignore: Set<string>): string[] {
  const now = fingerprintOf(formulas, rowIndex, columnIndex);
  const edited = new Set<string>();
  for (const [address, h] of Object.entries(now)) if (fingerprint[address] !== h) edited.add(address);
  for (const address of Object.keys(fingerprint)) if (!(address in now)) edited.add(address);
  return [...edited].filter((a) => !ignore.has(a)).sort(compareAddress);
}

function compareAddress(a: string, b: string): number {
  const pa = /^([A-Z]+)(\d+)$/.exec(a)!;
  const pb = /^([A-Z]+)(\d+)$/.exec(b)!;
  return Number(pa[2]) - Number(pb[2]) || pa[1].length - pb[1].length || pa[1].localeCompare(pb[1]);
}

export const APPROVAL_LABELS = ['Reviewer', 'Date', 'Decision', 'Comments'] as const;
export type ApprovalLabel = (typeof APPROVAL_LABELS)[number];
export type Approval = Partial<Record<ApprovalLabel, string | number | boolean>>;

/**
 * The rows of the approval block in a grid of column A labels: the labels after the last
 * heading that ends in "Approval" (the summary's section 10). Row numbers are zero-based.
 */
function approvalRows(labelAt: (row: number) => unknown, rows: number): Partial<Record<ApprovalLabel, number>> {
  let start = -1;
  for (let r = 0; r < rows; r++) if (/approval$/i.test(String(labelAt(r) ?? '').trim())) start = r;
  const found: Partial<Record<ApprovalLabel, number>> = {};
  if (start < 0) return found;
  for (let r = start + 1; r < rows && r <= start + 12; r++) {
    const label = String(labelAt(r) ?? '').trim() as ApprovalLabel;
    if ((APPROVAL_LABELS as readonly string[]).includes(label) && found[label] === undefined) found[label] = r;
  }
  return found;
}

/** The approval block of a summary, read from its values (the used range from row 1, column A). */
export function readApproval(values: Grid, rowIndex: number, columnIndex: number): { approval: Approval; cells: string[] } {
  if (columnIndex !== 0) return { approval: {}, cells: [] };
  const rows = approvalRows((r) => values[r - rowIndex]?.[0], rowIndex + values.length);
  const approval: Approval = {};
  const cells: string[] = [];
  for (const label of APPROVAL_LABELS) {
    const row = rows[label];
    if (row === undefined) continue;
    cells.push(cellAddress(row, 1));
    const value = values[row - rowIndex]?.[1];
    if (!isBlank(value)) approval[label] = value as string | number | boolean;
  }
  return { approval, cells };
}

/** The plan with the approval block filled from `approval` (the decision carried into a replacement). */
export function withApproval<P extends SheetPlan>(plan: P, approval: Approval): P {
  const labels = new Map<number, unknown>();
  for (const cell of plan.cells) {
    const match = /^A(\d+)$/.exec(cell.address);
    if (match) labels.set(Number(match[1]) - 1, cell.value);
  }
  const rows = approvalRows((r) => labels.get(r), Math.max(0, ...labels.keys()) + 1);
  const cells: PlannedCell[] = plan.cells.map((cell) => ({ ...cell }));
  for (const label of APPROVAL_LABELS) {
    const row = rows[label];
    const value = approval[label];
    if (row === undefined || value === undefined) continue;
    const address = cellAddress(row, 1);
    const existing = cells.find((c) => c.address === address);
    if (existing) existing.value = value;
    else cells.push({ address, value, style: 'input' });
  }
  return { ...plan, cells };
}
