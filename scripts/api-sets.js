#!/usr/bin/env node
/**
 * The Office requirement sets the add-in's code really uses, derived from the code
 * (`node scripts/api-sets.js`, `--json` for one JSON line, `--verbose` for every use; it exits 1
 * when manifest.xml's <Requirements> differ; test/apiSets.test.ts runs it the same way).
 *
 * Every file of src/ except src/workbench (the in-memory stand-in and its page, never loaded by
 * Excel) goes through the TypeScript type checker with the project's tsconfig.json. Each
 * expression that resolves to a declaration of @types/office-js or @types/custom-functions-runtime
 * (a property read or write, a method call through its resolved overload, `new`, an enum member,
 * a property of an object literal passed where an Office.js type is expected, the property names
 * of `load('a, b/c')`) contributes the `[Api set: NAME VERSION]` tag of that declaration's JSDoc
 * (the form Microsoft's typings use for every member; see
 * https://learn.microsoft.com/office/dev/add-ins/reference/requirement-sets/excel/excel-api-requirement-sets).
 * The highest version per set is the requirement.
 *
 * Tags that name two versions are read as written:
 * - "ExcelApi 1.1 for get, 1.8 for set" (and "for reading ... for setting"): the first for a read,
 *   the second for a write (an assignment target, or a property of an object given to `set`);
 * - any other tag with several versions: the highest (the safe reading), listed under `qualified`
 *   so a human can see where that was assumed.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const EXCLUDED = [path.join(SRC, 'workbench')];
const TYPINGS = /[\\/]node_modules[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/;
const TAG = /\[Api set:\s*([^\]]+)\]/;

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (EXCLUDED.some((excluded) => full === excluded || full.startsWith(excluded + path.sep))) continue;
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

function compilerOptions() {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const configFile = ts.readConfigFile(configPath, ts.sys.readFile);
  if (configFile.error) throw new Error(ts.flattenDiagnosticMessageText(configFile.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT, undefined, configPath).options;
}

const compareVersions = (a, b) => {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
};
const highest = (versions) => versions.slice().sort(compareVersions).pop();

/** The `[Api set: ...]` text in the JSDoc right before a declaration, or null. */
function apiSetTag(declaration) {
  const file = declaration.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(file.text, declaration.pos) || [];
  for (const range of ranges.reverse()) {
    const match = TAG.exec(file.text.slice(range.pos, range.end));
    if (match) return match[1].trim();
  }
  return null;
}

/** { set, version, qualified } required by a tag, given whether the use writes the property. */
function requirementOf(tag, isWrite) {
  const set = /^[A-Za-z][A-Za-z0-9]*/.exec(tag);
  const versions = tag.match(/\b\d+\.\d+\b/g);
  if (!set || !versions) return null; // e.g. "[Api set: 1.1]" on Common API members: no named set
  if (versions.length === 1) return { set: set[0], version: versions[0], qualified: false };
  const getSet = /for (get|reading)[^,;]*[,;]\s*(ExcelApi\s+)?(\d+\.\d+) for (set|setting)/.exec(tag);
  if (getSet && versions.length === 2) return { set: set[0], version: isWrite ? getSet[3] : versions[0], qualified: false };
  return { set: set[0], version: highest(versions), qualified: true };
}

