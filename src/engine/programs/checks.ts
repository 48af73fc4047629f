/**
 * Eligibility checks: one helper builds every check, each with a stable id (style examples, change 1).
 * A check's `test` is display text and may be reworded; code that decides anything (a reason, the
 * recommendation, LM.MODTERMS) reads the `id`, never the words.
 */
import type { AuditStep, CheckId, CheckStatus, EligibilityCheck, OptionKind, RulebookRef } from '../results';

export type { CheckId };

/** One eligibility test. `status` may be given as a boolean (true = pass, false = fail). */
export function check(id: CheckId, test: string, status: CheckStatus | boolean, detail: string): EligibilityCheck {
  return { id, test, status: status === true ? 'pass' : status === false ? 'fail' : status, detail };
}

/** The first failed check, for the result's reason. */
export function firstFailure(checks: EligibilityCheck[]): EligibilityCheck | undefined {
  return checks.find((c) => c.status === 'fail');
}

/**
 * The short reason of a failed check, by id, for the government and portfolio programs (the GSE
 * programs keep per-rulebook reasons keyed by id: their wording carries the rulebook's figures).
 * Gate checks named for the condition that lets a later step run: their failure means an earlier
 * option works.
 */
export function reasonOf(failure: EligibilityCheck): string {
  switch (failure.id) {
    case 'pi-does-not-increase':
      return 'P&I increase';
    case 'target-reduction-reached':
      return 'target reduction not reached';
    case 'target-dti-reached':
      return 'target DTI not reached';
    case 'thirty-year-does-not-resolve':
      return 'a 30-year modification is affordable';
    case 'thirty-year-misses-target':
      return 'the 30-year modification reaches the target';
    case 'later-step-closer-to-target':
      return 'the 40-year modification comes closer to the target';
    case 'partial-claim-not-available':
      return 'the partial claim resolves the default';
    case 'modifications-miss-the-target':
      return 'a modification reaches the target';
    case 'partial-claim-within-cap':
      return 'partial claim cap exceeded';
    case 'can-resume-payment':
      return 'cannot resume payment';
    case 'va-residual-income':
      return 'residual income below the VA requirement';
    case 'arrears-to-repay':
      return 'no arrears to repay';
    case 'hardship-continuing':
      return 'hardship resolved';
    case 'hardship-resolved':
      return 'hardship not resolved';
    case 'plan-payment-cap':
      return 'payment cap';
    case 'surplus-covers-plan':
      return 'plan payment not affordable';
    case 'tier2-minimum-reduction':
      return 'reduction below minimum';
    case 'tier2-dti-range':
      return 'DTI outside range';
    default:
      return `failed: ${failure.test}`;
  }
}

/**
 * The fields a government or portfolio result opens with, in the order results are written:
 * eligible when no check failed, else the first failure's reason (`reasonOf`) and detail.
 */
export function resultHead<K extends OptionKind>(program: string, label: string, kind: K, rulebook: RulebookRef, checks: EligibilityCheck[], steps: AuditStep[]) {
  const failure = firstFailure(checks);
  return {
    program,
    label,
    kind,
    eligible: failure === undefined,
    ...(failure ? { reason: reasonOf(failure), reasonDetail: failure.detail } : {}),
    rulebook,
    checks,
    steps,
  };
}
