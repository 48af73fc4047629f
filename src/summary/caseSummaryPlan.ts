/**
 * The Case Summary sheet as a plan (shared/spec/case-summary.md, sections 1-11).
 *
 * Engine results are written as values, so the sheet reads the same in an Excel without the
 * add-in (no LM.* formula anywhere: no #NAME?). Totals and ratios that Excel can compute from
 * the lines above (arrears total, current payment, gross income, housing expense, DTI,
 * change against the current payment) are native formulas, so they follow a manager's edits.
 */
import type { IncomeFrequency, LoanCase } from '../engine/case/types';
import { monthlyIncomeFactor } from '../engine/income';
import { daysBetween, toExcelSerial, type IsoDate } from '../engine/dates';
import { centsNumber, sumDecimals } from '../engine/money';
import type { AuditStep, Evaluation, ModificationResult, OptionResult, StepFigures } from '../engine/results';
import { FORMATS, cellAddress, type CellStyleName, type CellValue, type PlannedCell, type PlannedChart, type SheetPlan } from './sheetPlan';

export const SUMMARY_COLUMNS = 11; // A..K
const LAST_COLUMN = 'K';
/** Valuations older than this are flagged (Fannie Mae F-1-27: value no more than 90 days old). */
export const VALUATION_MAX_AGE_DAYS = 90;
/** A compliance date this close to the evaluation date (or closer) is flagged as near. */
export const COMPLIANCE_NEAR_DAYS = 5;
export const APPROVAL_DECISIONS = ['Approve', 'Decline', 'Return for rework'] as const;

export interface CaseSummaryPlanOptions {
  preparer?: string;
  sheetName: string;
}

/** The default sheet name of a case's summary ("Case Summary 2025-001843"). */
export function summarySheetBaseName(caseId: string): string {
  return `Case Summary ${caseId}`;
}

/** "****5678": the loan number masked to its last 4 digits. */
export function maskLoanNumber(loanNumber: string | null): string {
  if (!loanNumber) return 'not given';
  const digits = loanNumber.replace(/\s/g, '');
  return `****${digits.slice(-4)}`;
}

/** "***-**-1234". */
export function maskSsn(ssnLast4: string | null): string {
  if (!ssnLast4) return 'not given';
  return `***-**-${ssnLast4.slice(-4)}`;
}

function sectionTitle(n: number, title: string): string {
  return `${n}. ${title}`;
}

/** Accumulates cells row by row; everything else of the plan (merges, validations) alongside. */
class SheetWriter {
  readonly cells: PlannedCell[] = [];
  readonly merges: string[] = [];
  readonly validations: SheetPlan['validations'] = [];
  readonly rowHeights: Record<number, number> = {};
  row = 0;

  /** Excel does not fit the height of merged, wrapped cells: give the row enough lines for its longest text. */
  fitRow(row: number, texts: [string | null | undefined, number][]): void {
    const lines = Math.max(1, ...texts.map(([text, charsPerLine]) => Math.ceil((text ?? '').length / charsPerLine)));
    if (lines > 1) this.rowHeights[row + 1] = Math.min(409, lines * 15);
  }

  put(row: number, column: number, cell: Omit<PlannedCell, 'address'>): string {
    const address = cellAddress(row, column);
    this.cells.push({ address, ...cell });
    return address;
  }

  section(title: string): void {
    this.row++; // a blank row before every section
    for (let c = 0; c < SUMMARY_COLUMNS; c++) this.put(this.row, c, { value: c === 0 ? title : null, style: 'section' });
    this.row++;
  }

  /** A label / value row; returns the value's address. */
  field(
    label: string,
    value: CellValue,
    numberFormat?: string,
    options: { formula?: string; cachedResult?: CellValue; style?: CellStyleName; note?: string; noteStyle?: CellStyleName } = {},
  ): string {
    this.put(this.row, 0, { value: label, style: 'label' });
    const address = this.put(this.row, 1, {
      ...(options.formula ? { formula: options.formula, cachedResult: options.cachedResult } : { value }),
      numberFormat: numberFormat ?? (typeof value === 'string' ? FORMATS.text : undefined),
      style: options.style,
      // A string field shows case data (case id, loan number, names, hardship...): user text.
      ...(typeof value === 'string' && !options.formula ? { text: true } : {}),
    });
    if (options.note) this.put(this.row, 2, { value: options.note, style: options.noteStyle ?? 'note' });
    this.row++;
    return address;
  }

