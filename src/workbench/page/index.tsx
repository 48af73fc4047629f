/**
 * Workbench page entry (workbench.html, `npm run workbench`). Creates the in-memory Excel
 * workbook, offers it to the task pane's iframe (officeShim.js calls
 * window.LM_WORKBENCH_HOST.installInto(paneWindow) before the pane's bundles run), and
 * renders the grid. The browser tests drive the same page through LM_WORKBENCH_HOST.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createInMemoryExcel, installGlobals } from '../excelHost';
import { apiLevelFromQuery } from '../excelHost/requirementSets';
import type { WorkbookModel } from '../excelHost/model';
import type { CaseInput } from '../../engine/case/types';
import { CustomFunctionRegistry } from './customFunctions';
import { onAsyncSettled, registerLmFunctions, type FunctionsMetadata } from './lmFunctionsPlugin';
import { a1, gridFromWorkbook } from './gridModel';
import { WorkbenchApp, type SampleChoice } from './WorkbenchApp';
import { EXAMPLE_TAPE_CSV_ROWS, tapeCellsOfCsv, writeTapeTable } from './exampleTape';
import { casesAsLoanTape, generateCases } from '../../bench/loanGenerator';
import sampleCase from './sampleCase.json';
import sampleCaseLarge from './sampleCaseLarge.json';

const SAMPLES: Record<string, { label: string; caseJson: CaseInput | undefined }> = {
  standard: { label: 'FANNIE sample (3 incomes, 3 debts)', caseJson: sampleCase as CaseInput },
  large: { label: 'Large sample (14 incomes, 12 debts)', caseJson: sampleCaseLarge as CaseInput },
  blank: { label: 'Blank Case Input', caseJson: undefined },
};

/* eslint-disable @typescript-eslint/no-explicit-any -- the Office objects cross into the iframe untyped */
const customFunctions = new CustomFunctionRegistry();
let sampleId = 'standard';

/**
 * =LM.* formulas: HyperFormula learns the LM functions (from the built functions.json) before
 * the workbook is created; they call what the pane registers. Without the metadata the grid
 * still works and LM formulas show #NAME?, as in an Excel without the add-in.
 */
