/** The workbench server: taskpane.html gets the local shim instead of Office.js from the CDN. */
import * as http from 'http';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { workbenchTaskpaneHtml, startWorkbenchServer, SHIM_URL } = require('../../../scripts/workbench.js');

test('the CDN script tag is replaced by the shim, whatever its attributes', () => {
  const html = '<head>\n<script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>\n<script defer src="taskpane.js"></script></head>';
  const out = workbenchTaskpaneHtml(html);
  expect(out).not.toContain('appsforoffice');
  expect(out).toContain(`<script src="${SHIM_URL}"></script>`);
  expect(out).toContain('<script defer src="taskpane.js"></script>');
});

test('without an Office.js tag the shim still comes first in <head>', () => {
  expect(workbenchTaskpaneHtml('<html><head><title>x</title></head></html>')).toBe(`<html><head><script src="${SHIM_URL}"></script><title>x</title></head></html>`);
});

function get(url: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http.get(url, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    }).on('error', reject);
  });
}

test('serves the shim, refuses paths outside the served folder, says what is missing', async () => {
  const server = await startWorkbenchServer({ root: __dirname, port: 0 });
  try {
    const shim = await get(`${server.url}${SHIM_URL.slice(1)}`);
    expect(shim.status).toBe(200);
    expect(shim.body).toContain('LM_WORKBENCH_HOST');
    expect(shim.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await get(`${server.url}..%2f..%2f..%2fpackage.json`)).status).toBe(403);
    const missing = await get(`${server.url}nothing.html`);
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('not found: /nothing.html');
  } finally {
    await server.close();
  }
});
