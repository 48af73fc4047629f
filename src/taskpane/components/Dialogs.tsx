/** The pane's questions: replace a summary, where to import a case, which case to act on. */
import * as React from 'react';
import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { ExistingSummaryChoice, ImportChoice } from '../caseFlow';
import type { CaseSheetInfo, ExistingSummary } from '../../excel/workbookActions';
import { replacePromptText } from '../viewModel';

export function ReplaceSummaryDialog({ existing, answer }: { existing: ExistingSummary | null; answer: (choice: ExistingSummaryChoice) => void }): React.JSX.Element {
  const text = existing ? replacePromptText(existing) : null;
  return (
    <Dialog open={existing !== null} modalType="alert" onOpenChange={(_, data) => (!data.open ? answer('cancel') : undefined)}>
      <DialogSurface aria-describedby="existing-summary-text">
        <DialogBody>
          <DialogTitle>A summary of this case exists</DialogTitle>
          <DialogContent id="existing-summary-text">
            <Body1 as="p" block>
              The sheet &quot;{existing?.sheetName}&quot; already holds a Case Summary of this case. Replace it with the new one, keep both (the new summary gets a new sheet), or cancel?
            </Body1>
            <Body1 as="p" block data-testid="replace-carried">
              {text?.carried}
            </Body1>
            <Body1 as="p" block data-testid="replace-lost">
              {text?.lost}
            </Body1>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => answer('replace')}>
              Replace
            </Button>
            <Button onClick={() => answer('keepBoth')}>Keep both</Button>
            <Button onClick={() => answer('cancel')}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function ImportChoiceDialog({ ask, answer }: { ask: { target: CaseSheetInfo; caseId: string } | null; answer: (choice: ImportChoice) => void }): React.JSX.Element {
  return (
    <Dialog open={ask !== null} modalType="alert" onOpenChange={(_, data) => (!data.open ? answer('cancel') : undefined)}>
      <DialogSurface aria-describedby="import-choice-text">
        <DialogBody>
          <DialogTitle>Import case {ask?.caseId}</DialogTitle>
          <DialogContent id="import-choice-text">
            Replace the case on the sheet &quot;{ask?.target.sheetName}&quot; (case {ask?.target.caseId || 'without an ID'}) with the imported one, or put the imported case on a new
            case sheet? Replace rebuilds that sheet: what was typed on it is replaced.
          </DialogContent>
          <DialogActions>
            <Button onClick={() => answer('replace')}>Replace this case</Button>
            <Button appearance="primary" onClick={() => answer('new')}>
              New case sheet
            </Button>
            <Button onClick={() => answer('cancel')}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function ChooseCaseDialog({ ask, answer }: { ask: { cases: CaseSheetInfo[]; activeSheet: string } | null; answer: (sheet: string | null) => void }): React.JSX.Element {
  return (
    <Dialog open={ask !== null} modalType="alert" onOpenChange={(_, data) => (!data.open ? answer(null) : undefined)}>
      <DialogSurface aria-describedby="choose-case-text">
        <DialogBody>
          <DialogTitle>Which case?</DialogTitle>
          <DialogContent id="choose-case-text">
            <Body1 as="p" block>The active sheet &quot;{ask?.activeSheet}&quot; is not a case sheet. Which case should the add-in work on?</Body1>
          </DialogContent>
          <DialogActions fluid position="start">
            {ask?.cases.map((c) => (
              <Button key={c.sheetName} onClick={() => answer(c.sheetName)}>
                {c.caseId || c.sheetName}
              </Button>
            ))}
            <Button onClick={() => answer(null)}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
