/**
 * The recommendation: the first eligible option, in the investor's waterfall order, among the
 * options that fit the borrower's situation. Relies only on each result's `kind`, `eligible`,
 * `reason` and `label` (and a few optional figures for the rationale), never on program ids.
 *
 * Routes (docs/disposition-npv-regx.md):
 * - intent SELL or VACATE -> disposition (the borrower intends to leave);
 * - hardship resolved -> repayment plan, payment deferral or standalone partial claim (the
 *   borrower can resume the contractual payment and needs only the arrears cured), then a
 *   modification, then disposition; forbearance is not needed;
 * - temporary hardship not yet resolved (UNEMPLOYMENT, DISASTER) -> forbearance, then a
 *   modification, then disposition;
 * - long-term hardship (any other type, not resolved) -> modification, then disposition;
 * - hardship not stated -> the investor's waterfall order as it stands.
 * Disposition is recommended for a borrower who wants to keep the home only when no retention
 * option in the route is eligible.
 */
import type { Hardship, LoanCase } from './case/types';
import { Decimal, roundPercent } from './money';
import { amountToReinstate } from './programs/amountToReinstate';
import type { OptionKind, OptionResult, Recommendation } from './results';

/** Hardships expected to end (income returns, the home is repaired): forbearance bridges them. */
export const TEMPORARY_HARDSHIPS: readonly Hardship[] = ['UNEMPLOYMENT', 'DISASTER'];

const RETENTION_KINDS: OptionKind[] = ['repayment', 'deferral', 'partialClaim', 'forbearance', 'modification'];
const ALL_KINDS: OptionKind[] = ['forbearance', 'repayment', 'deferral', 'partialClaim', 'modification', 'disposition'];

export interface Route {
  category: string;
  description: string;
  /** Kinds in order of preference; within a tier, the waterfall order decides. */
  tiers: OptionKind[][];
  /** Kinds the route does not consider, with the reason. */
  excluded: Partial<Record<OptionKind, string>>;
  /** VA, a borrower who wants to stay: any eligible retention option comes before disposition when residual income passes. */
  veteranRetention?: boolean;
}

const NOT_RESOLVED = 'hardship not resolved: the borrower cannot yet resume the contractual payment';

/**
 * The borrower's equity: property value less everything the sale must repay (UPB, deferred
 * balance, earlier partial claims, subordinate liens and the amount to reinstate), before selling
 * costs; null without a value.
 */
export function equityBeforeSellingCosts(loanCase: LoanCase): Decimal | null {
  const { property, loan } = loanCase;
  if (property.value === null) return null;
  const debt = new Decimal(loan.upb).plus(loan.deferredBalance).plus(loan.partialClaimBalance).plus(property.subordinateLiens).plus(amountToReinstate(loanCase).total);
  return new Decimal(property.value).minus(debt);
}

export function recommendationRoute(loanCase: LoanCase): Route {
  const route = routeByIntentAndHardship(loanCase);
  if (loanCase.investor === 'VA' && route.category !== 'disposition intent' && route.category !== 'market sale') route.veteranRetention = true;
  return route;
}

