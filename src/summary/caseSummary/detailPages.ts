/**
 * The Case Summary after page 1: what an auditor checks the decision against. The case and its
 * loan, property, income and expenses (with native formulas that follow a manager's edits), every
 * option with its terms, every eligibility check, the NPV with its inputs, every rulebook override
 * and interpretation, and the recommended option's audit trail. Engine identifiers (program and
 * check ids, parameter names) are printed here, beside the words, for the auditor.
 */
import type { IncomeFrequency } from '../../engine/case/types';
import { daysBetween } from '../../engine/dates';
import { monthlyIncomeFactor } from '../../engine/income';
import { centsNumber, sumDecimals } from '../../engine/money';
import { rulebookInForce } from '../../engine/rulebooks';
import type { RulebookParameter } from '../../engine/rulebooks/types';
import type { AuditStep, EligibilityCheck, ModificationResult, NpvResult, OptionResult } from '../../engine/results';
import { FORMATS, type PlannedChart } from '../sheetPlan';
import { dateValue, formatFigures, humanize, maskLoanNumber, maskSsn, money, optionTerm, orNull, otherTerms, parameterText, partialClaimOf, proposedPayment, yesNo } from './format';
import type { SummaryInput } from './input';
import { LAST_COLUMN, SUMMARY_COLUMNS, type SheetWriter } from './writer';

/** Valuations older than this are flagged (Fannie Mae F-1-27: value no more than 90 days old). */
export const VALUATION_MAX_AGE_DAYS = 90;
const LAST = SUMMARY_COLUMNS - 1;

/** A label across A:C (the value sits in D): long labels wrap instead of running into the value. */
function longLabel(w: SheetWriter, label: string, style: 'label' | 'total' = 'label'): void {
  w.put(w.row, 0, { value: label, style });
  w.merges.push(`A${w.row + 1}:C${w.row + 1}`);
  w.fitRow(w.row, [[label, 0, 2]]);
}

export function writeCaseDetails(w: SheetWriter, input: SummaryInput): void {
  const { evaluation, loanCase } = input;
  const { loan, borrower, market } = loanCase;
  w.section('Case details');
  w.field('Case ID', evaluation.caseId);
  w.field('Loan number', maskLoanNumber(loan.loanNumber));
  w.field('Borrower(s)', borrower.names.length > 0 ? borrower.names.join('; ') : 'not given', undefined, { wideValue: true });
  w.field('SSN', maskSsn(borrower.ssnLast4));
  w.field('Investor (case code)', evaluation.investor);
  w.field('Rulebooks used', evaluation.rulebooks.length > 0 ? evaluation.rulebooks.map((r) => `${r.id} ${r.version}`).join('; ') : 'none', undefined, { wideValue: true });
  w.field('Posted modification rate', market.modificationRate, FORMATS.rate, market.modificationRate === null ? { note: 'not entered', noteStyle: 'flag' } : {});
  w.field('Freddie Mac PMMS rate', market.pmms, FORMATS.rate, market.pmms === null ? { note: 'not entered', noteStyle: 'flag' } : {});
  w.field('Prepared by', input.preparer && input.preparer.trim() ? input.preparer.trim() : 'not given');
  for (const warning of evaluation.warnings) w.field('Note', warning, FORMATS.text, { style: 'flag', wideValue: true });
  w.field('Hardship', humanize(borrower.hardship));
  w.field('Hardship resolved', yesNo(borrower.hardshipResolved));
  w.field('Intent', humanize(borrower.intent));
  w.field('Occupancy', humanize(loanCase.property.occupancy));
  w.field('Next payment due', dateValue(loan.nextDueDate), FORMATS.date, loan.nextDueDate ? {} : { note: 'not given' });
}

/** How the Regulation X dates were counted: the engine's flags (with the rule cited) and notes. */
export function writeComplianceNotes(w: SheetWriter, input: SummaryInput): void {
  const timeline = input.evaluation.timeline;
  w.section('Regulation X: how the dates were counted');
  const lines = [...(timeline.flags ?? []).map((f) => `${f.status.toUpperCase()} (${f.item}): ${f.message}`), ...(timeline.notes ?? [])];
  if (timeline.appealDeadlineLabel) lines.push(`Appeal deadline: ${timeline.appealDeadlineLabel}`);
  if (lines.length === 0) lines.push('The engine recorded no flag or note for these dates.');
  for (const line of lines) {
    w.wide(w.row, 0, { value: line, style: 'wrapText' });
    w.row++;
  }
}

