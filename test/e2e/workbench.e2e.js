#!/usr/bin/env node
/**
 * Browser tests of the task pane in the workbench (`npm run test:e2e`).
 *
 * Builds the add-in if its workbench build (.workbench-build/) is out of date, serves it with scripts/workbench.js on a free
 * port, and drives the REAL task pane in headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core) the way a specialist would: New case, fix a cell, Evaluate, export, Build
 * Case Summary (twice: Keep both, Replace, Cancel), settings, keyboard, import. Expected
 * figures come from the engine of this checkout (src/engine, evaluated here in Node) and from
 * the published reference case; the summary's native formulas are computed by the workbench's
 * HyperFormula and must equal them. axe-core checks the pane; every network request is recorded
 * and none may leave the page's origin. Screenshots go to test/e2e/artifacts/screenshots/ (ignored by
 * git: a test never modifies tracked files); `npm run screenshots` copies them over the README's
 * images in test/e2e/screenshots/ on purpose.
 *
 * Prints one line per test and closes with "N passed, M failed"; exits 1 on any failure.
 */
const assert = require('assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { ensureBuilt, startWorkbenchServer } = require('../../scripts/workbench');
require('./tsRequire').register();
const { parseCase } = require('../../src/engine/case/parse.ts');
const { evaluateParsedCase } = require('../../src/engine/evaluate.ts');
const { referenceCasePath } = require('../support/referenceCases.ts');

const SCREENSHOTS = path.join(__dirname, 'artifacts', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SAMPLE = require('../../src/workbench/page/sampleCase.json');
const LARGE_SAMPLE = require('../../src/workbench/page/sampleCaseLarge.json');
const REFERENCE_CASE = referenceCasePath('gse-flex-forbearance.json'); // the in-project copy (test/fixtures/reference)
const TIMEOUT = 20_000;

// ---------------------------------------------------------------------------------------------
// A small sequential runner: a test that fails stops the ones after it (they build on it),
// except the `always` ones (the network check), which run whatever happened.
// ---------------------------------------------------------------------------------------------
const tests = [];
const test = (name, fn, options = {}) => tests.push({ name, fn, ...options });

async function runAll(context) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let stop = false;
  // LM_E2E_ONLY=regex runs only the matching tests (and the `always` ones): for a quick look at a few.
  const only = process.env.LM_E2E_ONLY ? new RegExp(process.env.LM_E2E_ONLY) : null;
  for (const t of tests) {
    if (only && !only.test(t.name) && !t.always) {
      skipped++;
      continue;
    }
    if (stop && !t.always) {
      skipped++;
      console.log(`  - ${t.name} (not run: an earlier test failed)`);
      continue;
    }
    const started = Date.now();
    try {
      await t.fn(context);
      passed++;
      console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      stop = true;
      console.log(`  ✗ ${t.name}\n      ${String(error && error.stack ? error.stack : error).split('\n').slice(0, 6).join('\n      ')}`);
      await context.page.screenshot({ path: path.join(os.tmpdir(), 'lm-e2e-failure.png') }).catch(() => {});
      console.log(`      (page at the failure: ${path.join(os.tmpdir(), 'lm-e2e-failure.png')})`);
    }
  }
  return { passed, failed, skipped };
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Polls until `check` returns a truthy value (returned) or throws the last failure after `timeout`. */
async function until(description, check, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = new Error(`still waiting for ${description}`);
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${description}: ${last && last.message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Calls a method of window.LM_WORKBENCH_HOST in the workbench page. */
function host(page, method, ...args) {
  return page.evaluate(([m, a]) => window.LM_WORKBENCH_HOST[m](...a), [method, args]);
}

function evaluateInNode(caseJson, settings = {}) {
  const parsed = parseCase(caseJson);
  if (!parsed.ok) throw new Error(`the case does not parse: ${JSON.stringify(parsed.problems)}`);
  const loanCase = { ...parsed.case, market: { ...parsed.case.market } };
  if (settings.modificationRate != null) loanCase.market.modificationRate = settings.modificationRate;
  return evaluateParsedCase(loanCase, {}, parsed.warnings);
}

/** The pane's status message text (after the action finished). */
async function statusText(pane) {
  return (await pane.getByTestId('status').textContent({ timeout: TIMEOUT })) ?? '';
}

async function waitStatus(pane, pattern) {
  return until(`the pane's status to match ${pattern}`, async () => {
    const status = pane.getByTestId('status');
    if ((await status.count()) === 0) return false;
    const text = (await status.textContent()) ?? '';
    return pattern.test(text) ? text : false;
  });
}

/** Clicks a pane button and waits until the pane reports a new status matching `pattern`. */
async function paneAction(pane, buttonName, pattern) {
  await pane.getByRole('button', { name: buttonName, exact: true }).click();
  return waitStatus(pane, pattern);
}

/** A cell address from a defined name's formula "='Case Input'!$B$12" → { sheet, address }. */
function nameTarget(formula) {
  const match = /^=?'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(formula);
  return match ? { sheet: match[1].replace(/''/g, "'"), address: `${match[2]}${match[3]}` } : null;
}

/** Finds the cell holding a key field of the Case Input sheet: by its defined name, else by its label. */
async function inputCell(page, sheetName, definedName, labelPattern) {
  const names = await host(page, 'names');
  const named = names.find((n) => n.name.toLowerCase() === definedName.toLowerCase());
  if (named) {
    const target = nameTarget(named.formula);
    if (target) return target.address;
  }
  const cells = await host(page, 'cells', sheetName);
  const label = cells.find((c) => typeof c.value === 'string' && labelPattern.test(c.value));
  assert.ok(label, `no defined name ${definedName} and no label matching ${labelPattern} on "${sheetName}"`);
  return `${String.fromCharCode(label.address.charCodeAt(0) + 1)}${label.address.replace(/^[A-Z]+/, '')}`;
}

/** Edits a cell through the workbench grid, as a user would: select it, type in the formula bar, Enter. */
async function typeInCell(page, sheetName, address, text) {
  await page.locator(`[role=tab][data-sheet="${sheetName}"]`).click();
  await page.locator(`[data-testid=sheet-table][data-sheet="${sheetName}"] td[data-address="${address}"]`).click();
  const bar = page.getByTestId('formula-bar');
  await bar.fill(text);
  const before = await host(page, 'syncCount');
  await bar.press('Enter');
  await until('the edit to reach the workbook', async () => (await host(page, 'syncCount')) > before);
}

/** The summary's cells by label: the value in `column` on the row whose column-A label matches. */
function valueByLabel(cells, labelPattern, column) {
  const label = cells.find((c) => /^A\d+$/.test(c.address) && typeof c.value === 'string' && labelPattern.test(c.value));
  assert.ok(label, `the summary has no row labelled ${labelPattern}`);
  const row = label.address.slice(1);
  const cell = cells.find((c) => c.address === `${column}${row}`);
  assert.ok(cell, `the summary row "${label.value}" has no value in column ${column}`);
  return cell;
}

function assertCents(actual, expected, what) {
  assert.equal(typeof actual, 'number', `${what}: expected a number, got ${JSON.stringify(actual)}`);
  assert.ok(Math.abs(actual - expected) < 0.005, `${what}: the sheet computes ${actual}, the engine says ${expected}`);
}

/** A screenshot of the whole pane: the page is made tall enough for the pane's content, then restored. */
async function tallPaneScreenshot(page, fileName) {
  const viewport = page.viewportSize();
  const frame = page.frame({ url: /taskpane\.html/ });
  const contentHeight = await frame.evaluate(() => document.querySelector('main').scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(4000, Math.max(viewport.height, contentHeight + 120)) });
  await page.getByTestId('pane').screenshot({ path: path.join(SCREENSHOTS, fileName) });
  await page.setViewportSize(viewport);
}

/** Runs axe-core inside the pane's frame; returns the violations. */
async function axeViolations(frame) {
  await frame.page().mouse.move(0, 0); // no hover state
  await frame.waitForTimeout(300); // let any transition end before contrast is measured
  // Evaluated through the DevTools protocol: the workbench's Content-Security-Policy rightly forbids inline scripts.
  await frame.evaluate(`${fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}\n;void 0`);
  return frame.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      target: v.nodes[0] && v.nodes[0].target.join(' '),
      html: v.nodes[0] && v.nodes[0].html.slice(0, 160),
      summary: v.nodes[0] && v.nodes[0].failureSummary,
    }));
  });
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------
const state = {};

