/**
 * LM.MODTERMS: the case a worksheet row describes, evaluated by the engine's GSE Flex program,
 * and the modification fields of case-format.md as a table.
 *
 * The function has only the loan's figures, so the case it builds leaves everything else at the
 * defaults of case-format.md (dates and the origination unknown, so the eligibility tests that
 * need them are reported 'not checked' by the program, never passed silently). The evaluation
 * date is today's date (UTC), taken here, outside the pure engine.
 */
import { FUNCTION_ARGUMENT_BOUNDS as BOUNDS } from '../engine/bounds';
import { parseCase } from '../engine/case/parse';
import type { CaseInput, Investor, LoanCase } from '../engine/case/types';
import { ALL_PROGRAMS, WATERFALLS } from '../engine/programs';
import { formatIsoDate, type IsoDate } from '../engine/dates';
import { ArgumentError, CaseInputError } from '../engine/errors';
import { evaluateParsedCase } from '../engine/evaluate';
import type { EligibilityCheck, ModificationResult } from '../engine/results';
import {
  optionalAmount,
  optionalRate,
  optionalText,
  requiredAmount,
  requiredNumber,
  requiredRate,
  requiredText,
  requiredWholeNumber,
} from './arguments';
import type { ArgumentNames } from './excelErrors';

/** The programs LM.MODTERMS evaluates, by the names a user may type (case-insensitive). */
const PROGRAM_NAMES: Record<string, string> = { FLEX: 'GSE-FLEX', 'GSE-FLEX': 'GSE-FLEX', 'GSE FLEX': 'GSE-FLEX' };

/** The modification fields of case-format.md, in the order of the spilled table. */
export const MODIFICATION_FIELDS = [
  'eligible',
  'reason',
  'rate',
  'termMonths',
  'postCapitalizationUpb',
  'interestBearingUpb',
  'forbearance',
  'principalAndInterest',
  'monthlyPayment',
  'reductionPercent',
  'mtmltvPercent',
  'trialPayment',
  'rulebook',
] as const;
export type ModificationField = (typeof MODIFICATION_FIELDS)[number];

/** Engine field paths -> the function's argument names (for messages). */
export const MODTERMS_ARGUMENT_NAMES: ArgumentNames = {
  'loan.upb': 'upb',
  'arrears.delinquentInterest': 'arrears',
  'loan.rate': 'rate',
  'loan.remainingTermMonths': 'remaining_term',
  'loan.contractualPI': 'current_pi',
  'property.value': 'property_value',
  'market.modificationRate': 'modification_rate',
  'loan.monthlyEscrow': 'monthly_escrow',
};

/** The arguments of LM.MODTERMS as Excel passes them. */
export interface ModificationTermsArguments {
  program: unknown;
  upb: unknown;
  arrears: unknown;
  rate: unknown;
  remainingTerm: unknown;
  currentPI: unknown;
  propertyValue: unknown;
  modificationRate?: unknown;
  monthlyEscrow?: unknown;
  field?: unknown;
}

/** The clock, replaceable in tests. */
let today: () => IsoDate = () => formatIsoDate(new Date());
export function setEvaluationDateSource(source: () => IsoDate): void {
  today = source;
}

/** Every modification program of the engine, by id (GSE-FLEX, FHA-30-YEAR-MODIFICATION, VA-MODIFICATION...). */
export const MODIFICATION_PROGRAM_IDS: string[] = ALL_PROGRAMS.filter((p) => p.kind === 'modification').map((p) => p.id);

/** Reads the program argument: FLEX or any modification program id (any case). */
export function programId(value: unknown): string {
  const name = requiredText(value, 'program', '"FLEX" (the GSE Flex Modification) or a modification program id');
  const upper = name.toUpperCase();
  const id = PROGRAM_NAMES[upper] ?? (MODIFICATION_PROGRAM_IDS.includes(upper) ? upper : undefined);
  if (!id) {
    throw new ArgumentError(
      'program',
      `program "${name}" is not one LM.MODTERMS evaluates: enter "FLEX" or one of ${MODIFICATION_PROGRAM_IDS.join(', ')} ` +
        '(other options: LM.REPAYMENT, LM.DEFERRAL, LM.PARTIALCLAIM, LM.SHORTSALE, or LM.CASEOPTIONS for the whole waterfall)',
    );
  }
  return id;
}

/** The investor whose waterfall holds the program (GSE Flex is the same program for both GSEs, engine.md section 4). */
function investorFor(program: string): Investor {
  if (program === 'GSE-FLEX') return 'FREDDIE';
  const found = (Object.entries(WATERFALLS) as [Investor, string[]][]).find(([, ids]) => ids.includes(program));
  return found ? found[0] : 'FREDDIE';
}

/** Reads the field argument (any case); unknown names list the valid ones. */
export function modificationField(value: unknown): ModificationField | null {
  const name = optionalText(value, 'field');
  if (name === null) return null;
  const field = MODIFICATION_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase());
  if (!field) throw new ArgumentError('field', `field "${name}" is unknown: use one of ${MODIFICATION_FIELDS.join(', ')}`);
  return field;
}