export function writeLoan(w: SheetWriter, input: SummaryInput): { totalArrears: string } {
  const { loan, arrears } = input.loanCase;
  w.section('Loan and arrears');
  w.field('Deferred balance', loan.deferredBalance, FORMATS.currency);
  w.field('Interest rate', loan.rate, FORMATS.rate);
  w.field('Remaining term (months)', loan.remainingTermMonths, FORMATS.integer);
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
  return { totalArrears };
}

export function writeProperty(w: SheetWriter, input: SummaryInput): void {
  const { evaluation, loanCase } = input;
  const { property } = loanCase;
  const affordability = evaluation.affordability;
  w.section('Property');
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
  w.field('CLTV', affordability.cltv, FORMATS.percent, affordability.cltv === null ? { note: 'not computed' } : {});
  w.field('State', property.state ?? 'not given');
  const timeline = foreclosureTimeline(input);
  w.field('Foreclosure timeline (days)', timeline?.days ?? null, FORMATS.integer, { note: timeline ? timeline.source : 'not available for this evaluation' });
}

export interface IncomeAnchors {
  grossMonthlyIncome: string;
  housingExpense: string;
  otherDebts: string;
  frontEndDti: string;
  backEndDti: string;
  surplusIncome: string;
}

export function writeIncomeAndExpenses(w: SheetWriter, input: SummaryInput, contractualPI: number, monthlyEscrow: number): IncomeAnchors {
  const { evaluation, loanCase } = input;
  const { borrower } = loanCase;
  const affordability = evaluation.affordability;
  w.section('Income and expenses');
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
  longLabel(w, 'Gross monthly income (counted lines)', 'total');
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
        ['Principal and interest (contractual)', contractualPI],
        ['Monthly escrow (stands for taxes and insurance)', monthlyEscrow],
      ]
    : [
        ['Principal and interest (contractual)', contractualPI],
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
    longLabel(w, label);
    w.put(w.row, 3, { value: amount, numberFormat: FORMATS.currency });
    w.row++;
  }
  longLabel(w, 'Housing expense (PITIA)', 'total');
  const housingTotal = w.put(w.row, 3, { formula: `=SUM(D${firstHousing + 1}:D${w.row})`, cachedResult: affordability.housingExpense, numberFormat: FORMATS.currency, style: 'total' });
  const housingFromLines = housingLines.reduce((sum, [, amount]) => sum + amount, 0);
  if (Math.abs(housingFromLines - affordability.housingExpense) > 0.005) {
    // Say so rather than hide it: the engine counted the housing expense differently.
    w.wide(w.row, 4, { value: `engine figure: ${money(affordability.housingExpense)}`, style: 'flag' });
  }
  w.row += 2;

  w.header(['Other monthly debts', '', 'Balance', 'Monthly']);
  const firstDebt = w.row;
  for (const debt of borrower.debts) {
    w.put(w.row, 0, { value: humanize(debt.type), style: 'label', text: true });
    w.merges.push(`A${w.row + 1}:B${w.row + 1}`);
    w.fitRow(w.row, [[humanize(debt.type), 0, 1]]);
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
    longLabel(w, label);
    const address = w.put(w.row, 3, { formula, cachedResult: hasIncome && figure !== null ? figure : 'n/a', numberFormat: format, style: 'total' });
    w.row++;
    return address;
  };
  // "n/a" rather than #DIV/0! when no income was entered.
  const frontEnd = ratio('Front-end DTI (housing / gross income)', `=IF(${gross}>0,${housingTotal}/${gross},"n/a")`, FORMATS.percent, affordability.frontEndDti);
  const backEnd = ratio('Back-end DTI ((housing + debts) / gross income)', `=IF(${gross}>0,(${housingTotal}+${debtsTotal})/${gross},"n/a")`, FORMATS.percent, affordability.backEndDti);
  longLabel(w, 'Living expenses');
  const living = w.put(w.row, 3, { value: borrower.livingExpenses ?? 0, numberFormat: FORMATS.currency });
  if (borrower.livingExpenses === null) w.wide(w.row, 4, { value: 'not given (counted as 0)', style: 'note' });
  w.row++;
  const surplus = ratio('Surplus income', `=IF(${gross}>0,${gross}-${housingTotal}-${debtsTotal}-${living},"n/a")`, FORMATS.currency, affordability.surplusIncome);
  const notes = (affordability as { notes?: unknown }).notes;
  if (Array.isArray(notes)) {
    for (const note of notes) {
      w.wide(w.row, 0, { value: `Note: ${String(note)}`, style: 'note', text: true });
      w.row++;
    }
  }
  if (evaluation.investor === 'VA' || affordability.vaResidualIncome) {
    const va = affordability.vaResidualIncome;
    longLabel(w, 'VA residual income');
    w.put(w.row, 3, { value: va?.residualIncome ?? null, numberFormat: FORMATS.currency });
    w.wide(w.row, 4, {
      value: va ? `required ${money(va.required)}: ${va.meets === null ? 'not checked' : va.meets ? 'meets' : 'DOES NOT MEET'}` : 'not computed',
      style: va?.meets === false ? 'flag' : 'note',
    });
    w.row++;
  }
  return { grossMonthlyIncome: gross, housingExpense: housingTotal, otherDebts: debtsTotal, frontEndDti: frontEnd, backEndDti: backEnd, surplusIncome: surplus };
}

