/**
 * Writes a parsed case back as the JSON of case-format.md, every field present, in the order
 * of the format. It walks the same field table as the parser (CASE_FIELDS), so the round trip
 * parseCase(caseToJson(c)) gives back exactly c.
 */
import { CASE_FIELDS, isPlainObject, type FieldTable } from './parse';
import type { CaseInput, LoanCase } from './types';

export function caseToJson(loanCase: LoanCase): CaseInput {
  return writeObject(loanCase as unknown as Record<string, unknown>, CASE_FIELDS) as CaseInput;
}

function writeObject(source: Record<string, unknown>, table: FieldTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(table)) {
    const value = source[key];
    if (value === undefined) {
      // Only list-item fields without a default (hoursPerWeek, balance) may be absent.
      if (!spec.omitWhenAbsent) out[key] = null;
      continue;
    }
    if (spec.kind === 'object' && isPlainObject(value)) {
      out[key] = writeObject(value, spec.fields);
    } else if (spec.kind === 'list' && Array.isArray(value)) {
      out[key] = value.map((item) => writeObject(item as Record<string, unknown>, spec.item));
    } else {
      out[key] = copy(value);
    }
  }
  return out;
}

/** A deep copy of a plain JSON value, so that editing the output never edits the case. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  return value;
}
