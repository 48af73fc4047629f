/**
 * What the in-memory host answers to `Office.context.requirements.isSetSupported(name, minVersion)`:
 * a configurable API level, so that a test (or the workbench page, `?ExcelApi=1.8`) can play an
 * older Excel.
 *
 * Rules, from Microsoft's "Check for API availability at runtime"
 * (learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime, read 2026-12-06)
 * and the Office.RequirementSetSupport reference:
 * - true when the host supports the named set at `minVersion` or later; versions compare part by
 *   part as numbers, so "1.10" is above "1.9";
 * - `minVersion` omitted: "1.1" is assumed;
 * - a number is accepted but deprecated: it is read as JavaScript prints it, so 1.10 means "1.1",
 *   the very trap the docs warn of;
 * - a set the host does not know is not supported. Names are matched exactly (stricter than, or
 *   as strict as, Excel).
 */

/** The highest version of each set the host supports. */
export type ApiLevel = Readonly<Record<string, string>>;

/**
 * The default: the sets and versions whose members the add-in calls and this stand-in implements
 * (it implements those members, not every member of the sets).
 */
export const DEFAULT_API_LEVEL: ApiLevel = { ExcelApi: '1.9', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.3' };

const VERSION = /^\d+(\.\d+)*$/;

function atLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

export function requirementSupport(level: ApiLevel): { isSetSupported(name: string, minVersion?: string | number): boolean } {
  return {
    isSetSupported(name, minVersion) {
      const wanted = minVersion === undefined ? '1.1' : String(minVersion);
      const supported = Object.prototype.hasOwnProperty.call(level, name) ? level[name] : undefined;
      if (supported === undefined || !VERSION.test(wanted)) return false;
      return atLeast(supported, wanted);
    },
  };
}

/** `?ExcelApi=1.8&CustomFunctionsRuntime=1.2` over the default level (the workbench page's address). */
export function apiLevelFromQuery(search: string): ApiLevel {
  const level: Record<string, string> = { ...DEFAULT_API_LEVEL };
  for (const [name, version] of new URLSearchParams(search)) {
    if (Object.prototype.hasOwnProperty.call(level, name) && VERSION.test(version)) level[name] = version;
  }
  return level;
}
