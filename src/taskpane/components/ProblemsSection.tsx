/** The problems to fix, each with its cell (choosing the cell selects it in the workbook); for a blank case, the short list of what is required. */
import * as React from 'react';
import { Body1, Button, Subtitle2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { PaneProblem } from '../caseFlow';
import { problemCountText, problemRows } from '../viewModel';
import { ScrollingTable } from './ScrollingTable';
import { useStyles } from './styles';

export interface ProblemsSectionProps {
  problems: PaneProblem[];
  /** For a blank case: the labels of the required inputs (shown instead of the table). */
  required: string[] | null;
  sheetName: string | null;
  onSelectCell: (cell: string) => void;
}

export function ProblemsSection({ problems, required, sheetName, onSelectCell }: ProblemsSectionProps): React.JSX.Element | null {
  const styles = useStyles();
  if (required) {
    return (
      <section className={styles.section} aria-labelledby="required-heading" data-testid="required">
        <Subtitle2 as="h2" id="required-heading">
          The case is blank
        </Subtitle2>
        <Body1 as="p" block>Fill in at least these yellow cells{sheetName ? ` on "${sheetName}"` : ''}, then choose Evaluate:</Body1>
        <ul className={styles.requiredList}>
          {required.map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      </section>
    );
  }
  if (problems.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="problems-heading" data-testid="problems">
      <Subtitle2 as="h2" id="problems-heading">
        {problemCountText(problems.length)} to fix
      </Subtitle2>
      <ScrollingTable name="Problems" headingId="problems-heading">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Cell</TableHeaderCell>
            <TableHeaderCell>Field</TableHeaderCell>
            <TableHeaderCell>Fix</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {problemRows(problems).map((problem, index) => (
            <TableRow key={`${problem.cell}-${problem.field}-${index}`}>
              <TableCell className={styles.code}>
                {problem.cell ? (
                  <Button appearance="transparent" size="small" className={styles.cellLink} onClick={() => onSelectCell(problem.cell)} title="Select this cell">
                    {problem.cell}
                  </Button>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell className={styles.code}>{problem.field}</TableCell>
              <TableCell>{problem.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollingTable>
    </section>
  );
}
