/**
 * Checks shared by the FHA, VA and USDA programs: the investor, occupancy, the interval since
 * the last permanent option, and the market rate input. Each returns a named check, `not
 * checked` when its input is absent (never a silent pass or fail).
 */
import type { LoanCase, Investor } from '../../case/types';
import type { EligibilityCheck } from '../../results';
import { check } from './modificationMath';

export function investorCheck(loanCase: LoanCase, investor: Investor): EligibilityCheck {
  return loanCase.investor === investor
    ? check('investor', `${investor} loan`, 'pass', `investor is ${investor}`)
    : check('investor', `${investor} loan`, 'fail', `investor is ${loanCase.investor}, not ${investor}`);
}

export function occupancyCheck(loanCase: LoanCase): EligibilityCheck {
  const occupancy = loanCase.property.occupancy;
  if (occupancy === null) return check('owner-occupied', 'owner-occupied', 'not checked', 'property.occupancy not given');
  return occupancy === 'OWNER'
    ? check('owner-occupied', 'owner-occupied', 'pass', 'occupancy OWNER')
    : check('owner-occupied', 'owner-occupied', 'fail', `occupancy ${occupancy}: the home-retention options need the borrower's principal residence`);
}

/** One permanent home-retention option per `intervalMonths` (FHA ML 2025-12: 24 months). */
export function retentionIntervalCheck(loanCase: LoanCase, intervalMonths: number): EligibilityCheck {
  const test = `one permanent option per ${intervalMonths} months`;
  const since = loanCase.loan.monthsSinceLastModification;
  if (since === null) {
    if (loanCase.loan.priorModifications === 0 && loanCase.loan.partialClaimBalance === 0) {
      return check('retention-interval', test, 'pass', 'no prior modification or partial claim');
    }
    return check('retention-interval', test, 'not checked', 'loan.monthsSinceLastModification not given although the loan had a prior option');
  }
  return since >= intervalMonths
    ? check('retention-interval', test, 'pass', `${since} months since the last permanent option`)
    : check('retention-interval', test, 'fail', `${since} months since the last permanent option, fewer than ${intervalMonths}`);
}

export function pmmsCheck(loanCase: LoanCase): EligibilityCheck {
  return loanCase.market.pmms === null
    ? check('pmms-given', 'market rate (PMMS) given', 'not checked', 'market.pmms not given: the modified rate cannot be set; enter the Freddie Mac PMMS 30-year rate')
    : check('pmms-given', 'market rate (PMMS) given', 'pass', `PMMS ${(loanCase.market.pmms * 100).toFixed(3)}%`);
}
