/**
 * The human-readable report of `lm evaluate`: the affordability block, one line per option in
 * waterfall order, and the recommendation. Figures are printed as the engine rounded them; the
 * loan number is masked to its last 4 digits and borrower names are not printed.
 */
import { maskLoanNumber as maskedLoanNumber } from '../engine/masking';
import { dec } from '../engine/money';
import type { LoanCase } from '../engine/case/types';
import type { Affordability, Evaluation, OptionResult, Timeline } from '../engine/results';

export function maskLoanNumber(loanNumber: string | null): string {
  return loanNumber ? maskedLoanNumber(loanNumber) : '(none)';
}

export function money(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A fraction (0.3125) as a percent "31.25%" (exact decimal; 0.04875 prints 4.875%). */
export function percentOfFraction(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  const percent = dec(value).times(100);
  return `${percent.decimalPlaces() > 2 ? percent.toString() : percent.toFixed(2)}%`;
}

export function formatReport(evaluation: Evaluation, loanCase: LoanCase): string {
  const lines: string[] = [];
  const loan = loanCase.loan;
  lines.push(`Case ${evaluation.caseId}  ${evaluation.investor}  evaluated ${evaluation.evaluationDate}  (engine ${evaluation.engineVersion})`);
  lines.push(
    `Loan ${maskLoanNumber(loan.loanNumber)}  UPB ${money(loan.upb)}  rate ${percentOfFraction(loan.rate)}  remaining ${loan.remainingTermMonths} months  ` +
      `P&I ${money(loan.contractualPI)}  escrow ${money(loan.monthlyEscrow)}  ${loan.monthsDelinquent} months delinquent`,
  );
  lines.push('');
  lines.push(...affordabilityBlock(evaluation.affordability));
  lines.push('');
  lines.push('Options (waterfall order)');
  const ids = evaluation.waterfall.length > 0 ? evaluation.waterfall : Object.keys(evaluation.options);
  if (ids.length === 0) lines.push('  (no program evaluated)');
  const width = Math.max(0, ...ids.map((id) => id.length));
  for (const id of ids) lines.push(`  ${id.padEnd(width)}  ${optionLine(evaluation.options[id])}`);
  lines.push('');
  lines.push(...timelineBlock(evaluation.timeline));
  lines.push('');
  const rec = evaluation.recommendation;
  lines.push(`Recommendation: ${rec.program ?? 'none'}`);
  lines.push(`  ${rec.rationale}`);
  if (evaluation.rulebooks.length > 0) lines.push(`Rulebooks: ${evaluation.rulebooks.map((r) => `${r.id} ${r.version}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function affordabilityBlock(a: Affordability): string[] {
  const rows: [string, string][] = [
    ['Gross monthly income', money(a.grossMonthlyIncome)],
    ['Housing expense (PITIA)', `${money(a.housingExpense)}${a.housingExpenseBasis === 'ESCROW' ? ' (P&I + escrow)' : a.housingExpenseBasis === 'PI_ONLY' ? ' (P&I only)' : ''}`],
    ['Other debt payments', money(a.otherDebtPayments)],
    ['Front-end DTI', percentOfFraction(a.frontEndDti)],
    ['Back-end DTI', percentOfFraction(a.backEndDti)],
    ['LTV / CLTV', `${percentOfFraction(a.ltv)} / ${percentOfFraction(a.cltv)}`],
    ['Surplus income', money(a.surplusIncome)],
  ];
  if (typeof a.mtmltv === 'number') rows.splice(6, 0, ['MTMLTV', percentOfFraction(a.mtmltv)]);
  if (a.vaResidualIncome) {
    const va = a.vaResidualIncome;
    const verdict = va.meets === null ? 'not checked' : va.meets ? 'meets' : 'below';
    rows.push(['VA residual income', `${money(va.residualIncome)} (required ${money(va.required)}: ${verdict})`]);
  }
  const out = ['Affordability', ...rows.map(([label, value]) => `  ${label.padEnd(24)} ${value}`)];
  const notes = Array.isArray(a.notes) ? (a.notes as string[]) : [];
  for (const note of notes) out.push(`  note: ${note}`);
  return out;
}

function optionLine(option: OptionResult | undefined): string {
  if (!option) return 'not evaluated';
  const figures = option as Record<string, unknown>;
  const parts: string[] = [option.eligible ? 'eligible' : 'NOT eligible'];
  if (!option.eligible && option.reason) parts.push(`reason: ${option.reason}${option.reasonDetail ? ` (${option.reasonDetail})` : ''}`);
  // An ineligible option's figures are shown only for modifications (a manager checks what the
  // waterfall computed); elsewhere they would read as an offer.
  if (option.eligible || option.kind === 'modification') parts.push(...optionFigures(option.kind, figures));
  return `${option.label ? `${option.label}: ` : ''}${parts.join(', ')}`;
}

function optionFigures(kind: OptionResult['kind'], figures: Record<string, unknown>): string[] {
  const out: string[] = [];
  const num = (key: string): number | null => (typeof figures[key] === 'number' ? (figures[key] as number) : null);
  if (kind === 'modification') {
    if (num('rate') !== null) out.push(`rate ${percentOfFraction(num('rate'))}`);
    if (num('termMonths') !== null) out.push(`${num('termMonths')} months`);
    if (num('principalAndInterest') !== null) out.push(`P&I ${money(num('principalAndInterest'))}`);
    const reduction = num('reductionPercent');
    if (reduction !== null) out.push(reduction >= 0 ? `reduction ${reduction.toFixed(2)}%` : `INCREASE ${(-reduction).toFixed(2)}%`);
    if (num('monthlyPayment') !== null) out.push(`payment ${money(num('monthlyPayment'))}`);
    if ((num('forbearance') ?? 0) > 0) out.push(`forbearance ${money(num('forbearance'))}`);
  } else if (num('monthlyPayment') !== null) {
    out.push(`payment ${money(num('monthlyPayment'))}${num('months') !== null ? ` for ${num('months')} months` : ''}`);
  }
  if (num('deferredAmount') !== null) out.push(`deferred ${money(num('deferredAmount'))}`);
  // USDA's mortgage recovery advance travels in the partial-claim fields; name it as USDA does.
  if (num('mortgageRecoveryAdvance') !== null) out.push(`mortgage recovery advance ${money(num('mortgageRecoveryAdvance'))}`);
  else if (num('partialClaim') !== null) out.push(`partial claim ${money(num('partialClaim'))}`);
  if (num('netProceeds') !== null) out.push(`net proceeds ${money(num('netProceeds'))}`);
  const npv = figures.npv as { npvDifference?: number | null } | null | undefined;
  if (npv && typeof npv.npvDifference === 'number') out.push(`NPV vs foreclosure ${npv.npvDifference >= 0 ? '+' : '-'}${money(Math.abs(npv.npvDifference))}`);
  return out;
}

const TIMELINE_LABELS: [keyof Timeline, string][] = [
  ['earlyInterventionLiveContactBy', 'Live contact attempts by'],
  ['earlyInterventionWrittenNoticeBy', 'Written early-intervention notice by'],
  ['acknowledgmentDue', 'Acknowledge the application by'],
  ['evaluationDue', 'Evaluate the complete application by'],
  ['appealDeadline', 'Appeal deadline'],
  ['acceptanceDeadline', 'Borrower acceptance deadline'],
  ['earliestForeclosureReferral', 'Earliest foreclosure referral'],
];

function timelineBlock(timeline: Timeline): string[] {
  const out = ['Compliance dates (Regulation X)'];
  const flags = timeline.flags ?? [];
  for (const [key, label] of TIMELINE_LABELS) {
    const date = timeline[key];
    const flag = flags.find((f) => f.item === key);
    const shown = typeof date === 'string' ? date : 'n/a';
    // The appeal deadline says what it counts from (the decision notice, or "at the latest").
    const basis = key === 'appealDeadline' && typeof date === 'string' && timeline.appealDeadlineLabel ? ` (${timeline.appealDeadlineLabel})` : '';
    out.push(`  ${label.padEnd(38)} ${shown}${basis}${flag && flag.status !== 'reached' ? `  [${flag.status}] ${flag.message}` : ''}`);
  }
  return out;
}
