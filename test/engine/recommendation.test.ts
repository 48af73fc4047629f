/**
 * The recommendation routes (docs/disposition-npv-regx.md): resolved hardship -> repayment,
 * deferral or partial claim; temporary hardship -> forbearance; long-term hardship ->
 * modification; intent SELL / VACATE or nothing else eligible -> disposition. Options are
 * synthetic results: the recommendation reads only kind, eligible, reason and label.
 */
import { parseCase } from '../../src/engine/case/parse';
import type { LoanCase } from '../../src/engine/case/types';
import { evaluateCase } from '../../src/engine/evaluate';
import { equityBeforeSellingCosts, recommend, recommendationRoute } from '../../src/engine/recommendation';
import type { OptionKind, OptionResult } from '../../src/engine/results';

function makeCase(borrower: Record<string, unknown>): LoanCase {
  const parsed = parseCase({
    caseId: 'REC',
    investor: 'FANNIE',
    evaluationDate: '2025-10-15',
    loan: { upb: 200000, rate: 0.05, remainingTermMonths: 300, contractualPI: 1169.18, monthsDelinquent: 3 },
    borrower,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.case;
}

function option(program: string, kind: OptionKind, eligible: boolean, extra: Record<string, unknown> = {}): OptionResult {
  return {
    program,
    label: `${program} label`,
    kind,
    eligible,
    ...(eligible ? {} : { reason: `${program} failed` }),
    rulebook: { id: 'TEST', version: '1' },
    checks: [],
    steps: [],
    ...extra,
  } as OptionResult;
}

const WATERFALL = ['FB', 'RP', 'PD', 'MOD', 'SS', 'DIL'];
function options(eligible: Partial<Record<string, boolean>> = {}): Record<string, OptionResult> {
  const kinds: Record<string, OptionKind> = { FB: 'forbearance', RP: 'repayment', PD: 'deferral', MOD: 'modification', SS: 'disposition', DIL: 'disposition' };
  return Object.fromEntries(WATERFALL.map((id) => [id, option(id, kinds[id], eligible[id] ?? true)]));
}

const passed = (r: ReturnType<typeof recommend>) => r.passedOver?.map((p) => `${p.program}: ${p.reason}`);

describe('recommend', () => {
  test('hardship resolved: the repayment plan, forbearance passed over as not needed', () => {
    const r = recommend(makeCase({ hardship: 'UNEMPLOYMENT', hardshipResolved: true, intent: 'KEEP' }), WATERFALL, options());
    expect(r.program).toBe('RP');
    expect(r.category).toBe('hardship resolved');
    expect(passed(r)).toEqual(['FB: hardship resolved: payments need not be reduced or suspended']);
    expect(r.rationale).toMatch(/Passed over: FB label \(FB\): hardship resolved/);
    expect(r.rationale).toMatch(/Why it fits: the arrears are repaid/);
  });

  test('hardship resolved, repayment not eligible: the payment deferral, naming both passed-over options', () => {
    const r = recommend(makeCase({ hardship: 'DISABILITY', hardshipResolved: true }), WATERFALL, options({ RP: false }));
    expect(r.program).toBe('PD');
    expect(passed(r)).toEqual(['FB: hardship resolved: payments need not be reduced or suspended', 'RP: not eligible: RP failed']);
  });

  test('hardship resolved, no arrears-only option: a modification', () => {
    const r = recommend(makeCase({ hardship: 'DISABILITY', hardshipResolved: true }), WATERFALL, options({ RP: false, PD: false }));
    expect(r.program).toBe('MOD');
  });

  test('temporary hardship (unemployment) not resolved: forbearance', () => {
    const r = recommend(makeCase({ hardship: 'UNEMPLOYMENT', hardshipResolved: false, intent: 'KEEP' }), WATERFALL, options());
    expect(r).toMatchObject({ program: 'FB', category: 'temporary hardship', passedOver: [] });
  });

  test('temporary hardship, forbearance not eligible: modification; repayment and deferral set aside', () => {
    const r = recommend(makeCase({ hardship: 'DISASTER' }), WATERFALL, options({ FB: false }));
    expect(r.program).toBe('MOD');
    expect(passed(r)).toEqual([
      'FB: not eligible: FB failed',
      'RP: hardship not resolved: the borrower cannot yet resume the contractual payment',
      'PD: hardship not resolved: the borrower cannot yet resume the contractual payment',
    ]);
  });

  test('long-term hardship: modification first, temporary options passed over with reasons', () => {
    const r = recommend(makeCase({ hardship: 'REDUCTION_IN_INCOME', intent: 'KEEP' }), WATERFALL, options());
    expect(r.program).toBe('MOD');
    expect(r.category).toBe('long-term hardship');
    expect(passed(r)?.[0]).toMatch(/^FB: long-term hardship \(REDUCTION_IN_INCOME\): forbearance would only postpone/);
    expect(r.passedOver).toHaveLength(3);
  });

  test('long-term hardship, no modification eligible: disposition, said plainly to a borrower who wants to keep', () => {
    const r = recommend(makeCase({ hardship: 'DEATH', intent: 'KEEP' }), WATERFALL, options({ MOD: false }));
    expect(r.program).toBe('SS');
    expect(r.rationale).toMatch(/no retention option is eligible although the borrower wants to keep the home/);
    expect(passed(r)).toContain('MOD: not eligible: MOD failed');
  });

  test('intent SELL: disposition even when a modification is eligible', () => {
    const r = recommend(makeCase({ hardship: 'RELOCATION', intent: 'SELL' }), WATERFALL, options());
    expect(r.program).toBe('SS');
    expect(r.category).toBe('disposition intent');
    expect(r.passedOver?.map((p) => p.program)).toEqual(['FB', 'RP', 'PD', 'MOD']);
    expect(r.rationale).toMatch(/matches the borrower's intent to leave/);
  });

  test('intent VACATE, short sale not eligible: deed-in-lieu', () => {
    const r = recommend(makeCase({ hardship: 'DIVORCE', intent: 'VACATE' }), WATERFALL, options({ SS: false }));
    expect(r.program).toBe('DIL');
    expect(passed(r)).toContain('SS: not eligible: SS failed');
  });

  test('no hardship stated: the first eligible option in waterfall order', () => {
    const r = recommend(makeCase({}), WATERFALL, options({ FB: false }));
    expect(r).toMatchObject({ program: 'RP', category: 'waterfall order' });
  });

  test('nothing eligible: no program, every option named', () => {
    const none = Object.fromEntries(WATERFALL.map((id) => [id, false]));
    const r = recommend(makeCase({ hardship: 'REDUCTION_IN_INCOME' }), WATERFALL, options(none));
    expect(r.program).toBeNull();
    expect(r.passedOver?.map((p) => p.program)).toEqual(WATERFALL);
    expect(r.rationale).toMatch(/^No option fits/);
  });

  test('a modification with a negative NPV: investor review only where the investor has an NPV test (portfolio)', () => {
    const npv = { npvModification: 1, npvForeclosure: 2, npvDifference: -1, passes: false, assumptions: null };
    const opts = options();
    opts.MOD = option('MOD', 'modification', true, { principalAndInterest: 1000, reductionPercent: 20.01, npv, npvIsInvestorTest: true });
    const r = recommend(makeCase({ hardship: 'REDUCTION_IN_INCOME' }), WATERFALL, opts);
    expect(r.rationale).toMatch(/new P&I is \$1,000\.00 \(20\.01% reduction\); NPV against foreclosure is negative \(-\$1\.00\): investor review/);
    // GSE, FHA, VA, USDA: no NPV test, the NPV is information (engine.md 7, changes of 2026-12-02)
    opts.MOD = option('MOD', 'modification', true, { principalAndInterest: 1000, reductionPercent: 20.01, npv });
    const gse = recommend(makeCase({ hardship: 'REDUCTION_IN_INCOME' }), WATERFALL, opts);
    expect(gse.rationale).not.toMatch(/investor review/);
    expect(gse.rationale).toMatch(/NPV against foreclosure -\$1\.00 \(information only: the investor has no NPV test\)/);
  });

  test('a Flex result flagged above the affordability threshold stays recommended and says why', () => {
    const opts = options();
    opts.MOD = option('MOD', 'modification', true, { principalAndInterest: 1000, reductionPercent: 20.01, postModificationDti: 0.607, affordabilityFlag: true });
    const r = recommend(makeCase({ hardship: 'REDUCTION_IN_INCOME' }), WATERFALL, opts);
    expect(r.program).toBe('MOD');
    expect(r.rationale).toMatch(/payment may not be sustainable: 60\.7% of gross income/);
  });

  test('evaluateCase: a borrower who intends to sell gets the short sale', () => {
    const evaluation = evaluateCase({
      caseId: 'REC-EVAL',
      investor: 'FANNIE',
      evaluationDate: '2025-10-15',
      loan: { upb: 210000, rate: 0.05, remainingTermMonths: 300, contractualPI: 1227.64, monthsDelinquent: 5 },
      property: { value: 200000, valuationDate: '2025-10-01', state: 'GA' },
      borrower: { hardship: 'RELOCATION', intent: 'SELL' },
    });
    // 200,000 - 12,000 - 4,000 = 184,000 = 92% >= 88%.
    expect(evaluation.recommendation.program).toBe('SHORT-SALE');
    expect(evaluation.recommendation.rationale).toMatch(/net proceeds \$184,000\.00 \(92% of the as-is value, minimum 88%\)/);
  });
});

describe('market sale with equity (issue 12, finding 11)', () => {
  // UPB 200,000 + 3 missed installments of 1,169.18 = 203,507.54 to repay
  const withValue = (value: number | null) => {
    const parsed = parseCase({
      caseId: 'EQ',
      investor: 'FREDDIE',
      evaluationDate: '2025-10-15',
      loan: { upb: 200000, rate: 0.05, remainingTermMonths: 300, contractualPI: 1169.18, monthsDelinquent: 3 },
      property: { value },
      borrower: { hardship: 'RELOCATION', intent: 'SELL' },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.case;
  };
  test('equity is the value less everything a sale repays; no equity at exactly the debt', () => {
    expect(equityBeforeSellingCosts(withValue(203507.54))?.toNumber()).toBe(0);
    expect(recommendationRoute(withValue(203507.54)).category).toBe('disposition intent');
    expect(recommendationRoute(withValue(203507.55)).category).toBe('market sale');
    expect(recommendationRoute(withValue(null)).category).toBe('disposition intent');
  });
  test('a seller with equity and nothing eligible is told to sell at market', () => {
    const r = recommend(withValue(300000), WATERFALL, options({ FB: false }));
    expect(r.program).toBeNull();
    expect(r.rationale).toMatch(/^Market sale: the borrower intends to sell and has equity of about \$96,492\.46/);
    expect(passed(r)?.find((p) => p.startsWith('SS: '))).toMatch(/a short sale or deed-in-lieu is for a borrower whose sale cannot repay the debt/);
  });
});
