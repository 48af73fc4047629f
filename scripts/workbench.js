#!/usr/bin/env node
/**
 * The in-browser workbench: `npm run workbench`.
 *
 * Builds the add-in (webpack, development mode) unless it is already up to date, then serves
 * .workbench-build/ (webpack --env workbench, apart from the deployable dist/) on http://localhost:3000 (or PORT) with Node's own http server. Open
 * http://localhost:3000/ : the REAL task pane (taskpane.html) runs in an iframe beside a grid
 * of the in-memory workbook, so the whole flow (New case, Evaluate, Build Case Summary) runs
 * without Excel.
 *
 * The only thing the server changes is taskpane.html: its <script> for Office.js from
 * Microsoft's CDN is replaced by /workbench-office-shim.js, which installs the workbench page's
 * in-memory Excel and Office objects into the iframe. Nothing leaves the machine: the server
 * listens on the loopback interface only and the pages load nothing from elsewhere.
 *
 *   node scripts/workbench.js [--no-build] [--rebuild] [--port N]
 *
 * Also a module for the browser tests: ensureBuilt(), startWorkbenchServer().
 */
const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
// The workbench build (webpack --env workbench), apart from the deployable dist/.
const DIST = require('../webpack.config.js').WORKBENCH_OUTPUT;
const SHIM_SOURCE = path.join(ROOT, 'src', 'workbench', 'page', 'officeShim.js');
const SHIM_URL = '/workbench-office-shim.js';
/** Office.js from Microsoft's CDN, as taskpane.html loads it (any appsforoffice / office.js script tag). */
const OFFICE_SCRIPT_TAG = /<script\b[^>]*\bsrc="[^"]*office\.js"[^>]*>\s*<\/script>/gi;
/** The built files the workbench needs. */
const REQUIRED_OUTPUTS = ['workbench.html', 'workbench.js', 'taskpane.html', 'taskpane.js'];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The newest modification time of any file under `dir` (0 when there is none). */
function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Why the build is out of date, or null when the workbench build is newer than every source it is built from. */
function staleReason() {
  for (const file of REQUIRED_OUTPUTS) {
    if (!fs.existsSync(path.join(DIST, file))) return `${path.relative(ROOT, DIST)}/${file} is missing`;
  }
  const built = Math.min(...REQUIRED_OUTPUTS.map((file) => fs.statSync(path.join(DIST, file)).mtimeMs));
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs);
  return sources > built ? 'sources changed since the last build' : null;
}

/** Builds with webpack (development mode) when `force` or when the build is out of date. Throws on a failed build. */
function ensureBuilt({ force = false, log = console.log } = {}) {
  const reason = force ? 'a rebuild was asked for' : staleReason();
  if (!reason) {
    log(`workbench: ${path.relative(ROOT, DIST)}/ is up to date (use --rebuild to force a build)`);
    return false;
  }
  log(`workbench: building with webpack in development mode (${reason})...`);
  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  const result = spawnSync(process.execPath, [webpackCli, '--mode', 'development', '--env', 'workbench'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`webpack failed (exit code ${result.status}); see its output above`);
  const missing = REQUIRED_OUTPUTS.filter((file) => !fs.existsSync(path.join(DIST, file)));
  if (missing.length > 0) throw new Error(`the build did not emit ${missing.join(', ')}: check webpack.config.js`);
  return true;
}

/** taskpane.html with Office.js from the CDN replaced by the workbench shim. */
function workbenchTaskpaneHtml(html) {
  let replaced = 0;
  const out = html.replace(OFFICE_SCRIPT_TAG, () => {
    replaced += 1;
    return `<script src="${SHIM_URL}"></script>`;
  });
  // Without an Office.js tag to replace, put the shim first in <head> all the same.
  return replaced > 0 ? out : out.replace(/<head>/i, `<head><script src="${SHIM_URL}"></script>`);
}

function send(response, status, type, body) {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // The pages may load only from this server (no CDN, no telemetry).
    'Content-Security-Policy': "default-src 'self' blob: data:; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' blob: data:",
  });
  response.end(body);
}

function handle(request, response, root) {
  const url = new URL(request.url, 'http://localhost');
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
  if (url.pathname === '/') {
    response.writeHead(302, { Location: '/workbench.html' });
    return response.end();
  }
  if (url.pathname === SHIM_URL) {
    return send(response, 200, CONTENT_TYPES['.js'], fs.readFileSync(SHIM_SOURCE));
  }
  let relative;
  try {
    relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  } catch {
    return send(response, 400, 'text/plain; charset=utf-8', 'bad path');
  }
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return send(response, 403, 'text/plain; charset=utf-8', 'forbidden');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return send(response, 404, 'text/plain; charset=utf-8', `not found: ${url.pathname}`);
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (path.basename(file) === 'taskpane.html') return send(response, 200, type, workbenchTaskpaneHtml(fs.readFileSync(file, 'utf8')));
  return send(response, 200, type, request.method === 'HEAD' ? undefined : fs.readFileSync(file));
}

/**
 * Serves `root` (the workbench build) on the loopback interface. `port` 0 picks a free port.
 * Resolves with { url, port, close() }.
 */
function startWorkbenchServer({ root = DIST, port = 3000, host = '127.0.0.1' } = {}) {
  const resolvedRoot = path.resolve(root);
  const server = http.createServer((request, response) => {
    try {
      handle(request, response, resolvedRoot);
    } catch (error) {
      send(response, 500, 'text/plain; charset=utf-8', `workbench server error: ${error.message}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} is in use: set PORT to another port (e.g. PORT=3001 npm run workbench)`) : error);
    });
    server.listen(port, host, () => {
      const actualPort = server.address().port;
      resolve({
        port: actualPort,
        url: `http://localhost:${actualPort}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

async function main(argv) {
  const args = argv.slice(2);
  const portIndex = args.indexOf('--port');
  const port = Number(portIndex >= 0 ? args[portIndex + 1] : process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port / PORT must be a port number, not "${portIndex >= 0 ? args[portIndex + 1] : process.env.PORT}"`);
  if (!args.includes('--no-build')) ensureBuilt({ force: args.includes('--rebuild') });
  const { url } = await startWorkbenchServer({ port });
  console.log(`workbench: serving ${path.relative(ROOT, DIST)}/ on ${url}  (open it in a browser; Ctrl+C to stop)`);
}

if (require.main === module) {
  main(process.argv).catch((error) => {
    console.error(`workbench: ${error.message}`);
    process.exit(1);
  });
}

module.exports = { ensureBuilt, startWorkbenchServer, workbenchTaskpaneHtml, staleReason, OFFICE_SCRIPT_TAG, SHIM_URL };
