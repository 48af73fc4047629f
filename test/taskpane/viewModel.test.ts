/**
 * The pane's view model: formatting only. Expected strings are written by hand from the
 * figures given (en-US currency and percent conventions), never copied from the code's output.
 */
import type { Evaluation, ModificationResult, OptionResult } from '../../src/engine/results';
import { PLACED_FIELDS } from '../../src/summary/caseInputLayout';
import {
  caseRows,
  caseStatus,
  compareCells,
  replacePromptText,
  requiredInputs,
  exportFileName,
  formatCurrency,
  formatFractionAsPercent,
  formatPercentNumber,
  optionRows,
  problemCountText,
  problemRows,
  recommendationView,
  rulebooksText,
} from '../../src/taskpane/viewModel';

/** The Freddie Mac Scenario 5 figures of shared/reference/cases/gse-flex-forbearance.json. */
const flex: ModificationResult = {
  program: 'GSE-FLEX',
  label: 'GSE Flex Modification',
  kind: 'modification',
  eligible: true,
  rulebook: { id: 'GSE-FLEX', version: '2024-12-01' },
  checks: [],
  steps: [],
  rate: 0.0475,
  termMonths: 480,
  postCapitalizationUpb: 356130.71,
  interestBearingUpb: 328584.9,
  forbearance: 27545.81,
  principalAndInterest: 1530.41,
  monthlyPayment: 1880.41,
  reductionPercent: 20.01,
  mtmltvPercent: 657.16,
  trialPayment: 1880.41,
  trialPaymentCount: 3,
  trialPaymentDates: ['2025-11-01', '2025-12-01', '2026-01-01'],
  modificationEffectiveDate: '2026-01-01',
  firstPaymentDate: '2026-02-01',
  maturityDate: '2066-01-01',
  postModificationDti: null,
};

const repayment: OptionResult = {
  program: 'REPAYMENT-PLAN',
  label: 'Repayment plan',
  kind: 'repayment',
  eligible: false,
  reason: 'plan payment above 150%',
  reasonDetail: 'the shortest plan needs $3,100.00 a month, above 150% of $1,913.14',
  rulebook: { id: 'GSE-REPAYMENT', version: '2024-01-01' },
  checks: [],
  steps: [],
  months: null,
  monthlyPayment: null,
};

const deferral: OptionResult = {
  program: 'GSE-PAYMENT-DEFERRAL',
  label: 'Payment deferral',
  kind: 'deferral',
  eligible: false,
  reason: 'hardship not resolved',
  rulebook: { id: 'GSE-DEFERRAL', version: '2024-01-01' },
  checks: [],
  steps: [],
  deferredMonths: null,
  deferredAmount: null,
};

const shortSale: OptionResult = {
  program: 'SHORT-SALE',
  label: 'Short sale',
  kind: 'disposition',
  eligible: true,
  rulebook: { id: 'DISPOSITION-GSE', version: '2025-01-01' },
  checks: [],
  steps: [],
  netProceeds: 262200,
  netReturnPercent: 92,
};

function evaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    caseId: 'REF-FLEX-1',
    investor: 'FREDDIE',
    evaluationDate: '2025-10-15',
    engineVersion: '0.1.0',
    waterfall: ['REPAYMENT-PLAN', 'GSE-PAYMENT-DEFERRAL', 'GSE-FLEX', 'SHORT-SALE'],
    options: { 'SHORT-SALE': shortSale, 'GSE-FLEX': flex, 'REPAYMENT-PLAN': repayment, 'GSE-PAYMENT-DEFERRAL': deferral },
    affordability: {
      grossMonthlyIncome: null,
      incomeLines: [],
      principalAndInterest: 1913.14,
      housingExpense: 2263.14,
      otherDebtPayments: 0,
      frontEndDti: null,
      backEndDti: null,
      ltv: null,
      cltv: null,
      surplusIncome: null,
    },
    timeline: { acknowledgmentDue: null, evaluationDue: null, appealDeadline: null, earliestForeclosureReferral: null },
    recommendation: { program: 'GSE-FLEX', rationale: 'GSE Flex Modification is the first eligible option in the waterfall.' },
    rulebooks: [
      { id: 'GSE-FLEX', version: '2024-12-01' },
      { id: 'DISPOSITION-GSE', version: '2025-01-01' },
    ],
    warnings: [],
    ...overrides,
  };
}

