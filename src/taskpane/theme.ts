/**
 * The pane follows the Office theme: dark Office, dark pane. Office.context.officeTheme is not
 * available on every host (Excel on the web before some builds, the workbench), so the pane
 * falls back on the browser's colour-scheme preference, then on light.
 */

/** The part of Office.OfficeTheme the pane reads (isDarkTheme is missing on older hosts). */
export interface OfficeThemeLike {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

export type PaneThemeName = 'light' | 'dark';

/** Relative luminance (0 black .. 1 white) of "#rrggbb" or "#rgb", or null when it is not a hex colour. */
export function luminance(hexColour: string): number | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hexColour.trim());
  if (!match) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Picks the pane theme from the Office theme, else from the browser preference. */
export function paneThemeName(officeTheme: OfficeThemeLike | undefined | null, prefersDark = false): PaneThemeName {
  if (officeTheme) {
    if (typeof officeTheme.isDarkTheme === 'boolean') return officeTheme.isDarkTheme ? 'dark' : 'light';
    const background = officeTheme.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : null;
    if (background !== null) return background < 0.4 ? 'dark' : 'light';
  }
  return prefersDark ? 'dark' : 'light';
}
