/** The evaluation of the current case: the recommendation with its figures, then every option with its reason. */
import * as React from 'react';
import { Badge, Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, mergeClasses } from '@fluentui/react-components';
import type { Evaluation } from '../../engine/results';
import { optionRows, recommendationView, rulebooksText } from '../viewModel';
import { ScrollingTable } from './ScrollingTable';
import { useStyles } from './styles';

export interface ResultsSectionProps {
  evaluated: { sheetName: string; evaluation: Evaluation; notes: string[] };
  ratesSet: boolean;
}

export function ResultsSection({ evaluated, ratesSet }: ResultsSectionProps): React.JSX.Element {
  const styles = useStyles();
  const rows = optionRows(evaluated.evaluation);
  const recommendation = recommendationView(evaluated.evaluation);
  return (
    <>
          {ratesSet && evaluated.notes.length > 0 && (
            <MessageBar intent="info" data-testid="settings-note">
              <MessageBarBody>
                <MessageBarTitle>Workbook rates used</MessageBarTitle>
                {evaluated.notes.join(' ')}
              </MessageBarBody>
            </MessageBar>
          )}
          {evaluated.evaluation.warnings.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Check</MessageBarTitle>
                {evaluated.evaluation.warnings.join(' ')}
              </MessageBarBody>
            </MessageBar>
          )}
          <section className={styles.section} aria-labelledby="recommendation-heading" data-testid="recommendation">
            <Subtitle2 as="h2" id="recommendation-heading">
              Recommendation: {recommendation.title}
            </Subtitle2>
            <Body1 as="p">{recommendation.rationale}</Body1>
            {recommendation.figures.length > 0 && (
              <dl className={styles.figures}>
                {recommendation.figures.map((figure) => (
                  <React.Fragment key={figure.label}>
                    <dt className={styles.figureLabel}>{figure.label}</dt>
                    <dd className={styles.figureValue}>{figure.value}</dd>
                  </React.Fragment>
                ))}
              </dl>
            )}
            <Caption1 as="p">
              Case {evaluated.evaluation.caseId} (read from the sheet &quot;{evaluated.sheetName}&quot;), {evaluated.evaluation.investor}, evaluated as of{' '}
              {evaluated.evaluation.evaluationDate}. Rulebooks:{' '}
              {rulebooksText(evaluated.evaluation) || '—'}.
            </Caption1>
          </section>
          <section className={styles.section} aria-labelledby="options-heading" data-testid="options">
            <Subtitle2 as="h2" id="options-heading">
              Options evaluated
            </Subtitle2>
            <ScrollingTable name="Options" headingId="options-heading">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Option</TableHeaderCell>
                  <TableHeaderCell>Eligible</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>New payment</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Reduction</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {/* Each option takes two rows: its figures, then its reason (or terms) across the narrow pane. */}
                {rows.map((row) => (
                  <React.Fragment key={row.program}>
                    <TableRow className={mergeClasses(styles.optionRow, row.recommended && styles.recommendedRow)} data-program={row.program}>
                      <TableCell>
                        {row.label}
                        {row.recommended && (
                          <>
                            {' '}
                            <Badge appearance="filled" color="brand" size="small">
                              recommended
                            </Badge>
                          </>
                        )}
                      </TableCell>
                      <TableCell>
                        <Badge appearance="tint" color={row.eligible ? 'success' : 'danger'}>
                          {row.eligibleText}
                        </Badge>
                      </TableCell>
                      <TableCell className={styles.number}>{row.newPayment}</TableCell>
                      <TableCell className={styles.number}>{row.reduction}</TableCell>
                    </TableRow>
                    <TableRow className={row.recommended ? styles.recommendedRow : undefined} data-reason-for={row.program}>
                      <TableCell colSpan={4} className={styles.reasonCell}>
                        <span className={styles.visuallyHidden}>{row.eligible ? 'Terms: ' : 'Reason: '}</span>
                        {row.reason || '—'}
                      </TableCell>
                    </TableRow>
                  </React.Fragment>
                ))}
              </TableBody>
            </ScrollingTable>
          </section>
        </>
  );
}