test('the workbench serves the real pane with the in-memory Office instead of the CDN script', async ({ page, baseUrl }) => {
  const html = await (await fetch(`${baseUrl}taskpane.html`)).text();
  assert.ok(!/<script[^>]*(appsforoffice|office\.js)/i.test(html), 'taskpane.html still loads Office.js from the CDN');
  assert.ok(html.includes('/workbench-office-shim.js'), 'taskpane.html does not load the workbench shim');
  await page.goto(`${baseUrl}workbench.html`);
  const pane = page.frameLocator('[data-testid=pane]');
  await pane.getByRole('button', { name: 'New case', exact: true }).waitFor({ timeout: TIMEOUT });
  const frame = page.frame({ url: /taskpane\.html/ });
  assert.ok(frame, 'no task pane frame');
  assert.equal(await frame.evaluate(() => window.Excel === window.parent.Excel), true, "the pane does not use the workbench's Excel");
});

test('New case creates a case sheet named after the case ID, prefilled with the sample case', async ({ page, pane }) => {
  const text = await paneAction(pane, 'New case', /Created the sheet/);
  const sheetName = /Created the sheet "([^"]+)"/.exec(text)[1];
  assert.ok((await host(page, 'sheetNames')).includes(sheetName), `the workbook has no sheet "${sheetName}"`);
  const cells = await host(page, 'cells', sheetName);
  assert.ok(cells.some((c) => c.value === SAMPLE.caseId), `the sheet does not hold the sample's case id ${SAMPLE.caseId}`);
  assert.equal(sheetName, `Case ${SAMPLE.caseId}`, 'the case sheet is named after its case ID');
  state.inputSheet = sheetName;
});

test('a rate typed as 4.5 is reported with its cell and the fix; nothing is evaluated', async ({ page, pane }) => {
  state.rateCell = await inputCell(page, state.inputSheet, 'LM_Rate', /^(interest |note )?rate\b/i);
  await typeInCell(page, state.inputSheet, state.rateCell, '4.5');
  await paneAction(pane, 'Evaluate', /problem/);
  const problems = (await pane.getByTestId('problems').textContent()) ?? '';
  assert.ok(problems.includes(state.rateCell), `the problems do not name the cell ${state.rateCell}: ${problems}`);
  assert.ok(/looks like a percent/.test(problems), `the problem does not give the fix: ${problems}`);
  assert.equal(await pane.getByTestId('options').count(), 0, 'options were shown for a case with problems');
  await page.getByTestId('workbook').screenshot({ path: path.join(SCREENSHOTS, 'case-input-grid.png') });
  await tallPaneScreenshot(page, 'pane-problems.png');
});

