import { parseOverridesText, parseRateText, rateToText, readSettingsForm, settingsToForm } from '../../src/taskpane/settingsForm';
import { paneThemeName, luminance } from '../../src/taskpane/theme';
import { ALL_RULEBOOKS } from '../../src/engine/rulebooks';

describe('rates typed in the settings', () => {
  test('a percent or a fraction, exactly', () => {
    expect(parseRateText('PMMS rate', '6.25%')).toEqual({ ok: true, rate: 0.0625 });
    expect(parseRateText('PMMS rate', '0.0625')).toEqual({ ok: true, rate: 0.0625 });
    // 4.35 / 100 in binary floating point is 0.043499999999999997: the decimal division gives 0.0435.
    expect(parseRateText('PMMS rate', '4.35%')).toEqual({ ok: true, rate: 0.0435 });
    expect(parseRateText('PMMS rate', ' 6.5 % ')).toEqual({ ok: true, rate: 0.065 });
  });

  test('empty means not set', () => {
    expect(parseRateText('PMMS rate', '')).toEqual({ ok: true, rate: null });
    expect(parseRateText('PMMS rate', '   ')).toEqual({ ok: true, rate: null });
  });

  test('a percent typed as a number is rejected with the engine message, never guessed', () => {
    expect(parseRateText('Posted modification rate', '6.5')).toEqual({ ok: false, message: 'Posted modification rate 6.5 looks like a percent: enter 6.5% or 0.065' });
  });

  test('text and negative rates are rejected with the fix', () => {
    const text = parseRateText('PMMS rate', 'six');
    expect(text.ok).toBe(false);
    expect(!text.ok && text.message).toContain('enter it as 6.5% or 0.065');
    expect(parseRateText('PMMS rate', '-1%')).toEqual({ ok: false, message: 'PMMS rate cannot be negative' });
  });

  test('shown back as a percent', () => {
    expect(rateToText(0.065)).toBe('6.5%');
    expect(rateToText(0.0475)).toBe('4.75%');
    expect(rateToText(null)).toBe('');
  });
});

describe('rulebook overrides typed as JSON', () => {
  // Any published rulebook parameter with a plain (number, text or yes/no) value can be overridden.
  const [rulebook, parameter, definition] = ALL_RULEBOOKS.flatMap((book) =>
    Object.entries(book.parameters as Record<string, { value: unknown }>)
      .filter(([, p]) => ['number', 'string', 'boolean'].includes(typeof p.value))
      .map(([name, p]) => [book, name, p] as const),
  )[0];

  test('empty means none', () => {
    expect(parseOverridesText('')).toEqual({ ok: true, overrides: {} });
  });

  test('invalid JSON says so', () => {
    const result = parseOverridesText('{ "GSE-FLEX": ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^not valid JSON/);
  });

  test('an unknown rulebook is named', () => {
    const result = parseOverridesText('{ "NO-SUCH-BOOK": { "x": 1 } }');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('unknown rulebook "NO-SUCH-BOOK"');
  });

  test('an unknown parameter is named', () => {
    const result = parseOverridesText(JSON.stringify({ [rulebook.id]: { noSuchParameter: 1 } }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('no parameter "noSuchParameter"');
  });

  test('a known parameter with a value of its own type is accepted', () => {
    const overrides = { [rulebook.id]: { [parameter]: definition.value } };
    expect(parseOverridesText(JSON.stringify(overrides))).toEqual({ ok: true, overrides });
  });
});

describe('the whole settings form', () => {
  test('every field problem at once; nothing saved', () => {
    const result = readSettingsForm({ modificationRate: '6.5', pmms: 'x', preparer: 'J. Doe', rulebookOverrides: '{' });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['modificationRate', 'pmms', 'rulebookOverrides']);
  });

  test('a valid form becomes workbook settings, and round-trips to the form', () => {
    const result = readSettingsForm({ modificationRate: '6.5%', pmms: '', preparer: '  J. Doe ', rulebookOverrides: '' });
    expect(result).toEqual({ ok: true, settings: { modificationRate: 0.065, pmms: null, preparer: 'J. Doe', rulebookOverrides: {} } });
    if (result.ok) expect(settingsToForm(result.settings)).toEqual({ modificationRate: '6.5%', pmms: '', preparer: 'J. Doe', rulebookOverrides: '' });
  });
});

describe('pane theme follows Office', () => {
  test('isDarkTheme when the host says', () => {
    expect(paneThemeName({ isDarkTheme: true })).toBe('dark');
    expect(paneThemeName({ isDarkTheme: false }, true)).toBe('light');
  });

  test('else the body background: dark grey is dark, white is light', () => {
    expect(paneThemeName({ bodyBackgroundColor: '#262626' })).toBe('dark');
    expect(paneThemeName({ bodyBackgroundColor: '#FFFFFF' })).toBe('light');
  });

  test('no Office theme: the browser preference, else light', () => {
    expect(paneThemeName(undefined, true)).toBe('dark');
    expect(paneThemeName(null)).toBe('light');
    expect(paneThemeName({ bodyBackgroundColor: 'not a colour' })).toBe('light');
  });

  test('luminance of black, white and short hex', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#fff')).toBeCloseTo(1, 10);
    expect(luminance('red')).toBeNull();
  });
});

describe('override ranges (issue 9: a 500% forbearance cap is refused, not applied)', () => {
  test('a parameter must lie in its own bounds (forbearanceCapOfUpb 0 to 0.5); no override may be negative', () => {
    const cap = parseOverridesText('{ "GSE-FLEX": { "forbearanceCapOfUpb": 5 } }');
    expect(cap).toEqual({ ok: false, message: expect.stringContaining('rulebookOverrides.GSE-FLEX.forbearanceCapOfUpb: must be at most 0.5: 5 looks like a percent') });
    expect(parseOverridesText('{ "GSE-FLEX": { "forbearanceCapOfUpb": 0.5 } }').ok).toBe(true);
    // Before the explicit bounds a cap of 1 (the whole UPB forborne) was accepted.
    expect(parseOverridesText('{ "GSE-FLEX": { "forbearanceCapOfUpb": 1 } }')).toEqual({
      ok: false,
      message: expect.stringContaining('must be at most 0.5, not 1: forbearanceCapOfUpb takes 0 to 0.5 (the published value is 0.3); enter a value in that range'),
    });
    expect(parseOverridesText('{ "GSE-FLEX": { "forbearanceCapOfUpb": 0.25 } }').ok).toBe(true);
    expect(parseOverridesText('{ "GSE-FLEX": { "maxTermMonths": -480 } }')).toEqual({ ok: false, message: expect.stringContaining('must be at least 360: an override must not be negative') });
    // Whole-number parameters are not fractions: 360 months is fine.
    expect(parseOverridesText('{ "GSE-FLEX": { "maxTermMonths": 360 } }').ok).toBe(true);
  });
});
