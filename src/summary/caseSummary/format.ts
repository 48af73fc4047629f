/**
 * How the Case Summary words and formats what the engine returns: amounts, figures, masked
 * identifiers, and the plain English of the manager's page (no engine identifiers on page 1).
 */
import { toExcelSerial, type IsoDate } from '../../engine/dates';
import { maskLoanNumber as maskEngineLoanNumber } from '../../engine/masking';
import type { Investor } from '../../engine/case/types';
import type { Evaluation, OptionResult, StepFigures } from '../../engine/results';
import type { CellValue } from '../sheetPlan';

/** "****5678" by the engine's one masking rule (as the CLI and the portfolio review mask); "not given" when there is none. */
export function maskLoanNumber(loanNumber: string | null): string {
  return loanNumber ? maskEngineLoanNumber(loanNumber) : 'not given';
}

/** "***-**-1234". */
export function maskSsn(ssnLast4: string | null): string {
  if (!ssnLast4) return 'not given';
  return `***-**-${ssnLast4.slice(-4)}`;
}

export const dateValue = (date: IsoDate | null | undefined): CellValue => (date ? toExcelSerial(date) : null);
export const yesNo = (value: boolean | null | undefined): string => (value === true ? 'Yes' : value === false ? 'No' : 'unknown');
export const orNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** "REDUCTION_IN_INCOME" to "Reduction in income". */
export function humanize(value: string | null | undefined): string {
  if (!value) return 'not given';
  return value
    .toLowerCase()
    .split('_')
    .map((word, i) => (i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}

export function money(value: number | null | undefined): string {
  return value === null || value === undefined ? 'n/a' : `${value < 0 ? '-' : ''}$${Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

const INVESTOR_NAMES: Record<Investor, string> = {
  FANNIE: 'Fannie Mae',
  FREDDIE: 'Freddie Mac',
  FHA: 'FHA',
  VA: 'VA',
  USDA: 'USDA',
  PORTFOLIO: 'Portfolio (held by the servicer)',
};

export function investorName(investor: Investor): string {
  return INVESTOR_NAMES[investor] ?? investor;
}

/**
 * Engine text in a manager's words: the program ids in parentheses after a label go
 * ("Flex Modification (GSE-FLEX)" is "Flex Modification"), a remaining program id becomes its
 * label, and enumerated values become words ("(REDUCTION_IN_INCOME)" is "(reduction in income)",
 * "intent SELL" is "intent to sell").
 */
export function plainEnglish(text: string, evaluation: Pick<Evaluation, 'options'>): string {
  let out = text;
  const ids = Object.keys(evaluation.options).sort((a, b) => b.length - a.length);
  for (const id of ids) out = out.split(` (${id})`).join('');
  for (const id of ids) out = out.split(id).join(evaluation.options[id].label || 'this option');
  out = out.replace(/\bintent ([A-Z]{2,})\b/g, (_, intent: string) => `intent to ${intent.toLowerCase()}`);
  out = out.replace(/\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/g, (token) => token.toLowerCase().replace(/_/g, ' '));
  // A parameter name ("statutoryCap") in words ("statutory cap").
  out = out.replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, (token) => token.replace(/([A-Z])/g, ' $1').toLowerCase());
  return out.split('+overrides').join(' (with overrides)');
}

/** The tokens a manager's page must not show: ENUM_VALUES, camelCase parameter names, version suffixes, program ids. */
export function engineIdentifiers(text: string, programIds: Iterable<string>): string[] {
  const found = [...(text.match(/\b[A-Z]{2,}_[A-Z0-9_]+\b/g) ?? []), ...(text.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []), ...(text.match(/\+overrides/g) ?? [])];
  for (const id of programIds) if (text.includes(id)) found.push(id);
  return found;
}

function formatFigure(key: string, value: number | string | boolean | null): string {
  if (value === null) return `${key}: n/a`;
  if (typeof value !== 'number') return `${key}: ${value}`;
  const lower = key.toLowerCase();
  if (lower.includes('percent')) return `${key}: ${value.toFixed(2)}%`;
  // Rates and ratios are fractions (engine.md section 1); a large figure under such a key is an amount.
  if ((lower.includes('rate') || lower.includes('dti') || lower.includes('ltv')) && Math.abs(value) < 10) return `${key}: ${(value * 100).toFixed(lower.includes('rate') ? 3 : 2)}%`;
  if (/term|months|count|days|number|step/.test(lower)) return `${key}: ${value}`;
  return `${key}: ${money(value)}`;
}

export function formatFigures(figures: StepFigures | undefined): string {
  if (!figures) return '';
  return Object.entries(figures)
    .map(([key, value]) => formatFigure(key, value))
    .join('; ');
}

/** A rulebook parameter value in words: numbers as written, lists and tables as JSON. */
export function parameterText(value: unknown): string {
  if (value === undefined) return 'n/a';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The monthly payment an option proposes, when it has one. */
export function proposedPayment(option: OptionResult): number | null {
  return orNull((option as { monthlyPayment?: unknown }).monthlyPayment);
}

/** The partial claim an option carries (FHA modifications put the arrears in one; USDA's recovery advance). */
export function partialClaimOf(option: OptionResult): number | null {
  return orNull((option as { partialClaim?: unknown }).partialClaim);
}

/** Terms that do not fit the common columns, in words. */
export function otherTerms(option: OptionResult): string {
  switch (option.kind) {
    case 'modification': {
      const parts = [`P&I ${money(option.principalAndInterest)}`, `post-capitalization balance ${money(option.postCapitalizationUpb)}`];
      const claim = partialClaimOf(option);
      if (claim !== null) parts.push(`partial claim ${money(claim)}`);
      if (option.mtmltvPercent !== null) parts.push(`loan-to-value after ${option.mtmltvPercent.toFixed(2)}%`);
      return parts.join('; ');
    }
    case 'deferral':
      return option.deferredAmount === null ? '' : `defers ${money(option.deferredAmount)} (${option.deferredMonths ?? '?'} months)`;
    case 'partialClaim':
      return option.partialClaim === null ? '' : `claim ${money(option.partialClaim)} (cap ${money(option.partialClaimCap)})`;
    case 'disposition':
      return option.netProceeds === null || option.netProceeds === undefined
        ? ''
        : `net proceeds ${money(option.netProceeds)}${typeof option.netReturnPercent === 'number' ? ` (${option.netReturnPercent.toFixed(2)}% of value)` : ''}`;
    case 'forbearance':
      return option.arrearsAtEnd === null ? '' : `arrears at end ${money(option.arrearsAtEnd)}`;
    default:
      return '';
  }
}

export function optionTerm(option: OptionResult): number | null {
  if (option.kind === 'modification') return option.termMonths;
  if (option.kind === 'repayment' || option.kind === 'forbearance') return option.months;
  return null;
}
