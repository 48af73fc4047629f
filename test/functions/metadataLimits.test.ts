/**
 * functions.json as the build emits it (generated from every function file, then finished as
 * webpack.config.js does), checked against Microsoft's rules for custom-function metadata:
 * - descriptions of functions and parameters at most 128 characters (the limit of the add-in
 *   manifest's JSON schema for custom functions); longer help lives on a help page per function,
 *   the metadata's helpUrl;
 * - every function has a helpUrl, on the add-in's own origin, to an anchor that exists;
 * - data types on (allowCustomDataForDataTypeAny) and errors passed in (allowErrorForDataTypeAny:
 *   LM.PORTFOLIO reports a bad tape cell in its row);
 * - no name is an Excel 4.0 macro function name ("Avoid names that match ... An Excel 4.0 Macro
 *   Function (such as RUN, ECHO)", Microsoft Learn, custom-functions-naming).
 */
import { readFileSync } from 'fs';
import path from 'path';
import { finishFunctionsMetadata, headingAnchor, helpPageHtml } from '../../scripts/functionsMetadata';
import { allFunctionsMetadata, ROOT, type AllMetadata } from '../support/lmAllFunctions';

const HELP_PAGE = 'https://localhost:3000/help/functions.html';
const DOCS = readFileSync(path.join(ROOT, 'docs', 'functions.md'), 'utf8');
const DOC_ANCHORS = new Set(DOCS.split('\n').filter((line) => /^#{1,6} /.test(line)).map((line) => headingAnchor(line.replace(/^#+ /, ''))));

/**
 * Excel 4.0 macro functions a short add-in name could collide with (from Microsoft's "Excel 4.0
 * Macro Functions Reference" the naming guidelines link; not the whole list).
 */
const XLM_NAMES = ['EVALUATE', 'RUN', 'ECHO', 'CALL', 'REGISTER', 'RETURN', 'HALT', 'GOTO', 'RESULT', 'ARGUMENT', 'FORMULA', 'SELECTION', 'OPTIONS', 'OPEN', 'SAVE', 'FILES', 'DOCUMENTS', 'INPUT', 'ALERT', 'MESSAGE', 'VOLATILE', 'WAIT', 'NOW', 'TERMINATE', 'EXECUTE', 'POKE', 'REQUEST', 'INITIATE', 'LINKS', 'NAMES'];

describe('functions.json limits and help pages', () => {
  let generated: AllMetadata;
  beforeAll(async () => {
    generated = await allFunctionsMetadata();
  });

  test('every function and parameter description is at most 128 characters', () => {
    const tooLong: string[] = [];
    for (const fn of generated.metadata.functions) {
      if ((fn.description ?? '').length > 128) tooLong.push(`${fn.id}: ${fn.description?.length}`);
      for (const p of fn.parameters) if ((p.description ?? '').length > 128) tooLong.push(`${fn.id}.${p.name}: ${p.description?.length}`);
    }
    expect(tooLong).toEqual([]);
    expect(generated.metadata.functions.length).toBeGreaterThanOrEqual(17);
  });

  test('every function has a helpUrl on the add-in origin, to an anchor of docs/functions.md', () => {
    for (const fn of generated.metadata.functions) {
      const helpUrl = (fn as { helpUrl?: string }).helpUrl ?? '';
      const [page, anchor] = helpUrl.split('#');
      expect({ id: fn.id, page }).toEqual({ id: fn.id, page: HELP_PAGE });
      expect({ id: fn.id, anchor: DOC_ANCHORS.has(anchor) }).toEqual({ id: fn.id, anchor: true });
      expect(anchor).toBe(headingAnchor(`LM.${fn.name}`));
    }
  });

  test('data types and error values reach the functions', () => {
    const metadata = generated.metadata as unknown as Record<string, unknown>;
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });

  test('no function is named like an Excel 4.0 macro function (LM.EVALUATE is now LM.CASEOPTIONS)', () => {
    const names = generated.metadata.functions.map((f) => f.name.toUpperCase());
    expect(names.filter((n) => XLM_NAMES.includes(n))).toEqual([]);
    expect(names).toContain('CASEOPTIONS');
    expect(names).not.toContain('EVALUATE');
  });

  test('the production build moves help URLs to the public URL, as it does the manifest', () => {
    const finished = JSON.parse(finishFunctionsMetadata(generated.metadataJson, 'https://localhost:3000/', 'https://lm.example.com/'));
    for (const fn of finished.functions) expect(fn.helpUrl.startsWith('https://lm.example.com/help/functions.html#')).toBe(true);
  });

  test('the served help page has an element with each function anchor, and escapes the text', () => {
    const html = helpPageHtml(DOCS, 'LM functions');
    for (const fn of generated.metadata.functions) expect(html).toContain(`id="${headingAnchor(`LM.${fn.name}`)}"`);
    expect(helpPageHtml('# A <b>&\n\nx <script>', 't')).toContain('<h1 id="a-b">A &lt;b&gt;&amp;</h1>');
    expect(helpPageHtml('x <script>alert(1)</script>', 't')).not.toContain('<script>');
  });
});
