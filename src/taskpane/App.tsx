/**
 * The LM Workbench task pane: New case, Evaluate, Build Case Summary, import/export, settings.
 * Components only arrange and call: the flow is in caseFlow.ts, the strings in viewModel.ts,
 * the Office calls in src/excel. Progress and results are announced through an aria-live region.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { CaseInput, LoanCase } from '../engine/case/types';
import type { Evaluation } from '../engine/results';
import type { WorkbookSettings } from '../excel/workbookActions';
import { buildSummary, evaluateFromSheet, exportCase, importCase, type ExistingSummaryChoice, type PaneProblem, type Workbook } from './caseFlow';
import { EMPTY_SETTINGS, readSettingsForm, settingsToForm, type SettingsFormErrors, type SettingsFormValues } from './settingsForm';
import { exportFileName, optionRows, problemCountText, problemRows, recommendationView, rulebooksText } from './viewModel';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  tableWrap: { overflowX: 'auto' },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  figureLabel: { color: tokens.colorNeutralForeground2 },
  figureValue: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  recommendedRow: { backgroundColor: tokens.colorBrandBackground2 },
  // The figures row and its reason row read as one option: no rule between them.
  optionRow: { borderBottomStyle: 'none' },
  reasonCell: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, paddingBottom: tokens.spacingVerticalS },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  settingsForm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
  // Fluent's Divider grows in a flex column: keep it a line.
  divider: { flexGrow: 0 },
});

type Status = { intent: 'success' | 'error' | 'warning' | 'info'; title: string; text?: string };

interface Evaluated {
  sheetName: string;
  loanCase: LoanCase;
  evaluation: Evaluation;
  notes: string[];
}

export interface AppProps {
  workbook: Workbook;
  /** A case to prefill New case with (the workbench's sample); in Excel there is none and the sheet starts blank. */
  getStarterCase?: () => CaseInput | undefined;
}

