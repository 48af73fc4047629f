/**
 * The layout of the Case Input sheet, shared by the plan that writes it and the reader that
 * turns it back into a case (case-format.md). Scalar fields sit in columns A (label), B (value)
 * and C (what to enter); the repeating groups are Excel tables side by side to the right
 * (borrower names in E, incomes in G:J, debts in L:N, housing expenses in P:Q), each in its
 * own columns so that a user can add rows to one without pushing another.
 */
import {
  HARDSHIPS,
  INCOME_FREQUENCIES,
  INCOME_TYPES,
  INTENTS,
  INVESTORS,
  OCCUPANCIES,
  PRODUCT_TYPES,
  REGIONS,
  VALUATION_TYPES,
} from '../engine/case/types';

export type InputKind = 'text' | 'currency' | 'integer' | 'rate' | 'percent' | 'date' | 'yesno' | 'enum' | 'json' | 'number';

export interface InputField {
  /** The case-format JSON path, e.g. "loan.rate". */
  path: string;
  label: string;
  kind: InputKind;
  options?: readonly string[];
  /** Defined name on the value cell (LM_UPB...), so formulas can point at it. */
  definedName?: string;
  /** What to enter, and what a blank means. */
  hint: string;
}

export interface InputSection {
  title: string;
  fields: InputField[];
}

export const YES_NO = ['Yes', 'No'] as const;

