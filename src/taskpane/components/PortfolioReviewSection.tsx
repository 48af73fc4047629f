/**
 * The manager's Portfolio Review and "New case from this row" (issue 11). The section only
 * arranges and asks: reading, evaluating and writing are in src/excel/portfolioReviewActions.ts
 * (passed in as `actions`), which report progress and stop on Cancel (an AbortController).
 */
import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
} from '@fluentui/react-components';
import type { NewCaseFromRow, ReviewOptions, ReviewOutcome, ReviewProgress } from '../../excel/portfolioReviewActions';
import type { WorkbookSettings } from '../../excel/settingsValues';
import { useStyles } from './styles';

/** What the section needs of the workbook (the real one is src/excel/portfolioReviewActions.ts). */
export interface ReviewActions {
  findPortfolioReview(): Promise<string | null>;
  buildReviewFromCases(options: ReviewOptions): Promise<ReviewOutcome>;
  buildReviewFromTape(options: ReviewOptions): Promise<ReviewOutcome>;
  newCaseFromSelectedRow(): Promise<NewCaseFromRow>;
}

export interface PortfolioReviewSectionProps {
  actions: ReviewActions;
  settings: WorkbookSettings;
  /** Another pane action is running. */
  busy: boolean;
  /** Called after the workbook changed (the case register refreshes). */
  onChanged: () => void;
}

type Status = { intent: 'success' | 'error' | 'warning' | 'info'; title: string; text?: string; problems?: string[] };

const PHASE_TEXT: Record<ReviewProgress['phase'], string> = { reading: 'Reading', evaluating: 'Evaluating', preparing: 'Preparing the sheet', writing: 'Writing the sheet' };
/** Problems listed in the pane; all of them are on the sheet. */
const PROBLEMS_SHOWN = 20;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function progressText(progress: ReviewProgress): string {
  if (progress.phase === 'writing') return `${PHASE_TEXT.writing}: part ${Math.min(progress.done + 1, progress.total)} of ${progress.total}`;
  const unit = progress.phase === 'reading' ? 'rows' : 'loans';
  return `${PHASE_TEXT[progress.phase]}: ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} ${unit}`;
}

