/**
 * Check ids (style examples, change 1): every eligibility check carries a stable id from the
 * CheckId union, built by the one `check` helper, and reasons are derived from the id, so
 * rewording a test's display text cannot change a reason.
 */
import * as fs from 'fs';
import * as path from 'path';
import { evaluateCase } from '../../../src/engine/evaluate';
import { check, reasonOf } from '../../../src/engine/programs/checks';

const examples = path.resolve(__dirname, '..', '..', '..', 'examples');

describe('eligibility check ids', () => {
  test('every check of every example evaluation has a kebab-case id', () => {
    let seen = 0;
    for (const file of fs.readdirSync(examples).filter((f) => f.endsWith('.json'))) {
      const evaluation = evaluateCase(JSON.parse(fs.readFileSync(path.join(examples, file), 'utf8')));
      for (const option of Object.values(evaluation.options)) {
        for (const c of option.checks) {
          expect({ file, test: c.test, id: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id) }).toEqual({ file, test: c.test, id: true });
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(50);
  });

  test('the reason follows the id, not the wording', () => {
    const a = check('pi-does-not-increase', 'P&I does not increase', false, '1200.00 > 1100.00');
    const reworded = { ...a, test: 'the new principal and interest is not higher' };
    expect(reasonOf(a)).toBe('P&I increase');
    expect(reasonOf(reworded)).toBe('P&I increase');
    expect(reasonOf(check('va-residual-income', 'anything', false, 'x'))).toBe('residual income below the VA requirement');
  });

  test('the helper takes a boolean for pass / fail and keeps "not checked"', () => {
    expect(check('hardship-resolved', 't', true, 'd').status).toBe('pass');
    expect(check('hardship-resolved', 't', false, 'd').status).toBe('fail');
    expect(check('hardship-resolved', 't', 'not checked', 'd').status).toBe('not checked');
  });
});