/** Builds the complete case for the arguments (validated; defaults of case-format.md elsewhere). */
export function modificationCase(args: ModificationTermsArguments, evaluationDate: IsoDate = today()): LoanCase {
  const program = programId(args.program);
  const investor = investorFor(program);
  const marketRate = optionalRate(args.modificationRate, 'modification_rate');
  const input: CaseInput = {
    caseId: 'LM.MODTERMS',
    // The investor whose waterfall holds the program (FREDDIE for GSE Flex).
    investor,
    evaluationDate,
    loan: {
      upb: requiredNumber(args.upb, 'upb', { hint: 'the unpaid principal balance, e.g. 347868.83', allowZero: false }),
      rate: requiredRate(args.rate, 'rate'),
      remainingTermMonths: requiredWholeNumber(args.remainingTerm, 'remaining_term', 1, BOUNDS.maxMonths, 'the remaining term in months, e.g. 322'),
      contractualPI: requiredNumber(args.currentPI, 'current_pi', { hint: 'the current monthly P&I, e.g. 1913.14', allowZero: false }),
      monthlyEscrow: optionalAmount(args.monthlyEscrow, 'monthly_escrow')?.toNumber() ?? 0,
    },
    arrears: {
      // The capitalizable arrearages as one figure (a range is summed): the program capitalizes them alike.
      delinquentInterest: requiredAmount(args.arrears, 'arrears', { hint: 'the arrearages to capitalize (0 when none)' }).toNumber(),
    },
    property: {
      value: requiredNumber(args.propertyValue, 'property_value', { hint: 'the property value, e.g. 250000', allowZero: false }),
    },
    // GSE Flex reads the GSE posted modification rate; FHA, VA, USDA and portfolio programs read the PMMS rate.
    market: investor === 'FANNIE' || investor === 'FREDDIE' ? { modificationRate: marketRate } : { pmms: marketRate },
  };
  const parsed = parseCase(input);
  if (!parsed.ok) throw new CaseInputError(parsed.problems);
  return parsed.case;
}

/** Evaluates the program and returns its modification result. */
export function modificationTerms(args: ModificationTermsArguments, evaluationDate?: IsoDate): ModificationResult {
  const program = programId(args.program);
  const loanCase = modificationCase(args, evaluationDate);
  const evaluation = evaluateParsedCase(loanCase, { programs: [program] });
  const result = evaluation.options[program];
  if (!result || result.kind !== 'modification') {
    throw new ArgumentError('program', `the engine returned no modification for ${program}`, 'na');
  }
  return withoutDelinquencyTest(result);
}

/**
 * LM.MODTERMS takes no delinquency (the case format's monthsDelinquent defaults to 0, which the
 * program's "60 days delinquent or imminent default" test would fail). The function has no
 * input for it, so that test is reported 'not checked', as any test without its input is, and
 * eligibility follows from the other tests. The full case evaluation (pane, CLI) checks it.
 */
export function withoutDelinquencyTest(result: ModificationResult): ModificationResult {
  const failed = result.checks.filter((c) => c.status === 'fail');
  const reasons = result.reason?.split('; ') ?? [];
  // By the check's stable id, never its wording (style examples, change 1).
  const isDelinquency = (c: EligibilityCheck) => c.id === 'delinquent-or-imminent-default';
  const checks = result.checks.map((c) =>
    isDelinquency(c)
      ? { ...c, status: 'not checked' as const, detail: 'LM.MODTERMS takes no delinquency: the case evaluation checks it' }
      : c,
  );
  const stillFailed = failed.map((c, i) => ({ check: c, reason: reasons.length === failed.length ? reasons[i] : c.test })).filter(({ check }) => !isDelinquency(check));
  // Only the delinquency test is set aside: a result that is not eligible for another reason
  // (e.g. an input the program needs is missing, with no failed check) stays not eligible.
  const onlyDelinquencyFailed = failed.length > 0 && stillFailed.length === 0;
  const updated: ModificationResult = { ...result, checks, eligible: result.eligible || onlyDelinquencyFailed };
  if (!updated.eligible && stillFailed.length === 0) return updated;
  delete updated.reason;
  delete updated.reasonDetail;
  if (stillFailed.length > 0) {
    updated.reason = stillFailed.map((f) => f.reason).join('; ');
    updated.reasonDetail = stillFailed.map((f) => f.check.detail).join('; ');
  }
  return updated;
}

/** One field's value as a cell shows it: booleans and numbers as they are, absent as blank. */
export function fieldValue(result: ModificationResult, field: ModificationField): number | string | boolean {
  if (field === 'rulebook') return `${result.rulebook.id} ${result.rulebook.version}`;
  const value = result[field];
  if (value === null || value === undefined) return '';
  return value as number | string | boolean;
}

/** The spilled table: one [field, value] row per modification field. */
export function modificationTable(result: ModificationResult): (number | string | boolean)[][] {
  return MODIFICATION_FIELDS.map((field) => [field, fieldValue(result, field)]);
}
