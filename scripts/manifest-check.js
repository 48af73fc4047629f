#!/usr/bin/env node
/**
 * Offline structural check of manifest.xml (`npm run validate:offline`, and test/manifest.test.ts).
 * `npm run validate` asks Microsoft's validation service (needs the internet); this one needs
 * nothing and catches the mistakes that break sideloading silently:
 *
 * - the XML is well-formed (a small strict parser below: the manifest is plain XML without a
 *   DTD, and a dependency for it would be larger than the parser);
 * - every `resid` is defined in <Resources>, every resource is used, ids are unique;
 * - every URL is https;
 * - every URL under the development base points at a file the webpack build emits (names read
 *   from webpack.config.js, never repeated here);
 * - <Runtimes> is the first child of the VersionOverrides <Host>, the custom functions page is
 *   the shared runtime, the ShowTaskpane action has no <TaskpaneId>, SharedRuntime is required;
 * - each icon file exists at the size the manifest states (PNG IHDR).
 */
'use strict';
const fs = require('fs');
const path = require('path');

// ---------------------------------------------------------------------------------------------
// A strict, small XML parser (elements, attributes, text, comments, CDATA, PIs; no DTD)
// ---------------------------------------------------------------------------------------------

class XmlError extends Error {
  constructor(message, line, column) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'XmlError';
    this.line = line;
    this.column = column;
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses XML text into { name, attributes, children, text, line } elements; throws XmlError when not well-formed. */
function parseXml(text) {
  let i = 0;
  const position = (at = i) => {
    const before = text.slice(0, at).split('\n');
    return [before.length, before[before.length - 1].length + 1];
  };
  const fail = (message, at = i) => {
    throw new XmlError(message, ...position(at));
  };
  const decode = (raw, at) =>
    raw.replace(/&([^;]*);|&/g, (match, entity) => {
      if (entity === undefined) fail('"&" must be written &amp;', at);
      if (ENTITIES[entity]) return ENTITIES[entity];
      const code = /^#x[0-9a-fA-F]+$/.test(entity) ? parseInt(entity.slice(2), 16) : /^#[0-9]+$/.test(entity) ? parseInt(entity.slice(1), 10) : NaN;
      if (Number.isNaN(code)) fail(`unknown entity &${entity};`, at);
      return String.fromCodePoint(code);
    });
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const comment = () => {
    const end = text.indexOf('-->', i + 4);
    if (end < 0) fail('unterminated comment');
    if (text.slice(i + 4, end).includes('--')) fail('"--" is not allowed inside a comment');
    i = end + 3;
  };
  const skipMisc = (allowDeclaration) => {
    for (;;) {
      skipSpace();
      if (text.startsWith('<?xml', i) && /\s/.test(text[i + 5] || '')) {
        if (!allowDeclaration || i !== 0) fail('the XML declaration must be the very first thing in the file');
        const end = text.indexOf('?>', i);
        if (end < 0) fail('unterminated XML declaration');
        i = end + 2;
      } else if (text.startsWith('<?', i)) {
        const end = text.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else if (text.startsWith('<!--', i)) {
        comment();
      } else if (text.startsWith('<!DOCTYPE', i)) {
        fail('a DOCTYPE is not expected in a manifest');
      } else {
        return;
      }
      allowDeclaration = false;
    }
  };

  function element() {
    const start = i;
    if (text[i] !== '<') fail('expected "<"');
    i++;
    const name = (text.slice(i).match(NAME) || [])[0];
    if (!name) fail('expected an element name');
    i += name.length;
    const node = { name, attributes: {}, children: [], text: '', line: position(start)[0] };
    for (;;) {
      const hadSpace = /\s/.test(text[i] || '');
      skipSpace();
      if (text.startsWith('/>', i)) {
        i += 2;
        return node;
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      if (!hadSpace) fail(`expected whitespace, ">" or "/>" in <${name}>`);
      const attribute = (text.slice(i).match(NAME) || [])[0];
      if (!attribute) fail(`expected an attribute name in <${name}>`);
      i += attribute.length;
      skipSpace();
      if (text[i] !== '=') fail(`expected "=" after ${attribute}`);
      i++;
      skipSpace();
      const quote = text[i];
      if (quote !== '"' && quote !== "'") fail(`the value of ${attribute} must be quoted`);
      const end = text.indexOf(quote, i + 1);
      if (end < 0) fail(`unterminated value of ${attribute}`);
      const raw = text.slice(i + 1, end);
      if (raw.includes('<')) fail(`"<" is not allowed in the value of ${attribute}`, i);
      if (Object.prototype.hasOwnProperty.call(node.attributes, attribute)) fail(`attribute ${attribute} is repeated in <${name}>`);
      node.attributes[attribute] = decode(raw, i);
      i = end + 1;
    }
    // content
    for (;;) {
      if (i >= text.length) fail(`<${name}> (line ${node.line}) is never closed`);
      if (text.startsWith('</', i)) {
        const closeAt = i;
        i += 2;
        const closing = (text.slice(i).match(NAME) || [])[0];
        if (closing !== name) fail(`</${closing || ''}> closes <${name}> (line ${node.line})`, closeAt);
        i += closing.length;
        skipSpace();
        if (text[i] !== '>') fail(`expected ">" to close </${name}>`);
        i++;
        return node;
      }
      if (text.startsWith('<!--', i)) {
        comment();
      } else if (text.startsWith('<![CDATA[', i)) {
        const end = text.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA section');
        node.text += text.slice(i + 9, end);
        i = end + 3;
      } else if (text.startsWith('<?', i)) {
        const end = text.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else if (text[i] === '<') {
        node.children.push(element());
      } else {
        const end = text.indexOf('<', i);
        const raw = text.slice(i, end < 0 ? text.length : end);
        if (raw.includes(']]>')) fail('"]]>" is not allowed in text');
        node.text += decode(raw, i);
        i += raw.length;
      }
    }
  }

  if (text.charCodeAt(0) === 0xfeff) i = 1; // a byte-order mark
  skipMisc(true);
  if (text[i] !== '<') fail('expected the root element');
  const root = element();
  skipMisc(false);
  if (i < text.length) fail('content after the root element');
  return root;
}

/** Every element of the tree, depth first, with its parent. */
function* walk(node, parent = null) {
  yield { node, parent };
  for (const child of node.children) yield* walk(child, node);
}

const localName = (name) => name.slice(name.indexOf(':') + 1);

// ---------------------------------------------------------------------------------------------
// PNG size
// ---------------------------------------------------------------------------------------------

/** { width, height } from a PNG's IHDR, or null when the file is not a PNG. */
function pngSize(buffer) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buffer.length < 24 || !buffer.subarray(0, 8).equals(signature) || buffer.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------
// What the build emits (read from webpack.config.js)
// ---------------------------------------------------------------------------------------------

/** Expands a copy pattern's `from` (a `*` allowed in the last path segment) against the project. */
function expandFrom(rootDir, from) {
  const dir = path.posix.dirname(from);
  const base = path.posix.basename(from);
  const pattern = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  const full = path.join(rootDir, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full)
    .filter((name) => pattern.test(name))
    .map((name) => (dir === '.' ? name : `${dir}/${name}`));
}

/** The files (paths relative to the output directory) the production webpack build emits. */
async function emittedFiles(rootDir = path.join(__dirname, '..')) {
  const configure = require(path.join(rootDir, 'webpack.config.js'));
  const config = await configure({}, { mode: 'production' });
  const files = new Set();
  for (const entry of Object.keys(config.entry)) files.add(config.output.filename.replace('[name]', entry));
  for (const plugin of config.plugins) {
    const kind = plugin.constructor.name;
    if (kind === 'HtmlWebpackPlugin') files.add(plugin.userOptions.filename);
    else if (kind === 'CustomFunctionsMetadataPlugin') files.add(plugin.options.output);
    else if (kind === 'CopyPlugin' || kind === 'CopyWebpackPlugin') {
      for (const pattern of plugin.patterns) {
        for (const source of expandFrom(rootDir, pattern.from)) {
          const ext = path.posix.extname(source);
          const name = path.posix.basename(source, ext);
          files.add((pattern.to || source).replace('[name]', name).replace('[ext]', ext));
        }
      }
    }
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------

/**
 * Checks a manifest's text. Options: `emitted` (Set of output paths, from `emittedFiles`),
 * `baseUrl` (the URL the emitted files are served from, default the development URL),
 * `assetDir` (where the icon files are, default the project root), `namespace` (default "LM").
 * Returns a list of problems (empty when the manifest passes).
 */
function checkManifest(text, options = {}) {
  const baseUrl = options.baseUrl || 'https://localhost:3000/';
  const assetDir = options.assetDir || path.join(__dirname, '..');
  const namespace = options.namespace || 'LM';
  const problems = [];
  let root;
  try {
    root = parseXml(text);
  } catch (error) {
    return [`not well-formed XML: ${error.message}`];
  }
  if (root.name !== 'OfficeApp' || root.attributes['xsi:type'] !== 'TaskPaneApp') problems.push('the root must be <OfficeApp xsi:type="TaskPaneApp">');

  const nodes = [...walk(root)];
  const find = (predicate) => nodes.filter(({ node, parent }) => predicate(node, parent)).map(({ node }) => node);

  // Resources: ids defined once, every resid defined, every resource used.
  const resources = find((n) => n.name === 'Resources');
  if (resources.length !== 1) problems.push(`expected one <Resources>, found ${resources.length}`);
  const defined = new Map(); // id -> element
  for (const resource of resources) {
    for (const { node } of walk(resource)) {
      if (node === resource || node.attributes.id === undefined) continue;
      if (defined.has(node.attributes.id)) problems.push(`resource id "${node.attributes.id}" is defined twice`);
      defined.set(node.attributes.id, node);
    }
  }
  const referenced = new Set();
  for (const { node } of nodes) {
    const resid = node.attributes.resid;
    if (resid === undefined) continue;
    referenced.add(resid);
    if (resid.length > 32) problems.push(`resid "${resid}" is longer than 32 characters (the schema's limit)`);
    if (!defined.has(resid)) problems.push(`<${node.name}> (line ${node.line}) refers to resid "${resid}", which <Resources> does not define`);
  }
  for (const id of defined.keys()) if (!referenced.has(id)) problems.push(`resource "${id}" is defined but never used`);

  // Control, group and tab ids are unique outside Resources.
  const controlIds = new Map();
  for (const { node } of nodes) {
    const id = node.attributes.id;
    if (id === undefined || defined.get(id) === node) continue;
    if (controlIds.has(id)) problems.push(`id "${id}" is used by <${controlIds.get(id)}> and <${node.name}> (line ${node.line})`);
    controlIds.set(id, node.name);
  }

  // URLs: https only; those under the base URL must be files the build emits.
  const urls = [];
  for (const { node } of nodes) {
    for (const [attribute, value] of Object.entries(node.attributes)) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !attribute.startsWith('xmlns')) urls.push({ url: value, where: `<${node.name}> ${attribute} (line ${node.line})` });
    }
    const inner = node.text.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(inner)) urls.push({ url: inner, where: `<${node.name}> (line ${node.line})` });
  }
  for (const { url, where } of urls) {
    if (!url.startsWith('https://')) problems.push(`${where}: ${url} is not https (Office loads add-in files only over https)`);
    if (options.emitted && url.startsWith(baseUrl)) {
      const file = url.slice(baseUrl.length).split(/[?#]/)[0];
      if (!options.emitted.has(file)) problems.push(`${where}: ${url} points at "${file}", which the webpack build does not emit (it emits ${[...options.emitted].sort().join(', ')})`);
    }
  }

  // Icons: the files exist with the size stated.
  const checkIcon = (url, size, where) => {
    if (!url || !url.startsWith(baseUrl)) return;
    const file = path.join(assetDir, url.slice(baseUrl.length));
    if (!fs.existsSync(file)) return problems.push(`${where}: icon file ${path.relative(process.cwd(), file)} does not exist`);
    const actual = pngSize(fs.readFileSync(file));
    if (!actual) return problems.push(`${where}: ${path.relative(process.cwd(), file)} is not a PNG`);
    if (actual.width !== size || actual.height !== size) problems.push(`${where}: ${path.basename(file)} is ${actual.width}x${actual.height}, the manifest says ${size}x${size}`);
  };
  const topLevel = (name) => root.children.find((c) => c.name === name);
  checkIcon(topLevel('IconUrl')?.attributes.DefaultValue, 32, '<IconUrl>');
  checkIcon(topLevel('HighResolutionIconUrl')?.attributes.DefaultValue, 64, '<HighResolutionIconUrl>');
  for (const image of find((n) => localName(n.name) === 'Image' && n.attributes.size !== undefined)) {
    const resource = defined.get(image.attributes.resid);
    if (resource) checkIcon(resource.attributes.DefaultValue, Number(image.attributes.size), `<bt:Image size="${image.attributes.size}" resid="${image.attributes.resid}">`);
  }

  // Shared runtime structure.
  const requirementSets = find((n) => n.name === 'Set').map((n) => n.attributes.Name);
  if (!requirementSets.includes('SharedRuntime')) problems.push('<Requirements> must require the SharedRuntime set');
  const hosts = find((n, parent) => n.name === 'Host' && parent && parent.name === 'Hosts' && n.attributes['xsi:type'] === 'Workbook');
  if (hosts.length !== 1) problems.push('expected one <Host xsi:type="Workbook"> in <VersionOverrides>');
  for (const host of hosts) {
    if (host.children[0]?.name !== 'Runtimes') problems.push('<Runtimes> must be the first child of <Host xsi:type="Workbook"> (the schema requires it right after <Host>)');
    const runtimes = host.children.find((c) => c.name === 'Runtimes')?.children ?? [];
    if (runtimes.length !== 1 || runtimes[0].attributes.lifetime !== 'long') problems.push('expected exactly one <Runtime lifetime="long"> shared by the pane and the functions');
    const runtime = runtimes[0]?.attributes.resid;
    const functions = [...walk(host)].map((w) => w.node).find((n) => n.name === 'ExtensionPoint' && n.attributes['xsi:type'] === 'CustomFunctions');
    if (!functions) {
      problems.push('no <ExtensionPoint xsi:type="CustomFunctions">');
    } else {
      const child = (name) => functions.children.find((c) => c.name === name);
      const source = (name) => child(name)?.children.find((c) => c.name === 'SourceLocation')?.attributes.resid;
      if (source('Page') !== runtime) problems.push(`the custom functions <Page> (${source('Page')}) must be the shared runtime page (${runtime})`);
      if (source('Script') !== 'Functions.Script.Url') problems.push('the custom functions <Script> must use resid Functions.Script.Url');
      if (source('Metadata') !== 'Functions.Metadata.Url') problems.push('the custom functions <Metadata> must use resid Functions.Metadata.Url');
      const ns = defined.get(child('Namespace')?.attributes.resid);
      if (!ns || ns.attributes.DefaultValue !== namespace) problems.push(`the custom functions namespace must be "${namespace}"`);
    }
    for (const action of [...walk(host)].map((w) => w.node).filter((n) => n.name === 'Action' && n.attributes['xsi:type'] === 'ShowTaskpane')) {
      if (action.children.some((c) => c.name === 'TaskpaneId')) problems.push(`the ShowTaskpane action (line ${action.line}) must not have a <TaskpaneId> (the shared runtime page is the pane)`);
      const source = action.children.find((c) => c.name === 'SourceLocation')?.attributes.resid;
      if (source !== runtime) problems.push(`the ShowTaskpane action opens ${source}, not the shared runtime page ${runtime}`);
    }
  }
  return problems;
}

/** Reads manifest.xml and the webpack config of a project and checks them. */
async function checkProject(rootDir = path.join(__dirname, '..'), manifestFile = 'manifest.xml') {
  const text = fs.readFileSync(path.join(rootDir, manifestFile), 'utf8');
  return checkManifest(text, { emitted: await emittedFiles(rootDir), assetDir: rootDir });
}

module.exports = { parseXml, XmlError, pngSize, emittedFiles, checkManifest, checkProject };

if (require.main === module) {
  const file = process.argv[2] || 'manifest.xml';
  checkProject(path.join(__dirname, '..'), file).then(
    (problems) => {
      if (problems.length === 0) {
        console.log(`${file}: structure OK (offline check; run \`npm run validate\` for Microsoft's online validation)`);
      } else {
        for (const problem of problems) console.error(`${file}: ${problem}`);
        process.exitCode = 1;
      }
    },
    (error) => {
      console.error(`${file}: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