function routeByIntentAndHardship(loanCase: LoanCase): Route {
  const { intent, hardship, hardshipResolved } = loanCase.borrower;
  const equity = intent === 'SELL' ? equityBeforeSellingCosts(loanCase) : null;
  if (equity !== null && equity.greaterThan(0)) {
    // A borrower with equity who wants to sell needs no short sale: a market sale repays the loan.
    const why = `borrower intends to sell and has equity of about ${money(equity.toNumber())} before selling costs (value ${money(loanCase.property.value)})`;
    return {
      category: 'market sale',
      description: `the ${why}: a market sale repays the loan in full; a short forbearance while the property is listed, where the investor allows one`,
      tiers: [['forbearance']],
      excluded: Object.fromEntries(
        (['repayment', 'deferral', 'partialClaim', 'modification', 'disposition'] as OptionKind[]).map((kind) => [
          kind,
          kind === 'disposition' ? `${why}: a short sale or deed-in-lieu is for a borrower whose sale cannot repay the debt` : `${why}: retention options not pursued`,
        ]),
      ),
    };
  }
  if (intent === 'SELL' || intent === 'VACATE') {
    const why = intent === 'SELL' ? 'borrower intends to sell the property' : 'borrower intends to leave the property';
    return {
      category: 'disposition intent',
      description: `the ${why} (intent ${intent})`,
      tiers: [['disposition']],
      excluded: Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, `${why}: retention options not pursued`])),
    };
  }
  if (hardshipResolved) {
    return {
      category: 'hardship resolved',
      description: 'the hardship is resolved: the borrower can resume the contractual payment and needs the arrears cured',
      tiers: [['repayment', 'deferral', 'partialClaim'], ['modification'], ['disposition']],
      excluded: { forbearance: 'hardship resolved: payments need not be reduced or suspended' },
    };
  }
  if (hardship === null) {
    return {
      category: 'waterfall order',
      description: 'no hardship in the case: the investor waterfall order applies as it stands',
      tiers: [ALL_KINDS],
      excluded: {},
    };
  }
  if (TEMPORARY_HARDSHIPS.includes(hardship)) {
    return {
      category: 'temporary hardship',
      description: `temporary hardship (${hardship}) not yet resolved: payments are reduced or suspended until it ends`,
      tiers: [['forbearance'], ['modification'], ['disposition']],
      excluded: { repayment: NOT_RESOLVED, deferral: NOT_RESOLVED, partialClaim: NOT_RESOLVED },
    };
  }
  return {
    category: 'long-term hardship',
    description: `long-term hardship (${hardship}): the payment itself must become affordable`,
    tiers: [['modification'], ['disposition']],
    excluded: {
      forbearance: `long-term hardship (${hardship}): forbearance would only postpone the arrears`,
      repayment: NOT_RESOLVED,
      deferral: NOT_RESOLVED,
      partialClaim: NOT_RESOLVED,
    },
  };
}

/** One formatter for the module: toLocaleString with options builds a new Intl.NumberFormat on every call (12% of a 3,000-loan LM.PORTFOLIO profile). */
const DOLLARS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A ratio as percent text with exactly one decimal ("31.0%"), for the recommendation's rationale. */
function percentOneDecimalText(ratio: number): string {
  return `${roundPercent(ratio, 1).toFixed(1)}%`;
}

function money(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const text = `$${DOLLARS.format(Math.abs(value))}`;
  return value < 0 ? `-${text}` : text;
}