test('fixed (typed 4.5%), Evaluate shows every option of the waterfall and the recommendation', async ({ page, pane }) => {
  await typeInCell(page, state.inputSheet, state.rateCell, '4.5%');
  const cell = (await host(page, 'cells', state.inputSheet)).find((c) => c.address === state.rateCell);
  assert.equal(cell.value, 0.045, 'typing 4.5% did not store the fraction 0.045');
  await paneAction(pane, 'Evaluate', /Evaluated case/);
  const expected = evaluateInNode(SAMPLE);
  state.expected = expected;
  const rows = pane.locator('[data-testid=options] tbody tr[data-program]');
  assert.equal(await rows.count(), expected.waterfall.length, 'one row per option of the waterfall');
  for (let i = 0; i < expected.waterfall.length; i++) {
    const id = expected.waterfall[i];
    const row = rows.nth(i);
    assert.equal(await row.getAttribute('data-program'), id, `row ${i + 1} should be ${id}`);
    const text = (await row.textContent()) ?? '';
    assert.ok(text.includes(expected.options[id].eligible ? 'Yes' : 'No'), `${id}: eligible should be ${expected.options[id].eligible}: ${text}`);
    if (!expected.options[id].eligible) {
      const reason = (await pane.locator(`[data-testid=options] tr[data-reason-for="${id}"]`).textContent()) ?? '';
      assert.ok(reason.includes(expected.options[id].reason), `${id}: the pane should give the reason "${expected.options[id].reason}": ${reason}`);
    }
  }
  const heading = (await pane.locator('#recommendation-heading').textContent()) ?? '';
  const program = expected.recommendation.program;
  const label = program ? expected.options[program].label : 'No option is eligible';
  assert.ok(heading.includes(label), `the recommendation should be ${label}: ${heading}`);
});

test('Export gives the case JSON of the sheet (the engine serializer), which parses to the same case', async ({ page, pane }) => {
  await paneAction(pane, 'Export case JSON', /ready to download/);
  const [download] = await Promise.all([page.waitForEvent('download'), pane.getByTestId('download-link').click()]);
  assert.equal(download.suggestedFilename(), `case-${SAMPLE.caseId}.json`);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const again = parseCase(exported);
  assert.ok(again.ok, `the export does not parse: ${JSON.stringify(again.problems)}`);
  assert.deepEqual(again.case, parseCase(SAMPLE).case, 'the exported case differs from the sample that was loaded');
});

