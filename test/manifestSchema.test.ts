/**
 * Offline XSD validation of the manifest with xmllint (Debian libxml2-utils, installed by
 * scripts/ensure-xmllint.sh, which `npm test` runs first) against Microsoft's manifest schemas in
 * ../shared/schemas/office-addin-manifest/ (MS-OWEMXML, patched for <Runtimes>; its README says
 * where they come from). The folder sits beside the repository on CI, not in a fresh clone: then
 * this file says so and checks nothing.
 *
 * Validated: manifest.xml as written (also what a development build copies), and what a
 * production build writes to dist/manifest.xml (webpack.config.js copies manifest*.xml through
 * `rewriteManifest`, swapping the development URL for LM_PUBLIC_URL), for the default URL and a
 * deeper one. Each broken copy in negative/ must be rejected, for the reason its name gives.
 * The structural check (test/manifest.test.ts) covers what a schema cannot say.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack config is CommonJS, read as the build reads it.
const webpackConfig = require('../webpack.config.js') as {
  rewriteManifest: (content: string, baseUrl: string) => string;
  publicUrl: (env: Record<string, string | undefined>) => string;
};

const ROOT = path.join(__dirname, '..');
const SCHEMA_DIR = path.resolve(ROOT, '..', 'shared', 'schemas', 'office-addin-manifest');
const SCHEMA = path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');
const NEGATIVE_DIR = path.join(SCHEMA_DIR, 'negative');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** xmllint's verdict on an XML text: ok, and its messages (file name "-": the text comes on stdin). */
function validate(xml: string): { ok: boolean; messages: string } {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, '-'], { input: xml, encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}): run scripts/ensure-xmllint.sh (Debian libxml2-utils)`);
  // 0 valid; 3 and 4 invalid against the schema or not well-formed; anything else is xmllint itself failing.
  if (![0, 1, 3, 4].includes(run.status ?? -1)) throw new Error(`xmllint exited ${run.status}: ${run.stderr}`);
  return { ok: run.status === 0, messages: run.stderr };
}

/** Why each published broken copy must fail, as xmllint words it. */
const EXPECTED_REJECTION: Record<string, RegExp> = {
  'lifetime_forever.xml': /attribute 'lifetime'.*'forever' is not an element of the set/,
  'namespace_too_long_string.xml': /\[facet 'maxLength'\].*exceeds the allowed maximum length of '125'/,
  'no_page.xml': /Element '\{[^}]*\}Metadata': This element is not expected\. Expected is \( \{[^}]*\}Page \)/,
  'resid_33_chars.xml': /attribute 'resid': \[facet 'maxLength'\].*maximum length of '32'/,
  'runtimes_after_allformfactors.xml': /Element '\{[^}]*\}Runtimes': This element is not expected/,
  'supporturl_before_icon.xml': /Element '\{[^}]*\}IconUrl': This element is not expected/,
};

if (!fs.existsSync(SCHEMA_DIR)) {
  describe('manifest XSD validation', () => {
    it(`is not run: ${path.relative(ROOT, SCHEMA_DIR)} does not exist beside this checkout (CI has it)`, () => {
      console.warn(`manifest XSD validation not run: ${SCHEMA_DIR} is absent (the structural check in test/manifest.test.ts still ran)`);
      expect(fs.existsSync(SCHEMA_DIR)).toBe(false);
    });
  });
} else {
  describe('manifest XSD validation (xmllint against Microsoft\'s schemas)', () => {
    it('manifest.xml (as written, and as a development build copies it) is valid', () => {
      expect(validate(MANIFEST)).toEqual({ ok: true, messages: '- validates\n' });
    });

    it.each([
      ['the default production URL', {}],
      ['LM_PUBLIC_URL=https://addins.example.com/lm/workbench', { LM_PUBLIC_URL: 'https://addins.example.com/lm/workbench' }],
    ])('dist/manifest.xml as a production build writes it (%s) is valid', (_name, env) => {
      const built = webpackConfig.rewriteManifest(MANIFEST, webpackConfig.publicUrl(env));
      expect(built).not.toContain('https://localhost:3000');
      expect(validate(built)).toEqual({ ok: true, messages: '- validates\n' });
    });

    const negatives = fs.existsSync(NEGATIVE_DIR) ? fs.readdirSync(NEGATIVE_DIR).filter((f) => f.endsWith('.xml')).sort() : [];
    it('the folder holds the six published broken manifests', () => {
      expect(negatives).toEqual(expect.arrayContaining(Object.keys(EXPECTED_REJECTION)));
    });

    it.each(negatives)('rejects the broken copy negative/%s', (file) => {
      const { ok, messages } = validate(fs.readFileSync(path.join(NEGATIVE_DIR, file), 'utf8'));
      expect(ok).toBe(false);
      const reason = EXPECTED_REJECTION[file];
      if (reason) expect(messages).toMatch(reason);
      else expect(messages).toMatch(/Schemas validity error|parser error/);
    });
  });
}
