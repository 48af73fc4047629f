/**
 * The structural manifest check (scripts/manifest-check.js, also `npm run validate:offline`):
 * the real manifest passes, and each rule fails on a manifest broken in that one way.
 */
import fs from 'fs';
import path from 'path';
import { checkManifest, emittedFiles, parseXml, pngSize } from '../scripts/manifest-check';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack config is CommonJS, read as the build reads it.
const webpackConfig = require('../webpack.config.js') as {
  DEV_URL: string;
  rewriteManifest: (content: string, baseUrl: string) => string;
  publicUrl: (env: Record<string, string | undefined>) => string;
};

const ROOT = path.join(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

describe('XML well-formedness', () => {
  it('parses elements, attributes, entities, comments and CDATA', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><a x="1 &amp; 2"><b/><c>t &lt; u<![CDATA[<raw>]]></c></a>');
    expect(root.name).toBe('a');
    expect(root.attributes.x).toBe('1 & 2');
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[1].text).toBe('t < u<raw>');
  });

  it.each([
    ['<a><b></a></b>', /<\/a> closes <b>/],
    ['<a x="1" x="2"/>', /attribute x is repeated/],
    ['<a x=1/>', /must be quoted/],
    ['<a>AT&T</a>', /"&" must be written &amp;/],
    ['<a>&nbsp;</a>', /unknown entity &nbsp;/],
    ['<a/><b/>', /content after the root element/],
    ['<a>', /never closed/],
    ['<a x="<"/>', /"<" is not allowed/],
    [' <?xml version="1.0"?><a/>', /declaration must be the very first/],
    ['<a><!-- a -- b --></a>', /"--" is not allowed inside a comment/],
  ])('rejects %s', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('gives the line of the problem', () => {
    expect(() => parseXml('<a>\n<b>\n</c></a>')).toThrow(/^line 3, column 1/);
  });
});

describe('manifest.xml', () => {
  let emitted: Set<string>;
  beforeAll(async () => {
    emitted = await emittedFiles(ROOT);
  });
  const check = (text: string) => checkManifest(text, { emitted, assetDir: ROOT });

  it('reads the emitted file names from webpack.config.js', () => {
    expect([...emitted]).toEqual(expect.arrayContaining(['taskpane.html', 'functions.js', 'functions.json', 'taskpane.js', 'assets/icon-80.png']));
  });

  it('passes every structural check', () => {
    expect(check(MANIFEST)).toEqual([]);
  });

  it.each([
    ['a resid not defined', (m: string) => m.replace('<Title resid="GetStarted.Title"/>', '<Title resid="GetStarted.Titel"/>'), /resid "GetStarted.Titel", which <Resources> does not define/],
    ['an unused resource', (m: string) => m.replace('</bt:ShortStrings>', '<bt:String id="Unused" DefaultValue="x"/></bt:ShortStrings>'), /resource "Unused" is defined but never used/],
    ['a resource id defined twice', (m: string) => m.replace('</bt:LongStrings>', '<bt:String id="GetStarted.Title" DefaultValue="x"/></bt:LongStrings>'), /"GetStarted.Title" is defined twice/],
    ['a duplicate control id', (m: string) => m.replace('id="LM.TaskpaneButton"', 'id="LM.Group"'), /id "LM.Group" is used by/],
    ['an http URL', (m: string) => m.replace('https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>', 'http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>'), /is not https/],
    ['a URL the build does not emit', (m: string) => m.replace('https://localhost:3000/functions.js', 'https://localhost:3000/public/functions.js'), /"public\/functions.js", which the webpack build does not emit/],
    ['an icon of the wrong size', (m: string) => m.replace('<bt:Image size="80" resid="Icon.80x80"/>', '<bt:Image size="80" resid="Icon.32x32"/>'), /icon-32.png is 32x32, the manifest says 80x80/],
    ['a missing icon file', (m: string) => m.replace('assets/icon-16.png', 'assets/icon-17.png'), /icon-17.png does not exist/],
    ['<Runtimes> not first in <Host>', (m: string) => m.replace(/(<Runtimes>\s*<Runtime [\s\S]*?<\/Runtimes>)([\s\S]*?<\/AllFormFactors>)/, '$2$1'), /<Runtimes> must be the first child/],
    ['a <TaskpaneId>', (m: string) => m.replace('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane"><TaskpaneId>ButtonId1</TaskpaneId>'), /must not have a <TaskpaneId>/],
    ['a functions page other than the runtime', (m: string) => m.replace(/(<Page>\s*<SourceLocation resid=")Taskpane.Url/, '$1Functions.Script.Url'), /must be the shared runtime page/],
    ['another namespace', (m: string) => m.replace('id="Functions.Namespace" DefaultValue="LM"', 'id="Functions.Namespace" DefaultValue="CONTOSO"'), /namespace must be "LM"/],
    ['no SharedRuntime requirement', (m: string) => m.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ''), /SharedRuntime/],
    ['broken XML', (m: string) => m.replace('</Resources>', '</Resource>'), /not well-formed XML: line \d+/],
  ])('flags %s', (_name, mutate, problem) => {
    const mutated = mutate(MANIFEST);
    expect(mutated).not.toBe(MANIFEST); // the mutation applied
    expect(check(mutated).join('\n')).toMatch(problem);
  });

  it('has icons 16, 32, 64 and 80 px in assets/', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)))).toEqual({ width: size, height: size });
    }
  });
});

describe('production manifest URL rewrite (webpack CopyWebpackPlugin transform)', () => {
  it('rewrites every development URL to LM_PUBLIC_URL, leaving the manifest valid', async () => {
    const base = webpackConfig.publicUrl({ LM_PUBLIC_URL: 'https://lm.servicer.example/addin' });
    expect(base).toBe('https://lm.servicer.example/addin/');
    const production = webpackConfig.rewriteManifest(MANIFEST, base);
    expect(production).not.toContain('https://localhost');
    const devCount = MANIFEST.split(webpackConfig.DEV_URL).length - 1;
    expect(production.split(base).length - 1).toBe(devCount);
    expect(checkManifest(production, { emitted: await emittedFiles(ROOT), baseUrl: base, assetDir: ROOT })).toEqual([]);
  });

  it('defaults to the documented URL and refuses a non-https one', () => {
    expect(webpackConfig.publicUrl({})).toBe('https://lm-workbench.example.com/');
    expect(() => webpackConfig.publicUrl({ LM_PUBLIC_URL: 'http://lm.example' })).toThrow(/must be an https:\/\/ URL/);
  });
});