describe('formatting', () => {
  test('currency: dollars with thousands separators and cents', () => {
    expect(formatCurrency(1880.41)).toBe('$1,880.41');
    expect(formatCurrency(356130.71)).toBe('$356,130.71');
    expect(formatCurrency(0)).toBe('$0.00');
    expect(formatCurrency(5)).toBe('$5.00');
  });

  test('a missing figure is a dash, never "null" or "NaN"', () => {
    expect(formatCurrency(null)).toBe('—');
    expect(formatCurrency(undefined)).toBe('—');
    expect(formatCurrency(Number.NaN)).toBe('—');
    expect(formatPercentNumber(null)).toBe('—');
    expect(formatFractionAsPercent(null)).toBe('—');
  });

  test('a percent number (the engine reports reductionPercent 20.01) gets a % sign only', () => {
    expect(formatPercentNumber(20.01)).toBe('20.01%');
    expect(formatPercentNumber(657.16)).toBe('657.16%');
  });

  test('a fraction is shown as a percent without binary float noise', () => {
    // 0.0475 * 100 is 4.749999999999999 in binary floating point: the display must say 4.75%.
    expect(formatFractionAsPercent(0.0475)).toBe('4.75%');
    expect(formatFractionAsPercent(0.065)).toBe('6.50%');
    expect(formatFractionAsPercent(0.04875)).toBe('4.875%');
    expect(formatFractionAsPercent(0.3048)).toBe('30.48%');
  });
});

describe('optionRows', () => {
  test('one row per option in waterfall order, whatever the order of the options object', () => {
    expect(optionRows(evaluation()).map((row) => row.program)).toEqual(['REPAYMENT-PLAN', 'GSE-PAYMENT-DEFERRAL', 'GSE-FLEX', 'SHORT-SALE']);
  });

  test('the modification row shows the new payment, the reduction and its terms', () => {
    const row = optionRows(evaluation()).find((r) => r.program === 'GSE-FLEX')!;
    expect(row).toEqual({
      program: 'GSE-FLEX',
      label: 'GSE Flex Modification',
      eligible: true,
      eligibleText: 'Yes',
      newPayment: '$1,880.41',
      reduction: '20.01%',
      reason: '4.75% for 480 months, $27,545.81 forborne',
      recommended: true,
    });
  });

  test('a row that is not eligible gives the reason and its figures', () => {
    const row = optionRows(evaluation()).find((r) => r.program === 'REPAYMENT-PLAN')!;
    expect(row.eligibleText).toBe('No');
    expect(row.newPayment).toBe('—');
    expect(row.reason).toBe('plan payment above 150%: the shortest plan needs $3,100.00 a month, above 150% of $1,913.14');
    expect(row.recommended).toBe(false);
  });

  test('a deferral leaves the payment unchanged; a disposition shows its net proceeds', () => {
    const rows = optionRows(evaluation());
    expect(rows.find((r) => r.program === 'GSE-PAYMENT-DEFERRAL')!.newPayment).toBe('unchanged');
    const sale = rows.find((r) => r.program === 'SHORT-SALE')!;
    expect(sale.newPayment).toBe('—');
    expect(sale.reason).toBe('net proceeds $262,200.00 (92.00%)');
  });

  test('an option not eligible without a reason still says so', () => {
    const bare = { ...deferral, reason: undefined };
    const rows = optionRows(evaluation({ options: { 'GSE-PAYMENT-DEFERRAL': bare }, waterfall: ['GSE-PAYMENT-DEFERRAL'] }));
    expect(rows[0].reason).toBe('not eligible');
  });

  test('without a waterfall the options are listed as given', () => {
    expect(optionRows(evaluation({ waterfall: [] })).map((row) => row.program)).toEqual(['SHORT-SALE', 'GSE-FLEX', 'REPAYMENT-PLAN', 'GSE-PAYMENT-DEFERRAL']);
  });
});

describe('recommendationView', () => {
  test('a modification: its terms from the engine figures', () => {
    const view = recommendationView(evaluation());
    expect(view.title).toBe('GSE Flex Modification');
    expect(view.rationale).toBe('GSE Flex Modification is the first eligible option in the waterfall.');
    expect(view.figures).toEqual([
      { label: 'Rate', value: '4.75%' },
      { label: 'Term', value: '480 months' },
      { label: 'Post-capitalization UPB', value: '$356,130.71' },
      { label: 'Interest-bearing UPB', value: '$328,584.90' },
      { label: 'Principal forbearance', value: '$27,545.81' },
      { label: 'New P&I', value: '$1,530.41' },
      { label: 'New monthly payment', value: '$1,880.41' },
      { label: 'P&I reduction', value: '20.01%' },
      { label: 'Trial payment', value: '$1,880.41 × 3' },
      { label: 'First modified payment', value: '2026-02-01' },
    ]);
  });

  test('no eligible option', () => {
    const view = recommendationView(evaluation({ recommendation: { program: null, rationale: 'No option is eligible.' } }));
    expect(view).toEqual({ title: 'No option is eligible', program: null, rationale: 'No option is eligible.', figures: [] });
  });

  test('a disposition: its terms', () => {
    const view = recommendationView(evaluation({ recommendation: { program: 'SHORT-SALE', rationale: 'r' } }));
    expect(view.title).toBe('Short sale');
    expect(view.figures).toEqual([{ label: 'Terms', value: 'net proceeds $262,200.00 (92.00%)' }]);
  });

  test('the rulebooks used', () => {
    expect(rulebooksText(evaluation())).toBe('GSE-FLEX 2024-12-01, DISPOSITION-GSE 2025-01-01');
  });
});