async function registerCustomFunctions(): Promise<string[]> {
  try {
    const response = await fetch('functions.json');
    if (!response.ok) return [];
    return registerLmFunctions((await response.json()) as FunctionsMetadata, customFunctions);
  } catch {
    return [];
  }
}
/** Builds the workbook (after the LM functions are known), exposes it to the pane and renders the page. */
async function start(): Promise<void> {
  const lmFormulaNames = await registerCustomFunctions();

  const host = createInMemoryExcel({ apiLevel: apiLevelFromQuery(window.location.search) }); // ?ExcelApi=1.8 plays an older Excel
  installGlobals(window, host); // the page's own formula bar edits go through the same Excel API
  const workbook = host.workbook as WorkbookModel;

  /** Office.onReady for hosts whose Office object lacks it (the pane waits for it before rendering). */
  function ensureOnReady(office: any): void {
    if (office && typeof office.onReady !== 'function') {
      office.onReady = (callback?: (info: { host: string; platform: string }) => void) => {
        const info = { host: 'Excel', platform: 'OfficeOnline' };
        callback?.(info);
        return Promise.resolve(info);
      };
    }
  }
  ensureOnReady((window as any).Office);

  /**
   * Writes what was typed as Excel reads typing: the host parses it against the cell's format (a
   * formula, a number, a percent, a date; text in a text-formatted cell keeps its leading zeros).
   */
  async function editCell(sheetName: string, address: string, text: string): Promise<void> {
    await (window as any).Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem(sheetName).getRange(address).formulas = [[text]];
      await context.sync();
    });
  }

  // An asynchronous LM function (LM.PORTFOLIO) has settled: write its formula again, as Excel
  // fills the #BUSY! cell, so the grid recalculates it with the result (one round trip).
  onAsyncSettled((at) => {
    const sheet = workbook.sheets.find((s) => s.hfId === at.sheet);
    const formula = sheet?.cell(at.row, at.col)?.formula;
    if (sheet && formula) void editCell(sheet.name, a1(at.row, at.col), formula);
  });

  /** The example loan tape on a new sheet "Loan tape" ("Loan tape 2"... when loaded again), as a user would paste it. */
  async function loadExampleTape(): Promise<string> {
    let name = 'Loan tape';
    for (let n = 2; workbook.sheetByName(name); n++) name = `Loan tape ${n}`;
    await writeTapeTable((window as any).Excel, name, tapeCellsOfCsv(EXAMPLE_TAPE_CSV_ROWS));
    return name;
  }

  /** What the pane's iframe and the browser tests reach through window.LM_WORKBENCH_HOST. */
  const workbenchHost = {
    /** Called by officeShim.js inside the pane's iframe, before its bundles run. */
    installInto(target: any): void {
      installGlobals(target, host);
      ensureOnReady(target.Office);
      target.CustomFunctions = customFunctions.api();
      target.LM_WORKBENCH = { starterCase: () => SAMPLES[sampleId]?.caseJson };
    },
    syncCount: () => host.syncCount(),
    sheetNames: (): string[] => workbook.sheets.map((sheet) => sheet.name),
    /** The active sheet's name (the one the pane works on). */
    activeSheet: (): string | null => (workbook.activeSheetId ? (workbook.sheetById(workbook.activeSheetId)?.name ?? null) : null),
    /** Every non-empty cell of a sheet: address, value (formulas computed), formula, format and display text. */
    cells(sheetName: string) {
      const sheet = gridFromWorkbook(workbook).find((s) => s.name === sheetName);
      if (!sheet) throw new Error(`no sheet "${sheetName}"`);
      return sheet.cells.flat().filter((cell) => cell !== null && !cell.covered && (cell.value !== null || cell.formula !== null));
    },
    snapshot: (sheetName: string) => host.getSheetSnapshot(sheetName),
    /** Defined names: [{ name: 'LM_Rate', formula: "='Case Input'!$B$12" }]. */
    names: (): { name: string; formula: string }[] => workbook.names.map((n) => ({ name: n.name, formula: n.formula })),
    editCell,
    /** Adds a sheet the way a user would (tests: a user's sheet that must never be overwritten). */
    async addUserSheet(name: string, values: Record<string, string | number>): Promise<void> {
      await (window as any).Excel.run(async (context: any) => {
        const sheet = context.workbook.worksheets.add(name);
        for (const [address, value] of Object.entries(values)) sheet.getRange(address).values = [[value]];
        await context.sync();
      });
    },
    customFunctionIds: () => customFunctions.ids(),
    loadExampleTape,
    /** A generated tape of `count` loans (the bench's deterministic loans) on a new sheet (tests: progress and Cancel). */
    async loadGeneratedTape(sheetName: string, count: number): Promise<void> {
      await writeTapeTable((window as any).Excel, sheetName, casesAsLoanTape(generateCases(count)));
    },
    /** Selects a range as a click would (tests: "New case from this row", the tape review). */
    select(sheetName: string, address: string): void {
      host.user.select(sheetName, address);
    },
    /** LM functions HyperFormula knows (from functions.json), e.g. LM.DTI. */
    lmFormulaNames: () => lmFormulaNames,
    setSample(id: string): void {
      if (!(id in SAMPLES)) throw new Error(`no sample "${id}"; samples: ${Object.keys(SAMPLES).join(', ')}`);
      sampleId = id;
    },
  };
  (window as any).LM_WORKBENCH_HOST = workbenchHost;

  function Root() {
    const [sample, setSample] = React.useState(sampleId);
    const samples: SampleChoice[] = Object.entries(SAMPLES).map(([id, s]) => ({ id, label: s.label }));
    return (
      <WorkbenchApp
        workbook={workbook}
        syncCount={workbenchHost.syncCount}
        samples={samples}
        sampleId={sample}
        onSampleChange={(id) => {
          workbenchHost.setSample(id);
          setSample(id);
        }}
        editCell={editCell}
        customFunctionIds={workbenchHost.customFunctionIds}
        onLoadExampleTape={async () => void (await loadExampleTape())}
      />
    );
  }

  document.title = 'LM Workbench: in-browser workbench';
  document.documentElement.lang = 'en';
  const container = document.body.appendChild(document.createElement('div'));
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Root />
    </FluentProvider>,
  );
}

void start();