test('Build Case Summary writes the summary; its native formulas (HyperFormula) equal the engine figures', async ({ page, pane }) => {
  const text = await paneAction(pane, 'Build Case Summary', /Built the sheet/);
  const sheetName = /Built the sheet "([^"]+)"/.exec(text)[1];
  state.summarySheet = sheetName;
  assert.ok(sheetName.includes(SAMPLE.caseId), `the summary sheet name should carry the case id: ${sheetName}`);
  const cells = await host(page, 'cells', sheetName);
  const a = state.expected.affordability;
  assert.equal(valueByLabel(cells, /^Case ID$/, 'B').value, SAMPLE.caseId);
  assert.equal(valueByLabel(cells, /^Loan number$/, 'B').value, '****7736', 'the loan number is masked to its last 4 digits');
  // Hand check of the sample: 1,850 biweekly = 1,850 x 26 / 12 = 4,008.33; + 950 x 2 = 1,900; + 400 = 6,308.33.
  assertCents(valueByLabel(cells, /^Gross monthly income \(counted lines\)/, 'D').value, 6308.33, 'gross monthly income (hand computation)');
  assertCents(valueByLabel(cells, /^Gross monthly income \(counted lines\)/, 'D').value, a.grossMonthlyIncome, 'gross monthly income');
  assertCents(valueByLabel(cells, /^Housing expense \(PITIA\)/, 'D').value, a.housingExpense, 'housing expense');
  assertCents(valueByLabel(cells, /^Other debts$/, 'D').value, a.otherDebtPayments, 'other debts');
  assertCents(valueByLabel(cells, /^Payment now$/, 'B').value, SAMPLE.loan.contractualPI + SAMPLE.loan.monthlyEscrow, 'current payment (1,520.06 + 403)');
  const frontEnd = valueByLabel(cells, /^Front-end DTI/, 'D');
  assert.ok(frontEnd.formula && frontEnd.formula.startsWith('='), 'the front-end DTI is a native formula');
  assert.ok(Math.abs(frontEnd.value - a.frontEndDti) < 0.00005, `front-end DTI: sheet ${frontEnd.value}, engine ${a.frontEndDti}`);
  assert.ok(Math.abs(valueByLabel(cells, /^Back-end DTI/, 'D').value - a.backEndDti) < 0.00005, 'back-end DTI');
  assertCents(valueByLabel(cells, /^Surplus income/, 'D').value, a.surplusIncome, 'surplus income');
  const formulas = cells.filter((c) => c.formula);
  assert.ok(formulas.length >= 5, 'the summary has native formulas');
  const lmFormula = formulas.find((c) => /\bLM\./i.test(c.formula));
  assert.ok(!lmFormula, `the summary must open without the add-in, but ${lmFormula && lmFormula.address} calls ${lmFormula && lmFormula.formula}`);
  const error = cells.find((c) => typeof c.value === 'string' && /^#(NAME\?|REF!|VALUE!|DIV\/0!|N\/A|NUM!|NULL!|ERROR!)/.test(c.value));
  assert.ok(!error, `cell ${error && error.address} shows ${error && error.value}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench.png') });
  await page.getByTestId('workbook').screenshot({ path: path.join(SCREENSHOTS, 'summary-grid.png') });
  await tallPaneScreenshot(page, 'pane.png');
});

test('Building again asks first; Keep both adds a sheet and leaves the first summary as it was', async ({ page, pane }) => {
  const before = await host(page, 'cells', state.summarySheet);
  const sheetsBefore = await host(page, 'sheetNames');
  await pane.getByRole('button', { name: 'Build Case Summary', exact: true }).click();
  const dialog = pane.getByRole('alertdialog');
  await dialog.waitFor({ timeout: TIMEOUT });
  assert.ok(((await dialog.textContent()) ?? '').includes(state.summarySheet), 'the dialog names the existing summary');
  await page.frameLocator('[data-testid=pane]').locator('body').screenshot({ path: path.join(SCREENSHOTS, 'pane-replace-dialog.png') });
  await dialog.getByRole('button', { name: 'Keep both' }).click();
  const text = await waitStatus(pane, /Built the sheet/);
  const second = /Built the sheet "([^"]+)"/.exec(text)[1];
  assert.notEqual(second, state.summarySheet, 'Keep both must build a new sheet');
  const sheetsAfter = await host(page, 'sheetNames');
  assert.equal(sheetsAfter.length, sheetsBefore.length + 1);
  assert.deepEqual(await host(page, 'cells', state.summarySheet), before, 'the first summary changed');
});

test('Replace rebuilds the summary in place; Cancel builds nothing', async ({ page, pane }) => {
  const count = (await host(page, 'sheetNames')).length;
  await pane.getByRole('button', { name: 'Build Case Summary', exact: true }).click();
  await pane.getByRole('alertdialog').getByRole('button', { name: 'Replace' }).click();
  await waitStatus(pane, /Replaced the sheet/);
  assert.equal((await host(page, 'sheetNames')).length, count, 'Replace must not add a sheet');
  const syncs = await host(page, 'syncCount');
  await pane.getByRole('button', { name: 'Build Case Summary', exact: true }).click();
  await pane.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await waitStatus(pane, /Nothing was built/);
  assert.equal((await host(page, 'sheetNames')).length, count, 'Cancel must not add a sheet');
  assert.ok((await host(page, 'syncCount')) - syncs < 10, 'Cancel wrote to the workbook');
});

test('keyboard: Tab reaches Evaluate and Enter runs it', async ({ page, pane }) => {
  const frame = page.frame({ url: /taskpane\.html/ });
  await frame.evaluate(() => document.activeElement && document.activeElement.blur());
  await pane.locator('main').click({ position: { x: 5, y: 5 } });
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await frame.evaluate(() => document.activeElement && document.activeElement.textContent === 'Evaluate');
  }
  assert.ok(reached, 'Tab never reached the Evaluate button');
  await page.keyboard.press('Enter');
  await waitStatus(pane, /Evaluated case/);
  assert.equal(await frame.evaluate(() => document.querySelector('[role=status][aria-live=polite]').textContent.includes('Evaluated case')), true, 'the live region announces the result');
});

test('an =LM.DTI formula typed in the grid is computed by the function the pane registered', async ({ page }) => {
  assert.ok((await host(page, 'customFunctionIds')).includes('DTI'), 'the pane did not register LM.DTI');
  assert.ok((await host(page, 'lmFormulaNames')).includes('LM.DTI'), 'the workbench formula engine does not know LM.DTI');
  const sheet = (await host(page, 'sheetNames'))[0];
  await typeInCell(page, sheet, 'A1', '=LM.DTI(6308.33,1923.06)');
  const cell = (await host(page, 'cells', sheet)).find((c) => c.address === 'A1');
  // Front-end DTI of the sample by hand: 1,923.06 / 6,308.33 = 0.30484...
  assert.equal(typeof cell.value, 'number', `=LM.DTI(...) shows ${JSON.stringify(cell.value)}`);
  assert.ok(Math.abs(cell.value - 1923.06 / 6308.33) < 0.00005, `=LM.DTI(6308.33,1923.06) = ${cell.value}`);
  await typeInCell(page, sheet, 'A2', '=LM.DTI("abc",1923.06)');
  const bad = (await host(page, 'cells', sheet)).find((c) => c.address === 'A2');
  assert.equal(bad.value, '#VALUE!', 'text as income must be #VALUE!');
});

test('an array formula typed in the grid spills into its neighbours, and shows #SPILL! while one is taken', async ({ page }) => {
  const sheet = (await host(page, 'sheetNames'))[0];
  const at = async (address) => (await host(page, 'cells', sheet)).find((c) => c.address === address);
  // The README's example: =LM.REPAYMENT(2500, 1913.14) spills 3 (months) and 2746.48 (the plan payment).
  await typeInCell(page, sheet, 'Y3', '=LM.REPAYMENT(2500,1913.14)');
  assert.equal((await at('Y3')).value, 3, 'the plan length (first value of the array)');
  const payment = await at('Z3');
  assert.ok(payment && payment.spilledFrom === 'Y3', `Z3 should hold the spilled payment, got ${JSON.stringify(payment)}`);
  assert.ok(Math.abs(payment.value - 2746.48) < 0.011, `the spilled plan payment is ${payment.value}`);
  // The grid shows it once it has redrawn (polled: under load the page may be a frame behind).
  await until('the grid to show Z3 spilled from Y3', async () => (await page.locator(`[data-testid=sheet-table][data-sheet="${sheet}"] td[data-address="Z3"]`).getAttribute('data-spilled-from')) === 'Y3');
  await typeInCell(page, sheet, 'Z3', 'in the way');
  assert.equal((await at('Y3')).value, '#SPILL!', 'a taken cell blocks the spill');
  await typeInCell(page, sheet, 'Z3', '');
  // Cleared, the array flows again (once the grid has redrawn: polled, as the page may be busy).
  await until('the array to flow into Z3 again', async () => ((await at('Z3')) || {}).spilledFrom === 'Y3');
});

test('=LM.PORTFOLIO (asynchronous, in slices) is computed in the grid: busy while it runs, then its rows spill', async ({ page }) => {
  // A two-loan tape on its own sheet: the Freddie Mac reference loan and a row with text as its UPB.
  const header = ['caseId', 'investor', 'evaluationDate', 'upb', 'rate', 'remainingTermMonths', 'contractualPI', 'monthlyEscrow', 'monthsDelinquent', 'delinquentInterest', 'value', 'modificationRate', 'firstTrialPaymentDate'];
  const loans = [
    ['REF-FLEX-1', 'FREDDIE', 45945, 347868.83, 0.0475, 322, 1913.14, 350, 4, 8261.88, 50000, 0.065, 45962],
    ['BAD', 'FREDDIE', 45945, 'lots', 0.0475, 322, 1913.14, 350, 4, 0, 50000, 0.065, 45962],
  ];
  const values = {};
  [header, ...loans].forEach((row, r) => row.forEach((value, c) => (values[`${String.fromCharCode(65 + c)}${r + 1}`] = value)));
  const sheet = 'Tape';
  const active = await host(page, 'activeSheet');
  await host(page, 'addUserSheet', sheet, values);
  await until('the tape sheet in the grid', async () => (await page.locator(`[role=tab][data-sheet="${sheet}"]`).count()) > 0);
  await typeInCell(page, sheet, 'A5', '=LM.PORTFOLIO(A1:M3)');
  const at = async (address) => (await host(page, 'cells', sheet)).find((c) => c.address === address);
  await until('LM.PORTFOLIO to settle and spill', async () => (await at('A5'))?.value === 'Row');
  assert.equal((await at('B6')).value, 'REF-FLEX-1');
  assert.equal((await at('B6')).spilledFrom, 'A5');
  assert.equal((await at('C7')).value, '#ERROR');
  assert.equal((await at('G7')).value, 'row 3, loan.upb: "lots" is not a number');
  if (active) await page.locator(`[role=tab][data-sheet="${active}"]`).click(); // back to the sheet the pane was on
});

test('typing over a selected cell replaces it and Enter moves down, as in Excel', async ({ page }) => {
  const sheet = (await host(page, 'sheetNames'))[0];
  // Go to the sheet first: the test before ends by switching tabs, and a selection it left pending
  // (Enter after typing on its tape sheet) can land after that switch and keep the tape in front.
  await page.locator(`[role=tab][data-sheet="${sheet}"]`).click();
  await page.locator(`[data-testid=sheet-table][data-sheet="${sheet}"] td[data-address="Y5"]`).click();
  const before = await host(page, 'syncCount');
  await page.keyboard.type('0392');
  await page.keyboard.press('Enter');
  await until('the typed value to reach the workbook', async () => (await host(page, 'syncCount')) > before);
  const cell = (await host(page, 'cells', sheet)).find((c) => c.address === 'Y5');
  assert.equal(cell && cell.value, 392, 'a General cell reads 0392 as the number 392');
  assert.equal(await page.getByTestId('name-box').inputValue(), 'Y6', 'Enter moves the selection down');
});

test('settings: a rate typed as 6.75 is refused with the fix; a saved 6.75% overrides the case, and the pane says so', async ({ page, pane }) => {
  // The grid test above left the user on Sheet1: back to the case sheet, as a user would.
  await page.locator(`[role=tab][data-sheet="${state.inputSheet}"]`).click();
  await pane.getByRole('button', { name: 'Settings', exact: true }).click();
  const rate = pane.getByRole('textbox', { name: /Posted modification rate/ });
  await rate.fill('6.75');
  await pane.getByRole('button', { name: 'Save settings' }).click();
  await waitStatus(pane, /settings were not saved/);
  const form = (await pane.locator('form[aria-label="Workbook settings"]').textContent()) ?? '';
  assert.ok(form.includes('6.75 looks like a percent: enter 6.75% or 0.0675'), `no fix shown: ${form}`);
  await rate.fill('6.75%');
  await pane.getByRole('button', { name: 'Save settings' }).click();
  await waitStatus(pane, /Settings saved/);
  await paneAction(pane, 'Evaluate', /Evaluated case/);
  const note = (await pane.getByTestId('settings-note').textContent()) ?? '';
  assert.ok(note.includes("6.75% is used instead of the case's 6.5%"), `the pane does not say the workbook rate is used: ${note}`);
  // Back to the case's own rates for the tests after this one.
  await rate.fill('');
  await pane.getByRole('button', { name: 'Save settings' }).click();
  await waitStatus(pane, /Settings saved/);
  await pane.getByRole('button', { name: 'Settings', exact: true }).click();
  void page;
});

test('axe-core: no serious or critical accessibility violation in the pane (results and dialog shown)', async ({ page, pane }) => {
  const frame = page.frame({ url: /taskpane\.html/ });
  await paneAction(pane, 'Evaluate', /Evaluated case/);
  const withResults = await axeViolations(frame);
  await pane.getByRole('button', { name: 'Build Case Summary', exact: true }).click();
  await pane.getByRole('alertdialog').waitFor({ timeout: TIMEOUT });
  const withDialog = await axeViolations(frame);
  await page.keyboard.press('Escape'); // Escape answers Cancel
  await waitStatus(pane, /Nothing was built/);
  const all = [...withResults, ...withDialog];
  state.axe = all;
  for (const v of all) console.log(`      axe: ${v.impact} ${v.id} (${v.nodes} nodes, e.g. ${v.html}): ${v.help}\n        ${String(v.summary).replace(/\n/g, ' ')}`);
  const serious = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], 'serious or critical accessibility violations');
});

test('import of the published reference case (Freddie Mac Scenario 5) shows its Flex figures in the pane', async ({ pane }) => {
  const reference = JSON.parse(fs.readFileSync(REFERENCE_CASE, 'utf8'));
  await pane.getByTestId('import-file').setInputFiles(REFERENCE_CASE);
  // The user is on a case sheet: the pane asks whether to replace that case or add a new case sheet.
  const dialog = pane.getByRole('alertdialog');
  await dialog.waitFor({ timeout: TIMEOUT });
  assert.ok(((await dialog.textContent()) ?? '').includes(state.inputSheet), 'the import prompt names the case it would replace');
  await dialog.getByRole('button', { name: 'New case sheet' }).click();
  const imported = await waitStatus(pane, new RegExp(`Imported case ${reference.case.caseId}`));
  state.referenceSheet = /"([^"]+)"/.exec(imported)[1];
  await paneAction(pane, 'Evaluate', /Evaluated case/);
  const flex = pane.locator('[data-testid=options] tbody tr[data-program="GSE-FLEX"]');
  const text = (await flex.textContent()) ?? '';
  // test/fixtures/reference/gse-flex-forbearance.json: monthly payment 1,880.41, reduction 20.01%.
  assert.ok(text.includes('$1,880.41'), `GSE-FLEX should show the published $1,880.41: ${text}`);
  assert.ok(text.includes('20.01%'), `GSE-FLEX should show the published 20.01% reduction: ${text}`);
});

test('several cases: the register lists both; choosing one goes to it and Evaluate reads that one, naming its sheet', async ({ page, pane }) => {
  const register = pane.getByTestId('cases');
  await until('the register to list two cases', async () => (await register.locator('tbody tr').count()) === 2);
  const text = (await register.textContent()) ?? '';
  assert.ok(text.includes(SAMPLE.caseId) && text.includes('REF-FLEX-1'), `the register should list both cases: ${text}`);
  assert.ok(/summary built/.test(text), `the sample case has a summary: ${text}`);
  await register.getByRole('button', { name: SAMPLE.caseId, exact: true }).click();
  await until('the sample case sheet to be active', async () => (await host(page, 'activeSheet')) === state.inputSheet);
  const evaluated = await paneAction(pane, 'Evaluate', /Evaluated case/);
  assert.ok(evaluated.includes(`Evaluated case ${SAMPLE.caseId} from the sheet "${state.inputSheet}"`), `Evaluate should read the active case: ${evaluated}`);
  // The reference case's results are gone from the pane: only the current case is shown.
  assert.ok(!((await pane.getByTestId('recommendation').textContent()) ?? '').includes('REF-FLEX-1'), 'the pane shows another case');
  await tallPaneScreenshot(page, 'pane-cases.png');
});

test('import asks; "Replace this case" rebuilds that case sheet whole and adds no sheet', async ({ page, pane }) => {
  const file = path.join(os.tmpdir(), `lm-e2e-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...SAMPLE, loan: { ...SAMPLE.loan, upb: SAMPLE.loan.upb + 1000 } }));
  const count = (await host(page, 'sheetNames')).length;
  await pane.getByTestId('import-file').setInputFiles(file);
  const dialog = pane.getByRole('alertdialog');
  await dialog.waitFor({ timeout: TIMEOUT });
  await page.frameLocator('[data-testid=pane]').locator('body').screenshot({ path: path.join(SCREENSHOTS, 'pane-import-dialog.png') });
  await dialog.getByRole('button', { name: 'Replace this case' }).click();
  await waitStatus(pane, /replaced the case on/);
  fs.rmSync(file, { force: true });
  assert.equal((await host(page, 'sheetNames')).length, count, 'Replace this case must not add a sheet');
  const cells = await host(page, 'cells', state.inputSheet);
  assert.ok(cells.some((c) => c.value === SAMPLE.loan.upb + 1000), 'the imported UPB is on the case sheet');
  assert.ok(!(await host(page, 'sheetNames')).some((n) => /^LMW /.test(n)), 'a temporary sheet was left behind');
});