/** Every option with its terms; returns the row (1-based) of each option by program id. */
export function writeOptionsDetail(w: SheetWriter, input: SummaryInput, currentPayment: string, currentFigure: number): Record<string, number> {
  const { evaluation } = input;
  w.section('Options evaluated (waterfall order)');
  w.header(['Option', 'Eligible', 'New payment', 'Change', 'Reduction %', 'Rate', 'Term (months)', 'Forbearance', 'Partial claim']);
  const optionRows: Record<string, number> = {};
  for (const id of evaluation.waterfall) {
    const option = evaluation.options[id];
    if (!option) continue;
    const r = w.row;
    optionRows[id] = r + 1;
    const payment = proposedPayment(option);
    const modification = option.kind === 'modification' ? (option as ModificationResult) : null;
    w.put(r, 0, { value: option.label || id, style: 'wrapLabel' });
    w.fitRow(r, [[option.label || id, 0, 0]]);
    w.put(r, 1, { value: option.eligible ? 'Yes' : 'No', style: option.eligible ? 'good' : 'flag' });
    w.put(r, 2, { value: payment, numberFormat: FORMATS.currency });
    w.put(r, 3, payment === null ? { value: null } : { formula: `=C${r + 1}-${currentPayment}`, cachedResult: centsNumber(sumDecimals([payment, -currentFigure])), numberFormat: FORMATS.currency });
    w.put(r, 4, { value: modification ? modification.reductionPercent / 100 : null, numberFormat: FORMATS.percent });
    w.put(r, 5, { value: modification ? modification.rate : null, numberFormat: FORMATS.rate });
    w.put(r, 6, { value: optionTerm(option), numberFormat: FORMATS.integer });
    w.put(r, 7, { value: modification ? modification.forbearance : null, numberFormat: FORMATS.currency });
    w.put(r, 8, { value: partialClaimOf(option), numberFormat: FORMATS.currency });
    w.row++;
  }
  if (evaluation.waterfall.length === 0) {
    w.put(w.row, 0, { value: 'No option was evaluated', style: 'flag' });
    w.row++;
  }
  w.row++;
  w.header(['Option', 'Program', 'Post-mod DTI', 'Reason (not eligible) and other terms']);
  w.merges.push(`D${w.row}:${LAST_COLUMN}${w.row}`);
  for (const id of evaluation.waterfall) {
    const option = evaluation.options[id];
    if (!option) continue;
    const r = w.row;
    const modification = option.kind === 'modification' ? (option as ModificationResult) : null;
    w.put(r, 0, { value: option.label || id, style: 'wrapLabel' });
    w.put(r, 1, { value: id, style: 'wrapText' });
    w.put(r, 2, { value: modification ? modification.postModificationDti : null, numberFormat: FORMATS.percent });
    const reason = option.eligible ? '' : [option.reason, option.reasonDetail].filter(Boolean).join(': ') || 'not eligible';
    const text = [reason, otherTerms(option)].filter(Boolean).join('. ');
    w.wide(r, 3, { value: text || null, style: option.eligible ? undefined : 'flag' });
    w.fitRow(r, [
      [option.label || id, 0, 0],
      [id, 1, 1],
    ]);
    w.row++;
  }
  return optionRows;
}