describe('problems', () => {
  test('sorted top to bottom of the sheet, then left to right; problems without a cell last', () => {
    const rows = problemRows([
      { cell: "'Case Input'!B12", field: 'loan.rate', message: 'rate 4.75 looks like a percent: enter 4.75% or 0.0475' },
      { cell: '', field: 'borrower.incomes', message: 'x' },
      { cell: "'Case Input'!B9", field: 'loan.upb', message: 'required' },
      { cell: "'Case Input'!AA9", field: 'loan.z', message: 'z' },
      { cell: "'Case Input'!C9", field: 'loan.y', message: 'y' },
    ]);
    expect(rows.map((r) => r.cell)).toEqual(["'Case Input'!B9", "'Case Input'!C9", "'Case Input'!AA9", "'Case Input'!B12", '']);
  });

  test('compareCells orders by row then column (B10 after B9, unlike text order)', () => {
    expect(compareCells('B9', 'B10')).toBeLessThan(0);
    expect(compareCells('Z5', 'AA5')).toBeLessThan(0);
    expect(compareCells('A1', 'A1')).toBe(0);
  });

  test('counts in words', () => {
    expect(problemCountText(1)).toBe('1 problem');
    expect(problemCountText(3)).toBe('3 problems');
  });
});

describe('exportFileName', () => {
  test('a safe file name from the case id', () => {
    expect(exportFileName('2025-001843')).toBe('case-2025-001843.json');
    expect(exportFileName('A/B C:7')).toBe('case-A-B-C-7.json');
    expect(exportFileName('')).toBe('case-unnamed.json');
    expect(exportFileName(null)).toBe('case-unnamed.json');
  });
});

describe('the case register', () => {
  const entry = { sheetName: 'Case A-1', caseId: 'A-1', investor: 'Fannie Mae', summarySheet: null as string | null, decision: '' };

  test('status: not evaluated, evaluated (this session), summary built, decided', () => {
    expect(caseStatus(entry, new Set())).toBe('not evaluated');
    expect(caseStatus(entry, new Set(['Case A-1']))).toBe('evaluated');
    expect(caseStatus({ ...entry, summarySheet: 'Case Summary A-1' }, new Set())).toBe('summary built');
    expect(caseStatus({ ...entry, summarySheet: 'Case Summary A-1', decision: 'Approve' }, new Set())).toBe('decided');
    // A blank decision cell is not a decision.
    expect(caseStatus({ ...entry, summarySheet: 'Case Summary A-1', decision: '  ' }, new Set())).toBe('summary built');
  });

  test('rows mark the current case and name a case without an ID', () => {
    const rows = caseRows([entry, { ...entry, sheetName: 'New case', caseId: '', investor: '' }], 'New case', new Set());
    expect(rows.map((r) => [r.caseId, r.investor, r.active])).toEqual([
      ['A-1', 'Fannie Mae', false],
      ['(no case ID yet)', '—', true],
    ]);
  });
});

describe('a blank case', () => {
  test('lists only the required inputs, by their labels on the sheet', () => {
    expect(requiredInputs(PLACED_FIELDS)).toEqual(['Case ID', 'Investor', 'Evaluation date', 'Unpaid principal balance (UPB)', 'Interest rate', 'Remaining term (months)', 'Contractual P&I']);
  });
});

describe('the Replace prompt', () => {
  test('says what is carried and names each typed cell that would be lost', () => {
    const text = replacePromptText({ sheetName: 'Case Summary A-1', approval: { Decision: 'Approve', Reviewer: 'M. Manager' }, editedCells: ['J3', 'B12 (Loan number)'] });
    expect(text.carried).toBe('Replace carries the approval block into the new summary: Decision "Approve", Reviewer "M. Manager".');
    expect(text.lost).toBe('These cells you typed into would be lost: J3, B12 (Loan number). Choose Keep both to keep them.');
  });

  test('an empty approval block, no other edit, or an older summary', () => {
    expect(replacePromptText({ sheetName: 'S', approval: {}, editedCells: [] })).toEqual({
      carried: 'The approval block (Reviewer, Date, Decision, Comments) is empty; Replace carries it over if it is filled in.',
      lost: 'No other cell of it was typed into.',
    });
    expect(replacePromptText({ sheetName: 'S', approval: {}, editedCells: null }).lost).toMatch(/older version.*cannot tell/);
    const many = replacePromptText({ sheetName: 'S', approval: {}, editedCells: Array.from({ length: 15 }, (_, i) => `A${i + 1}`) });
    expect(many.lost).toMatch(/A12 and 3 more/);
  });
});