export function App({ workbook, getStarterCase }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [inputSheet, setInputSheet] = React.useState<string | null>(null);
  const [problems, setProblems] = React.useState<PaneProblem[] | null>(null);
  const [evaluated, setEvaluated] = React.useState<Evaluated | null>(null);
  const [settings, setSettings] = React.useState<WorkbookSettings>(EMPTY_SETTINGS);
  const [form, setForm] = React.useState<SettingsFormValues>(settingsToForm(EMPTY_SETTINGS));
  const [formErrors, setFormErrors] = React.useState<SettingsFormErrors>({});
  const [askExisting, setAskExisting] = React.useState<{ sheet: string; answer: (choice: ExistingSummaryChoice) => void } | null>(null);
  const [download, setDownload] = React.useState<{ url: string; fileName: string } | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const downloadLink = React.useRef<HTMLAnchorElement>(null);

  /** Runs one pane action: shows progress, turns any failure into an error message (never a crash). */
  const run = React.useCallback(async (progress: string, action: () => Promise<void>) => {
    setBusy(progress);
    setStatus(null);
    try {
      await action();
    } catch (error) {
      setStatus({ intent: 'error', title: 'Something went wrong', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  }, []);

  React.useEffect(() => {
    let live = true;
    workbook
      .loadSettings()
      .then((loaded) => {
        if (!live) return;
        setSettings(loaded);
        setForm(settingsToForm(loaded));
      })
      .catch((error: unknown) => {
        if (live) setStatus({ intent: 'error', title: 'Could not read the workbook settings', text: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, [workbook]);

  React.useEffect(() => () => (download ? URL.revokeObjectURL(download.url) : undefined), [download]);

  const onNewCase = () =>
    run('Creating the Case Input sheet…', async () => {
      const starter = getStarterCase?.();
      const { sheetName } = await workbook.createCaseInputSheet(starter ? { caseJson: starter } : undefined);
      setInputSheet(sheetName);
      setProblems(null);
      setEvaluated(null);
      setStatus({
        intent: 'success',
        title: `Created the sheet "${sheetName}"`,
        text: starter ? 'It is prefilled with the sample case: check it, then choose Evaluate.' : 'Fill in the input cells, then choose Evaluate.',
      });
    });

  /** Evaluates the case on the sheet; returns it when it could be evaluated. */
  const evaluate = async (): Promise<Evaluated | null> => {
    const outcome = await evaluateFromSheet(workbook, settings);
    if (outcome.kind === 'noInputSheet') {
      setEvaluated(null);
      setProblems(null);
      setStatus({ intent: 'warning', title: 'No Case Input sheet', text: 'Choose New case (or import a case JSON file) first.' });
      return null;
    }
    setInputSheet(outcome.sheetName);
    if (outcome.kind === 'problems') {
      setEvaluated(null);
      setProblems(outcome.problems);
      setStatus({
        intent: 'error',
        title: `The case has ${problemCountText(outcome.problems.length)}`,
        text: 'Nothing was evaluated. Fix each cell listed below, then evaluate again.',
      });
      return null;
    }
    setProblems(null);
    setEvaluated(outcome);
    return outcome;
  };

  const onEvaluate = () =>
    run('Evaluating the case…', async () => {
      const result = await evaluate();
      if (result) {
        const recommended = recommendationView(result.evaluation);
        setStatus({ intent: 'success', title: `Evaluated case ${result.evaluation.caseId}`, text: `Recommendation: ${recommended.title}.` });
      }
    });

  const askWhatToDo = (sheet: string) =>
    new Promise<ExistingSummaryChoice>((resolve) => {
      setAskExisting({
        sheet,
        answer: (choice) => {
          setAskExisting(null);
          resolve(choice);
        },
      });
    });

  const onBuildSummary = () =>
    run('Building the Case Summary sheet…', async () => {
      // Always from the sheet as it is now: the user may have edited it since the last evaluation.
      const result = await evaluate();
      if (!result) return;
      setBusy('Building the Case Summary sheet…');
      const outcome = await buildSummary(workbook, result, settings.preparer, askWhatToDo);
      if (outcome.kind === 'cancelled') {
        setStatus({ intent: 'info', title: 'Nothing was built', text: `The existing summary "${outcome.existing}" was kept as it is.` });
      } else {
        setStatus({
          intent: 'success',
          title: `${outcome.replaced ? 'Replaced' : 'Built'} the sheet "${outcome.sheetName}"`,
          text: `Case ${result.evaluation.caseId}: written in ${outcome.syncs} round trips to Excel.`,
        });
      }
    });

  const onImportFile = (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void run(`Importing ${file.name}…`, async () => {
      const text = await file.text();
      const outcome = await importCase(workbook, text);
      if (!outcome.ok) {
        setProblems(outcome.problems);
        setStatus({ intent: 'error', title: `${file.name} has ${problemCountText(outcome.problems.length)}`, text: 'Nothing was written to the workbook.' });
        return;
      }
      setInputSheet(outcome.sheetName);
      setProblems(null);
      setEvaluated(null);
      setStatus({ intent: 'success', title: `Imported case ${outcome.caseId}`, text: `Written to the sheet "${outcome.sheetName}". Choose Evaluate.` });
    });
  };

  const onExport = () =>
    run('Reading the case for export…', async () => {
      const outcome = await exportCase(workbook);
      if (!outcome.ok) {
        if ('noInputSheet' in outcome) {
          setStatus({ intent: 'warning', title: 'No Case Input sheet', text: 'There is no case to export: choose New case first.' });
        } else {
          setProblems(outcome.problems);
          setStatus({ intent: 'error', title: `The case has ${problemCountText(outcome.problems.length)}`, text: 'Fix them before exporting.' });
        }
        return;
      }
      const url = URL.createObjectURL(new Blob([outcome.json], { type: 'application/json' }));
      setDownload({ url, fileName: exportFileName(outcome.caseId) });
      setStatus({ intent: 'success', title: `Case ${outcome.caseId} is ready to download`, text: 'Use the download link below.' });
      setTimeout(() => downloadLink.current?.focus(), 0);
    });

  const onSaveSettings = (event: React.FormEvent) => {
    event.preventDefault();
    const read = readSettingsForm(form);
    if (!read.ok) {
      setFormErrors(read.errors);
      setStatus({ intent: 'error', title: 'The settings were not saved', text: 'Fix the fields marked below.' });
      return;
    }
    setFormErrors({});
    void run('Saving the settings…', async () => {
      await workbook.saveSettings(read.settings);
      setSettings(read.settings);
      setForm(settingsToForm(read.settings));
      setStatus({ intent: 'success', title: 'Settings saved in the workbook', text: 'They apply from the next evaluation.' });
    });
  };

  const setField = (name: keyof SettingsFormValues) => (_: unknown, data: { value: string }) => setForm((current) => ({ ...current, [name]: data.value }));

  const rows = evaluated ? optionRows(evaluated.evaluation) : [];
  const recommendation = evaluated ? recommendationView(evaluated.evaluation) : null;
  const liveText = busy ?? (status ? [status.title, status.text].filter(Boolean).join('. ') : '');
  const ratesSet = settings.modificationRate !== null || settings.pmms !== null;

  return (
    <main className={styles.root} aria-busy={busy !== null}>
      <header>
        <Title3 as="h1">LM Workbench</Title3>
        <Caption1 as="p" block>
          Loss-mitigation evaluation of the case on the Case Input sheet.
          {inputSheet ? ` Case sheet: "${inputSheet}".` : ''}
        </Caption1>
      </header>

      <section className={styles.actions} aria-label="Case actions">
        <Button appearance="secondary" onClick={onNewCase} disabled={busy !== null}>
          New case
        </Button>
        <Button appearance="primary" onClick={onEvaluate} disabled={busy !== null}>
          Evaluate
        </Button>
        <Button appearance="secondary" onClick={onBuildSummary} disabled={busy !== null}>
          Build Case Summary
        </Button>
      </section>

      <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="live-status">
        {liveText}
      </div>
      {busy !== null && <Spinner size="tiny" label={busy} labelPosition="after" />}
      {status && busy === null && (
        <MessageBar intent={status.intent} data-testid="status">
          <MessageBarBody>
            <MessageBarTitle>{status.title}</MessageBarTitle>
            {status.text}
          </MessageBarBody>
        </MessageBar>
      )}

      {problems && problems.length > 0 && (
        <section className={styles.section} aria-labelledby="problems-heading" data-testid="problems">
          <Subtitle2 as="h2" id="problems-heading">
            {problemCountText(problems.length)} to fix
          </Subtitle2>
          {/* Focusable so keyboard users can scroll a table wider than the pane. */}
          <div className={styles.tableWrap} tabIndex={0} role="region" aria-label="Problems table (scrolls sideways)">
            <Table size="extra-small" aria-labelledby="problems-heading">
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
                    <TableCell className={styles.code}>{problem.cell || '—'}</TableCell>
                    <TableCell className={styles.code}>{problem.field}</TableCell>
                    <TableCell>{problem.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      )}

      {evaluated && recommendation && (
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
              Case {evaluated.evaluation.caseId}, {evaluated.evaluation.investor}, evaluated as of {evaluated.evaluation.evaluationDate}. Rulebooks:{' '}
              {rulebooksText(evaluated.evaluation) || '—'}.
            </Caption1>
          </section>
          <section className={styles.section} aria-labelledby="options-heading" data-testid="options">
            <Subtitle2 as="h2" id="options-heading">
              Options evaluated
            </Subtitle2>
            <div className={styles.tableWrap} tabIndex={0} role="region" aria-label="Options table (scrolls sideways)">
              <Table size="extra-small" aria-labelledby="options-heading">
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
              </Table>
            </div>
          </section>
        </>
      )}

      <Divider className={styles.divider} />

      <section className={styles.section} aria-labelledby="file-heading">
        <Subtitle2 as="h2" id="file-heading">
          Case file
        </Subtitle2>
        <div className={styles.actions}>
          <Button onClick={() => fileInput.current?.click()} disabled={busy !== null}>
            Import case JSON…
          </Button>
          <Button onClick={onExport} disabled={busy !== null}>
            Export case JSON
          </Button>
        </div>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          onChange={onImportFile}
          className={styles.visuallyHidden}
          tabIndex={-1}
          aria-label="Case JSON file to import"
          data-testid="import-file"
        />
        {download && (
          <Body1 as="p">
            <Link ref={downloadLink} href={download.url} download={download.fileName} data-testid="download-link">
              Download {download.fileName}
            </Link>
          </Body1>
        )}
      </section>

      <Accordion collapsible>
        <AccordionItem value="settings">
          <AccordionHeader as="h2">Settings</AccordionHeader>
          <AccordionPanel>
            <form className={styles.settingsForm} onSubmit={onSaveSettings} aria-label="Workbook settings" noValidate>
              <Caption1 as="p">
                Saved in this workbook. When set, the posted rates below override the case&apos;s market rates in every evaluation.
              </Caption1>
              <Field
                label="Posted modification rate"
                hint="The GSE posted modification interest rate, e.g. 6.5% or 0.065. Empty: the case's rate."
                validationMessage={formErrors.modificationRate}
                validationState={formErrors.modificationRate ? 'error' : 'none'}
              >
                <Input value={form.modificationRate} onChange={setField('modificationRate')} inputMode="decimal" />
              </Field>
              <Field
                label="PMMS rate"
                hint="Freddie Mac PMMS 30-year rate in effect, e.g. 6.25%. Empty: the case's rate."
                validationMessage={formErrors.pmms}
                validationState={formErrors.pmms ? 'error' : 'none'}
              >
                <Input value={form.pmms} onChange={setField('pmms')} inputMode="decimal" />
              </Field>
              <Field label="Preparer" hint="Printed on the Case Summary.">
                <Input value={form.preparer} onChange={setField('preparer')} autoComplete="name" />
              </Field>
              <Field
                label="Rulebook overrides (JSON)"
                hint='e.g. { "GSE-FLEX": { "maxTermMonths": 480 } }. Empty: the published rulebooks.'
                validationMessage={formErrors.rulebookOverrides}
                validationState={formErrors.rulebookOverrides ? 'error' : 'none'}
              >
                <Textarea value={form.rulebookOverrides} onChange={setField('rulebookOverrides')} resize="vertical" textarea={{ className: styles.code, spellCheck: false }} />
              </Field>
              <div className={styles.actions}>
                <Button type="submit" appearance="primary" disabled={busy !== null}>
                  Save settings
                </Button>
              </div>
            </form>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <Dialog open={askExisting !== null} modalType="alert" onOpenChange={(_, data) => (!data.open ? askExisting?.answer('cancel') : undefined)}>
        <DialogSurface aria-describedby="existing-summary-text">
          <DialogBody>
            <DialogTitle>A summary of this case exists</DialogTitle>
            <DialogContent id="existing-summary-text">
              The sheet &quot;{askExisting?.sheet}&quot; already holds a Case Summary of this case. Replace it with the new one, keep both (the new summary gets a new
              sheet), or cancel?
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => askExisting?.answer('replace')}>
                Replace
              </Button>
              <Button onClick={() => askExisting?.answer('keepBoth')}>Keep both</Button>
              <Button onClick={() => askExisting?.answer('cancel')}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
