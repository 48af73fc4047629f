/**
 * The proxy objects of the in-memory Excel JavaScript API. As in Office.js, calls and property
 * writes are queued on the request context and applied at `context.sync()`; `load()` asks for
 * properties that can be read after the sync; reading a property that was neither loaded nor
 * set throws PropertyNotLoaded. Items are looked up when the batch runs, so a missing sheet is
 * an ItemNotFound error from `sync()`, and `getItemOrNullObject` answers `isNullObject`.
 *
 * Deviation: the loads of one batch are answered after all of its writes (Excel answers each in
 * queue order); the add-in never loads and writes the same property in one batch.
 *
 * The host is at least as strict as Excel: each rule cites, beside its code, the Microsoft page it
 * follows, and docs/pane-workbench.md lists them all with the test that holds each one.
 *
 * This module gathers the families, each in a file of its own:
 * - proxyBase.ts: ClientObject, loading and PropertyNotLoaded, Resolver, the errors, assertEditable;
 * - workbook.ts: RequestContext (the queue, `sync()`, REQUEST_PAYLOAD_LIMIT) and WorkbookProxy;
 * - worksheets.ts: the worksheet collection, a worksheet (name rules), freeze panes, page layout,
 *   page breaks (MAX_HORIZONTAL_PAGE_BREAKS), protection;
 * - ranges.ts: a range (what a written value becomes, reads, writes, clear, merge), sheetPrefix,
 *   data validation (list source limit);
 * - rangeFormat.ts: `range.format` and its fill, font, borders and cell protection;
 * - conditionalFormats.ts: `range.conditionalFormats`;
 * - names.ts: defined names (name and comment rules); tables.ts: tables and table rows;
 *   charts.ts: charts, chart title and legend.
 */
export { ClientResult, InMemoryExcelError } from './proxyBase';
export { REQUEST_PAYLOAD_LIMIT, RequestContext, WorkbookProxy } from './workbook';
export { FreezePanesProxy, MAX_HORIZONTAL_PAGE_BREAKS, PageBreakCollectionProxy, PageLayoutProxy, ProtectionProxy, WorksheetCollectionProxy, WorksheetProxy } from './worksheets';
export { DataValidationProxy, RangeProxy, sheetPrefix } from './ranges';
export { FormatProtectionProxy, RangeBorderCollectionProxy, RangeBorderProxy, RangeFillProxy, RangeFontProxy, RangeFormatProxy } from './rangeFormat';
export { ConditionalFormatCollectionProxy, ConditionalFormatProxy, ConditionalRangeFillProxy, ConditionalRangeFontProxy, ConditionalRangeFormatProxy, TextConditionalFormatProxy } from './conditionalFormats';
export { NamedItemCollectionProxy, NamedItemProxy } from './names';
export { TableCollectionProxy, TableProxy, TableRowCollectionProxy } from './tables';
export { ChartCollectionProxy, ChartLegendProxy, ChartProxy, ChartTitleProxy } from './charts';
