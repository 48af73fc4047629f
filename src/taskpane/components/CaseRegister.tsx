/** The workbook's cases: ID, investor, status; choosing one goes to its sheet, Duplicate copies it as a variant. */
import * as React from 'react';
import { Badge, Button, Subtitle2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { CaseRow } from '../viewModel';
import { ScrollingTable } from './ScrollingTable';
import { useStyles } from './styles';

const STATUS_COLOR = { 'not evaluated': 'informative', evaluated: 'brand', 'summary built': 'warning', decided: 'success' } as const;

export interface CaseRegisterProps {
  rows: CaseRow[];
  busy: boolean;
  onOpen: (sheetName: string) => void;
  onDuplicate: (sheetName: string) => void;
}

export function CaseRegister({ rows, busy, onOpen, onDuplicate }: CaseRegisterProps): React.JSX.Element | null {
  const styles = useStyles();
  if (rows.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="cases-heading" data-testid="cases">
      <Subtitle2 as="h2" id="cases-heading">
        Cases in this workbook
      </Subtitle2>
      <ScrollingTable name="Cases" headingId="cases-heading">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Case</TableHeaderCell>
            <TableHeaderCell>Investor</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>
              <span className={styles.visuallyHidden}>Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.sheetName} className={row.active ? styles.activeCase : undefined} data-case-sheet={row.sheetName} aria-current={row.active ? 'true' : undefined}>
              <TableCell>
                <Button appearance="transparent" size="small" onClick={() => onOpen(row.sheetName)} disabled={busy} title={`Go to the sheet "${row.sheetName}"`}>
                  {row.caseId}
                </Button>
              </TableCell>
              <TableCell>{row.investor}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={STATUS_COLOR[row.status]} className={styles.statusBadge}>
                  {row.status === 'decided' && row.decision ? `decided: ${row.decision}` : row.status}
                </Badge>
              </TableCell>
              <TableCell>
                <Button size="small" onClick={() => onDuplicate(row.sheetName)} disabled={busy} aria-label={`Duplicate case ${row.caseId}`}>
                  Duplicate
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollingTable>
    </section>
  );
}
