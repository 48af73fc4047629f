/** Types of scripts/functionsMetadata.js (plain CommonJS, shared by webpack.config.js and the tests). */
export function finishFunctionsMetadata(metadataJson: string, devUrl?: string, baseUrl?: string): string;
export function helpPageHtml(markdown: string, title: string): string;
export function headingAnchor(text: string): string;
