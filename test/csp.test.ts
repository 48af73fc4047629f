/**
 * The production task pane ships a Content-Security-Policy (docs/engine-core.md section 6):
 * scripts only from its own origin and the Office.js CDN, no 'unsafe-eval', nothing sent
 * elsewhere. The production build runs once here, into a temp folder (never dist/), with
 * webpack's file cache in the temp folder too, so a second run is faster.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack config is CommonJS, read as the build reads it.
const webpackConfig = require('../webpack.config.js') as ((env: object, argv: object) => Promise<webpack.Configuration>) & {
  CONTENT_SECURITY_POLICY: string;
  OFFICE_JS_CDN: string;
};

const ROOT = path.join(__dirname, '..');
const CSP = webpackConfig.CONTENT_SECURITY_POLICY;

/** The policy's directives: name -> sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** The tags of a (minified) HTML head in order, with their attributes: quoted or not, as html-minifier writes them. */
function tags(html: string): { name: string; attributes: Record<string, string> }[] {
  return [...html.matchAll(/<([a-z]+)\b([^>]*)>/gi)].map((m) => ({
    name: m[1].toLowerCase(),
    attributes: Object.fromEntries([...m[2].matchAll(/([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)].map((a) => [a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ''])),
  }));
}

describe('the Content-Security-Policy, as written', () => {
  const policy = directives(CSP);

  it('scripts only from the own origin and the Office.js CDN; no eval, no inline script', () => {
    expect(webpackConfig.OFFICE_JS_CDN).toBe('https://appsforoffice.microsoft.com');
    expect(policy.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(CSP).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic|\*/);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('nothing leaves for another origin: connections, frames, forms, plugins, base', () => {
    for (const name of ['connect-src', 'frame-src', 'img-src', 'font-src']) {
      for (const source of policy.get(name) ?? []) expect(["'self'", 'https://appsforoffice.microsoft.com', 'data:']).toContain(source);
    }
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    // Inline styles only (Griffel and Office.js insert them; see webpack.config.js): no other origin.
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe('dist/taskpane.html of a production build', () => {
  const out = path.join(os.tmpdir(), 'lm-csp-build');
  let html = '';
  let bundles: Record<string, string> = {};
  let devtool: unknown;
  let buildMillis = 0;

  beforeAll(async () => {
    const started = Date.now();
    const config = await webpackConfig({}, { mode: 'production' });
    devtool = config.devtool;
    config.mode = 'production';
    config.output = { ...config.output, path: out, clean: true };
    config.cache = { type: 'filesystem', cacheDirectory: path.join(os.tmpdir(), 'lm-csp-webpack-cache'), buildDependencies: { config: [path.join(ROOT, 'webpack.config.js')] } };
    config.context = ROOT;
    config.infrastructureLogging = { level: 'error' };
    await new Promise<void>((resolve, reject) => {
      webpack(config, (error, stats) => {
        if (error) return reject(error);
        if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
        resolve();
      });
    });
    html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    bundles = Object.fromEntries(['taskpane.js', 'functions.js'].map((name) => [name, fs.readFileSync(path.join(out, name), 'utf8')]));
    buildMillis = Date.now() - started;
    if (process.env.LM_CSP_TIMING) console.log(`production build for the CSP test: ${buildMillis} ms`);
  }, 600_000);

  it('carries the policy in <head>, right after <meta charset>, before any script', () => {
    const head = tags(/<head>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '');
    expect(head[0]).toEqual({ name: 'meta', attributes: { charset: 'UTF-8' } });
    expect(head[1]).toEqual({ name: 'meta', attributes: { 'http-equiv': 'Content-Security-Policy', content: CSP } });
    expect(head.filter((t) => t.attributes['http-equiv'] === 'Content-Security-Policy')).toHaveLength(1);
  });

  it('every script the page loads is allowed by the policy (own origin or the Office.js CDN), none inline', () => {
    const scripts = tags(html).filter((t) => t.name === 'script');
    expect(scripts.map((t) => t.attributes.src)).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'taskpane.js', 'functions.js']);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
  });

  it('the production bundles use no eval devtool', () => {
    expect(devtool === false || (typeof devtool === 'string' && !devtool.includes('eval'))).toBe(true);
    for (const text of Object.values(bundles)) {
      expect(text).not.toMatch(/\beval\(|sourceURL=webpack/);
      // The one Function constructor left is the global-object fallback `new Function("return this")`,
      // reached only where globalThis is missing (not in any Office webview) and caught there.
      expect([...text.matchAll(/new Function\(([^)]*)\)/g)].map((m) => m[1]).filter((args) => args !== '"return this"')).toEqual([]);
    }
  });
});
