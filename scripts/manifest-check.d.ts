/** Types of scripts/manifest-check.js (plain CommonJS so that `npm run validate:offline` runs it with node). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}
export class XmlError extends Error {
  line: number;
  column: number;
}
export function parseXml(text: string): XmlElement;
export function pngSize(buffer: Buffer): { width: number; height: number } | null;
export function emittedFiles(rootDir?: string): Promise<Set<string>>;
export interface CheckOptions {
  emitted?: Set<string>;
  baseUrl?: string;
  assetDir?: string;
  namespace?: string;
}
export function checkManifest(text: string, options?: CheckOptions): string[];
export function checkProject(rootDir?: string, manifestFile?: string): Promise<string[]>;
