/** Helpers shared by the GSE programs: eligibility checks, reasons, conversion of bad arguments into case errors. */
import type { LoanCase } from '../../case/types';
import { ArgumentError, CaseInputError } from '../../errors';
import { check } from '../checks';
import type { CheckId, EligibilityCheck, OptionResult } from '../../results';

export { check };

/**
 * Sets eligible / reason / reasonDetail from the checks: every failed test is named in the
 * reason (joined with "; "), its figures in the detail. `not checked` tests do not make an option ineligible.
 */
export function applyChecks<R extends OptionResult>(result: R, shortReasons: Readonly<Partial<Record<CheckId, string>>> | ReadonlyMap<CheckId, string> = {}): R {
  const failed = result.checks.filter((c) => c.status === 'fail');
  if (failed.length === 0) {
    result.eligible = true;
    // `delete` of an absent property still costs a runtime call: only when there is one.
    if ('reason' in result) delete result.reason;
    if ('reasonDetail' in result) delete result.reasonDetail;
    return result;
  }
  result.eligible = false;
  const shortReason = (id: CheckId): string | undefined => (shortReasons instanceof Map ? shortReasons.get(id) : (shortReasons as Readonly<Partial<Record<CheckId, string>>>)[id]);
  result.reason = failed.map((c) => shortReason(c.id) ?? c.test).join('; ');
  result.reasonDetail = failed.map((c) => c.detail).join('; ');
  return result;
}

/** Conventional first lien: a Fannie Mae or Freddie Mac loan in first lien position. */
export function conventionalFirstLienCheck(loanCase: LoanCase): EligibilityCheck {
  const gse = loanCase.investor === 'FANNIE' || loanCase.investor === 'FREDDIE';
  const first = loanCase.loan.lienPosition === 1;
  return check(
    'conventional-first-lien',
    'conventional first lien',
    gse && first,
    `investor ${loanCase.investor}, lien position ${loanCase.loan.lienPosition}${gse ? '' : ' (not a Fannie Mae / Freddie Mac loan)'}${first ? '' : ' (not a first lien)'}`,
  );
}

/** The case path of each calculator argument, so a bad argument is reported as the case field to fix. */
export function asCaseError(error: unknown, fieldOf: Record<string, string>): never {
  if (error instanceof ArgumentError) {
    throw new CaseInputError([{ field: fieldOf[error.argument] ?? error.argument, message: error.message }]);
  }
  throw error;
}