test("a user's sheet named like a summary is never overwritten (even answering Replace)", async ({ page, pane, baseUrl }) => {
  await page.goto(`${baseUrl}workbench.html`);
  const fresh = page.frameLocator('[data-testid=pane]');
  await fresh.getByRole('button', { name: 'New case', exact: true }).waitFor({ timeout: TIMEOUT });
  const userSheet = `Case Summary ${SAMPLE.caseId}`;
  await host(page, 'addUserSheet', userSheet, { A1: 'My own notes on this borrower', B2: 42 });
  const before = await host(page, 'cells', userSheet);
  await paneAction(fresh, 'New case', /Created the sheet/);
  await fresh.getByRole('button', { name: 'Build Case Summary', exact: true }).click();
  // If the pane asks, answer the most dangerous way: Replace.
  await until('the summary to be built or the pane to ask', async () => {
    if ((await fresh.getByRole('alertdialog').count()) > 0) {
      await fresh.getByRole('alertdialog').getByRole('button', { name: 'Replace' }).click();
      return false;
    }
    const status = fresh.getByTestId('status');
    return (await status.count()) > 0 && /(Built|Replaced) the sheet/.test((await status.textContent()) ?? '');
  });
  const text = await statusText(fresh);
  const built = /the sheet "([^"]+)"/.exec(text)[1];
  assert.notEqual(built.toLowerCase(), userSheet.toLowerCase(), "the summary was written over the user's sheet");
  assert.ok((await host(page, 'sheetNames')).includes(userSheet), "the user's sheet is gone");
  assert.deepEqual(await host(page, 'cells', userSheet), before, "the user's sheet changed");
  void pane;
});