export const CASE_INPUT_SECTIONS: InputSection[] = [
  {
    title: 'Case',
    fields: [
      { path: 'caseId', label: 'Case ID', kind: 'text', definedName: 'LM_CaseId', hint: 'Required' },
      { path: 'investor', label: 'Investor', kind: 'enum', options: INVESTORS, definedName: 'LM_Investor', hint: 'Required: pick from the list' },
      { path: 'evaluationDate', label: 'Evaluation date', kind: 'date', definedName: 'LM_EvaluationDate', hint: 'Required: YYYY-MM-DD' },
    ],
  },
  {
    title: 'Loan',
    fields: [
      { path: 'loan.loanNumber', label: 'Loan number', kind: 'text', hint: 'Kept as text (leading zeros); printed masked' },
      { path: 'loan.upb', label: 'Unpaid principal balance (UPB)', kind: 'currency', definedName: 'LM_UPB', hint: 'Required: dollars' },
      { path: 'loan.deferredBalance', label: 'Deferred (non-interest-bearing) balance', kind: 'currency', definedName: 'LM_DeferredBalance', hint: 'Blank: 0' },
      { path: 'loan.rate', label: 'Interest rate', kind: 'rate', definedName: 'LM_Rate', hint: 'Required: 4.75% (or 0.0475)' },
      { path: 'loan.remainingTermMonths', label: 'Remaining term (months)', kind: 'integer', definedName: 'LM_RemainingTerm', hint: 'Required: whole months' },
      { path: 'loan.contractualPI', label: 'Contractual P&I', kind: 'currency', definedName: 'LM_ContractualPI', hint: 'Required: monthly principal and interest' },
      { path: 'loan.monthlyEscrow', label: 'Monthly escrow', kind: 'currency', definedName: 'LM_MonthlyEscrow', hint: 'Blank: 0' },
      { path: 'loan.escrowShortage', label: 'Escrow shortage', kind: 'currency', definedName: 'LM_EscrowShortage', hint: 'Blank: 0' },
      { path: 'loan.monthsDelinquent', label: 'Months delinquent', kind: 'integer', definedName: 'LM_MonthsDelinquent', hint: 'Blank: 0' },
      { path: 'loan.nextDueDate', label: 'Next payment due date', kind: 'date', definedName: 'LM_NextDueDate', hint: 'YYYY-MM-DD; blank: unknown' },
      { path: 'loan.originationDate', label: 'Origination date', kind: 'date', definedName: 'LM_OriginationDate', hint: 'YYYY-MM-DD; blank: unknown' },
      { path: 'loan.productType', label: 'Product type', kind: 'enum', options: PRODUCT_TYPES, hint: 'Blank: FIXED' },
      { path: 'loan.lienPosition', label: 'Lien position', kind: 'integer', hint: 'Blank: 1' },
      { path: 'loan.priorModifications', label: 'Prior modifications', kind: 'integer', hint: 'Blank: 0' },
      { path: 'loan.monthsSinceLastModification', label: 'Months since last modification', kind: 'integer', hint: 'Blank: none / unknown' },
      { path: 'loan.failedTrialInLast12Months', label: 'Failed a trial in the last 12 months', kind: 'yesno', options: YES_NO, hint: 'Blank: No' },
      { path: 'loan.cumulativeDeferredMonths', label: 'Months already deferred (cumulative)', kind: 'integer', hint: 'Blank: 0' },
      { path: 'loan.partialClaimBalance', label: 'Existing partial claim balance', kind: 'currency', definedName: 'LM_PartialClaimBalance', hint: 'Blank: 0' },
      { path: 'loan.lastDeferralEffectiveDate', label: 'Last payment deferral effective', kind: 'date', hint: 'YYYY-MM-DD; blank: none / unknown' },
    ],
  },
  {
    title: 'Arrears',
    fields: [
      { path: 'arrears.delinquentInterest', label: 'Delinquent interest', kind: 'currency', definedName: 'LM_DelinquentInterest', hint: 'Blank: 0' },
      { path: 'arrears.escrowAdvances', label: 'Escrow advances', kind: 'currency', definedName: 'LM_EscrowAdvances', hint: 'Blank: 0' },
      { path: 'arrears.servicingAdvances', label: 'Servicing advances', kind: 'currency', definedName: 'LM_ServicingAdvances', hint: 'Blank: 0' },
      { path: 'arrears.legalFees', label: 'Legal fees', kind: 'currency', definedName: 'LM_LegalFees', hint: 'Blank: 0' },
      { path: 'arrears.lateFees', label: 'Late fees', kind: 'currency', definedName: 'LM_LateFees', hint: 'Blank: 0' },
      { path: 'arrears.borrowerContribution', label: 'Borrower contribution', kind: 'currency', definedName: 'LM_BorrowerContribution', hint: 'Blank: 0' },
      { path: 'arrears.suspense', label: 'Funds in suspense', kind: 'currency', hint: 'Blank: 0' },
    ],
  },
  {
    title: 'Property',
    fields: [
      { path: 'property.value', label: 'Property value', kind: 'currency', definedName: 'LM_PropertyValue', hint: 'Dollars; blank: unknown' },
      { path: 'property.valuationDate', label: 'Valuation date', kind: 'date', definedName: 'LM_ValuationDate', hint: 'YYYY-MM-DD' },
      { path: 'property.valuationType', label: 'Valuation type', kind: 'enum', options: VALUATION_TYPES, hint: 'Pick from the list' },
      { path: 'property.state', label: 'State', kind: 'text', hint: 'Two-letter code, e.g. GA' },
      { path: 'property.occupancy', label: 'Occupancy', kind: 'enum', options: OCCUPANCIES, hint: 'Pick from the list' },
      { path: 'property.subordinateLiens', label: 'Subordinate lien balances', kind: 'currency', definedName: 'LM_SubordinateLiens', hint: 'Blank: 0' },
    ],
  },
  {
    title: 'Borrower',
    fields: [
      { path: 'borrower.ssnLast4', label: 'SSN (last 4 digits only)', kind: 'text', hint: 'Four digits; never the full number' },
      { path: 'borrower.familySize', label: 'Family size', kind: 'integer', definedName: 'LM_FamilySize', hint: 'Persons in the household' },
      { path: 'borrower.region', label: 'Region', kind: 'enum', options: REGIONS, hint: 'Pick from the list (VA residual income)' },
      { path: 'borrower.hardship', label: 'Hardship', kind: 'enum', options: HARDSHIPS, hint: 'Pick from the list' },
      { path: 'borrower.hardshipResolved', label: 'Hardship resolved', kind: 'yesno', options: YES_NO, hint: 'Blank: No' },
      { path: 'borrower.intent', label: 'Intent', kind: 'enum', options: INTENTS, hint: 'Pick from the list' },
      { path: 'borrower.livingExpenses', label: 'Monthly living expenses', kind: 'currency', definedName: 'LM_LivingExpenses', hint: 'Dollars a month' },
      { path: 'borrower.liquidAssets', label: 'Liquid assets', kind: 'currency', definedName: 'LM_LiquidAssets', hint: 'Dollars' },
      { path: 'borrower.netMonthlyIncome', label: 'Net effective income (VA)', kind: 'currency', hint: 'Dollars a month after taxes; blank: gross used' },
      { path: 'borrower.maintenanceAndUtilities', label: 'Maintenance and utilities (VA)', kind: 'currency', hint: 'Dollars a month; blank: not deducted' },
    ],
  },
  {
    title: 'Market rates (move weekly: enter the ones in effect)',
    fields: [
      { path: 'market.modificationRate', label: 'GSE posted modification rate', kind: 'rate', definedName: 'LM_ModificationRate', hint: 'e.g. 6.50%' },
      { path: 'market.pmms', label: 'Freddie Mac PMMS 30-year rate', kind: 'rate', definedName: 'LM_PMMS', hint: 'e.g. 6.25%' },
    ],
  },
  {
    title: 'Dates',
    fields: [
      { path: 'options.firstTrialPaymentDate', label: 'First trial payment date', kind: 'date', definedName: 'LM_FirstTrialPaymentDate', hint: 'YYYY-MM-DD' },
      { path: 'options.applicationReceivedDate', label: 'Application received', kind: 'date', definedName: 'LM_ApplicationReceived', hint: 'YYYY-MM-DD' },
      { path: 'options.applicationCompleteDate', label: 'Application complete', kind: 'date', definedName: 'LM_ApplicationComplete', hint: 'YYYY-MM-DD' },
      { path: 'options.foreclosureSaleDate', label: 'Foreclosure sale date', kind: 'date', definedName: 'LM_ForeclosureSaleDate', hint: 'YYYY-MM-DD; blank: none scheduled' },
      { path: 'options.decisionNoticeSentDate', label: 'Decision notice sent', kind: 'date', definedName: 'LM_DecisionNoticeSent', hint: 'YYYY-MM-DD; blank: appeal deadline at the latest' },
    ],
  },
  {
    title: 'Short sale offer (optional)',
    fields: [
      { path: 'disposition.offerPrice', label: 'Offer price', kind: 'currency', hint: 'Blank: evaluated at the as-is value' },
      { path: 'disposition.marketingDays', label: 'Days marketed', kind: 'integer', hint: 'Whole days' },
      { path: 'disposition.commissionRate', label: 'Sales commission', kind: 'percent', hint: "e.g. 6%; blank: the rulebook's cap" },
      { path: 'disposition.sellerClosingCosts', label: 'Seller closing costs', kind: 'currency', hint: 'Dollars' },
      { path: 'disposition.subordinateLienPayoff', label: 'Subordinate lien payoff', kind: 'currency', hint: 'Dollars' },
      { path: 'disposition.relocationAssistance', label: 'Relocation assistance', kind: 'currency', hint: 'Dollars' },
    ],
  },
  {
    title: 'Rulebook overrides (optional)',
    fields: [
      { path: 'rulebookOverrides', label: 'Overrides (JSON)', kind: 'json', hint: '{"PORTFOLIO-MOD": {"targetDti": 0.31}}' },
    ],
  },
];

