/** A table wider than the narrow pane: it scrolls sideways, and its wrapper is focusable so keyboard users can scroll it. */
import * as React from 'react';
import { Table } from '@fluentui/react-components';
import { useStyles } from './styles';

export interface ScrollingTableProps {
  /** "Cases" gives the region's name "Cases table (scrolls sideways)". */
  name: string;
  /** The id of the section heading that names the table. */
  headingId: string;
  children: React.ReactNode;
}

export function ScrollingTable({ name, headingId, children }: ScrollingTableProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={`${name} table (scrolls sideways)`}>
      <Table size="extra-small" aria-labelledby={headingId}>
        {children}
      </Table>
    </div>
  );
}
