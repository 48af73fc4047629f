/**
 * DISPOSITION programs: short sale (pre-foreclosure sale for FHA and USDA, compromise sale for
 * VA) and deed-in-lieu (Mortgage Release for the GSEs). They are last in every investor's
 * waterfall; each applies the disposition rulebook of the case's investor family
 * (src/engine/rulebooks/disposition.ts).
 */
import { check, firstFailure } from '../checks';
import type { LoanCase } from '../../case/types';
import { daysBetween } from '../../dates';
import { Decimal, type DecimalInput, ZERO, centsNumber, dec, minDecimal, moneyText, percentNumber, roundCents } from '../../money';
import { foreclosureTimelineFor } from '../../npv';
import type { AuditStep, DispositionResult, EligibilityCheck } from '../../results';
import { GSE_DISPOSITION_RULEBOOK, NPV_RULEBOOK, type DispositionParams, dispositionRulebookOf } from '../../rulebooks/disposition';
import type { EvaluationContext, ProgramDefinition } from '../types';


const SALE_NAMES: Record<string, string> = {
  FANNIE: 'short sale',
  FREDDIE: 'short sale',
  FHA: 'pre-foreclosure sale',
  VA: 'compromise sale',
  USDA: 'pre-foreclosure sale',
  PORTFOLIO: 'short sale',
};

/** The minimum net return for the marketing period: the first tier whose last day is at or after `marketingDays`. */
export function minimumNetReturn(params: Pick<DispositionParams, 'minimumNetReturn' | 'minimumNetReturnTiers'>, marketingDays: number | null): { minimum: Decimal; tier: string } {
  const tiers = Object.entries(params.minimumNetReturnTiers)
    .map(([lastDay, minimum]) => ({ lastDay: Number(lastDay), minimum }))
    .filter((tier) => Number.isFinite(tier.lastDay))
    .sort((a, b) => a.lastDay - b.lastDay);
  if (tiers.length === 0) return { minimum: dec(params.minimumNetReturn), tier: 'flat minimum' };
  // Without the marketing days the first (highest) tier applies: the strictest reading.
  const days = marketingDays ?? 1;
  let from = 1;
  for (const tier of tiers) {
    if (days <= tier.lastDay) return { minimum: dec(tier.minimum), tier: `marketing days ${from}-${tier.lastDay}` };
    from = tier.lastDay + 1;
  }
  return { minimum: dec(params.minimumNetReturn), tier: `marketing day ${from} and after` };
}

/** Checks shared by both dispositions: value, valuation age, hardship, occupancy. */
function commonChecks(loanCase: LoanCase, params: DispositionParams): EligibilityCheck[] {
  const { property, borrower } = loanCase;
  const checks: EligibilityCheck[] = [];
  checks.push(property.value === null ? check('as-is-value', 'as-is value', 'fail', 'no property value (property.value): the option cannot be evaluated') : check('as-is-value', 'as-is value', 'pass', `as-is value ${property.value}`));
  if (property.valuationDate === null) checks.push(check('valuation-age', 'valuation age', 'not checked', 'no valuation date (property.valuationDate)'));
  else {
    const age = daysBetween(property.valuationDate, loanCase.evaluationDate);
    checks.push(check('valuation-age', 'valuation age', age <= params.valuationMaxAgeDays ? 'pass' : 'fail', `valuation ${age} days old at the evaluation (at most ${params.valuationMaxAgeDays})`));
  }
  checks.push(borrower.hardship === null ? check('hardship', 'hardship', 'not checked', 'no hardship in the case (borrower.hardship)') : check('hardship', 'hardship', 'pass', `hardship ${borrower.hardship}`));
  // Intent never blocks: a borrower who wants to keep the home may still agree to leave when no retention option works.
  if (borrower.intent === 'SELL' || borrower.intent === 'VACATE') checks.push(check('borrower-intent', 'borrower intent', 'pass', `borrower intends to ${borrower.intent === 'SELL' ? 'sell' : 'leave the property'}`));
  else if (borrower.intent === 'KEEP') checks.push(check('borrower-intent', 'borrower intent', 'not checked', "borrower intends to keep the home: a disposition needs the borrower's agreement (confirm)"));
  else checks.push(check('borrower-intent', 'borrower intent', 'not checked', `borrower intent ${borrower.intent === 'UNDECIDED' ? 'undecided' : 'not stated (borrower.intent)'}: confirm the borrower agrees to leave`));
  if (!params.ownerOccupancyRequired) checks.push(check('owner-occupied', 'occupancy', 'pass', `owner occupancy not required by this investor${property.occupancy ? ` (${property.occupancy})` : ''}`));
  else if (property.occupancy === null) checks.push(check('owner-occupied', 'occupancy', 'not checked', 'no occupancy in the case (property.occupancy); the investor requires owner occupancy'));
  else if (property.occupancy === 'OWNER') checks.push(check('owner-occupied', 'occupancy', 'pass', 'owner-occupied'));
  else checks.push(check('owner-occupied', 'occupancy', 'fail', `${property.occupancy}: owner occupancy required, unless the borrower left for a reason tied to the default (job loss, transfer, divorce, death): confirm`));
  return checks;
}

