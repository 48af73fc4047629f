/**
 * functions.json, generated from the JSDoc of every file the build bundles (webpack.config.js
 * FUNCTION_FILES) with the same generator the webpack plugin runs, compared with the checked-in
 * golden file. A change to any function's name, parameters, help or result shape fails here
 * until it is accepted deliberately:
 *
 *   UPDATE_GOLDEN=1 npx jest test/functions/golden
 *
 * then review the diff of test/functions/functions.golden.json before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { allFunctionsMetadata, type AllMetadata } from '../support/lmAllFunctions';

const GOLDEN = path.join(__dirname, 'functions.golden.json');

describe('functions.json golden file', () => {
  let generated: AllMetadata;
  beforeAll(async () => {
    generated = await allFunctionsMetadata();
  });

  test('generates without errors', () => {
    expect(generated.errors).toEqual([]);
  });

  test('every function and every parameter has help text, and ids are unique', () => {
    const ids = generated.metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of generated.metadata.functions) {
      expect({ id: f.id, described: (f.description ?? '').length > 20 }).toEqual({ id: f.id, described: true });
      for (const p of f.parameters) expect({ id: f.id, param: p.name, help: (p.description ?? '').length > 10 }).toEqual({ id: f.id, param: p.name, help: true });
    }
  });

  test('matches test/functions/functions.golden.json', () => {
    const current = JSON.parse(generated.metadataJson);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(current, null, 2)}\n`);
    if (!existsSync(GOLDEN)) throw new Error('no golden file: run UPDATE_GOLDEN=1 npx jest test/functions/golden and review it');
    expect(current).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
