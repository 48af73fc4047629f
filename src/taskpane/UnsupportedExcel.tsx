/**
 * Shown instead of the pane when this Excel lacks a requirement set the add-in needs
 * (src/excel/requirementSets.ts): what is missing, what it is for, and which Excel works.
 * Nothing is read from or written to the workbook.
 */
import * as React from 'react';
import { Body1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useStyles as usePaneStyles } from './components/styles';
import { EXCEL_THAT_DOES_NOT_WORK, EXCEL_THAT_WORKS, type RequiredSet } from '../excel/requirementSets';

// The pane's own root look (components/styles.ts), so this message sits where the pane would.
const useListStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL } });

export function UnsupportedExcel({ missing }: { missing: readonly RequiredSet[] }): React.JSX.Element {
  const styles = { ...usePaneStyles(), ...useListStyles() };
  return (
    <main className={styles.root} data-testid="unsupported-excel">
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>This version of Excel cannot run LM Workbench</MessageBarTitle>
          It lacks {missing.length === 1 ? 'a feature' : 'features'} the add-in needs. Nothing was read or written.
        </MessageBarBody>
      </MessageBar>
      <Body1 as="p">Missing in this Excel:</Body1>
      <ul className={styles.list}>
        {missing.map((set) => (
          <li key={set.name}>
            {set.name} {set.minVersion}: {set.neededFor}
          </li>
        ))}
      </ul>
      <Body1 as="p">LM Workbench works in:</Body1>
      <ul className={styles.list}>
        {EXCEL_THAT_WORKS.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Body1 as="p">
        {EXCEL_THAT_DOES_NOT_WORK} To see your version in Excel on Windows: File, Account, About Excel. Update Excel (File, Account,
        Update Options), or open the workbook in Excel on the web.
      </Body1>
    </main>
  );
}
