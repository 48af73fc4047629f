/**
 * Task pane entry (the `taskpane` bundle, loaded by taskpane.html in the shared runtime).
 * Waits for Office, checks the requirement sets (src/excel/requirementSets.ts), then renders the
 * pane, or what is missing, in a FluentProvider whose theme follows Office's.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import * as workbookActions from '../excel/workbookActions';
import { missingRequirementSets } from '../excel/requirementSets';
import type { CaseInput } from '../engine/case/types';
import { App } from './App';
import { paneThemeName, type OfficeThemeLike } from './theme';
import { UnsupportedExcel } from './UnsupportedExcel';

/** The workbench page (src/workbench/page) offers a sample case for New case; Excel does not. */
interface WorkbenchHooks {
  starterCase?: () => CaseInput | undefined;
}

function officeTheme(): OfficeThemeLike | undefined {
  try {
    return typeof Office !== 'undefined' ? (Office.context?.officeTheme as OfficeThemeLike | undefined) : undefined;
  } catch {
    return undefined; // some hosts throw when the theme API is not supported
  }
}

function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

function render(): void {
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  const hooks = (window as unknown as { LM_WORKBENCH?: WorkbenchHooks }).LM_WORKBENCH;
  const theme = paneThemeName(officeTheme(), prefersDark()) === 'dark' ? webDarkTheme : webLightTheme;
  // On an Excel without the requirement sets the add-in needs, say so before any call fails.
  const missing = missingRequirementSets();
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={theme}>
        {missing.length > 0 ? <UnsupportedExcel missing={missing} /> : <App workbook={workbookActions} getStarterCase={hooks?.starterCase} />}
      </FluentProvider>
    </React.StrictMode>,
  );
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => render());
} else {
  // Opened outside Office (e.g. straight in a browser): say so instead of a blank page.
  document.body.textContent = 'LM Workbench runs inside Excel (or the workbench: npm run workbench). Office.js was not loaded.';
}
