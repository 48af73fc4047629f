/** STUB (being implemented): in-memory Excel JavaScript API. */
export interface InMemoryExcel { Excel: unknown; Office: unknown; workbook: unknown; syncCount(): number; getSheetSnapshot(name: string): unknown }
export function createInMemoryExcel(): InMemoryExcel { throw new Error('not implemented yet'); }
export function installGlobals(_target: object, _host?: InMemoryExcel): InMemoryExcel { throw new Error('not implemented yet'); }