function intentStep(loanCase: LoanCase): AuditStep {
  const intent = loanCase.borrower.intent;
  return {
    step: 'Borrower intent',
    action: intent === 'SELL' || intent === 'VACATE' ? `borrower intends to ${intent === 'SELL' ? 'sell' : 'leave the property'}: disposition fits` : intent === 'KEEP' ? 'borrower intends to keep the home: disposition only if no retention option works' : 'borrower intent not stated or undecided',
    rule: 'recommendation routing (docs/disposition-npv-regx.md)',
    after: { intent: intent ?? null },
  };
}

/** What a sale must pay off: UPB, non-interest-bearing deferred balance and every arrearage (late fees included). */
function totalDebtOf(loanCase: LoanCase): Decimal | null {
  // LM.SHORTSALE evaluates a sale alone, on a case without a loan: the comparison is then not checked.
  const { loan, arrears } = loanCase as Partial<LoanCase>;
  if (!loan || typeof loan.upb !== 'number') return null;
  return [loan.upb, loan.deferredBalance, arrears?.delinquentInterest, arrears?.escrowAdvances, arrears?.servicingAdvances, arrears?.legalFees, arrears?.lateFees].reduce<Decimal>(
    (sum, amount) => (typeof amount === 'number' ? sum.plus(dec(amount)) : sum),
    ZERO,
  );
}

/** What a short sale's figures are computed from: the offer (nulls take the rulebook's defaults) and the as-is value. */
export interface ShortSaleTerms {
  value: DecimalInput;
  /** Accepted price; null: the as-is value. */
  offerPrice: DecimalInput | null;
  /** Commission as a fraction of the price; null: the investor's cap. */
  commissionRate: DecimalInput | null;
  /** Seller closing costs; null: the rulebook's default rate of the price. */
  sellerClosingCosts: DecimalInput | null;
  /** Subordinate lien balances, for the default payoff (capped). */
  subordinateLiens: DecimalInput;
  /** Agreed payoff to subordinate lien holders; null: their balances, capped. */
  subordinateLienPayoff: DecimalInput | null;
  /** Relocation assistance; null: the rulebook's amount. */
  relocationAssistance: DecimalInput | null;
  /** Days marketed, for tiered minimums (FHA); null: the first (highest) tier. */
  marketingDays: number | null;
}

export interface ShortSaleFigures {
  price: Decimal;
  commissionRate: Decimal;
  commission: Decimal;
  sellerClosingCosts: Decimal;
  subordinateLienPayoff: Decimal;
  relocationAssistance: Decimal;
  /** price - commission - seller closing costs - subordinate lien payoff - relocation, to the cent. */
  netProceeds: Decimal;
  /** net proceeds / as-is value (unrounded). */
  netReturn: Decimal;
  minimum: Decimal;
  tier: string;
  meetsMinimum: boolean;
  commissionWithinCap: boolean;
  lienPayoffWithinCap: boolean;
}

