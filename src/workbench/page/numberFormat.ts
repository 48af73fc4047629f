/**
 * Displays a cell value with its Excel number format, for the workbench grid (display only:
 * the workbook keeps the raw value). Covers the formats the add-in writes: General, text (@),
 * fixed decimals, thousands separators, currency, percent, sections (positive;negative;zero),
 * and dates (yyyy-mm-dd, m/d/yyyy, mmm d, yyyy...). Numbers are rounded as Excel shows them:
 * to 15 significant digits first, then half away from zero at the format's decimals.
 */
import { Decimal } from '../../engine/money';

export type GridValue = string | number | boolean | null | undefined;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Splits a format into its ;-separated sections, ignoring ; inside quotes. */
export function formatSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

/** The section's text with quoted literals and escapes removed (to look for tokens only). */
function tokensOnly(section: string): string {
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

function isDateSection(section: string): boolean {
  return /[yd]|m{1,4}(?![^[]*\])/i.test(tokensOnly(section)) && !/[0#?]/.test(tokensOnly(section));
}

/** The Excel serial (days since 1899-12-30, the 1900 date system) as a UTC date. */
export function serialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Renders a section's text: [color] tags are dropped, quoted literals and \-escapes are shown
 * as they are, `token` renders what it recognises at the start of `rest` (its text and how many
 * characters it used), and any other character is shown as it is.
 */
function renderSection(section: string, token: (rest: string) => { text: string; length: number } | null): string {
  const text = section.replace(/\[[^\]]*\]/g, '');
  let out = '';
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i);
    const quoted = /^"([^"]*)"/.exec(rest);
    if (quoted) {
      out += quoted[1];
      i += quoted[0].length;
      continue;
    }
    if (rest[0] === '\\' && rest.length > 1) {
      out += rest[1];
      i += 2;
      continue;
    }
    const rendered = token(rest);
    if (rendered) {
      out += rendered.text;
      i += rendered.length;
      continue;
    }
    out += rest[0];
    i += 1;
  }
  return out;
}

function formatDate(serial: number, section: string): string {
  const date = serialToDate(serial);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  const weekday = date.getUTCDay();
  return renderSection(section, (rest) => {
    const token = /^(yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d)/i.exec(rest);
    if (!token) return null;
    const t = token[1].toLowerCase();
    const text =
      t === 'yyyy' ? pad(y, 4)
      : t === 'yy' ? pad(y % 100, 2)
      : t === 'mmmmm' ? MONTHS[m][0]
      : t === 'mmmm' ? MONTHS[m]
      : t === 'mmm' ? MONTHS[m].slice(0, 3)
      : t === 'mm' ? pad(m + 1, 2)
      : t === 'm' ? String(m + 1)
      : t === 'dddd' ? DAYS[weekday]
      : t === 'ddd' ? DAYS[weekday].slice(0, 3)
      : t === 'dd' ? pad(d, 2)
      : String(d);
    return { text, length: token[1].length };
  });
}

/** Groups the integer digits by thousands: "1234567" → "1,234,567". */
function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumber(value: number, section: string, negativeSection: boolean): string {
  const tokens = tokensOnly(section);
  const percentCount = (tokens.match(/%/g) ?? []).length;
  const decimalsMatch = /\.([0#?]+)/.exec(tokens);
  const decimals = decimalsMatch ? decimalsMatch[1].length : 0;
  const grouped = /[0#?],[0#?]/.test(tokens);
  // Excel keeps 15 significant digits, then rounds half away from zero at the shown decimals.
  let amount = new Decimal(Math.abs(value).toPrecision(15));
  if (percentCount > 0) amount = amount.times(new Decimal(100).pow(percentCount));
  const fixed = amount.toFixed(decimals, Decimal.ROUND_HALF_UP);
  const [integerPart, fractionPart] = fixed.split('.');
  // "0.00" shows 0.50, "#.00" shows .50: a 0 placeholder in the integer part keeps the zero.
  const integerPattern = /[0#?,]*$/.exec(tokens.split('.')[0])?.[0] ?? '';
  let integerText = integerPart === '0' && !integerPattern.includes('0') && decimals > 0 ? '' : integerPart;
  if (grouped) integerText = groupThousands(integerText);
  const digits = fractionPart ? `${integerText}.${fractionPart}` : integerText;

  // Rebuild the section: literals around one run of digit placeholders.
  let placed = false;
  let out = renderSection(section, (rest) => {
    const run = /^[0#?,.]+/.exec(rest);
    if (run) {
      const text = placed ? '' : digits;
      placed = true;
      return { text, length: run[0].length };
    }
    // _x leaves the width of x; *x repeats x to fill the cell: a space reads the same here.
    if (rest[0] === '_' || rest[0] === '*') return { text: rest[0] === '_' ? ' ' : '', length: 2 };
    return null;
  });
  // A section of literals only ("nil") shows just them; an empty one shows the number.
  if (!placed && (section.trim() === '' || /[0#?]/.test(tokens))) out += digits;
  const isNegative = value < 0 && !new Decimal(fixed).isZero();
  return isNegative && !negativeSection ? `-${out}` : out;
}

/** General format: up to 11 significant characters, as Excel's default column shows numbers. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const text = String(Number(value.toPrecision(10)));
  return text;
}

/** The text a cell shows for `value` formatted with `numberFormat`. */
export function formatCellValue(value: GridValue, numberFormat?: string | null): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  const format = (numberFormat ?? 'General').trim();
  if (format === '' || /^general$/i.test(format) || format === '@') return formatGeneral(value);
  const sections = formatSections(format);
  let section = sections[0];
  let negativeSection = false;
  if (value < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    negativeSection = true;
  } else if (value === 0 && sections.length > 2 && sections[2] !== '') {
    section = sections[2];
  }
  if (/^general$/i.test(section.trim())) return formatGeneral(value);
  if (isDateSection(section)) return formatDate(value, section);
  return formatNumber(value, section, negativeSection);
}
