/** Number-format display (`range.text`) for the formats the add-in uses; enough for the workbench grid. */
import type { Scalar } from './model';

function serialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

function decimalsOf(format: string): number {
  const m = /\.(0+)/.exec(format);
  return m ? m[1].length : 0;
}

function grouped(value: number, decimals: number): string {
  return Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatValue(value: Scalar | null, format: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const f = format || 'General';
  if (f === '@' || f === 'General') {
    if (Number.isInteger(value)) return String(value);
    return String(Number(value.toPrecision(10)));
  }
  if (/y{2,4}|d{1,2}|m{3,}/i.test(f) && !f.includes('0')) {
    const iso = serialToIso(value);
    if (/^m+\/d+\/y+$/i.test(f)) {
      const [y, m, d] = iso.split('-');
      return `${Number(m)}/${Number(d)}/${y}`;
    }
    return iso;
  }
  const decimals = decimalsOf(f);
  if (f.includes('%')) return `${(value * 100).toFixed(decimals)}%`;
  const sign = value < 0 ? '-' : '';
  if (f.includes('$')) return `${sign}$${grouped(value, decimals)}`;
  if (f.includes('#,##')) return `${sign}${grouped(value, decimals)}`;
  return value.toFixed(decimals);
}