/**
 * Net proceeds and net return of a short sale (engine.md section 7) under a disposition
 * rulebook: the arithmetic the SHORT-SALE program and LM.SHORTSALE share.
 */
export function shortSaleFigures(params: DispositionParams, terms: ShortSaleTerms): ShortSaleFigures {
  const value = dec(terms.value);
  const price = terms.offerPrice !== null ? dec(terms.offerPrice) : value;
  const commissionRate = terms.commissionRate !== null ? dec(terms.commissionRate) : dec(params.maxCommissionRate);
  const commission = roundCents(price.times(commissionRate));
  const sellerClosingCosts = terms.sellerClosingCosts !== null ? roundCents(terms.sellerClosingCosts) : roundCents(price.times(params.defaultClosingCostRate));
  const subordinateLienPayoff =
    terms.subordinateLienPayoff !== null ? roundCents(terms.subordinateLienPayoff) : roundCents(minDecimal(dec(terms.subordinateLiens), dec(params.subordinateLienPayoffCap)));
  const relocationAssistance = terms.relocationAssistance !== null ? roundCents(terms.relocationAssistance) : roundCents(params.relocationAssistance);
  const netProceeds = roundCents(price.minus(commission).minus(sellerClosingCosts).minus(subordinateLienPayoff).minus(relocationAssistance));
  const netReturn = value.isZero() ? ZERO : netProceeds.dividedBy(value);
  const { minimum, tier } = minimumNetReturn(params, terms.marketingDays);
  return {
    price,
    commissionRate,
    commission,
    sellerClosingCosts,
    subordinateLienPayoff,
    relocationAssistance,
    netProceeds,
    netReturn,
    minimum,
    tier,
    meetsMinimum: netReturn.greaterThanOrEqualTo(minimum),
    commissionWithinCap: !commissionRate.greaterThan(params.maxCommissionRate),
    lienPayoffWithinCap: !subordinateLienPayoff.greaterThan(params.subordinateLienPayoffCap),
  };
}

