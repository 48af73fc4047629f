/**
 * The pane's settings form: the workbook's posted modification rate, PMMS, preparer and rulebook
 * overrides, as text fields. Reading the form validates every field at once and names the fix;
 * nothing is guessed (a rate typed as 6.5 is rejected, as the engine does).
 */
import { CASE_FIELDS } from '../engine/case/parse';
import { dec } from '../engine/money';
import { percentTypedAsNumberMessage, type InputProblem } from '../engine/errors';
import type { WorkbookSettings } from '../excel/workbookActions';

export interface SettingsFormValues {
  modificationRate: string;
  pmms: string;
  preparer: string;
  /** JSON text: { "RULEBOOK-ID": { "parameter": value } }; empty means none. */
  rulebookOverrides: string;
}

export type SettingsFormErrors = Partial<Record<keyof SettingsFormValues, string>>;

export type SettingsFormResult = { ok: true; settings: WorkbookSettings } | { ok: false; errors: SettingsFormErrors };

export const EMPTY_SETTINGS: WorkbookSettings = { modificationRate: null, pmms: null, preparer: '', rulebookOverrides: {} };

/** The text a rate is shown with in the form: 0.065 → "6.5%" (exact decimal shift, no float error). */
export function rateToText(rate: number | null): string {
  if (rate === null || rate === undefined) return '';
  return `${dec(rate).times(100).toString()}%`;
}

export function settingsToForm(settings: WorkbookSettings): SettingsFormValues {
  const overrides = settings.rulebookOverrides ?? {};
  return {
    modificationRate: rateToText(settings.modificationRate),
    pmms: rateToText(settings.pmms),
    preparer: settings.preparer ?? '',
    rulebookOverrides: Object.keys(overrides).length > 0 ? JSON.stringify(overrides, null, 2) : '',
  };
}

/**
 * Reads a rate typed by a user: "6.5%" or "0.065" (a fraction). Empty means "not set" (null).
 * A bare number above 1 is a percent typed as a number and is rejected with the engine's message.
 */
export function parseRateText(label: string, text: string): { ok: true; rate: number | null } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { ok: true, rate: null };
  const percent = /^(-?\d+(?:\.\d+)?|-?\.\d+)\s*%$/.exec(trimmed);
  const plain = /^(-?\d+(?:\.\d+)?|-?\.\d+)$/.exec(trimmed);
  if (!percent && !plain) return { ok: false, message: `${label} "${text.trim()}" is not a rate: enter it as 6.5% or 0.065` };
  const rate = percent ? dec(percent[1]).div(100) : dec(plain![1]);
  if (rate.isNegative()) return { ok: false, message: `${label} cannot be negative` };
  if (plain && rate.greaterThan(1)) return { ok: false, message: percentTypedAsNumberMessage(label, rate.toNumber()) };
  if (rate.greaterThan(1)) return { ok: false, message: `${label} ${trimmed} is above 100%: check the value` };
  return { ok: true, rate: rate.toNumber() };
}

/**
 * Validates rulebook overrides typed as JSON with the case parser's own checker (the same rules
 * as a case's `rulebookOverrides`: known rulebook ids, known parameters, values of the right type).
 */
export function parseOverridesText(text: string): { ok: true; overrides: WorkbookSettings['rulebookOverrides'] } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, overrides: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message}); expected { "RULEBOOK-ID": { "parameter": value } }` };
  }
  const spec = CASE_FIELDS.rulebookOverrides;
  if (spec.kind !== 'custom') return { ok: false, message: 'rulebook overrides cannot be checked in this version' };
  const problems: InputProblem[] = [];
  const checked = spec.check(raw, 'rulebookOverrides', problems);
  if (problems.length > 0) return { ok: false, message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') };
  return { ok: true, overrides: (checked ?? {}) as WorkbookSettings['rulebookOverrides'] };
}

/** Validates the whole form; every field's problem is reported at once. */
export function readSettingsForm(values: SettingsFormValues): SettingsFormResult {
  const errors: SettingsFormErrors = {};
  const modificationRate = parseRateText('Posted modification rate', values.modificationRate);
  if (!modificationRate.ok) errors.modificationRate = modificationRate.message;
  const pmms = parseRateText('PMMS rate', values.pmms);
  if (!pmms.ok) errors.pmms = pmms.message;
  const overrides = parseOverridesText(values.rulebookOverrides);
  if (!overrides.ok) errors.rulebookOverrides = overrides.message;
  if (!modificationRate.ok || !pmms.ok || !overrides.ok) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      modificationRate: modificationRate.rate,
      pmms: pmms.rate,
      preparer: values.preparer.trim(),
      rulebookOverrides: overrides.overrides,
    },
  };
}