test('the large sample (14 income lines, 12 debts): the summary lists every line and its totals equal the engine', async ({ page, baseUrl }) => {
  await page.goto(`${baseUrl}workbench.html`);
  const fresh = page.frameLocator('[data-testid=pane]');
  await fresh.getByRole('button', { name: 'New case', exact: true }).waitFor({ timeout: TIMEOUT });
  await page.getByTestId('sample-select').selectOption('large');
  await paneAction(fresh, 'New case', /Created the sheet/);
  const text = await paneAction(fresh, 'Build Case Summary', /Built the sheet/);
  const sheetName = /Built the sheet "([^"]+)"/.exec(text)[1];
  const expected = evaluateInNode(LARGE_SAMPLE).affordability;
  const cells = await host(page, 'cells', sheetName);
  // By hand (engine.md section 2 factors), unrounded: 1,420 x 26/12 = 3,076.667; 22.50 x 28 x 52/12 = 2,730;
  // 310 x 26/12 = 671.667; 2,400/12 = 200; 1,150/3 = 383.333; 640; 1,312; 455.25; 3,900/6 = 650;
  // 125 x 52/12 = 541.667; 362 x 52/12 = 1,568.667; 210 x 2 = 420; 300; 75: total exactly 13,024.25.
  // (Summing the five lines rounded to cents first would give 13,024.26.)
  assertCents(expected.grossMonthlyIncome, 13024.25, 'gross monthly income (engine against the hand computation)');
  assertCents(valueByLabel(cells, /^Gross monthly income \(counted lines\)/, 'D').value, expected.grossMonthlyIncome, 'gross monthly income');
  assertCents(valueByLabel(cells, /^Other debts$/, 'D').value, expected.otherDebtPayments, 'other debts');
  assertCents(valueByLabel(cells, /^Housing expense \(PITIA\)/, 'D').value, expected.housingExpense, 'housing expense');
  const match = /written in (\d+) round trips/.exec(text);
  assert.ok(match, `the pane reports the round trips: ${text}`);
  state.largeSyncs = Number(match[1]);
});