  header(labels: string[], startColumn = 0): void {
    labels.forEach((label, i) => this.put(this.row, startColumn + i, { value: label, style: 'tableHeader' }));
    this.row++;
  }
}

const dateValue = (date: IsoDate | null | undefined): CellValue => (date ? toExcelSerial(date) : null);
const yesNo = (value: boolean | null | undefined): string => (value === true ? 'Yes' : value === false ? 'No' : 'unknown');
const orNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function humanize(value: string | null | undefined): string {
  if (!value) return 'not given';
  return value
    .toLowerCase()
    .split('_')
    .map((word, i) => (i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}

function formatFigure(key: string, value: number | string | boolean | null): string {
  if (value === null) return `${key}: n/a`;
  if (typeof value !== 'number') return `${key}: ${value}`;
  const lower = key.toLowerCase();
  if (lower.includes('percent')) return `${key}: ${value.toFixed(2)}%`;
  // Rates and ratios are fractions (engine.md section 1); a large figure under such a key is an amount.
  if ((lower.includes('rate') || lower.includes('dti') || lower.includes('ltv')) && Math.abs(value) < 10) return `${key}: ${(value * 100).toFixed(lower.includes('rate') ? 3 : 2)}%`;
  if (/term|months|count|days|number|step/.test(lower)) return `${key}: ${value}`;
  return `${key}: ${money(value)}`;
}

export function formatFigures(figures: StepFigures | undefined): string {
  if (!figures) return '';
  return Object.entries(figures)
    .map(([key, value]) => formatFigure(key, value))
    .join('; ');
}

/** The monthly payment an option proposes, when it has one. */
export function proposedPayment(option: OptionResult): number | null {
  switch (option.kind) {
    case 'modification':
    case 'repayment':
    case 'forbearance':
      return orNull(option.monthlyPayment);
    default:
      return orNull((option as { monthlyPayment?: unknown }).monthlyPayment);
  }
}

function money(value: number | null | undefined): string {
  return value === null || value === undefined ? 'n/a' : `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Terms that do not fit the common columns, in words. */
function otherTerms(option: OptionResult): string {
  switch (option.kind) {
    case 'modification': {
      const parts = [`P&I ${money(option.principalAndInterest)}`, `post-capitalization UPB ${money(option.postCapitalizationUpb)}`];
      if (option.mtmltvPercent !== null) parts.push(`MTMLTV ${option.mtmltvPercent.toFixed(2)}%`);
      return parts.join('; ');
    }
    case 'deferral':
      return option.deferredAmount === null ? '' : `defers ${money(option.deferredAmount)} (${option.deferredMonths ?? '?'} months)`;
    case 'partialClaim':
      return option.partialClaim === null ? '' : `claim ${money(option.partialClaim)} (cap ${money(option.partialClaimCap)})`;
    case 'disposition':
      return option.netProceeds === null || option.netProceeds === undefined
        ? ''
        : `net proceeds ${money(option.netProceeds)}${typeof option.netReturnPercent === 'number' ? ` (${option.netReturnPercent.toFixed(2)}% of value)` : ''}`;
    case 'forbearance':
      return option.arrearsAtEnd === null ? '' : `arrears at end ${money(option.arrearsAtEnd)}`;
    default:
      return '';
  }
}

function optionTerm(option: OptionResult): number | null {
  if (option.kind === 'modification') return option.termMonths;
  if (option.kind === 'repayment' || option.kind === 'forbearance') return option.months;
  return null;
}

/** Where the summary put the figures a test or a later edit needs to find. */
export interface SummaryAnchors {
  currentPayment: string;
  grossMonthlyIncome: string;
  housingExpense: string;
  otherDebts: string;
  frontEndDti: string;
  backEndDti: string;
  totalArrears: string;
  surplusIncome: string;
  /** Row (1-based) of each option in the options table, by program id. */
  optionRows: Record<string, number>;
  decision: string;
  chartData: string | null;
}

export function caseSummaryPlan(evaluation: Evaluation, loanCase: LoanCase, options: CaseSummaryPlanOptions): SheetPlan & { anchors: SummaryAnchors } {
  const w = new SheetWriter();
  const { loan, arrears, property, borrower, market } = loanCase;
  const affordability = evaluation.affordability;

  // 1. Header (title rows are frozen and repeated on every printed page).
  w.put(0, 0, { value: 'Case Summary', style: 'title' });
  w.merges.push(`A1:${LAST_COLUMN}1`);
  w.put(1, 0, {
    text: true,
    value: `Case ${evaluation.caseId} · ${evaluation.investor} · evaluated ${evaluation.evaluationDate} · LM Workbench engine ${evaluation.engineVersion}`,
    style: 'subtitle',
  });
  w.merges.push(`A2:${LAST_COLUMN}2`);
  w.row = 2;
  w.section(sectionTitle(1, 'Header'));
  w.field('Case ID', evaluation.caseId);
  w.field('Loan number', maskLoanNumber(loan.loanNumber));
  w.field('Borrower(s)', borrower.names.length > 0 ? borrower.names.join('; ') : 'not given');
  w.field('SSN', maskSsn(borrower.ssnLast4));
  w.field('Investor', evaluation.investor);
  w.field('Evaluation date', dateValue(evaluation.evaluationDate), FORMATS.date);
  w.field('Rulebooks used', evaluation.rulebooks.length > 0 ? evaluation.rulebooks.map((r) => `${r.id} ${r.version}`).join('; ') : 'none');
  w.field('Posted modification rate', market.modificationRate, FORMATS.rate, market.modificationRate === null ? { note: 'not entered', noteStyle: 'flag' } : {});
  w.field('Freddie Mac PMMS rate', market.pmms, FORMATS.rate, market.pmms === null ? { note: 'not entered', noteStyle: 'flag' } : {});
  w.field('Prepared by', options.preparer && options.preparer.trim() ? options.preparer.trim() : 'not given');
  for (const warning of evaluation.warnings) w.field('Note', warning, FORMATS.text, { style: 'flag' });

  // 2. Hardship and status.
  w.section(sectionTitle(2, 'Hardship and status'));
  w.field('Hardship', humanize(borrower.hardship));
  w.field('Hardship resolved', yesNo(borrower.hardshipResolved));
  w.field('Intent', humanize(borrower.intent));
  w.field('Occupancy', humanize(property.occupancy));
  w.field('Months delinquent', loan.monthsDelinquent, FORMATS.integer);
  w.field('Next payment due', dateValue(loan.nextDueDate), FORMATS.date, loan.nextDueDate ? {} : { note: 'not given' });

  // 3. Loan.
  w.section(sectionTitle(3, 'Loan'));
  w.field('Unpaid principal balance', loan.upb, FORMATS.currency);
  w.field('Deferred balance', loan.deferredBalance, FORMATS.currency);
  w.field('Interest rate', loan.rate, FORMATS.rate);
  w.field('Remaining term (months)', loan.remainingTermMonths, FORMATS.integer);
  const contractualPI = w.field('Contractual P&I', loan.contractualPI, FORMATS.currency);
  const escrow = w.field('Monthly escrow', loan.monthlyEscrow, FORMATS.currency);
  // The engine's figures for the formulas below, in decimal and rounded to the cent (file writers cache them).
  const currentPaymentFigure = centsNumber(sumDecimals([loan.contractualPI, loan.monthlyEscrow]));
  const currentPayment = w.field('Current total payment', null, FORMATS.currency, { formula: `=${contractualPI}+${escrow}`, cachedResult: currentPaymentFigure, style: 'total' });
  w.row++;
  w.header(['Arrears', 'Amount']);
  const arrearsLines: [string, number][] = [
    ['Delinquent interest', arrears.delinquentInterest],
    ['Escrow advances', arrears.escrowAdvances],
    ['Servicing advances', arrears.servicingAdvances],
    ['Legal fees', arrears.legalFees],
    ['Late fees', arrears.lateFees],
  ];
  const firstArrears = w.row;
  for (const [label, amount] of arrearsLines) w.field(label, amount, FORMATS.currency);
  const totalArrears = w.field('Total arrears', null, FORMATS.currency, {
    formula: `=SUM(B${firstArrears + 1}:B${w.row})`,
    cachedResult: centsNumber(sumDecimals(arrearsLines.map(([, amount]) => amount))),
    style: 'total',
  });
  w.field('Borrower contribution', arrears.borrowerContribution, FORMATS.currency);

  // 4. Property.
  w.section(sectionTitle(4, 'Property'));
  w.field('Property value', property.value, FORMATS.currency, property.value === null ? { note: 'not given', noteStyle: 'flag' } : {});
  w.field('Valuation type', property.valuationType ?? 'not given');
  const valuationAge = property.valuationDate ? daysBetween(property.valuationDate, evaluation.evaluationDate) : null;
  w.field(
    'Valuation date',
    dateValue(property.valuationDate),
    FORMATS.date,
    valuationAge === null
      ? { note: 'not given: the valuation age cannot be checked', noteStyle: 'flag' }
      : valuationAge > VALUATION_MAX_AGE_DAYS
        ? { note: `STALE: ${valuationAge} days old (more than ${VALUATION_MAX_AGE_DAYS})`, noteStyle: 'flag' }
        : { note: `${valuationAge} days old`, noteStyle: 'good' },
  );
  w.field('LTV', affordability.ltv, FORMATS.percent, affordability.ltv === null ? { note: 'not computed' } : {});
  w.field('CLTV', affordability.cltv, FORMATS.percent, affordability.cltv === null ? { note: 'not computed' } : {});
  w.field('State', property.state ?? 'not given');
  const timeline = foreclosureTimeline(evaluation);
  w.field('Foreclosure timeline (days)', timeline?.days ?? null, FORMATS.integer, { note: timeline ? timeline.source : 'not available for this evaluation' });

  // 5. Income and expenses.
  w.section(sectionTitle(5, 'Income and expenses'));
  w.header(['Income', 'Frequency', 'Amount', 'Monthly', 'Counted']);
  const firstIncome = w.row;
  for (const line of affordability.incomeLines) {
    w.put(w.row, 0, { value: humanize(line.type), style: 'label', text: true });
    w.put(w.row, 1, { value: humanize(line.frequency), text: true });
    w.put(w.row, 2, { value: line.amount, numberFormat: FORMATS.currency });
    // The exact monthly equivalent as a native formula of the amount beside it, as the engine
    // computes it (unrounded per line; the engine rounds the total once), so the SUM below equals
    // the engine's gross income to the cent and follows an edited amount.
    const { times, over } = monthlyIncomeFactor(line.frequency as IncomeFrequency, line.hoursPerWeek);
    w.put(w.row, 3, { formula: `=C${w.row + 1}*${times}/${over}`, cachedResult: line.monthlyAmount, numberFormat: FORMATS.currency });
    w.put(w.row, 4, { value: line.counted ? 'Yes' : 'No' });
    w.row++;
  }
  if (affordability.incomeLines.length === 0) {
    w.put(w.row, 0, { value: 'No income entered', style: 'flag' });
    w.row++;
  }
  const incomeRange = `D${firstIncome + 1}:D${w.row}`;
  const countedRange = `E${firstIncome + 1}:E${w.row}`;
  w.put(w.row, 0, { value: 'Gross monthly income (counted lines)', style: 'total' });
  // Rounded once, at the total, as the engine's rounding point is (engine/income.ts).
  const gross = w.put(w.row, 3, {
    formula: `=ROUND(SUMIF(${countedRange},"Yes",${incomeRange}),2)`,
    cachedResult: affordability.grossMonthlyIncome ?? 0,
    numberFormat: FORMATS.currency,
    style: 'total',
  });
  w.row += 2;

  w.header(['Housing expense', '', '', 'Monthly']);
  const housing = borrower.housingExpenses;
  // The same basis as the engine: itemized lines, or the escrow standing for taxes and insurance.
  const escrowBasis = (affordability as { housingExpenseBasis?: string }).housingExpenseBasis === 'ESCROW';
  const housingLines: [string, number][] = escrowBasis
    ? [
        ['Principal and interest (contractual)', loan.contractualPI],
        ['Monthly escrow (stands for taxes and insurance)', loan.monthlyEscrow],
      ]
    : [
    ['Principal and interest (contractual)', loan.contractualPI],
    ['Property taxes', housing.taxes],
    ['Hazard insurance', housing.insurance],
    ['Flood insurance', housing.floodInsurance],
    ['Mortgage insurance', housing.mortgageInsurance],
    ['HOA / condo / co-op dues', housing.association],
    ['Ground rent', housing.groundRent],
    ['Subordinate lien payment', housing.subordinateLienPayment],
      ];
  const firstHousing = w.row;
  for (const [label, amount] of housingLines) {
    w.put(w.row, 0, { value: label, style: 'label' });
    w.put(w.row, 3, { value: amount, numberFormat: FORMATS.currency });
    w.row++;
  }
  w.put(w.row, 0, { value: 'Housing expense (PITIA)', style: 'total' });
  const housingTotal = w.put(w.row, 3, { formula: `=SUM(D${firstHousing + 1}:D${w.row})`, cachedResult: affordability.housingExpense, numberFormat: FORMATS.currency, style: 'total' });
  const housingFromLines = housingLines.reduce((sum, [, amount]) => sum + amount, 0);
  if (Math.abs(housingFromLines - affordability.housingExpense) > 0.005) {
    // Say so rather than hide it: the engine counted the housing expense differently.
    w.put(w.row, 4, { value: `engine figure: ${money(affordability.housingExpense)}`, style: 'flag' });
  }
  w.row += 2;

  w.header(['Other monthly debts', '', 'Balance', 'Monthly']);
  const firstDebt = w.row;
  for (const debt of borrower.debts) {
    w.put(w.row, 0, { value: humanize(debt.type), style: 'label', text: true });
    w.put(w.row, 2, { value: orNull(debt.balance), numberFormat: FORMATS.currency });
    w.put(w.row, 3, { value: debt.monthlyPayment, numberFormat: FORMATS.currency });
    w.row++;
  }
  if (borrower.debts.length === 0) {
    w.put(w.row, 0, { value: 'None entered', style: 'note' });
    w.row++;
  }
  w.put(w.row, 0, { value: 'Other debts', style: 'total' });
  const debtsTotal = w.put(w.row, 3, { formula: `=SUM(D${firstDebt + 1}:D${w.row})`, cachedResult: affordability.otherDebtPayments, numberFormat: FORMATS.currency, style: 'total' });
  w.row += 2;

  w.header(['Ratios and surplus', '', '', 'Value']);
  // The engine's figure where the sheet computes one (gross income above 0), else the sheet's "n/a".
  const hasIncome = (affordability.grossMonthlyIncome ?? 0) > 0;
  const ratio = (label: string, formula: string, format: string, figure: number | null): string => {
    w.put(w.row, 0, { value: label, style: 'label' });
    const address = w.put(w.row, 3, { formula, cachedResult: hasIncome && figure !== null ? figure : 'n/a', numberFormat: format, style: 'total' });
    w.row++;
    return address;
  };
  // "n/a" rather than #DIV/0! when no income was entered.
  const frontEnd = ratio('Front-end DTI (housing / gross income)', `=IF(${gross}>0,${housingTotal}/${gross},"n/a")`, FORMATS.percent, affordability.frontEndDti);
  const backEnd = ratio('Back-end DTI ((housing + debts) / gross income)', `=IF(${gross}>0,(${housingTotal}+${debtsTotal})/${gross},"n/a")`, FORMATS.percent, affordability.backEndDti);
  w.put(w.row, 0, { value: 'Living expenses', style: 'label' });
  const living = w.put(w.row, 3, { value: borrower.livingExpenses ?? 0, numberFormat: FORMATS.currency });
  if (borrower.livingExpenses === null) w.put(w.row, 4, { value: 'not given (counted as 0)', style: 'note' });
  w.row++;
  const surplus = ratio('Surplus income', `=IF(${gross}>0,${gross}-${housingTotal}-${debtsTotal}-${living},"n/a")`, FORMATS.currency, affordability.surplusIncome);
  const notes = (affordability as { notes?: unknown }).notes;
  if (Array.isArray(notes)) {
    for (const note of notes) {
      w.put(w.row, 0, { value: `Note: ${String(note)}`, style: 'note', text: true });
      w.row++;
    }
  }
  if (evaluation.investor === 'VA' || affordability.vaResidualIncome) {
    const va = affordability.vaResidualIncome;
    w.put(w.row, 0, { value: 'VA residual income', style: 'label' });
    w.put(w.row, 3, { value: va?.residualIncome ?? null, numberFormat: FORMATS.currency });
    w.put(w.row, 4, {
      value: va ? `required ${money(va.required)}: ${va.meets === null ? 'not checked' : va.meets ? 'meets' : 'DOES NOT MEET'}` : 'not computed',
      style: va?.meets === false ? 'flag' : 'note',
    });
    w.row++;
  }

  // 6. Options evaluated, in the investor's waterfall order.
  w.section(sectionTitle(6, 'Options evaluated (waterfall order)'));
  w.header(['Option', 'Eligible', 'New payment', 'Change vs current', 'Reduction %', 'Rate', 'Term (months)', 'Forbearance', 'Post-mod DTI', 'Reason (not eligible)', 'Other terms']);
  const optionRows: Record<string, number> = {};
  for (const id of evaluation.waterfall) {
    const option = evaluation.options[id];
    if (!option) continue;
    const r = w.row;
    optionRows[id] = r + 1;
    const payment = proposedPayment(option);
    const modification = option.kind === 'modification' ? (option as ModificationResult) : null;
    w.put(r, 0, { value: option.label || id, style: 'label' });
    w.put(r, 1, { value: option.eligible ? 'Yes' : 'No', style: option.eligible ? 'good' : 'flag' });
    w.put(r, 2, { value: payment, numberFormat: FORMATS.currency });
    w.put(
      r,
      3,
      payment === null ? { value: null } : { formula: `=C${r + 1}-${currentPayment}`, cachedResult: centsNumber(sumDecimals([payment, -currentPaymentFigure])), numberFormat: FORMATS.currency },
    );
    w.put(r, 4, { value: modification ? modification.reductionPercent / 100 : null, numberFormat: FORMATS.percent });
    w.put(r, 5, { value: modification ? modification.rate : null, numberFormat: FORMATS.rate });
    w.put(r, 6, { value: optionTerm(option), numberFormat: FORMATS.integer });
    w.put(r, 7, { value: modification ? modification.forbearance : null, numberFormat: FORMATS.currency });
    w.put(r, 8, { value: modification ? modification.postModificationDti : null, numberFormat: FORMATS.percent });
    w.put(r, 9, { value: option.eligible ? null : [option.reason, option.reasonDetail].filter(Boolean).join(': ') || 'not eligible', style: option.eligible ? undefined : 'flag' });
    w.put(r, 10, { value: otherTerms(option) || null });
    w.row++;
  }
  if (evaluation.waterfall.length === 0) {
    w.put(w.row, 0, { value: 'No option was evaluated', style: 'flag' });
    w.row++;
  }

  // 7. Recommendation.
  w.section(sectionTitle(7, 'Recommendation'));
  const recommendedId = evaluation.recommendation.program;
  const recommended = recommendedId ? evaluation.options[recommendedId] : undefined;
  w.field('Recommended option', recommended ? recommended.label || recommended.program : 'none', undefined, { style: recommended ? 'good' : 'flag' });
  const rationaleRow = w.row;
  w.field('Rationale', evaluation.recommendation.rationale);
  w.merges.push(`B${rationaleRow + 1}:${LAST_COLUMN}${rationaleRow + 1}`);
  w.fitRow(rationaleRow, [[evaluation.recommendation.rationale, 150]]);
  if (recommended) {
    w.field('Rulebook', `${recommended.rulebook.id} ${recommended.rulebook.version}`);
    if (recommended.kind === 'modification') {
      const m = recommended as ModificationResult;
      w.field('New rate', m.rate, FORMATS.rate);
      w.field('New term (months)', m.termMonths, FORMATS.integer);
      w.field('Post-capitalization UPB', m.postCapitalizationUpb, FORMATS.currency);
      w.field('Interest-bearing UPB', m.interestBearingUpb, FORMATS.currency);
      w.field('Principal forbearance', m.forbearance, FORMATS.currency);
      w.field('New P&I', m.principalAndInterest, FORMATS.currency);
      w.field('New monthly payment', m.monthlyPayment, FORMATS.currency);
      w.field('P&I reduction', m.reductionPercent / 100, FORMATS.percent);
      w.field('Effective date', dateValue(m.modificationEffectiveDate), FORMATS.date);
      w.field('First modified payment', dateValue(m.firstPaymentDate), FORMATS.date);
      w.field('Maturity date', dateValue(m.maturityDate), FORMATS.date);
      w.row++;
      w.header(['Trial payment', 'Due date', 'Amount']);
      const count = m.trialPaymentCount;
      for (let i = 0; i < count; i++) {
        w.put(w.row, 0, { value: i + 1, numberFormat: FORMATS.integer, style: 'label' });
        const due = m.trialPaymentDates?.[i] ?? null;
        w.put(w.row, 1, due ? { value: dateValue(due), numberFormat: FORMATS.date } : { value: 'no first trial date', style: 'flag' });
        w.put(w.row, 2, { value: m.trialPayment, numberFormat: FORMATS.currency });
        w.row++;
      }
    } else {
      const payment = proposedPayment(recommended);
      if (payment !== null) w.field('Monthly payment', payment, FORMATS.currency);
      const term = optionTerm(recommended);
      if (term !== null) w.field('Months', term, FORMATS.integer);
      const other = otherTerms(recommended);
      if (other) w.field('Terms', other);
    }
  }

  // 8. Audit trail of the recommended option.
  w.section(sectionTitle(8, 'Audit trail (recommended option)'));
  const steps: AuditStep[] = recommended?.steps ?? [];
  w.header(['Step', 'What it did', '', '', 'Before', '', '', 'After', '', 'Rule', '']);
  for (const step of steps) {
    const r = w.row;
    w.put(r, 0, { value: step.step, style: 'label' });
    w.put(r, 1, { value: step.action });
    w.put(r, 4, { value: formatFigures(step.before) || null });
    w.put(r, 7, { value: formatFigures(step.after) || null });
    w.put(r, 9, { value: step.rule });
    w.merges.push(`B${r + 1}:D${r + 1}`, `E${r + 1}:G${r + 1}`, `H${r + 1}:I${r + 1}`, `J${r + 1}:K${r + 1}`);
    w.fitRow(r, [
      [step.action, 45],
      [formatFigures(step.before), 38],
      [formatFigures(step.after), 27],
      [step.rule, 65],
    ]);
    w.row++;
  }
  if (steps.length === 0) {
    w.put(w.row, 0, { value: recommended ? 'The option recorded no steps' : 'No option recommended', style: 'note' });
    w.row++;
  }

  // 9. Compliance dates (Regulation X).
  w.section(sectionTitle(9, 'Compliance dates (Regulation X)'));
  w.header(['Deadline', 'Date', 'Status']);
  const deadlines: [string, keyof typeof evaluation.timeline & string, IsoDate | null][] = [
    ['Acknowledgment due', 'acknowledgmentDue', evaluation.timeline.acknowledgmentDue],
    ['Evaluation due', 'evaluationDue', evaluation.timeline.evaluationDue],
    [evaluation.timeline.appealDeadlineBasis === 'latest' ? 'Appeal deadline (at the latest)' : 'Appeal deadline', 'appealDeadline', evaluation.timeline.appealDeadline],
    ['Earliest foreclosure referral', 'earliestForeclosureReferral', evaluation.timeline.earliestForeclosureReferral],
  ];
  const engineFlags = Array.isArray(evaluation.timeline.flags) ? (evaluation.timeline.flags as { item?: string; status?: string; message?: string }[]) : [];
  for (const [label, key, date] of deadlines) {
    const status = complianceStatus(date, evaluation.evaluationDate, key, engineFlags.find((f) => f.item === key));
    w.put(w.row, 0, { value: label, style: 'label' });
    w.put(w.row, 1, { value: dateValue(date), numberFormat: FORMATS.date });
    w.put(w.row, 2, { value: status.text, style: status.flag ? 'flag' : 'note' });
    w.row++;
  }

  // 10. Approval.
  w.section(sectionTitle(10, 'Approval'));
  w.field('Specialist', options.preparer && options.preparer.trim() ? options.preparer.trim() : null, FORMATS.text, { style: 'input' });
  w.field('Reviewer', null, FORMATS.text, { style: 'input' });
  w.field('Date', null, FORMATS.date, { style: 'input' });
  const decision = w.field('Decision', null, FORMATS.text, { style: 'input', note: APPROVAL_DECISIONS.join(' / ') });
  w.validations.push({ address: decision, list: APPROVAL_DECISIONS });
  w.put(w.row, 0, { value: 'Comments', style: 'label' });
  for (let c = 1; c < SUMMARY_COLUMNS; c++) w.put(w.row, c, { value: null, style: 'input' });
  w.merges.push(`B${w.row + 1}:${LAST_COLUMN}${w.row + 1}`);
  w.row++;

  // 11. Chart: current against proposed payment for each eligible option with a payment.
  w.section(sectionTitle(11, 'Current and proposed monthly payment'));
  const chartOptions = evaluation.waterfall.map((id) => evaluation.options[id]).filter((o): o is OptionResult => !!o && o.eligible && proposedPayment(o) !== null);
  let chartData: string | null = null;
  const charts: PlannedChart[] = [];
  if (chartOptions.length > 0) {
    const first = w.row;
    w.header(['Option', 'Current payment', 'Proposed payment']);
    for (const option of chartOptions) {
      w.put(w.row, 0, { value: option.label || option.program, style: 'label' });
      w.put(w.row, 1, { formula: `=${currentPayment}`, cachedResult: currentPaymentFigure, numberFormat: FORMATS.currency });
      w.put(w.row, 2, { value: proposedPayment(option), numberFormat: FORMATS.currency });
      w.row++;
    }
    chartData = `A${first + 1}:C${w.row}`;
    charts.push({
      type: 'ColumnClustered',
      title: 'Current and proposed monthly payment',
      sourceAddress: chartData,
      seriesBy: 'Columns',
      topLeft: `E${first + 1}`,
      bottomRight: `${LAST_COLUMN}${first + 16}`,
    });
    w.row = Math.max(w.row, first + 16);
  } else {
    w.put(w.row, 0, { value: 'No eligible option proposes a monthly payment', style: 'note' });
    w.row++;
  }

  const lastRow = w.row;
  return {
    sheetName: options.sheetName,
    cells: w.cells,
    merges: w.merges,
    names: [],
    tables: [],
    validations: w.validations,
    rowHeights: w.rowHeights,
    columnWidths: { A: 200, B: 95, C: 95, D: 95, E: 80, F: 70, G: 70, H: 85, I: 80, J: 200, K: 200 },
    freezeRows: 2,
    print: { orientation: 'Landscape', fitToPagesWide: 1, printArea: `A1:${LAST_COLUMN}${lastRow}`, titleRows: '$1:$2' },
    charts,
    showGridlines: false,
    tabColor: '#1F3864',
    anchors: {
      currentPayment,
      grossMonthlyIncome: gross,
      housingExpense: housingTotal,
      otherDebts: debtsTotal,
      frontEndDti: frontEnd,
      backEndDti: backEnd,
      totalArrears,
      surplusIncome: surplus,
      optionRows,
      decision,
      chartData,
    },
  };
}

/**
 * The status of a compliance date: the engine's own flag when it gave one (missed, near,
 * reached, not required), else computed here from the evaluation date.
 */
function complianceStatus(
  date: IsoDate | null,
  evaluationDate: IsoDate,
  key: string,
  engineFlag: { status?: string; message?: string } | undefined,
): { text: string; flag: boolean } {
  if (engineFlag?.status) {
    const flagged = engineFlag.status === 'missed' || engineFlag.status === 'near' || engineFlag.status === 'reached';
    return { text: `${engineFlag.status.toUpperCase()}: ${engineFlag.message ?? ''}`.trim(), flag: flagged };
  }
  if (!date) return { text: 'not computed: the case lacks the date it counts from', flag: false };
  const daysLeft = daysBetween(evaluationDate, date);
  if (key === 'earliestForeclosureReferral') {
    // Not a deadline: the first date a referral is permitted.
    if (daysLeft <= 0) return { text: 'REACHED: a foreclosure referral is permitted (unless a complete application is pending)', flag: true };
    if (daysLeft <= COMPLIANCE_NEAR_DAYS) return { text: `NEAR: permitted in ${daysLeft} days`, flag: true };
    return { text: `permitted in ${daysLeft} days`, flag: false };
  }
  if (daysLeft < 0) return { text: `MISSED by ${-daysLeft} days`, flag: true };
  if (daysLeft <= COMPLIANCE_NEAR_DAYS) return { text: `NEAR: ${daysLeft} days left`, flag: true };
  return { text: `${daysLeft} days left`, flag: false };
}

function foreclosureTimeline(evaluation: Evaluation): { days: number; source: string } | null {
  for (const id of evaluation.waterfall) {
    const option = evaluation.options[id] as OptionResult & { npv?: { assumptions?: { foreclosureTimelineDays?: number; foreclosureTimelineSource?: string } | null } | null };
    const assumptions = option?.npv?.assumptions;
    if (assumptions && typeof assumptions.foreclosureTimelineDays === 'number') {
      return { days: assumptions.foreclosureTimelineDays, source: assumptions.foreclosureTimelineSource ?? '' };
    }
  }
  const fromTimeline = (evaluation.timeline as { foreclosureTimelineDays?: unknown }).foreclosureTimelineDays;
  return typeof fromTimeline === 'number' ? { days: fromTimeline, source: 'state foreclosure time frame' } : null;
}
