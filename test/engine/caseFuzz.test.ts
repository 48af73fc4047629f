/**
 * No accepted case makes the evaluation throw (issue 9: "no input may produce an internal
 * error"). Cases are generated field by field from the case table and the bounds table, with
 * values at and inside every bound (0, the warning bound, one cent below the error bound, the
 * earliest and latest accepted dates); whatever parseCase accepts, checkCase must evaluate.
 * Before the bounds, such a run found the application date of 1926 (the holiday calendar
 * starts in 1971) and a borrower contribution larger than the whole debt.
 */
import fc from 'fast-check';
import { boundsOf, isDateBounds } from '../../src/engine/case/bounds';
import { checkCase } from '../../src/engine/case/check';
import { CASE_FIELDS, US_STATE_CODES, type FieldSpec, type FieldTable } from '../../src/engine/case/parse';
import { formatIsoDate } from '../../src/engine/dates';

type Json = Record<string, unknown>;

const dateIn = (earliest: string, latest: string) =>
  fc.oneof(
    fc.constantFrom(earliest, latest),
    fc.integer({ min: Date.parse(earliest), max: Date.parse(latest) }).map((ms) => formatIsoDate(new Date(ms))),
    fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2031, 11, 31) }).map((ms) => formatIsoDate(new Date(ms))),
  );

function valueOf(path: string, spec: FieldSpec): fc.Arbitrary<unknown> | null {
  const bounds = boundsOf(path, spec.kind);
  switch (spec.kind) {
    case 'amount': {
      const max = bounds && !isDateBounds(bounds) ? bounds.max : 1e9;
      const warn = bounds && !isDateBounds(bounds) ? (bounds.warnAbove ?? max / 10) : 1e7;
      const edges = [0.01, 1, 100, 1000, 250000, warn, Math.round((max - 0.01) * 100) / 100];
      const any = fc.oneof(fc.constantFrom(...edges), fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 100));
      return spec.positive ? any : fc.oneof(fc.constant(0), any);
    }
    case 'rate':
      return fc.oneof(fc.constantFrom(0, 0.0001, 0.02, 0.0475, 0.2, 0.999999), fc.integer({ min: 0, max: 999_999 }).map((x) => x / 1_000_000));
    case 'integer': {
      const max = bounds && !isDateBounds(bounds) ? bounds.max : 1200;
      return fc.oneof(fc.constantFrom(spec.min, max), fc.integer({ min: spec.min, max }));
    }
    case 'number':
      return fc.constantFrom(0.5, 1, 40, 168);
    case 'date':
      return bounds && isDateBounds(bounds) ? dateIn(bounds.earliest, bounds.latest) : dateIn('1900-01-01', '2100-12-31');
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'boolean':
      return fc.boolean();
    case 'text':
      return fc.constantFrom('X-1', 'AUTO');
    case 'textList':
      return fc.constant(['A. Borrower']);
    case 'object':
      return record(spec.fields, path);
    case 'list':
      return fc.array(record(spec.item, `${path}[]`), { maxLength: 3 });
    case 'custom':
      if (path === 'property.state') return fc.constantFrom(...US_STATE_CODES);
      if (path === 'loan.loanNumber') return fc.constant('0012345678');
      if (path === 'borrower.ssnLast4') return fc.constant('1234');
      return null; // rulebookOverrides: left out
  }
}

function record(table: FieldTable, path: string): fc.Arbitrary<Json> {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, spec] of Object.entries(table)) {
    const arb = valueOf(path ? `${path}.${name}` : name, spec);
    if (arb !== null) parts[name] = spec.required ? arb : fc.option(arb, { nil: undefined, freq: 3 });
  }
  return fc.record(parts).map((r) => JSON.parse(JSON.stringify(r)) as Json);
}

const anyCase = record(CASE_FIELDS, '').map((c) => {
  // An HOURLY line needs its hours (a cross-field rule, tested elsewhere): give them.
  const borrower = c.borrower as { incomes?: Json[] } | undefined;
  for (const line of borrower?.incomes ?? []) if (line.frequency === 'HOURLY' && line.hoursPerWeek === undefined) line.hoursPerWeek = 40;
  return c;
});

describe('fuzz: every case the parser accepts evaluates without an internal error', () => {
  it('over generated cases at and inside every bound', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyCase, (c) => {
        const result = checkCase(c);
        if (result.verdict !== 'invalid') accepted += 1;
        expect(result.verdict === 'internal error' ? result.message : 'no internal error').toBe('no internal error');
      }),
      { numRuns: 600, seed: 20261206 },
    );
    // The run means something only if many generated cases are accepted.
    expect(accepted).toBeGreaterThan(100);
  });
});
