/**
 * The workbook settings as kept on the add-in's settings sheet, and their validation: as strict
 * as a case's values (a PMMS of 62.5 is a percent typed as a number and is refused, not used as
 * 6,250%; overrides that cannot be parsed, name an unknown rulebook or parameter, or are out of
 * range are refused). Each problem names the setting and the fix. Pure: no Office calls.
 */
import { validateRulebookOverrides } from '../engine/case/parse';
import { percentTypedAsNumberMessage, type InputProblem } from '../engine/errors';

export interface WorkbookSettings {
  modificationRate: number | null;
  pmms: number | null;
  preparer: string;
  rulebookOverrides: Record<string, Record<string, number | string | boolean>>;
}

export interface SettingsProblem {
  /** The setting as the pane labels it. */
  setting: string;
  message: string;
}

/** The settings rows of the settings sheet, from row 2 (label, key, number format). */
export const SETTINGS_ROWS: { key: keyof WorkbookSettings; label: string; format: string }[] = [
  { key: 'modificationRate', label: 'GSE posted modification rate', format: '0.000%' },
  { key: 'pmms', label: 'Freddie Mac PMMS rate', format: '0.000%' },
  { key: 'preparer', label: 'Preparer (specialist)', format: '@' },
  { key: 'rulebookOverrides', label: 'Rulebook overrides (JSON)', format: '@' },
];

export const NO_SETTINGS: WorkbookSettings = { modificationRate: null, pmms: null, preparer: '', rulebookOverrides: {} };

const FIX = 'open Settings in the pane to correct it';

function readRate(label: string, raw: unknown, problems: SettingsProblem[]): number | null {
  if (raw === '' || raw === null || raw === undefined) return null;
  let rate: number;
  if (typeof raw === 'number') rate = raw;
  else {
    const text = String(raw).trim();
    const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(text);
    rate = percent ? Number((Number(percent[1]) / 100).toPrecision(12)) : /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(rate)) {
      problems.push({ setting: label, message: `The workbook's ${label} "${text.slice(0, 20)}" is not a rate: ${FIX} (e.g. 6.5%)` });
      return null;
    }
  }
  if (!Number.isFinite(rate) || rate < 0) problems.push({ setting: label, message: `The workbook's ${label} cannot be negative: ${FIX}` });
  else if (rate > 1) problems.push({ setting: label, message: `The workbook's ${percentTypedAsNumberMessage(label, rate)}; ${FIX}` });
  else return rate;
  return null;
}

/** Checks overrides JSON text; the problems name the rulebook and parameter. */
export function readOverridesText(text: string, problems: SettingsProblem[], setting = 'Rulebook overrides'): WorkbookSettings['rulebookOverrides'] {
  if (text.trim() === '') return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    problems.push({ setting, message: `${setting} are not valid JSON (${(error as Error).message}); expected { "RULEBOOK-ID": { "parameter": value } }` });
    return {};
  }
  const found: InputProblem[] = [];
  const checked = validateRulebookOverrides(raw, 'rulebookOverrides', found);
  for (const p of found) problems.push({ setting, message: `${p.field}: ${p.message}` });
  return found.length > 0 ? {} : ((checked ?? {}) as WorkbookSettings['rulebookOverrides']);
}

/** The settings from the settings sheet's column B (null: there is no settings sheet). */
export function readSettingsValues(values: unknown[] | null): { settings: WorkbookSettings; problems: SettingsProblem[] } {
  if (values === null) return { settings: { ...NO_SETTINGS, rulebookOverrides: {} }, problems: [] };
  const [rate, pmms, preparer, overrides] = values;
  const problems: SettingsProblem[] = [];
  const settings: WorkbookSettings = {
    modificationRate: readRate('posted modification rate', rate, problems),
    pmms: readRate('PMMS rate', pmms, problems),
    preparer: preparer === undefined || preparer === null ? '' : String(preparer),
    rulebookOverrides: readOverridesText(typeof overrides === 'string' ? overrides : overrides === undefined || overrides === null ? '' : String(overrides), problems, 'The workbook\'s rulebook overrides'),
  };
  return { settings, problems };
}