/** Clicks a cell of the workbench grid, as a user selects it. */
async function selectCell(page, sheetName, address) {
  await page.locator(`[role=tab][data-sheet="${sheetName}"]`).click();
  await page.locator(`[data-testid=sheet-table][data-sheet="${sheetName}"] td[data-address="${address}"]`).click();
}

async function waitReviewStatus(pane, pattern, timeout = TIMEOUT) {
  return until(
    `the review status to match ${pattern}`,
    async () => {
      const status = pane.getByTestId('review-status');
      if ((await status.count()) === 0) return false;
      const text = (await status.textContent()) ?? '';
      return pattern.test(text) ? text : false;
    },
    timeout,
  );
}

test('New case from this row: a row of the example tape becomes a case sheet, listed in the register', async ({ page, baseUrl }) => {
  await page.goto(`${baseUrl}workbench.html`);
  const fresh = page.frameLocator('[data-testid=pane]');
  await fresh.getByRole('button', { name: 'New case from this row', exact: true }).waitFor({ timeout: TIMEOUT });
  await page.getByTestId('load-example-tape').click();
  await until('the example tape to be loaded', async () => (await host(page, 'sheetNames')).includes('Loan tape'));
  await selectCell(page, 'Loan tape', 'E3'); // row 3: T-002
  await fresh.getByRole('button', { name: 'New case from this row', exact: true }).click();
  const text = await waitReviewStatus(fresh, /Created the sheet|No case was created/);
  assert.match(text, /Created the sheet "Case T-002" for case T-002/);
  const register = fresh.getByTestId('cases');
  await until('the register to list T-002', async () => ((await register.textContent()) ?? '').includes('T-002'));
  const cells = await host(page, 'cells', 'Case T-002');
  assert.ok(cells.some((c) => c.value === 212500), 'the UPB of the row is on the case sheet');
  await tallPaneScreenshot(page, 'pane-new-case-from-row.png');
});

