/**
 * The Office requirement sets the add-in needs, and the start-up check of them.
 *
 * REQUIRED_SETS equals manifest.xml's <Requirements><Sets>, which equals what scripts/api-sets.js
 * derives from the code (test/apiSets.test.ts holds all three together). The manifest already
 * keeps Excel from offering the add-in where a set is missing; the pane checks again at start-up
 * so that a host that loads it anyway (an older build, a sideloaded or edited manifest) gets a
 * plain message instead of a failure on the first call.
 *
 * `Office.context.requirements.isSetSupported(name, minVersion)` with the version as a string
 * (a number cannot tell 1.1 from 1.10): Microsoft, "Check for API availability at runtime",
 * learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime.
 */

export interface RequiredSet {
  name: string;
  minVersion: string;
  /** What the add-in uses it for, in the user's words. */
  neededFor: string;
}

export const REQUIRED_SETS: readonly RequiredSet[] = [
  { name: 'ExcelApi', minVersion: '1.9', neededFor: "the Case Summary's page layout and print titles" },
  { name: 'SharedRuntime', minVersion: '1.1', neededFor: 'one runtime shared by the task pane and the LM functions' },
  { name: 'CustomFunctionsRuntime', minVersion: '1.3', neededFor: 'the error values of the LM functions (#NUM!, #DIV/0!, #N/A)' },
];

/**
 * Where all of REQUIRED_SETS are available: the latest minimum of the three per platform, from
 * Microsoft's requirement-set tables (OfficeDev/office-js-docs-reference, docs/requirement-sets/,
 * read 2026-12-06): "Excel JavaScript API requirement sets" (ExcelApi 1.9: web; Windows Version
 * 1903 (Build 11425.20204); volume-licensed Office 2021; Mac 16.24), "Custom Functions
 * requirement sets" (CustomFunctionsRuntime 1.3: web; Microsoft 365 on Windows Version 2008
 * (Build 13127.20296); retail perpetual Version 2311 (Build 17029.20126); volume-licensed
 * Office 2021 Version 2108 (Build 14332.20011); Mac 16.40; iPad not supported) and "Shared
 * runtime requirement sets" (SharedRuntime 1.1: web; Windows Version 2002; Excel 2021; Mac 16.35).
 * Volume-licensed Excel 2016 and 2019 stop below ExcelApi 1.9 (1.1 and 1.7).
 */
export const EXCEL_THAT_WORKS: readonly string[] = [
  'Excel on the web',
  'Excel for Microsoft 365 on Windows, Version 2008 (Build 13127.20296) or later',
  'Excel bought once (retail perpetual) on Windows, updated to Version 2311 (Build 17029.20126) or later',
  'Volume-licensed Excel 2021 or 2024 on Windows (Version 2108, Build 14332.20011, or later)',
  'Excel for Mac, Version 16.40 or later',
];
export const EXCEL_THAT_DOES_NOT_WORK = 'Excel on iPad and volume-licensed Excel 2016 or 2019 cannot run the add-in.';

export type SetSupport = (name: string, minVersion: string) => boolean;

/** The required sets the host does not support, in REQUIRED_SETS order (none: the add-in can run). */
export function missingRequirementSets(isSetSupported: SetSupport = officeSetSupport()): RequiredSet[] {
  return REQUIRED_SETS.filter((set) => !isSetSupported(set.name, set.minVersion));
}

/** Office.js's answer; a host without `requirements`, or one that throws, supports nothing we can rely on. */
function officeSetSupport(): SetSupport {
  const requirements = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  return (name, minVersion) => {
    try {
      return requirements?.isSetSupported(name, minVersion) === true;
    } catch {
      return false;
    }
  };
}
