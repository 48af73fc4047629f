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
}

const NOT_RESOLVED = 'hardship not resolved: the borrower cannot yet resume the contractual payment';

export function recommendationRoute(loanCase: LoanCase): Route {
  const { intent, hardship, hardshipResolved } = loanCase.borrower;
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
      return `the arrears${money(option.partialClaim) ? ` (${money(option.partialClaim)})` : ''} go into a non-interest-bearing subordinate claim; the payment is unchanged`;
    case 'forbearance':
      return `payments are reduced or suspended for ${option.months ?? 'the plan'} months while the hardship lasts; the exit option is reviewed at the end`;
    case 'modification': {
      const pi = money(option.principalAndInterest);
      let text = `the new P&I is ${pi ?? 'lower'}${typeof option.reductionPercent === 'number' ? ` (${option.reductionPercent}% reduction)` : ''}`;
      const npv = option.npv;
      if (npv && npv.passes === false) text += `; NPV against foreclosure is negative (${money(npv.npvDifference)}): investor review`;
      else if (npv && npv.passes === true) text += `; NPV against foreclosure is positive (${money(npv.npvDifference)})`;
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
): { chosen: string | null; tier: number; considered: { program: string; label: string; reason: string }[] } {
  const considered: { program: string; label: string; reason: string }[] = [];
  for (let t = 0; t < route.tiers.length; t++) {
    const tier = route.tiers[t];
    for (const id of order) {
      const option = options[id];
      if (!tier.includes(option.kind)) continue;
      if (option.eligible) return { chosen: id, tier: t, considered };
      considered.push({ program: id, label: option.label, reason: `not eligible: ${option.reason ?? 'see its checks'}${option.reasonDetail ? ` (${option.reasonDetail})` : ''}` });
    }
  }
  return { chosen: null, tier: -1, considered };
}

export function recommend(loanCase: LoanCase, waterfall: string[], options: Record<string, OptionResult>): Recommendation {
  const route = recommendationRoute(loanCase);
  const order = waterfall.filter((id) => options[id]);
  const position = new Map(order.map((id, index) => [id, index]));
  const { chosen, considered } = chooseOption(route, order, options);

  // Options the route set aside, when they come before the chosen one in the waterfall (all of them when none is chosen).
  const limit = chosen ? (position.get(chosen) ?? order.length) : order.length;
  const setAside = order
    .filter((id) => (position.get(id) ?? 0) < limit && route.excluded[options[id].kind] && !considered.some((c) => c.program === id))
    .map((id) => ({ program: id, label: options[id].label, reason: route.excluded[options[id].kind] as string }));
  const passedOver = [...setAside, ...considered].sort((a, b) => (position.get(a.program) ?? 0) - (position.get(b.program) ?? 0));

  const passedText = passedOver.length > 0 ? ` Passed over: ${passedOver.map((p) => `${p.label} (${p.program}): ${p.reason}`).join('; ')}.` : '';
  if (!chosen) {
    return {
      program: null,
      rationale: `No option fits: ${route.description}, and no option in the route is eligible.${passedText}`,
      category: route.category,
      passedOver,
    };
  }
  const option = options[chosen];
  return {
    program: chosen,
    rationale: `Recommended: ${option.label} (${chosen}). Route: ${route.description}.${passedText} Why it fits: ${whyItFits(option, route, loanCase)}.`,
    category: route.category,
    passedOver,
  };
}