function evaluateShortSale(context: EvaluationContext): DispositionResult {
  const { loanCase } = context;
  const { ref, params } = context.rulebook(dispositionRulebookOf(loanCase.investor));
  const saleName = SALE_NAMES[loanCase.investor] ?? 'short sale';
  const label = saleName[0].toUpperCase() + saleName.slice(1);
  const checks = commonChecks(loanCase, params);
  const steps: AuditStep[] = [intentStep(loanCase)];
  const base = { program: 'SHORT-SALE', label, kind: 'disposition' as const, rulebook: ref, checks, steps };
  const value = loanCase.property.value;
  if (value === null) {
    return { ...base, eligible: false, reason: 'no as-is value', reasonDetail: 'property.value is required to compare the net proceeds with the investor minimum', netProceeds: null, netReturnPercent: null, minimumNetReturnPercent: null };
  }
  const offer = loanCase.disposition;

  const subordinateLiens = dec(loanCase.property.subordinateLiens);
  const figures = shortSaleFigures(params, { ...offer, value, subordinateLiens });
  const { price, commissionRate, commission, netProceeds, netReturn, minimum, tier } = figures;
  const closingCosts = figures.sellerClosingCosts;
  const lienPayoff = figures.subordinateLienPayoff;
  const relocation = figures.relocationAssistance;
  const meets = figures.meetsMinimum;

  // 1. Price: the accepted offer, or the as-is value when there is none.
  steps.push({
    step: 'Price',
    action: offer.offerPrice !== null ? `offer price ${offer.offerPrice}` : `no offer in the case (disposition.offerPrice): evaluated at the as-is value ${value} with the rulebook's cost defaults`,
    rule: 'engine.md section 7',
    after: { price: centsNumber(price) },
  });

  // 2. Costs deducted from the price.
  checks.push(
    !figures.commissionWithinCap
      ? check('commission-within-cap', 'commission within cap', 'fail', `commission ${percentNumber(commissionRate)}% is above the investor cap of ${percentNumber(params.maxCommissionRate)}%`)
      : check('commission-within-cap', 'commission within cap', 'pass', `commission ${percentNumber(commissionRate)}%${offer.commissionRate === null ? ' (the cap, no rate in the case)' : ''}; cap ${percentNumber(params.maxCommissionRate)}%`),
  );
  checks.push(
    !figures.lienPayoffWithinCap
      ? check('subordinate-lien-payoff-within-cap', 'subordinate lien payoff within cap', 'fail', `subordinate lien payoff ${centsNumber(lienPayoff)} is above the investor cap of ${params.subordinateLienPayoffCap}`)
      : check('subordinate-lien-payoff-within-cap', 'subordinate lien payoff within cap', 'pass', `subordinate lien payoff ${centsNumber(lienPayoff)}${offer.subordinateLienPayoff === null ? ' (from property.subordinateLiens, capped)' : ''}; cap ${params.subordinateLienPayoffCap}`),
  );
  if (offer.subordinateLienPayoff === null && subordinateLiens.greaterThan(params.subordinateLienPayoffCap)) {
    steps.push({ step: 'Subordinate liens', action: `subordinate liens ${subordinateLiens.toNumber()} exceed the payoff cap: the lien holder must release for at most ${params.subordinateLienPayoffCap}`, rule: `${ref.id} subordinateLienPayoffCap` });
  }
  steps.push({
    step: 'Net proceeds',
    action: 'price - commission - seller closing costs - subordinate lien payoff - relocation assistance',
    rule: `engine.md section 7; ${ref.id} ${ref.version}`,
    before: { price: centsNumber(price), commission: centsNumber(commission), sellerClosingCosts: centsNumber(closingCosts), subordinateLienPayoff: centsNumber(lienPayoff), relocationAssistance: centsNumber(relocation) },
    after: {
      netProceeds: centsNumber(netProceeds),
      closingCostsFrom: offer.sellerClosingCosts !== null ? 'case' : `rulebook default ${percentNumber(params.defaultClosingCostRate)}% of the price`,
      relocationFrom: offer.relocationAssistance !== null ? 'case' : 'rulebook default',
    },
  });

  // 3. Net return against the investor minimum.
  const hasTiers = Object.keys(params.minimumNetReturnTiers).length > 0;
  if (hasTiers) {
    checks.push(
      offer.marketingDays === null
        ? check('marketing-period', 'marketing period', 'not checked', 'no marketing days in the case (disposition.marketingDays): the first (highest) tier applies')
        : check('marketing-period', 'marketing period', 'pass', `${offer.marketingDays} days of marketing: ${tier}`),
    );
  }
  checks.push(check('net-return-at-or-above-the-minimum', 'net return at or above the minimum', meets ? 'pass' : 'fail', `net return ${percentNumber(netReturn)}% of the as-is value; minimum ${percentNumber(minimum)}% (${tier})`));
  // A short sale is a sale SHORT of the payoff: when the net proceeds cover the total debt the
  // borrower can sell and pay the loan off, and calling it an eligible short sale would mislead.
  const totalDebt = totalDebtOf(loanCase);
  const shortfall = totalDebt === null || netProceeds.lessThan(totalDebt);
  if (totalDebt === null) {
    checks.push(check('net-proceeds-short-of-the-total-debt', 'net proceeds short of the total debt', 'not checked', 'no loan balance given: the shortfall is not computed'));
  } else {
    checks.push(
      check('net-proceeds-short-of-the-total-debt', 
        'net proceeds short of the total debt',
        shortfall ? 'pass' : 'fail',
        shortfall
          ? `net proceeds ${moneyText(netProceeds)} leave a shortfall of ${moneyText(totalDebt.minus(netProceeds))} against the total debt ${moneyText(totalDebt)}`
          : `net proceeds ${moneyText(netProceeds)} cover the total debt ${moneyText(totalDebt)} (UPB, deferred balance and arrears): an ordinary sale pays the loan off`,
      ),
    );
  }
  steps.push({
    step: 'Net return',
    action: `net proceeds / as-is value ${meets ? 'meets' : 'is below'} the investor minimum`,
    rule: `${ref.id} minimumNetReturn (${tier})`,
    after: { netReturnPercent: percentNumber(netReturn), minimumNetReturnPercent: percentNumber(minimum) },
  });

  const failure = firstFailure(checks);
  return {
    ...base,
    eligible: !failure,
    ...(failure
      ? {
          reason: failure.id === 'net-return-at-or-above-the-minimum' ? 'net return below minimum' : failure.id === 'net-proceeds-short-of-the-total-debt' ? 'no shortfall: the sale pays off the loan' : failure.test,
          reasonDetail: failure.detail,
        }
      : {}),
    price: centsNumber(price),
    priceFromOffer: offer.offerPrice !== null,
    commission: centsNumber(commission),
    sellerClosingCosts: centsNumber(closingCosts),
    subordinateLienPayoff: centsNumber(lienPayoff),
    relocationAssistance: centsNumber(relocation),
    netProceeds: centsNumber(netProceeds),
    netReturnPercent: percentNumber(netReturn),
    minimumNetReturnPercent: percentNumber(minimum),
    meetsMinimum: meets,
  };
}

