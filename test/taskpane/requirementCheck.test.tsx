/**
 * The pane's start-up check of the requirement sets, against the in-memory host playing an older
 * Excel: which sets are missing, and the message that replaces the pane. isSetSupported's rules
 * (version compare, "1.1" when omitted, the number trap) are Microsoft's, cited in
 * src/workbench/excelHost/requirementSets.ts.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { REQUIRED_SETS, missingRequirementSets } from '../../src/excel/requirementSets';
import { UnsupportedExcel } from '../../src/taskpane/UnsupportedExcel';
import { createInMemoryExcel, installGlobals } from '../../src/workbench/excelHost';
import { DEFAULT_API_LEVEL, apiLevelFromQuery, requirementSupport } from '../../src/workbench/excelHost/requirementSets';

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ');

describe('start-up check of the requirement sets', () => {
  it('the stand-in as configured by default has every set the add-in needs', () => {
    installGlobals(globalThis, createInMemoryExcel());
    expect(missingRequirementSets()).toEqual([]);
  });

  it('an Excel with ExcelApi 1.8 misses ExcelApi 1.9, and the pane says what for and which Excel works', () => {
    installGlobals(globalThis, createInMemoryExcel({ apiLevel: { ...DEFAULT_API_LEVEL, ExcelApi: '1.8' } }));
    const missing = missingRequirementSets();
    expect(missing.map((s) => `${s.name} ${s.minVersion}`)).toEqual(['ExcelApi 1.9']);
    const text = textOf(
      renderToStaticMarkup(
        <FluentProvider theme={webLightTheme}>
          <UnsupportedExcel missing={missing} />
        </FluentProvider>,
      ),
    );
    expect(text).toContain('This version of Excel cannot run LM Workbench');
    expect(text).toContain("ExcelApi 1.9: the Case Summary's page layout and print titles");
    expect(text).not.toContain('CustomFunctionsRuntime');
    // Microsoft's tables: CustomFunctionsRuntime 1.3 sets the floor on Windows (Version 2008) and Mac (16.40).
    expect(text).toContain('Excel for Microsoft 365 on Windows, Version 2008 (Build 13127.20296) or later');
    expect(text).toContain('Excel for Mac, Version 16.40 or later');
    expect(text).toContain('Excel on the web');
    expect(text).toContain('Nothing was read or written');
  });

  it('an Excel without the custom-function error codes (CustomFunctionsRuntime 1.2) and without a shared runtime misses both', () => {
    const level = { ExcelApi: '1.17', CustomFunctionsRuntime: '1.2' };
    installGlobals(globalThis, createInMemoryExcel({ apiLevel: level }));
    expect(missingRequirementSets().map((s) => `${s.name} ${s.minVersion}`)).toEqual(['SharedRuntime 1.1', 'CustomFunctionsRuntime 1.3']);
  });

  it('a host whose check throws, or that has no requirements object, supports nothing we can rely on', () => {
    g.Office = { context: { requirements: { isSetSupported: () => { throw new Error('not supported'); } } } };
    expect(missingRequirementSets()).toHaveLength(REQUIRED_SETS.length);
    g.Office = { context: {} };
    expect(missingRequirementSets()).toHaveLength(REQUIRED_SETS.length);
  });
});

describe("the stand-in's isSetSupported", () => {
  const support = requirementSupport({ ExcelApi: '1.10', SharedRuntime: '1.1' });

  it('compares versions part by part: 1.10 is above 1.9', () => {
    expect(support.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(support.isSetSupported('ExcelApi', '1.10')).toBe(true);
    expect(support.isSetSupported('ExcelApi', '1.11')).toBe(false);
    expect(requirementSupport({ ExcelApi: '1.9' }).isSetSupported('ExcelApi', '1.10')).toBe(false);
  });

  it('assumes 1.1 when the version is omitted; a number is read as JavaScript prints it (1.10 is 1.1)', () => {
    expect(support.isSetSupported('SharedRuntime')).toBe(true);
    expect(requirementSupport({ ExcelApi: '1.9' }).isSetSupported('ExcelApi', 1.10)).toBe(true); // asked for "1.1"
    expect(requirementSupport({ ExcelApi: '1.9' }).isSetSupported('ExcelApi', 1.9)).toBe(true);
  });

  it('a set it does not know, or a version that is not one, is not supported', () => {
    expect(support.isSetSupported('WordApi', '1.1')).toBe(false);
    expect(support.isSetSupported('excelapi', '1.1')).toBe(false);
    expect(support.isSetSupported('ExcelApi', 'latest')).toBe(false);
    expect(support.isSetSupported('toString')).toBe(false);
  });

  it('the workbench address can play an older Excel (?ExcelApi=1.8); unknown names and bad versions are ignored', () => {
    expect(apiLevelFromQuery('?ExcelApi=1.8')).toEqual({ ...DEFAULT_API_LEVEL, ExcelApi: '1.8' });
    expect(apiLevelFromQuery('?WordApi=1.3&CustomFunctionsRuntime=x')).toEqual(DEFAULT_API_LEVEL);
  });
});
