/**
 * functions.json as the build generates it, checked offline: the same generator the webpack
 * plugin runs (custom-functions-metadata), on src/functions/functions.ts, without webpack.
 */
import { generatedMetadata, type GeneratedMetadata } from '../support/lmFunctions';

describe('custom function metadata (functions.json)', () => {
  let generated: GeneratedMetadata;
  beforeAll(async () => {
    generated = await generatedMetadata();
  });
  const fn = (id: string) => {
    const found = generated.metadata.functions.find((f) => f.id === id);
    if (!found) throw new Error(`no function ${id}`);
    return found;
  };

  it('generates without errors and associates each id with an exported function', () => {
    expect(generated.errors).toEqual([]);
    expect(generated.metadata.functions.map((f) => f.id).sort()).toEqual(['DTI', 'MODTERMS']);
    expect(generated.associate.map((a) => [a.id, a.functionName]).sort()).toEqual([
      ['DTI', 'dti'],
      ['MODTERMS', 'modterms'],
    ]);
  });

  it('names each function as its id (called as LM.DTI, LM.MODTERMS)', () => {
    for (const f of generated.metadata.functions) expect(f.name).toBe(f.id);
  });

  it('describes every function and every parameter', () => {
    for (const f of generated.metadata.functions) {
      expect(f.description?.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect({ fn: f.id, param: p.name, described: (p.description ?? '').length > 10 }).toEqual({ fn: f.id, param: p.name, described: true });
    }
  });

  it('LM.DTI: income and housing_expense required ranges, other_debts optional', () => {
    const dti = fn('DTI');
    expect(dti.parameters.map((p) => [p.name, p.dimensionality, Boolean(p.optional)])).toEqual([
      ['income', 'matrix', false],
      ['housing_expense', 'matrix', false],
      ['other_debts', 'matrix', true],
    ]);
    expect(dti.result?.type).toBe('number');
  });

  it('LM.MODTERMS: seven required arguments, three optional, a matrix result', () => {
    const modterms = fn('MODTERMS');
    expect(modterms.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual([
      ['program', false],
      ['upb', false],
      ['arrears', false],
      ['rate', false],
      ['remaining_term', false],
      ['current_pi', false],
      ['property_value', false],
      ['modification_rate', true],
      ['monthly_escrow', true],
      ['field', true],
    ]);
    expect(modterms.result?.dimensionality).toBe('matrix');
  });
});