/** Rows 1-2 hold the title; the first section heading is on row 4 (zero-based 3). */
export const INPUT_FIRST_ROW = 3;
export const LABEL_COLUMN = 0; // A
export const VALUE_COLUMN = 1; // B
export const HINT_COLUMN = 2; // C

export interface PlacedField extends InputField {
  row: number; // zero-based
}

export interface PlacedSection {
  title: string;
  row: number;
  fields: PlacedField[];
}

/** Section headings and fields with their rows (a blank row between sections). */
export function placedSections(): PlacedSection[] {
  const placed: PlacedSection[] = [];
  let row = INPUT_FIRST_ROW;
  for (const section of CASE_INPUT_SECTIONS) {
    const headingRow = row++;
    const fields = section.fields.map((field) => ({ ...field, row: row++ }));
    placed.push({ title: section.title, row: headingRow, fields });
    row++;
  }
  return placed;
}

export const PLACED_FIELDS: PlacedField[] = placedSections().flatMap((s) => s.fields);

export type TableKey = 'names' | 'incomes' | 'debts' | 'housing';

export interface TableColumn {
  header: string;
  /** Property of the line (incomes, debts) or the housing expense key. */
  key: string;
  kind: InputKind;
  options?: readonly string[];
}

export interface InputTableLayout {
  key: TableKey;
  tableName: string;
  title: string;
  /** Zero-based first column. */
  column: number;
  columns: TableColumn[];
}

