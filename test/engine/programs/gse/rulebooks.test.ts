/** The GSE rulebooks: ids, versions and every parameter documented with a dated source (engine.md section 9). */
import { GSE_RULEBOOKS } from '../../../../src/engine/rulebooks/gse';
import { findRulebook } from '../../../../src/engine/rulebooks';
import { withOverrides } from '../../../../src/engine/rulebooks/types';

describe('GSE rulebooks', () => {
  it('publishes the four rulebooks with the version of the guide text they follow', () => {
    expect(GSE_RULEBOOKS.map((r) => `${r.id} ${r.version}`)).toEqual([
      'GSE-FLEX 2024-12-01',
      'GSE-PAYMENT-DEFERRAL 2024-12-01',
      'GSE-REPAYMENT-PLAN 2024-12-01',
      'GSE-FORBEARANCE 2024-12-01',
    ]);
    for (const r of GSE_RULEBOOKS) expect(findRulebook(r.id)).toBe(r);
  });

  it('documents every parameter with a description and a dated source', () => {
    for (const rulebook of GSE_RULEBOOKS) {
      for (const [name, p] of Object.entries(rulebook.parameters) as [string, { description: string; source: string }][]) {
        expect({ name, description: p.description.length > 10 }).toEqual({ name, description: true });
        expect({ name, source: /\d{4}(-\d{2})?/.test(p.source) }).toEqual({ name, source: true });
      }
    }
  });

  it('carries the spec figures', () => {
    const flex = findRulebook('GSE-FLEX')!.parameters as Record<string, { value: unknown; interpretation?: boolean }>;
    expect(flex.targetPaymentFactor.value).toBe(0.79995);
    expect(flex.maxTermMonths.value).toBe(480);
    expect(flex.forbearanceCapOfUpb.value).toBe(0.3);
    expect(flex.forbearancePaymentBoundary.interpretation).toBe(true);
  });

  it('accepts an override and names it in the version', () => {
    const r = withOverrides(findRulebook('GSE-FLEX')!, { forbearancePaymentBoundary: 'rounded' });
    expect(r.version).toBe('2024-12-01+overrides');
  });
});