export function writeRecommendedTerms(w: SheetWriter, input: SummaryInput): void {
  const { evaluation, recommended } = input;
  w.section('Recommended option: terms');
  w.field('Recommended option', recommended ? `${recommended.label} (${recommended.program})` : 'none', undefined, { style: recommended ? 'good' : 'flag', wideValue: true });
  w.field('Rationale', evaluation.recommendation.rationale, undefined, { wideValue: true });
  if (!recommended) return;
  w.field('Rulebook', `${recommended.rulebook.id} ${recommended.rulebook.version}`, undefined, { wideValue: true });
  if (recommended.kind === 'modification') {
    const m = recommended as ModificationResult;
    w.field('New rate', m.rate, FORMATS.rate);
    w.field('New term (months)', m.termMonths, FORMATS.integer);
    w.field('Post-capitalization UPB', m.postCapitalizationUpb, FORMATS.currency);
    w.field('Interest-bearing UPB', m.interestBearingUpb, FORMATS.currency);
    w.field('Principal forbearance', m.forbearance, FORMATS.currency);
    const claim = partialClaimOf(m);
    if (claim !== null) w.field('Partial claim', claim, FORMATS.currency);
    w.field('New P&I', m.principalAndInterest, FORMATS.currency);
    w.field('New monthly payment', m.monthlyPayment, FORMATS.currency);
    w.field('P&I reduction', m.reductionPercent / 100, FORMATS.percent);
    w.field('Effective date', dateValue(m.modificationEffectiveDate), FORMATS.date);
    w.field('First modified payment', dateValue(m.firstPaymentDate), FORMATS.date);
    w.field('Maturity date', dateValue(m.maturityDate), FORMATS.date);
    w.row++;
    w.header(['Trial payment', 'Due date', 'Amount']);
    for (let i = 0; i < m.trialPaymentCount; i++) {
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
    if (other) w.field('Terms', other, undefined, { wideValue: true });
  }
}

const STATUS_WORDS: Record<EligibilityCheck['status'], string> = { pass: 'Pass', fail: 'FAIL', 'not checked': 'Not checked' };

/** Every eligibility check of every option evaluated: the recommended one, those passed over and the rest. */
export function writeEligibilityChecks(w: SheetWriter, input: SummaryInput): void {
  const { evaluation } = input;
  w.section('Eligibility checks (every option)');
  const passedOver = new Set((evaluation.recommendation.passedOver ?? []).map((p) => p.program));
  for (const id of evaluation.waterfall) {
    const option = evaluation.options[id];
    if (!option) continue;
    const role = id === evaluation.recommendation.program ? 'recommended' : passedOver.has(id) ? 'passed over' : option.eligible ? 'eligible, not chosen' : 'not eligible';
    w.wide(w.row, 0, { value: `${option.label} (${id}, ${option.rulebook.id} ${option.rulebook.version}): ${role}`, style: 'tableHeader' });
    w.row++;
    w.header(['Check', 'Result', 'Detail [check id]']);
    w.merges.push(`C${w.row}:${LAST_COLUMN}${w.row}`);
    for (const check of option.checks) {
      const r = w.row;
      const detail = `${check.detail} [${check.id}]`;
      w.put(r, 1, { value: STATUS_WORDS[check.status], style: check.status === 'fail' ? 'flag' : check.status === 'pass' ? 'good' : 'note' });
      w.wide(r, 2, { value: detail });
      w.put(r, 0, { value: check.test, style: 'wrapLabel' });
      w.fitRow(r, [[check.test, 0, 0]]);
      w.row++;
    }
    if (option.checks.length === 0) {
      w.put(w.row, 0, { value: 'The option recorded no checks', style: 'note' });
      w.row++;
    }
    w.row++;
  }
}

/** The NPV of each option that has one, with every input it used. */
export function writeNpv(w: SheetWriter, input: SummaryInput): void {
  const { evaluation } = input;
  w.section('Net present value (NPV)');
  const withNpv = evaluation.waterfall
    .map((id) => evaluation.options[id])
    .filter((o): o is OptionResult & { npv: NpvResult } => !!o && !!(o as { npv?: NpvResult | null }).npv);
  if (withNpv.length === 0) {
    w.wide(w.row, 0, { value: 'No NPV was computed for this case (only eligible modifications carry one).', style: 'note' });
    w.row++;
    return;
  }
  for (const option of withNpv) {
    const npv = option.npv;
    w.wide(w.row, 0, { value: `${option.label} (${option.program})${npv.rulebook ? `: ${npv.rulebook.id} ${npv.rulebook.version}` : ''}`, style: 'tableHeader' });
    w.row++;
    w.field('NPV of the modification', npv.npvModification, FORMATS.currency);
    w.field('NPV of foreclosure now', npv.npvForeclosure, FORMATS.currency);
    w.field('Difference', npv.npvDifference, FORMATS.currency, {
      style: 'total',
      note: npv.passes === null ? `not computed${npv.reason ? `: ${npv.reason}` : ''}` : npv.passes ? 'positive: the modification is worth more' : 'negative: foreclosure is worth more',
      noteStyle: npv.passes === false ? 'flag' : 'note',
    });
    w.field('Investor test', option.npvIsInvestorTest ? 'Yes: the investor requires a positive NPV' : 'No: information for the decision only', undefined, { wideValue: true });
    const a = npv.assumptions;
    if (a) {
      w.field('Discount rate (annual)', a.discountRate, FORMATS.rate, { note: a.discountRateSource });
      w.field('Re-default rate (annual)', a.annualRedefaultRate, FORMATS.percent);
      w.field('REO discount', a.reoDiscount, FORMATS.percent);
      w.field('Foreclosure cost rate', a.foreclosureCostRate, FORMATS.percent, { note: 'of the property value' });
      w.field('Foreclosure timeline (days)', a.foreclosureTimelineDays, FORMATS.integer, { note: a.foreclosureTimelineSource });
      w.field('Days already delinquent', a.daysAlreadyDelinquent, FORMATS.integer);
      if (a.partialClaimReceived !== undefined) w.field('Partial claim received at once', a.partialClaimReceived, FORMATS.currency);
    }
    w.row++;
  }
}

/** Every rulebook parameter that was not the published value: which, the two values and where the override came from. */
export function writeOverrides(w: SheetWriter, input: SummaryInput): void {
  const overrides = input.evaluation.overrides ?? [];
  w.section('Rulebook overrides');
  if (overrides.length === 0) {
    w.wide(w.row, 0, { value: 'None: every rulebook was applied as published.', style: 'note' });
    w.row++;
    return;
  }
  w.header(['Rulebook', 'Parameter', '', 'Published', '', 'Used', '', 'From']);
  for (const o of overrides) {
    const r = w.row;
    const cells: [string, number, number][] = [
      [`${o.rulebook.id} ${o.rulebook.version}`, 0, 0],
      [o.parameter, 1, 2],
      [parameterText(o.published), 3, 4],
      [parameterText(o.used), 5, 6],
      [o.source === 'case' ? 'the case file' : 'the workbook settings', 7, 8],
    ];
    for (const [text, from, to] of cells) {
      w.put(r, from, { value: text, text: true, style: from === 0 ? 'wrapLabel' : 'wrapText' });
      if (to > from) w.merges.push(`${String.fromCharCode(65 + from)}${r + 1}:${String.fromCharCode(65 + to)}${r + 1}`);
    }
    w.fitRow(r, cells);
    w.row++;
  }
}

/** The parameters marked Interpretation in the rulebook the recommended option used. */
export function writeInterpretations(w: SheetWriter, input: SummaryInput): void {
  const { evaluation, recommended } = input;
  w.section('Interpretations used by the recommended option');
  if (!recommended) {
    w.wide(w.row, 0, { value: 'No option recommended.', style: 'note' });
    w.row++;
    return;
  }
  const { rulebook } = rulebookInForce(recommended.rulebook.id, evaluation.evaluationDate);
  const interpretations = (Object.entries(rulebook.parameters) as [string, RulebookParameter][]).filter(([, p]) => p.interpretation);
  if (interpretations.length === 0) {
    w.wide(w.row, 0, { value: `None: ${rulebook.id} ${rulebook.version} marks no parameter as an interpretation.`, style: 'note' });
    w.row++;
    return;
  }
  w.header(['Parameter', 'Value', '', 'What it means and its source']);
  w.merges.push(`D${w.row}:${LAST_COLUMN}${w.row}`);
  for (const [name, parameter] of interpretations) {
    const r = w.row;
    const overridden = evaluation.overrides?.find((o) => o.rulebook.id === rulebook.id && o.parameter === name);
    const value = overridden ? `${parameterText(overridden.used)} (override)` : parameterText(parameter.value);
    const meaning = `${parameter.description} Source: ${parameter.source}`;
    w.put(r, 0, { value: name, style: 'wrapLabel', text: true });
    w.put(r, 1, { value, text: true, style: 'wrapText' });
    w.merges.push(`B${r + 1}:C${r + 1}`);
    w.wide(r, 3, { value: meaning });
    w.fitRow(r, [
      [name, 0, 0],
      [value, 1, 2],
    ]);
    w.row++;
  }
}

/** The recommended option's audit trail: each step in three rows (what it did; the figures before and after; the rule). */
export function writeAuditTrail(w: SheetWriter, input: SummaryInput): void {
  const { recommended } = input;
  w.section('Audit trail (recommended option)');
  const steps: AuditStep[] = recommended?.steps ?? [];
  for (const step of steps) {
    w.put(w.row, 0, { value: step.step, style: 'tableHeader', text: true });
    w.wide(w.row, 1, { value: step.action, style: 'tableHeader' });
    w.fitRow(w.row, [[step.step, 0, 0]]);
    w.row++;
    const before = formatFigures(step.before);
    const after = formatFigures(step.after);
    if (before || after) {
      w.put(w.row, 0, { value: 'Before / after', style: 'label' });
      w.wide(w.row, 1, { value: before || null }, 4);
      w.wide(w.row, 5, { value: after || null });
      w.fitRow(w.row, [
        [before, 1, 4],
        [after, 5, LAST],
      ]);
      w.row++;
    }
    w.put(w.row, 0, { value: 'Rule', style: 'label' });
    w.wide(w.row, 1, { value: step.rule, style: 'note' });
    w.row++;
  }
  if (steps.length === 0) {
    w.put(w.row, 0, { value: recommended ? 'The option recorded no steps' : 'No option recommended', style: 'note' });
    w.row++;
  }
}

/** Current against proposed payment for each eligible option with a payment: the chart's data and place. */
export function writePaymentChart(w: SheetWriter, input: SummaryInput, currentPayment: string, currentFigure: number): { chartData: string | null; charts: PlannedChart[] } {
  const { evaluation } = input;
  w.section('Current and proposed monthly payment');
  const chartOptions = evaluation.waterfall.map((id) => evaluation.options[id]).filter((o): o is OptionResult => !!o && o.eligible && proposedPayment(o) !== null);
  if (chartOptions.length === 0) {
    w.put(w.row, 0, { value: 'No eligible option proposes a monthly payment', style: 'note' });
    w.row++;
    return { chartData: null, charts: [] };
  }
  const first = w.row;
  w.header(['Option', 'Current payment', 'Proposed payment']);
  for (const option of chartOptions) {
    w.put(w.row, 0, { value: option.label || option.program, style: 'wrapLabel' });
    w.fitRow(w.row, [[option.label || option.program, 0, 0]]);
    w.put(w.row, 1, { formula: `=${currentPayment}`, cachedResult: currentFigure, numberFormat: FORMATS.currency });
    w.put(w.row, 2, { value: proposedPayment(option), numberFormat: FORMATS.currency });
    w.row++;
  }
  const chartData = `A${first + 1}:C${w.row}`;
  const charts: PlannedChart[] = [
    {
      type: 'ColumnClustered',
      title: 'Current and proposed monthly payment',
      sourceAddress: chartData,
      seriesBy: 'Columns',
      topLeft: `D${first + 1}`,
      bottomRight: `${LAST_COLUMN}${first + 16}`,
    },
  ];
  w.row = Math.max(w.row, first + 16);
  return { chartData, charts };
}

function foreclosureTimeline(input: SummaryInput): { days: number; source: string } | null {
  const { evaluation } = input;
  for (const id of evaluation.waterfall) {
    const option = evaluation.options[id] as OptionResult & { npv?: NpvResult | null };
    const assumptions = option?.npv?.assumptions;
    if (assumptions && typeof assumptions.foreclosureTimelineDays === 'number') {
      return { days: assumptions.foreclosureTimelineDays, source: assumptions.foreclosureTimelineSource ?? '' };
    }
  }
  const fromTimeline = (evaluation.timeline as { foreclosureTimelineDays?: unknown }).foreclosureTimelineDays;
  return typeof fromTimeline === 'number' ? { days: fromTimeline, source: 'state foreclosure time frame' } : null;
}
