/**
 * The LM Workbench task pane: the workbook's cases, New case, Evaluate, Build Case Summary,
 * import/export, settings. Components only arrange and call: the flow is in caseFlow.ts, the
 * strings in viewModel.ts, the sections in components/, the Office calls in src/excel (passed in
 * as `workbook`). Progress and results are announced through an aria-live region.
 *
 * No stale pane: what the pane shows about a case (problems, results) is tagged with the sheet it
 * was read from, and is cleared when the user switches case, an import fails or the settings change.
 */
import * as React from 'react';
import { Button, Caption1, Divider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Title3 } from '@fluentui/react-components';
import type { CaseInput, LoanCase } from '../engine/case/types';
import type { Evaluation } from '../engine/results';
import type { CaseList, CaseSheetInfo, ExistingSummary, SettingsProblem, WorkbookSettings } from '../excel/workbookActions';
import * as portfolioReviewActions from '../excel/portfolioReviewActions';
import { PLACED_FIELDS } from '../summary/caseInputLayout';
import { buildSummary, duplicateCase, evaluateFromSheet, exportCase, importCase, type ExistingSummaryChoice, type ImportChoice, type PaneProblem, type Workbook } from './caseFlow';
import { CaseFileSection } from './components/CaseFileSection';
import { CaseRegister } from './components/CaseRegister';
import { ChooseCaseDialog, ImportChoiceDialog, ReplaceSummaryDialog } from './components/Dialogs';
import { PortfolioReviewSection, type ReviewActions } from './components/PortfolioReviewSection';
import { ProblemsSection } from './components/ProblemsSection';
import { ResultsSection } from './components/ResultsSection';
import { SettingsSection } from './components/SettingsSection';
import { useStyles } from './components/styles';
import { EMPTY_SETTINGS, readSettingsForm, settingsToForm, type SettingsFormErrors, type SettingsFormValues } from './settingsForm';
import { caseRows, exportFileName, problemCountText, recommendationView, requiredInputs } from './viewModel';

type Status = { intent: 'success' | 'error' | 'warning' | 'info'; title: string; text?: string };

interface Evaluated {
  sheetName: string;
  loanCase: LoanCase;
  evaluation: Evaluation;
  notes: string[];
}

/** What the pane shows about one case sheet; shown only while that sheet is the current case. */
interface CaseView {
  sheetName: string;
  problems: PaneProblem[];
  required: string[] | null;
  evaluated: Evaluated | null;
}

export interface AppProps {
  workbook: Workbook;
  /** A case to prefill New case with (the workbench's sample); in Excel there is none and the sheet starts blank. */
  getStarterCase?: () => CaseInput | undefined;
  /** The Portfolio Review's workbook actions (tests pass their own). */
  reviewActions?: ReviewActions;
}

