/**
 * A deep snapshot of an in-memory workbook, for the fault-injection test: every sheet (name,
 * order, visibility, values, formulas, formats, styles, merges, widths, tables, validations,
 * charts, names, print setup), the workbook's names and tables, the document settings and the
 * active sheet. Internal ids are left out (a sheet rebuilt the same way is the same sheet to a user).
 */
import type { InMemoryExcel } from '../../src/workbench/excelHost';

export function workbookState(host: InMemoryExcel): unknown {
  const model = host.workbook;
  const sheets = host.sheetNames().map((name) => {
    const { id: _id, ...rest } = host.getSheetSnapshot(name)!;
    void _id;
    return rest;
  });
  const sheetName = (id: string | null) => (id === null ? null : (model.sheetById(id)?.name ?? '?'));
  return {
    sheets,
    active: sheetName(model.activeSheetId),
    names: model.names.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment, scope: sheetName(n.scopeSheetId), visible: n.visible })).sort((a, b) => `${a.scope}!${a.name}`.localeCompare(`${b.scope}!${b.name}`)),
    tables: model.tables.map((t) => ({ name: t.name, sheet: sheetName(t.sheetId), box: t.box, style: t.style })).sort((a, b) => a.name.localeCompare(b.name)),
    settings: Object.fromEntries([...model.settings.entries()].sort(([a], [b]) => a.localeCompare(b))),
  };
}