function isWriteTarget(node) {
  const parent = node.parent;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** Options: `files` (absolute paths) replaces the files of src/ (the tests give a probe file). */
function deriveApiSets(options = {}) {
  const files = (options.files || sourceFiles(SRC)).map((f) => path.resolve(f));
  const program = ts.createProgram(files, compilerOptions());
  const checker = program.getTypeChecker();
  const sets = {}; // set -> { version, uses: { "where": "what" } }
  const qualified = [];
  const uses = [];

  const record = (declaration, node, isWrite, what) => {
    if (!declaration || !TYPINGS.test(declaration.getSourceFile().fileName)) return;
    const tag = apiSetTag(declaration);
    if (!tag) return;
    const requirement = requirementOf(tag, isWrite);
    if (!requirement) return;
    const file = node.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    const where = `${path.relative(ROOT, file.fileName)}:${line + 1}`;
    uses.push({ set: requirement.set, version: requirement.version, what, where });
    if (requirement.qualified) qualified.push({ tag, what, where, assumed: requirement.version });
    const current = sets[requirement.set];
    if (!current || compareVersions(requirement.version, current.version) > 0) sets[requirement.set] = { version: requirement.version, because: `${what} (${where})` };
  };
  const symbolDeclarations = (symbol) => {
    if (!symbol) return [];
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return target.declarations || [];
  };
  const recordSymbol = (symbol, node, isWrite, what) => {
    for (const declaration of symbolDeclarations(symbol)) record(declaration, node, isWrite, what);
  };

  const visit = (node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      // The overload the checker picked: its own tag (e.g. a parameter added in a later set).
      const signature = checker.getResolvedSignature(node);
      if (signature && signature.declaration) record(signature.declaration, node, false, `${node.expression.getText()}(...)`);
      // load('a, b/c'): property names in a string, checked on the loaded object's type.
      const callee = node.expression;
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(callee) && callee.name.text === 'load' && node.arguments.length === 1) {
        const argument = node.arguments[0];
        const names = ts.isStringLiteralLike(argument) ? [argument.text] : ts.isArrayLiteralExpression(argument) ? argument.elements.filter(ts.isStringLiteralLike).map((e) => e.text) : [];
        const loaded = checker.getTypeAtLocation(callee.expression);
        for (const name of names.flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean)) {
          let type = loaded;
          for (const part of name.split('/')) {
            const property = type && type.getProperty(part);
            if (!property) break;
            recordSymbol(property, argument, false, `load('${name}')`);
            type = checker.getTypeOfSymbolAtLocation(property, argument);
          }
        }
      }
    } else if (ts.isPropertyAccessExpression(node)) {
      recordSymbol(checker.getSymbolAtLocation(node.name), node, isWriteTarget(node), node.getText());
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      recordSymbol(checker.getSymbolAtLocation(node.argumentExpression), node, isWriteTarget(node), node.getText());
    } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isObjectLiteralExpression(node.parent)) {
      // An object literal where an Office.js type is expected (set({...}), options objects).
      const contextual = checker.getContextualType(node.parent);
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : node.name && ts.isStringLiteralLike(node.name) ? node.name.text : null;
      const property = contextual && name ? contextual.getProperty(name) : null;
      if (property) recordSymbol(property, node, true, `{ ${name}: ... }`);
    }
    ts.forEachChild(node, visit);
  };

  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !files.includes(path.resolve(file.fileName))) continue;
    visit(file);
  }
  const requirements = Object.fromEntries(Object.entries(sets).sort(([a], [b]) => a.localeCompare(b)).map(([set, { version }]) => [set, version]));
  const because = Object.fromEntries(Object.entries(sets).map(([set, { because: why }]) => [set, why]));
  return { requirements, because, qualified, uses, files: files.map((f) => path.relative(ROOT, f)) };
}

/**
 * Sets the manifest requires for what the manifest itself configures, not for a call in the code:
 * SharedRuntime 1.1 for <Runtimes> (one runtime for the pane and the functions; Microsoft's
 * "Configure your Office Add-in to use a shared runtime").
 */
const MANIFEST_ONLY_SETS = { SharedRuntime: '1.1' };

/** The <Requirements><Sets> of the manifest (the base manifest, not VersionOverrides), as { name: minVersion }. */
function manifestSets(xmlText) {
  const { parseXml } = require('./manifest-check');
  const root = parseXml(xmlText);
  const requirements = root.children.find((c) => c.name === 'Requirements');
  const sets = requirements && requirements.children.find((c) => c.name === 'Sets');
  if (!sets) return {};
  const defaultVersion = sets.attributes.DefaultMinVersion || '1.1';
  return Object.fromEntries(sets.children.filter((c) => c.name === 'Set').map((c) => [c.attributes.Name, c.attributes.MinVersion || defaultVersion]));
}

/**
 * What is wrong between the sets the code needs and the ones the manifest declares: a set
 * missing or declared too low (Excel would load the add-in where a call fails), or declared
 * higher than the code needs (the add-in would be hidden from Excel versions that can run it).
 */
function manifestProblems(required, declared) {
  const problems = [];
  const wanted = { ...MANIFEST_ONLY_SETS, ...required };
  for (const [set, version] of Object.entries(wanted)) {
    if (!declared[set]) problems.push(`the manifest does not declare ${set} ${version}: add <Set Name="${set}" MinVersion="${version}"/>`);
    else if (compareVersions(declared[set], version) < 0) problems.push(`the manifest declares ${set} ${declared[set]}, the code needs ${version}`);
    else if (compareVersions(declared[set], version) > 0) problems.push(`the manifest declares ${set} ${declared[set]}, the code needs only ${version}`);
  }
  for (const set of Object.keys(declared)) if (!wanted[set]) problems.push(`the manifest declares ${set}, which no call in the code needs`);
  return problems;
}

module.exports = { deriveApiSets, requirementOf, compareVersions, manifestSets, manifestProblems, MANIFEST_ONLY_SETS };

if (require.main === module) {
  const result = deriveApiSets();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ requirements: result.requirements, because: result.because, qualified: result.qualified })}\n`);
  } else {
    console.log(`Requirement sets the code uses (${result.files.length} files of src/, src/workbench excluded; ${result.uses.length} Office.js uses):`);
    for (const [set, version] of Object.entries(result.requirements)) console.log(`  ${set} ${version}   highest for ${result.because[set]}`);
    for (const q of result.qualified) console.log(`  note: "${q.tag}" read as ${q.assumed} for ${q.what} (${q.where})`);
    if (process.argv.includes('--verbose')) for (const u of result.uses) console.log(`    ${u.set} ${u.version}  ${u.what}  ${u.where}`);
  }
  const problems = manifestProblems(result.requirements, manifestSets(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')));
  for (const problem of problems) console.error(`manifest.xml: ${problem}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
