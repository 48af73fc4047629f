/**
 * A two-column label/value range laid out like the Case Input sheet (LM.CASEOPTIONS) read into
 * case JSON. A label is a case field path (`loan.upb`), a leaf name (`upb`), or a label of the
 * Case Input sheet supplied by the caller as `labelAliases` (label text -> field path), so
 * that the engine does not depend on the sheet's wording.
 *
 * Rows whose value is blank are skipped (section headings, empty inputs: the case default
 * applies). A label that names no field while its value is filled is a problem (a typo must
 * not be ignored). Every problem is reported at once, each naming the row and the label.
 */
import { CaseJsonBuilder, cellToFieldValue, isBlankCell, resolveField, type CellValue, type ResolvedField } from './caseFields';
import type { InputProblem } from './errors';

export type LabelRangeResult = { ok: true; json: Record<string, unknown> } | { ok: false; problems: InputProblem[] };

const normalizeLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').replace(/:$/, '').toLowerCase();

/**
 * Reads a range of at least two columns: the label in the first, the value in the second
 * (further columns, such as notes, are ignored).
 */
export function caseJsonFromLabelRange(range: CellValue[][], labelAliases: Record<string, string> = {}): LabelRangeResult {
  const aliases = new Map<string, string>();
  for (const [label, path] of Object.entries(labelAliases)) aliases.set(normalizeLabel(label), path);

  const problems: InputProblem[] = [];
  if (range.length === 0 || range[0].length < 2) {
    return { ok: false, problems: [{ field: 'case_range', message: 'select two columns: labels in the first, values in the second' }] };
  }
  const builder = new CaseJsonBuilder();
  range.forEach((cells, index) => {
    const [label, value] = cells;
    if (isBlankCell(value) || isBlankCell(label) || typeof label !== 'string') return;
    const where = `row ${index + 1} (${label.trim()})`;
    const alias = aliases.get(normalizeLabel(label));
    const field = resolveField(alias ?? label.trim().replace(/:$/, ''));
    if ('error' in field) {
      problems.push({ field: where, message: field.error });
      return;
    }
    const converted = cellToFieldValue(value, (field as ResolvedField).fieldKind);
    if (!converted.ok) {
      problems.push({ field: `${where} ${field.path}`, message: converted.message });
      builder.set(field, null); // still counts as given, so a second row for the field is reported too
      return;
    }
    const twice = builder.set(field, converted.value);
    if (twice) problems.push({ field: where, message: twice });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, json: builder.build() };
}
