/** The engine's version, printed with every evaluation so a workbook says which engine computed it. */
export const ENGINE_VERSION = '0.1.0';