export function PortfolioReviewSection({ actions, settings, busy, onChanged }: PortfolioReviewSectionProps): React.JSX.Element {
  const styles = useStyles();
  const [running, setRunning] = React.useState<{ label: string; progress: ReviewProgress | null; controller: AbortController } | null>(null);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [askReplace, setAskReplace] = React.useState<{ sheetName: string; answer: (choice: 'replace' | 'new' | 'cancel') => void } | null>(null);

  const askWhetherToReplace = (sheetName: string) =>
    new Promise<'replace' | 'new' | 'cancel'>((resolve) =>
      setAskReplace({
        sheetName,
        answer: (choice) => {
          setAskReplace(null);
          resolve(choice);
        },
      }),
    );

  const review = async (from: 'cases' | 'tape') => {
    setStatus(null);
    const controller = new AbortController();
    setRunning({ label: from === 'cases' ? 'Reviewing the case sheets…' : 'Reviewing the loan tape…', progress: null, controller });
    try {
      const existing = await actions.findPortfolioReview();
      let replaceExisting = false;
      if (existing) {
        const choice = await askWhetherToReplace(existing);
        if (choice === 'cancel') {
          setStatus({ intent: 'info', title: 'Nothing was built', text: `The review "${existing}" was kept as it is.` });
          return;
        }
        replaceExisting = choice === 'replace';
      }
      const options: ReviewOptions = {
        replaceExisting,
        settings,
        signal: controller.signal,
        onProgress: (progress) => setRunning((r) => (r ? { ...r, progress } : r)),
      };
      const outcome = from === 'cases' ? await actions.buildReviewFromCases(options) : await actions.buildReviewFromTape(options);
      const problems = outcome.problems.map((p) => p.problem);
      setStatus({
        intent: problems.length > 0 ? 'warning' : 'success',
        title: `Built the sheet "${outcome.sheetName}": ${outcome.loans.toLocaleString('en-US')} loans from ${outcome.source}`,
        text:
          problems.length > 0
            ? `${problems.length.toLocaleString('en-US')} could not be evaluated; each is on the sheet with its problem (row, field, fix)${problems.length > PROBLEMS_SHOWN ? `. The first ${PROBLEMS_SHOWN}:` : ':'}`
            : 'Exceptions first; the totals at the top are Excel formulas and update without the add-in.',
        problems: problems.slice(0, PROBLEMS_SHOWN),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'ReviewCancelled') setStatus({ intent: 'info', title: 'Review cancelled', text: error.message });
      else setStatus({ intent: 'error', title: error instanceof Error && error.name === 'WriteFailedError' ? 'The write did not go through' : 'The review was not built', text: messageOf(error) });
    } finally {
      setRunning(null);
      onChanged();
    }
  };

  const newCaseFromRow = async () => {
    setStatus(null);
    setRunning({ label: 'Creating a case from the selected row…', progress: null, controller: new AbortController() });
    try {
      const made = await actions.newCaseFromSelectedRow();
      if (!made.ok) setStatus({ intent: 'error', title: 'No case was created', text: made.problem });
      else
        setStatus({
          intent: made.notes.length > 0 ? 'warning' : 'success',
          title: `Created the sheet "${made.sheetName}" for case ${made.caseId}`,
          text: made.notes.length > 0 ? 'The row does not give everything a case needs; complete these on the case sheet, then choose Evaluate:' : 'Check it, then choose Evaluate.',
          problems: made.notes.slice(0, PROBLEMS_SHOWN),
        });
    } catch (error) {
      setStatus({ intent: 'error', title: 'No case was created', text: messageOf(error) });
    } finally {
      setRunning(null);
      onChanged();
    }
  };

  const disabled = busy || running !== null;
  const progress = running?.progress;
  return (
    <section className={styles.section} aria-labelledby="review-heading" data-testid="portfolio-review">
      <Subtitle2 as="h2" id="review-heading">
        Portfolio Review
      </Subtitle2>
      <Caption1 as="p" block>
        One sheet for the manager: every loan, exceptions first, totals and charts. Build it from the case sheets, or select a cell of a loan-tape table (an Excel table with the LM.PORTFOLIO
        headers) and build it from the table.
      </Caption1>
      <div className={styles.actions}>
        <Button onClick={() => void review('cases')} disabled={disabled}>
          Review the case sheets
        </Button>
        <Button onClick={() => void review('tape')} disabled={disabled}>
          Review the selected tape
        </Button>
        <Button onClick={() => void newCaseFromRow()} disabled={disabled} title="Select a row of a loan-tape table first">
          New case from this row
        </Button>
      </div>
      {running && (
        <div className={styles.section} data-testid="review-progress">
          <Field validationMessage={progress ? progressText(progress) : running.label} validationState="none">
            <ProgressBar value={progress && progress.total > 0 ? Math.min(1, (progress.done + (progress.phase === 'writing' ? 1 : 0)) / progress.total) : undefined} aria-label={running.label} />
          </Field>
          <div className={styles.actions}>
            <Button onClick={() => running.controller.abort()} disabled={askReplace !== null}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {status && (
        <MessageBar intent={status.intent} data-testid="review-status" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{status.title}</MessageBarTitle>
            {status.text}
            {status.problems && status.problems.length > 0 && (
              <ul className={styles.requiredList} data-testid="review-problems">
                {status.problems.map((problem, i) => (
                  <li key={i}>{problem}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={askReplace !== null} modalType="alert" onOpenChange={(_, data) => (!data.open ? askReplace?.answer('cancel') : undefined)}>
        <DialogSurface aria-describedby="replace-review-text">
          <DialogBody>
            <DialogTitle>A Portfolio Review exists</DialogTitle>
            <DialogContent id="replace-review-text">
              <Body1 as="p" block>
                The add-in built the sheet &quot;{askReplace?.sheetName}&quot; before. Replace it with the new review, keep it and add the new one on a new sheet, or cancel?
              </Body1>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => askReplace?.answer('replace')}>
                Replace
              </Button>
              <Button onClick={() => askReplace?.answer('new')}>Keep both</Button>
              <Button onClick={() => askReplace?.answer('cancel')}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