function evaluateDeedInLieu(context: EvaluationContext): DispositionResult {
  const { loanCase } = context;
  const { ref, params } = context.rulebook(dispositionRulebookOf(loanCase.investor));
  const npv = context.rulebook(NPV_RULEBOOK).params;
  const label = loanCase.investor === 'FANNIE' || loanCase.investor === 'FREDDIE' ? 'Deed-in-lieu (Mortgage Release)' : 'Deed-in-lieu of foreclosure';
  const checks = commonChecks(loanCase, params);
  const steps: AuditStep[] = [intentStep(loanCase)];
  const base = { program: 'DEED-IN-LIEU', label, kind: 'disposition' as const, rulebook: ref, checks, steps };
  const subordinate = loanCase.property.subordinateLiens;
  checks.push(subordinate > 0 ? check('clear-title', 'clear title', 'fail', `subordinate liens of ${subordinate}: they must be released before the investor takes title`) : check('clear-title', 'clear title', 'pass', 'no subordinate liens in the case'));
  const shortSale = context.results['SHORT-SALE'];
  if (shortSale) {
    steps.push({ step: 'Short sale first', action: shortSale.eligible ? 'a short sale is also eligible: the investor normally expects the property to be marketed first' : `the short sale is not eligible (${shortSale.reason ?? 'see its checks'})`, rule: 'investor practice (deed-in-lieu after an unsuccessful marketing period)' });
  }
  const value = loanCase.property.value;
  if (value === null) {
    return { ...base, eligible: false, reason: 'no as-is value', reasonDetail: 'property.value is required to estimate the recovery', netProceeds: null, netReturnPercent: null, expectedRecovery: null };
  }
  const valueDec = dec(value);
  const costs = roundCents(valueDec.times(params.deedInLieuCostRate));
  // The case's disposition block holds short-sale offer terms; the deed-in-lieu uses the rulebook's relocation amount.
  const relocation = roundCents(params.deedInLieuRelocationAssistance);
  const recovery = roundCents(valueDec.minus(costs).minus(relocation));
  const recoveryReturn = valueDec.isZero() ? ZERO : recovery.dividedBy(valueDec);
  steps.push({
    step: 'Expected recovery',
    action: 'value - carrying and disposition costs - relocation assistance',
    rule: `engine.md section 7; ${ref.id} ${ref.version}`,
    before: { value, carryingAndDispositionCosts: centsNumber(costs), relocationAssistance: centsNumber(relocation) },
    after: { expectedRecovery: centsNumber(recovery), recoveryPercent: percentNumber(recoveryReturn) },
  });
  const timeline = foreclosureTimelineFor(loanCase.property.state, npv);
  const liquidation = roundCents(valueDec.times(dec(1).minus(npv.reoDiscount).minus(npv.foreclosureCostRate)));
  steps.push({
    step: 'Against foreclosure',
    action: `title in about ${params.deedInLieuTimelineDays} days instead of a ${timeline.days}-day foreclosure timeline (${timeline.source}); foreclosure liquidation value ${centsNumber(liquidation)}`,
    rule: `${ref.id} deedInLieuTimelineDays; ${NPV_RULEBOOK.id} reoDiscount and foreclosureCostRate`,
    after: { deedInLieuTimelineDays: params.deedInLieuTimelineDays, foreclosureTimelineDays: timeline.days, foreclosureLiquidationValue: centsNumber(liquidation) },
  });
  checks.push(recovery.greaterThan(0) ? check('positive-recovery', 'positive recovery', 'pass', `expected recovery ${centsNumber(recovery)}`) : check('positive-recovery', 'positive recovery', 'fail', `expected recovery ${centsNumber(recovery)} is not positive`));
  // With equity the borrower would hand over more than is owed: an ordinary sale comes first.
  const saleAtValue = roundCents(valueDec.minus(valueDec.times(params.maxCommissionRate)).minus(valueDec.times(params.defaultClosingCostRate)));
  const totalDebt = totalDebtOf(loanCase);
  if (totalDebt === null) checks.push(check('no-equity-to-sell', 'no equity to sell', 'not checked', 'no loan balance given: equity is not computed'));
  else if (saleAtValue.lessThan(totalDebt)) checks.push(check('no-equity-to-sell', 'no equity to sell', 'pass', `a sale at the as-is value would net ${moneyText(saleAtValue)}, below the total debt ${moneyText(totalDebt)}`));
  else checks.push(check('no-equity-to-sell', 'no equity to sell', 'fail', `a sale at the as-is value would net ${moneyText(saleAtValue)}, covering the total debt ${moneyText(totalDebt)}: the borrower can sell and keep the equity`));
  const failure = firstFailure(checks);
  return {
    ...base,
    eligible: !failure,
    ...(failure ? { reason: failure.id === 'no-equity-to-sell' ? 'equity: an ordinary sale pays off the loan' : failure.test, reasonDetail: failure.detail } : {}),
    expectedRecovery: centsNumber(recovery),
    carryingAndDispositionCosts: centsNumber(costs),
    relocationAssistance: centsNumber(relocation),
    netProceeds: centsNumber(recovery),
    netReturnPercent: percentNumber(recoveryReturn),
    timelineDays: params.deedInLieuTimelineDays,
    foreclosureTimelineDays: timeline.days,
    foreclosureLiquidationValue: centsNumber(liquidation),
  };
}

export const SHORT_SALE_PROGRAM: ProgramDefinition = {
  id: 'SHORT-SALE',
  label: 'Short sale / pre-foreclosure sale',
  kind: 'disposition',
  // Nominal: the program applies the rulebook of the case's investor family (dispositionRulebookOf).
  rulebookId: GSE_DISPOSITION_RULEBOOK.id,
  evaluate: evaluateShortSale,
};

export const DEED_IN_LIEU_PROGRAM: ProgramDefinition = {
  id: 'DEED-IN-LIEU',
  label: 'Deed-in-lieu of foreclosure',
  kind: 'disposition',
  rulebookId: GSE_DISPOSITION_RULEBOOK.id,
  evaluate: evaluateDeedInLieu,
};

export const DISPOSITION_PROGRAMS: ProgramDefinition[] = [SHORT_SALE_PROGRAM, DEED_IN_LIEU_PROGRAM];