const REQUIRED = requiredInputs(PLACED_FIELDS);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App({ workbook, getStarterCase, reviewActions = portfolioReviewActions }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [caseList, setCaseList] = React.useState<CaseList | null>(null);
  const [view, setView] = React.useState<CaseView | null>(null);
  const [evaluatedSheets, setEvaluatedSheets] = React.useState<Set<string>>(new Set());
  const [settings, setSettings] = React.useState<WorkbookSettings>(EMPTY_SETTINGS);
  const [storedProblems, setStoredProblems] = React.useState<SettingsProblem[]>([]);
  const [form, setForm] = React.useState<SettingsFormValues>(settingsToForm(EMPTY_SETTINGS));
  const [formErrors, setFormErrors] = React.useState<SettingsFormErrors>({});
  const [askReplace, setAskReplace] = React.useState<{ existing: ExistingSummary; answer: (choice: ExistingSummaryChoice) => void } | null>(null);
  const [askImport, setAskImport] = React.useState<{ target: CaseSheetInfo; caseId: string; answer: (choice: ImportChoice) => void } | null>(null);
  const [askCase, setAskCase] = React.useState<{ cases: CaseSheetInfo[]; activeSheet: string; answer: (sheet: string | null) => void } | null>(null);
  const [download, setDownload] = React.useState<{ url: string; fileName: string } | null>(null);
  const downloadLink = React.useRef<HTMLAnchorElement>(null);

  const refreshCases = React.useCallback(async () => {
    const list = await workbook.listCases();
    setCaseList(list);
    // A switch of case: what was shown about another sheet goes.
    setView((current) => (current && current.sheetName !== list.activeCase ? null : current));
    return list;
  }, [workbook]);

  /** Runs one pane action: shows progress, turns any failure into an error message (never a crash). */
  const run = React.useCallback(
    async (progress: string, action: () => Promise<void>) => {
      setBusy(progress);
      setStatus(null);
      try {
        await action();
      } catch (error) {
        // A write that failed says itself what happened to the workbook (stagedWrite.ts).
        const title = error instanceof Error && error.name === 'WriteFailedError' ? 'The write did not go through' : 'Something went wrong';
        setStatus({ intent: 'error', title, text: messageOf(error) });
      } finally {
        setBusy(null);
        await refreshCases().catch(() => undefined);
      }
    },
    [refreshCases],
  );

  const applyLoadedSettings = (loaded: { settings: WorkbookSettings; problems: SettingsProblem[] }) => {
    setSettings(loaded.settings);
    setStoredProblems(loaded.problems);
    setForm(settingsToForm(loaded.settings));
  };

  React.useEffect(() => {
    let live = true;
    Promise.all([workbook.loadSettings(), workbook.listCases()])
      .then(([loaded, list]) => {
        if (!live) return;
        applyLoadedSettings(loaded);
        setCaseList(list);
      })
      .catch((error: unknown) => {
        if (live) setStatus({ intent: 'error', title: 'Could not read the workbook', text: messageOf(error) });
      });
    return () => {
      live = false;
    };
  }, [workbook]);

  React.useEffect(() => () => (download ? URL.revokeObjectURL(download.url) : undefined), [download]);

  const chooseCase = (cases: CaseSheetInfo[], activeSheet: string) =>
    new Promise<string | null>((resolve) =>
      setAskCase({
        cases,
        activeSheet,
        answer: (sheet) => {
          setAskCase(null);
          resolve(sheet);
        },
      }),
    );

  const onNewCase = () =>
    run('Creating a case sheet…', async () => {
      const starter = getStarterCase?.();
      const { sheetName } = await workbook.createCaseSheet(starter ? { caseJson: starter } : {});
      setView(null);
      setStatus({
        intent: 'success',
        title: `Created the sheet "${sheetName}"`,
        text: starter ? 'A new case sheet, prefilled with the sample case: check it, then choose Evaluate.' : 'A new case sheet: fill in the yellow cells, then choose Evaluate.',
      });
    });

  /** Evaluates the current case sheet; returns it when it could be evaluated. */
  const evaluate = async (): Promise<Evaluated | null> => {
    const outcome = await evaluateFromSheet(workbook, settings, chooseCase, storedProblems);
    if (outcome.kind === 'noInputSheet') {
      setView(null);
      setStatus({ intent: 'warning', title: 'No case sheet', text: 'Choose New case (or import a case JSON file) first.' });
      return null;
    }
    if (outcome.kind === 'cancelled') {
      setStatus({ intent: 'info', title: 'Nothing was evaluated', text: 'No case was chosen.' });
      return null;
    }
    if (outcome.sheetName) await workbook.activateSheet(outcome.sheetName);
    if (outcome.kind === 'problems') {
      const required = outcome.blank ? REQUIRED : null;
      setView({ sheetName: outcome.sheetName, problems: outcome.problems, required, evaluated: null });
      setStatus(
        required
          ? { intent: 'warning', title: `The case on "${outcome.sheetName}" is blank`, text: 'Fill in the required cells listed below.' }
          : {
              intent: 'error',
              title: `The case on "${outcome.sheetName}" has ${problemCountText(outcome.problems.length)}`,
              text: 'Nothing was evaluated. Fix each one listed below, then evaluate again.',
            },
      );
      return null;
    }
    setView({ sheetName: outcome.sheetName, problems: [], required: null, evaluated: outcome });
    setEvaluatedSheets((current) => new Set(current).add(outcome.sheetName));
    return outcome;
  };

  const onEvaluate = () =>
    run('Evaluating the case…', async () => {
      const result = await evaluate();
      if (result) {
        const recommended = recommendationView(result.evaluation);
        setStatus({ intent: 'success', title: `Evaluated case ${result.evaluation.caseId} from the sheet "${result.sheetName}"`, text: `Recommendation: ${recommended.title}.` });
      }
    });

  const askWhatToDo = (existing: ExistingSummary) =>
    new Promise<ExistingSummaryChoice>((resolve) => {
      setAskReplace({
        existing,
        answer: (choice) => {
          setAskReplace(null);
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
          text:
            `Case ${result.evaluation.caseId} from the sheet "${result.sheetName}": written in ${outcome.syncs} round trips to Excel.` +
            (outcome.carried.length > 0 ? ` Carried over from the old summary: ${outcome.carried.join(', ')}.` : ''),
        });
      }
    });

  const askImportChoice = (target: CaseSheetInfo, caseId: string) =>
    new Promise<ImportChoice>((resolve) =>
      setAskImport({
        target,
        caseId,
        answer: (choice) => {
          setAskImport(null);
          resolve(choice);
        },
      }),
    );

  const onImportFile = (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void run(`Importing ${file.name}…`, async () => {
      const text = await file.text();
      const outcome = await importCase(workbook, text, askImportChoice);
      if (!outcome.ok) {
        if ('cancelled' in outcome) {
          setStatus({ intent: 'info', title: 'Nothing was imported', text: 'The workbook was left as it is.' });
          return;
        }
        // A failed import belongs to no case sheet: what the pane showed before goes.
        setView({ sheetName: '', problems: outcome.problems, required: null, evaluated: null });
        setStatus({ intent: 'error', title: `${file.name} has ${problemCountText(outcome.problems.length)}`, text: 'Nothing was written to the workbook.' });
        return;
      }
      setView(null);
      setStatus({
        intent: 'success',
        title: `Imported case ${outcome.caseId}`,
        text: `${outcome.replaced ? 'It replaced the case on' : 'Written to the new case sheet'} "${outcome.sheetName}". Choose Evaluate.`,
      });
    });
  };

  const onExport = () =>
    run('Reading the case for export…', async () => {
      const outcome = await exportCase(workbook, chooseCase);
      if (!outcome.ok) {
        if ('noInputSheet' in outcome) {
          setStatus({ intent: 'warning', title: 'No case to export', text: 'Choose New case first, or pick a case.' });
        } else {
          setView({ sheetName: caseList?.activeCase ?? '', problems: outcome.problems, required: null, evaluated: null });
          setStatus({ intent: 'error', title: `The case has ${problemCountText(outcome.problems.length)}`, text: 'Fix them before exporting.' });
        }
        return;
      }
      const url = URL.createObjectURL(new Blob([outcome.json], { type: 'application/json' }));
      setDownload({ url, fileName: exportFileName(outcome.caseId) });
      setStatus({ intent: 'success', title: `Case ${outcome.caseId} is ready to download`, text: 'Use the download link below.' });
      setTimeout(() => downloadLink.current?.focus(), 0);
    });

  const onOpenCase = (sheetName: string) =>
    run(`Going to "${sheetName}"…`, async () => {
      await workbook.activateSheet(sheetName);
      setView((current) => (current?.sheetName === sheetName ? current : null));
    });

  const onDuplicate = (sheetName: string) =>
    run('Duplicating the case…', async () => {
      const ids = (caseList?.cases ?? []).map((c) => c.caseId);
      const copy = await duplicateCase(workbook, sheetName, ids);
      setView(null);
      setStatus({
        intent: 'success',
        title: `Duplicated as case ${copy.caseId} on "${copy.sheetName}"`,
        text: copy.partial ? 'Cells with problems on the original were left blank on the copy.' : 'Change what you want to try, then choose Evaluate.',
      });
    });

  const onSelectCell = (cell: string) => void workbook.selectCell(cell).catch((error: unknown) => setStatus({ intent: 'error', title: 'Could not select the cell', text: messageOf(error) }));

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
      const saved = await workbook.saveSettings(read.settings);
      applyLoadedSettings({ settings: read.settings, problems: [] });
      // Results computed with the old settings no longer hold.
      setView(null);
      setStatus({ intent: 'success', title: 'Settings saved in the workbook', text: `On the hidden sheet "${saved.sheetName}". They apply from the next evaluation.` });
    });
  };

  const current = view && (view.sheetName === '' || view.sheetName === caseList?.activeCase) ? view : null;
  const liveText = busy ?? (status ? [status.title, status.text].filter(Boolean).join('. ') : '');
  const ratesSet = settings.modificationRate !== null || settings.pmms !== null;
  const busyNow = busy !== null;

  return (
    <main className={styles.root} aria-busy={busyNow}>
      <header>
        <Title3 as="h1">LM Workbench</Title3>
        <Caption1 as="p" block data-testid="current-case">
          {caseList?.activeCase ? `Current case sheet: "${caseList.activeCase}".` : 'Loss-mitigation evaluation of the case on the active case sheet.'}
        </Caption1>
      </header>

      <section className={styles.actions} aria-label="Case actions">
        <Button appearance="secondary" onClick={onNewCase} disabled={busyNow}>
          New case
        </Button>
        <Button appearance="primary" onClick={onEvaluate} disabled={busyNow}>
          Evaluate
        </Button>
        <Button appearance="secondary" onClick={onBuildSummary} disabled={busyNow}>
          Build Case Summary
        </Button>
      </section>

      <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="live-status">
        {liveText}
      </div>
      {busyNow && <Spinner size="tiny" label={busy} labelPosition="after" />}
      {status && !busyNow && (
        <MessageBar intent={status.intent} data-testid="status">
          <MessageBarBody>
            <MessageBarTitle>{status.title}</MessageBarTitle>
            {status.text}
          </MessageBarBody>
        </MessageBar>
      )}

      {current && <ProblemsSection problems={current.problems} required={current.required} sheetName={current.sheetName || null} onSelectCell={onSelectCell} />}
      {current?.evaluated && <ResultsSection evaluated={current.evaluated} ratesSet={ratesSet} />}

      <CaseRegister rows={caseRows(caseList?.cases ?? [], caseList?.activeCase ?? null, evaluatedSheets)} busy={busyNow} onOpen={onOpenCase} onDuplicate={onDuplicate} />

      <Divider className={styles.divider} />

      <PortfolioReviewSection actions={reviewActions} settings={settings} busy={busyNow} onChanged={() => void refreshCases().catch(() => undefined)} />

      <Divider className={styles.divider} />

      <CaseFileSection busy={busyNow} onImportFile={onImportFile} onExport={onExport} download={download} downloadLink={downloadLink} />

      <SettingsSection
        form={form}
        errors={formErrors}
        stored={storedProblems}
        busy={busyNow}
        onChange={(name, value) => setForm((f) => ({ ...f, [name]: value }))}
        onSubmit={onSaveSettings}
      />

      <ReplaceSummaryDialog existing={askReplace?.existing ?? null} answer={(choice) => askReplace?.answer(choice)} />
      <ImportChoiceDialog ask={askImport} answer={(choice) => askImport?.answer(choice)} />
      <ChooseCaseDialog ask={askCase} answer={(sheet) => askCase?.answer(sheet)} />
    </main>
  );
}