test('a Portfolio Review of the example tape: its native totals (HyperFormula) equal the table counts, exceptions first, the bad row listed', async ({ page }) => {
  const pane = page.frameLocator('[data-testid=pane]');
  await selectCell(page, 'Loan tape', 'A2');
  await pane.getByRole('button', { name: 'Review the selected tape', exact: true }).click();
  const text = await waitReviewStatus(pane, /Built the sheet|not built|did not go through/);
  assert.match(text, /Built the sheet "Portfolio Review": 8 loans from table Loan_tape on Loan tape/);
  assert.match(text, /row 9, loan\.rate/, 'the row typed as a percent is listed with its row and field');
  const cells = await host(page, 'cells', 'Portfolio Review');
  const at = (address) => cells.find((c) => c.address === address);
  const header = cells.filter((c) => c.value === 'Row' && /^A\d+$/.test(c.address)).map((c) => Number(c.address.slice(1))).pop();
  const headers = cells.filter((c) => c.address.replace(/^[A-Z]+/, '') === String(header)).sort((a, b) => a.address.length - b.address.length || a.address.localeCompare(b.address));
  const col = (name) => headers.find((c) => c.value === name).address.replace(/\d+$/, '');
  const body = [];
  for (let r = header + 1; at(`A${r}`) && typeof at(`A${r}`).value === 'number'; r++) body.push(r);
  assert.equal(body.length, 8, 'one row per loan');
  const loans = cells.find((c) => c.value === 'Loans' && /^A\d+$/.test(c.address));
  assert.equal(at(`B${loans.address.slice(1)}`).value, body.length, 'the Loans total (a native COUNT) equals the rows');
  // By deadline status: each native COUNTIF equals the rows counted here.
  for (const label of ['Passed', 'Due soon', 'OK', 'No dates']) {
    const labelCell = cells.find((c) => c.value === label && /^G\d+$/.test(c.address));
    const counted = body.filter((r) => (at(`${col('Deadline status')}${r}`) || {}).value === label).length;
    assert.equal(at(`H${labelCell.address.slice(1)}`).value, counted, `the "${label}" total`);
  }
  // Exceptions first: no row with an exception after a row without one.
  const exceptions = body.map((r) => Boolean((at(`${col('Exception')}${r}`) || {}).value));
  assert.ok(exceptions.indexOf(false) < 0 || exceptions.slice(exceptions.indexOf(false)).every((e) => !e), `exceptions first: ${exceptions}`);
  await tallPaneScreenshot(page, 'pane-portfolio-review.png');
  await page.locator('[role=tab][data-sheet="Portfolio Review"]').click();
  // The statuses are coloured by the sheet's conditional formats, as the grid draws them: a passed
  // deadline red (Excel's light red fill), a deadline due soon yellow, an empty status plain.
  const drawnFill = async (address) => page.locator(`[data-address="${address}"]`).first().evaluate((el) => window.getComputedStyle(el).backgroundColor);
  const rowWhere = (column, pattern) => body.find((r) => pattern.test(String((at(`${col(column)}${r}`) || {}).value || '')));
  assert.equal(await drawnFill(`${col('Exception')}${rowWhere('Exception', /^Deadline passed/)}`), 'rgb(255, 199, 206)');
  assert.equal(await drawnFill(`${col('Deadline status')}${rowWhere('Deadline status', /^Due soon$/)}`), 'rgb(255, 235, 156)');
  const plainFill = await drawnFill(`${col('Deadline status')}${rowWhere('Exception', /^Problem in the input/)}`);
  assert.ok(!['rgb(255, 199, 206)', 'rgb(255, 235, 156)', 'rgb(198, 239, 206)'].includes(plainFill), `an empty status is not coloured: ${plainFill}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench-portfolio-review.png') });
});

test('a long review shows progress and Cancel leaves the workbook as it was', async ({ page }) => {
  const pane = page.frameLocator('[data-testid=pane]');
  await host(page, 'loadGeneratedTape', 'Big tape', 8000);
  await until('the generated tape', async () => (await host(page, 'sheetNames')).includes('Big tape'));
  const before = await host(page, 'sheetNames');
  const reviewBefore = await host(page, 'cells', 'Portfolio Review');
  await selectCell(page, 'Big tape', 'B2');
  /** Starts a review of the selected tape; the add-in's review exists, so the pane asks first: Replace. */
  const startReview = async () => {
    await pane.getByRole('button', { name: 'Review the selected tape', exact: true }).click();
    const dialog = pane.getByRole('alertdialog');
    await dialog.waitFor({ timeout: TIMEOUT });
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await pane.getByTestId('review-progress').waitFor({ timeout: TIMEOUT });
  };
  // A click event at once: the progress bar moves, so waiting for a still button could outlast the review.
  const cancel = () => pane.getByTestId('review-progress').getByRole('button', { name: 'Cancel', exact: true }).dispatchEvent('click', {}, { timeout: 5000 });

  // Cancel at once: the workbook is exactly as it was.
  await startReview();
  await cancel();
  assert.match(await waitReviewStatus(pane, /cancelled|Built the sheet/, 60_000), /Review cancelled/);
  assert.deepEqual(await host(page, 'sheetNames'), before, 'a sheet was added or removed');
  assert.deepEqual(await host(page, 'cells', 'Portfolio Review'), reviewBefore, 'the review was changed');

  // Again, for a picture of the progress (taking it can outlast the review: then the review was
  // replaced, and the picture shows the result); either way no sheet was added.
  await startReview();
  await page.getByTestId('pane').screenshot({ path: path.join(SCREENSHOTS, 'pane-review-progress.png') });
  await cancel().catch(() => undefined);
  assert.match(await waitReviewStatus(pane, /cancelled|Built the sheet|not built/, 120_000), /Review cancelled|Built the sheet "Portfolio Review": 8,000 loans/);
  assert.deepEqual(await host(page, 'sheetNames'), before, 'no sheet was added');
});

test('an older Excel (the workbench playing ExcelApi 1.8): the pane says what is missing and which Excel works, and offers no action', async ({ page, baseUrl }) => {
  await page.goto(`${baseUrl}workbench.html?ExcelApi=1.8`);
  const old = page.frameLocator('[data-testid=pane]');
  const message = old.getByTestId('unsupported-excel');
  await message.waitFor({ timeout: TIMEOUT });
  const text = (await message.textContent()) ?? '';
  assert.match(text, /This version of Excel cannot run LM Workbench/);
  assert.match(text, /ExcelApi 1\.9: the Case Summary's page layout and print titles/);
  assert.doesNotMatch(text, /CustomFunctionsRuntime/, 'only the missing set is named');
  assert.match(text, /Version 2008 \(Build 13127\.20296\)/);
  assert.equal(await old.getByRole('button', { name: 'New case', exact: true }).count(), 0, 'the pane offered New case on an Excel that cannot run it');
  const serious = (await axeViolations(page.frame({ url: /taskpane\.html/ }))).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], 'serious or critical accessibility violations in the message');
});

test("no request left the page's origin (no CDN, no telemetry)", async ({ requests, baseUrl }) => {
  const origin = new URL(baseUrl).origin;
  const outside = requests.filter((url) => !url.startsWith(origin) && !/^(data|blob|about):/.test(url));
  assert.ok(requests.length > 0, 'no request was recorded');
  assert.deepEqual(outside, [], 'requests left the origin');
}, { always: true });

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`e2e: ${CHROMIUM} is missing: run scripts/ensure-chromium.sh (as root) or set CHROMIUM_PATH`);
    process.exit(1);
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // A test never modifies tracked files: in a git checkout, the screenshot folder must be ignored.
  const ignored = require('child_process').spawnSync('git', ['check-ignore', '-q', path.join(SCREENSHOTS, 'probe.png')], { cwd: __dirname });
  if (ignored.status === 1) {
    console.error(`e2e: ${SCREENSHOTS} is not ignored by git; the tests must not write tracked files`);
    process.exit(1);
  }
  ensureBuilt({ log: (line) => console.log(line) });
  const server = await startWorkbenchServer({ port: 0 });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lm-e2e-profile-'));
  let context;
  let exitCode = 1;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1500, height: 950 },
      // No colour transitions half-way when axe measures contrast (Fluent honours reduced motion).
      reducedMotion: 'reduce',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    console.log(`e2e: workbench at ${server.url}, Chromium ${context.browser() ? context.browser().version() : ''}`.trim());
    const pane = page.frameLocator('[data-testid=pane]');
    const { passed, failed, skipped } = await runAll({ page, pane, baseUrl: server.url, requests });
    if (pageErrors.length > 0) console.log(`  (errors the page reported: ${pageErrors.join(' | ')})`);
    if (state.largeSyncs !== undefined) console.log(`  (large sample summary written in ${state.largeSyncs} round trips)`);
    console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    exitCode = failed === 0 && skipped === 0 ? 0 : 1;
  } finally {
    if (context) await context.close();
    await server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

main().catch((error) => {
  console.error(`e2e: ${error && error.stack ? error.stack : error}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