/** Table header row (zero-based); the title of each table band is the row above. */
export const TABLE_HEADER_ROW = 4;
/** Data validation lists of table columns cover this many rows, so added lines are validated too. */
export const TABLE_VALIDATION_ROWS = 200;

export const INPUT_TABLES: InputTableLayout[] = [
  { key: 'names', tableName: 'LM_BorrowerNames', title: 'Borrower names', column: 4, columns: [{ header: 'Borrower name', key: 'name', kind: 'text' }] },
  {
    key: 'incomes',
    tableName: 'LM_Incomes',
    title: 'Gross income (one line per source)',
    column: 6,
    columns: [
      { header: 'Type', key: 'type', kind: 'enum', options: INCOME_TYPES },
      { header: 'Amount per period', key: 'amount', kind: 'currency' },
      { header: 'Frequency', key: 'frequency', kind: 'enum', options: INCOME_FREQUENCIES },
      { header: 'Hours per week (hourly)', key: 'hoursPerWeek', kind: 'number' },
    ],
  },
  {
    key: 'debts',
    tableName: 'LM_Debts',
    title: 'Other monthly debts',
    column: 11,
    columns: [
      { header: 'Type', key: 'type', kind: 'text' },
      { header: 'Monthly payment', key: 'monthlyPayment', kind: 'currency' },
      { header: 'Balance', key: 'balance', kind: 'currency' },
    ],
  },
  {
    key: 'housing',
    tableName: 'LM_HousingExpenses',
    title: 'Monthly housing expenses',
    column: 15,
    columns: [
      { header: 'Expense', key: 'expense', kind: 'text' },
      { header: 'Monthly amount', key: 'amount', kind: 'currency' },
    ],
  },
];

/** The housing expense lines, in the table's order, with the label shown in the table. */
export const HOUSING_EXPENSE_LINES: { key: string; label: string }[] = [
  { key: 'taxes', label: 'Property taxes' },
  { key: 'insurance', label: 'Hazard insurance' },
  { key: 'floodInsurance', label: 'Flood insurance' },
  { key: 'mortgageInsurance', label: 'Mortgage insurance' },
  { key: 'association', label: 'HOA / condo / co-op dues' },
  { key: 'groundRent', label: 'Ground rent' },
  { key: 'subordinateLienPayment', label: 'Subordinate lien payment' },
];

/**
 * Plain-English choices for the enumerated fields ("Reduction in income", not
 * REDUCTION_IN_INCOME): the sheet's lists offer these, and the reader maps them back to the
 * case format (either form is accepted). Words of a code are lower-cased except the acronyms
 * and names below; no label contains a comma (Excel's list source is comma-separated).
 */
const SPECIAL_LABELS: Record<string, string> = {
  FANNIE: 'Fannie Mae',
  FREDDIE: 'Freddie Mac',
  FHA: 'FHA',
  VA: 'VA',
  USDA: 'USDA',
  BPO: 'BPO (broker price opinion)',
  AVM: 'AVM (automated valuation)',
  ARM: 'ARM (adjustable rate)',
  FIXED: 'Fixed rate',
  STEP: 'Step rate',
  OWNER: 'Owner occupied',
  BIWEEKLY: 'Every two weeks',
  SEMIMONTHLY: 'Twice a month',
  SEMIANNUAL: 'Twice a year',
  SOCIAL_SECURITY: 'Social Security',
  SELF_EMPLOYMENT: 'Self-employment',
};

/** The plain-English label of a case-format code. */
export function choiceLabel(code: string): string {
  if (SPECIAL_LABELS[code]) return SPECIAL_LABELS[code];
  const words = code.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The case-format code of a choice typed or picked on the sheet (its label or the code itself, any case); null when none. */
export function choiceCode(text: string, options: readonly string[]): string | null {
  const typed = text.trim().toLowerCase();
  for (const code of options) if (choiceLabel(code).toLowerCase() === typed) return code;
  const upper = text.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return options.includes(upper) ? upper : null;
}
