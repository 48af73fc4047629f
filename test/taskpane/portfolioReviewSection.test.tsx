/**
 * The pane's Portfolio Review section: its buttons and the progress line (the interaction, with
 * progress, Cancel and the replace question, is driven in the browser tests, test/e2e).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { PortfolioReviewSection, progressText, type ReviewActions } from '../../src/taskpane/components/PortfolioReviewSection';

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const never = () => new Promise<never>(() => undefined);
const actions: ReviewActions = { findPortfolioReview: never, buildReviewFromCases: never, buildReviewFromTape: never, newCaseFromSelectedRow: never };

test('the section offers the two reviews and New case from this row', () => {
  const text = textOf(
    renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <PortfolioReviewSection actions={actions} settings={{ modificationRate: null, pmms: null, preparer: '', rulebookOverrides: {} }} busy={false} onChanged={() => undefined} />
      </FluentProvider>,
    ),
  );
  expect(text).toContain('Review the case sheets');
  expect(text).toContain('Review the selected tape');
  expect(text).toContain('New case from this row');
});

test('progress in words: rows read, loans evaluated, loans made into table rows, parts written (the last part is the last)', () => {
  expect(progressText({ phase: 'reading', done: 3000, total: 10001 })).toBe('Reading: 3,000 of 10,001 rows');
  expect(progressText({ phase: 'evaluating', done: 500, total: 10000 })).toBe('Evaluating: 500 of 10,000 loans');
  expect(progressText({ phase: 'preparing', done: 40000, total: 100000 })).toBe('Preparing the sheet: 40,000 of 100,000 loans');
  expect(progressText({ phase: 'writing', done: 0, total: 2 })).toBe('Writing the sheet: part 1 of 2');
  expect(progressText({ phase: 'writing', done: 3, total: 3 })).toBe('Writing the sheet: part 3 of 3');
});