/** Why the chosen option fits, from the figures its result carries. */
function whyItFits(option: OptionResult, route: Route, loanCase: LoanCase): string {
  switch (option.kind) {
    case 'repayment': {
      const payment = money(option.monthlyPayment);
      return `the arrears are repaid over ${option.months ?? 'the plan'} months${payment ? ` at ${payment} a month` : ''} on top of the unchanged contractual payment`;
    }
    case 'deferral':
      return `the past-due amounts${money(option.deferredAmount) ? ` (${money(option.deferredAmount)})` : ''} move to a non-interest-bearing balance due at maturity; P&I and term are unchanged`;
    case 'partialClaim':
      if (option.paymentReduction) {
        const reduction = money(option.monthlyPrincipalReduction);
        const during = money(option.principalAndInterestDuringSupplement);
        return `the modifications miss the target or would raise the P&I (the note rate is below the market rate); the partial claim${money(option.partialClaimArrears) ? ` cures the arrears (${money(option.partialClaimArrears)}) and` : ''} pays a monthly principal reduction${reduction ? ` of ${reduction}` : ''} for ${option.supplementMonths ?? 'the supplement'} months: P&I ${during ?? 'reduced'}${typeof option.reductionPercent === 'number' ? ` (${option.reductionPercent}% reduction)` : ''}, note rate unchanged`;
      }
      return `the arrears${money(option.partialClaim) ? ` (${money(option.partialClaim)})` : ''} go into a non-interest-bearing subordinate claim; the payment is unchanged`;
    case 'forbearance':
      return `payments are reduced or suspended for ${option.months ?? 'the plan'} months while the hardship lasts; the exit option is reviewed at the end`;
    case 'modification': {
      const pi = money(option.principalAndInterest);
      let text = `the new P&I is ${pi ?? 'lower'}${typeof option.reductionPercent === 'number' ? ` (${option.reductionPercent}% reduction)` : ''}`;
      if (option.affordabilityFlag === true && typeof option.postModificationDti === 'number') {
        text += `; payment may not be sustainable: ${percentOneDecimalText(option.postModificationDti)} of gross income`;
      }
      const underwriting = option.vaUnderwriting as { residualIncome: number | null; required: number | null; passes: boolean | null; incomeBasis: string } | undefined;
      if (underwriting?.passes === true) {
        text += `; VA residual income ${money(underwriting.residualIncome)} meets the ${money(underwriting.required)} required (38 CFR 36.4340${underwriting.incomeBasis === 'GROSS' ? ', gross income used' : ''})`;
      }
      const npv = option.npv;
      // NPV is an investor test only where the investor's rulebook has one (portfolio); elsewhere it is information.
      if (npv && typeof npv.passes === 'boolean') {
        const sign = npv.passes ? 'positive' : 'negative';
        text += option.npvIsInvestorTest
          ? `; NPV against foreclosure is ${sign} (${money(npv.npvDifference)})${npv.passes ? '' : ': investor review'}`
          : `; NPV against foreclosure ${money(npv.npvDifference)} (information only: the investor has no NPV test)`;
      }
      return text;
    }
    case 'disposition': {
      const retentionWanted = route.category !== 'disposition intent';
      const figures =
        typeof option.netReturnPercent === 'number'
          ? `net proceeds ${money(option.netProceeds) ?? ''} (${option.netReturnPercent}% of the as-is value${typeof option.minimumNetReturnPercent === 'number' ? `, minimum ${option.minimumNetReturnPercent}%` : ''})`
          : '';
      const lead = retentionWanted
        ? `no retention option is eligible${loanCase.borrower.intent === 'KEEP' ? ' although the borrower wants to keep the home: discuss it with the borrower' : ''}`
        : 'it matches the borrower\'s intent to leave';
      return [lead, figures].filter(Boolean).join('; ');
    }
    default:
      return 'it is eligible';
  }
}

/**
 * The route's choice among `options`: the first eligible option, in waterfall order, of the first
 * tier that has one; `tier` is that tier's index (-1 when none is chosen), `considered` the
 * options of the tiers scanned that were not eligible. `recommend` and the recommendation scope
 * of evaluate.ts both use it, so they cannot disagree on the choice.
 */
export function chooseOption(
  route: Route,
  order: string[],
  options: Record<string, OptionResult>,
): { chosen: string | null; tier: number; considered: { program: string; label: string; reason: string }[]; veteranRetention?: boolean } {
  const considered: { program: string; label: string; reason: string }[] = [];
  for (let t = 0; t < route.tiers.length; t++) {
    const tier = route.tiers[t];
    // fha-va-usda.md, VA: a veteran who passes residual income is never steered to a compromise sale or
    // deed-in-lieu while a retention option is eligible, whatever the route would have set aside.
    if (route.veteranRetention && tier.includes('disposition') && vaResidualIncomePasses(options)) {
      const retention = order.find((id) => options[id].eligible && options[id].kind !== 'disposition');
      if (retention) return { chosen: retention, tier: t, considered, veteranRetention: true };
    }
    for (const id of order) {
      const option = options[id];
      if (!inTier(option, tier)) continue;
      if (option.eligible) return { chosen: id, tier: t, considered };
      considered.push({ program: id, label: option.label, reason: `not eligible: ${option.reason ?? 'see its checks'}${option.reasonDetail ? ` (${option.reasonDetail})` : ''}` });
    }
  }
  return { chosen: null, tier: -1, considered };
}

/** An option belongs to a tier by its kind; one that lowers the payment (FHA Payment Supplement) belongs with the modifications. */
export function inTier(option: Pick<OptionResult, 'kind' | 'paymentReduction'>, tier: OptionKind[]): boolean {
  return option.paymentReduction === true ? tier.includes('modification') : tier.includes(option.kind);
}

/** The same test on a program before it is evaluated (its results carry its kind and paymentReduction). */
export function programInTier(program: { kind: OptionKind; paymentReduction?: boolean }, tier: OptionKind[]): boolean {
  return inTier(program, tier);
}

function routeConsiders(route: Route, option: OptionResult): boolean {
  return route.tiers.some((tier) => inTier(option, tier));
}

/** VA: the veteran passes VA's affordability test (38 CFR 36.4340) in some option's checks. */
function vaResidualIncomePasses(options: Record<string, OptionResult>): boolean {
  return Object.values(options).some((o) => o.checks.some((c) => c.id === 'va-residual-income' && c.status === 'pass'));
}

export function recommend(loanCase: LoanCase, waterfall: string[], options: Record<string, OptionResult>): Recommendation {
  const route = recommendationRoute(loanCase);
  const order = waterfall.filter((id) => options[id]);
  const position = new Map(order.map((id, index) => [id, index]));
  const { chosen, considered, veteranRetention } = chooseOption(route, order, options);
  const retentionNote = veteranRetention
    ? ' The veteran passes VA residual income (38 CFR 36.4340): a retention option comes before a compromise sale or deed-in-lieu.'
    : '';

  // Options the route set aside, when they come before the chosen one in the waterfall (all of them when none is chosen).
  const limit = chosen ? (position.get(chosen) ?? order.length) : order.length;
  const setAside = order
    .filter((id) => (position.get(id) ?? 0) < limit && !routeConsiders(route, options[id]) && route.excluded[options[id].kind] && !considered.some((c) => c.program === id))
    .map((id) => ({ program: id, label: options[id].label, reason: route.excluded[options[id].kind] as string }));
  const passedOver = [...setAside, ...considered].sort((a, b) => (position.get(a.program) ?? 0) - (position.get(b.program) ?? 0));

  const passedText = passedOver.length > 0 ? ` Passed over: ${passedOver.map((p) => `${p.label} (${p.program}): ${p.reason}`).join('; ')}.` : '';
  const opening = opensLater(order, options);
  if (!chosen) {
    const lead =
      route.category === 'market sale'
        ? `Market sale: ${route.description}; no forbearance is needed or available while listing`
        : `No option fits: ${route.description}, and no option in the route is eligible`;
    return {
      program: null,
      rationale: `${lead}.${passedText}${opening}`,
      category: route.category,
      passedOver,
    };
  }
  const option = options[chosen];
  const chosenOpening = option.kind === 'disposition' ? opening : '';
  return {
    program: chosen,
    rationale: `Recommended: ${option.label} (${chosen}). Route: ${route.description}.${passedText}${retentionNote} Why it fits: ${whyItFits(option, route, loanCase)}.${chosenOpening}`,
    category: route.category,
    passedOver,
  };
}

/** Options out of reach only for now (engine.md: say when they open), e.g. the USDA streamline modification at 90 days delinquent. */
function opensLater(order: string[], options: Record<string, OptionResult>): string {
  const later = order.filter((id) => !options[id].eligible && options[id].opensOn).map((id) => `${options[id].label} (${id}) opens on ${options[id].opensOn}`);
  return later.length > 0 ? ` Out of reach only for now: ${later.join('; ')}.` : '';
}
