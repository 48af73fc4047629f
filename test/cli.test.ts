import * as fs from 'fs';
import { describeJsonError, isReferenceExample } from '../src/cli/main';
import { maskLoanNumber, percentOfFraction } from '../src/cli/format';
import { referenceCasePath } from './support/referenceCases';
import { runCliOver } from './support/cliRun';

/** Files not given here do not exist (ENOENT). */
const run = (argv: string[], files: Record<string, string> = {}) => runCliOver(argv, files);

const validCase = {
  caseId: 'CLI-1',
  investor: 'FANNIE',
  evaluationDate: '2025-10-15',
  loan: { loanNumber: '0012345678', upb: 200000, rate: 0.05, remainingTermMonths: 300, contractualPI: 1169.18, monthlyEscrow: 300 },
  property: { value: 250000, valuationDate: '2025-06-01' },
  borrower: { names: ['Jane Q. Borrower'], incomes: [{ type: 'WAGES', amount: 5000, frequency: 'MONTHLY' }] },
};
const files = { 'case.json': JSON.stringify(validCase, null, 2) };

describe('lm CLI', () => {
  it('--help prints usage and exits 0; no command exits 2', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/lm evaluate CASE\.json \[--json\] \[--programs A,B\]/);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no command given/);
  });

  it('usage errors exit 2', async () => {
    expect((await run(['frobnicate', 'case.json'], files)).code).toBe(2);
    expect((await run(['evaluate'], files)).stderr).toMatch(/needs a case file/);
    expect((await run(['evaluate', 'case.json', '--jsn'], files)).stderr).toMatch(/unknown option "--jsn"/);
    expect((await run(['evaluate', 'case.json', '--programs'], files)).stderr).toMatch(/--programs needs/);
  });

  it('evaluate --json prints one JSON evaluation on stdout', async () => {
    const { code, stdout, stderr } = await run(['evaluate', 'case.json', '--json'], files);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const evaluation = JSON.parse(stdout);
    expect(evaluation.caseId).toBe('CLI-1');
    // 1169.18 + 300 escrow = 1469.18; / 5000 = 0.293836 -> 0.2938
    expect(evaluation.affordability.housingExpense).toBe(1469.18);
    expect(evaluation.affordability.frontEndDti).toBe(0.2938);
    // 136 days old valuation: warning in the evaluation
    expect(evaluation.warnings.join()).toMatch(/136 days old/);
  });

  it('human output: affordability block, masked loan number, no names; warnings on stderr', async () => {
    const { code, stdout, stderr } = await run(['evaluate', 'case.json'], files);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Affordability/);
    expect(stdout).toMatch(/Front-end DTI\s+29\.38%/);
    expect(stdout).toMatch(/\*\*\*\*5678/);
    expect(stdout).not.toContain('0012345678');
    expect(stdout).not.toContain('Jane');
    expect(stdout).toMatch(/Recommendation:/);
    expect(stderr).toMatch(/^warning: property\.valuationDate/m);
  });

  it('bad input: exit 2, every problem on stderr as "field: message", one per line', async () => {
    const bad = { ...validCase, loan: { ...validCase.loan, rate: 4.75, upb: -1 }, investor: 'FREDIE' };
    const { code, stdout, stderr } = await run(['evaluate', 'bad.json'], { 'bad.json': JSON.stringify(bad) });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'investor: "FREDIE" is not allowed; did you mean "FREDDIE"? use one of FANNIE, FREDDIE, FHA, VA, USDA, PORTFOLIO',
      'loan.upb: must not be negative (-1); enter the amount as a positive number of dollars',
      'loan.rate: rate 4.75 looks like a percent: enter 4.75% or 0.0475',
    ]);
    expect((await run(['validate', 'bad.json'], { 'bad.json': JSON.stringify(bad) })).code).toBe(2);
  });

  it('validate: a valid case exits 0 and lists warnings', async () => {
    const { code, stdout, stderr } = await run(['validate', 'case.json'], files);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid case CLI-1 \(FANNIE\), 1 warning/);
    expect(stderr).toMatch(/warning:/);
  });

  it('unreadable file and bad JSON (with line and column) exit 2', async () => {
    const missing = await run(['evaluate', 'nope.json'], files);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('nope.json: cannot read the file: no such file\n');
    const broken = await run(['evaluate', 'broken.json'], { 'broken.json': '{\n  "caseId": "X",\n  "loan": { upb: 1 }\n}' });
    expect(broken.code).toBe(2);
    // position of `upb` is on line 3, column 13
    expect(broken.stderr).toMatch(/^broken\.json: not valid JSON: .* at line 3, column 13\n$/);
    const truncated = await run(['validate', 't.json'], { 't.json': '{"caseId": ' });
    expect(truncated.stderr).toMatch(/ends too early at line 1, column 12/);
  });

  it('unknown --programs id exits 2 naming it', async () => {
    const { code, stderr } = await run(['evaluate', 'case.json', '--programs', 'GSE-FLX'], files);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^programs: unknown program "GSE-FLX"/);
  });

  it('a reference example is evaluated on its case; the note is on stderr in human mode only', async () => {
    const file = referenceCasePath('gse-flex-pi-increase.json');
    const real = { [file]: fs.readFileSync(file, 'utf8') };
    const human = await run(['evaluate', file], real);
    expect(human.code).toBe(0);
    expect(human.stderr).toMatch(/is a reference example; evaluating its "case"/);
    expect(human.stdout).toMatch(/Case REF-FLEX-2/);
    const json = await run(['evaluate', file, '--json'], real);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).caseId).toBe('REF-FLEX-2');
  });

  it('human output: a modification that raises P&I reads as an increase, with its reason; compliance dates are listed', async () => {
    const file = referenceCasePath('gse-flex-pi-increase.json');
    const { stdout } = await run(['evaluate', file, '--programs', 'GSE-FLEX'], { [file]: fs.readFileSync(file, 'utf8') });
    // Published figures: P&I 537.30 against a contractual 200.00, i.e. (537.30 - 200) / 200 = 168.65% more.
    expect(stdout).toMatch(/GSE-FLEX .*NOT eligible, reason: P&I increase .*P&I 537\.30, INCREASE 168\.65%/);
    expect(stdout).not.toMatch(/reduction -/);
    expect(stdout).toMatch(/Compliance dates \(Regulation X\)/);
    // The case has no application or due dates: every date is n/a, none invented.
    expect(stdout).toMatch(/Acknowledge the application by\s+n\/a/);
  });
});

describe('lm CLI: the appeal deadline says what it counts from (12 CFR 1024.41(h)(2))', () => {
  it('without a decision notice date: "at the latest"; with one: 14 days after it', async () => {
    // Complete 2025-10-01: evaluation due 2025-10-31, appeal 14 days later at the latest: 2025-11-14.
    const latest = { ...validCase, options: { applicationCompleteDate: '2025-10-01' } };
    const a = await run(['evaluate', 'case.json'], { 'case.json': JSON.stringify(latest) });
    expect(a.stdout).toMatch(/Appeal deadline\s+2025-11-14 \(at the latest, if the decision is sent on the evaluation due date\)/);
    const sent = { ...validCase, options: { applicationCompleteDate: '2025-10-01', decisionNoticeSentDate: '2025-10-20' } };
    const b = await run(['evaluate', 'case.json'], { 'case.json': JSON.stringify(sent) });
    expect(b.stdout).toMatch(/Appeal deadline\s+2025-11-03 \(14 days after the decision notice sent 2025-10-20\)/);
  });
});

describe('CLI helpers', () => {
  it('isReferenceExample: only source/case/expect keys, with a case', () => {
    expect(isReferenceExample({ source: 's', case: {}, expect: {} })).toBe(true);
    expect(isReferenceExample({ case: {} })).toBe(true);
    expect(isReferenceExample({ caseId: 'x', case: {} })).toBe(false);
    expect(isReferenceExample({ source: 's' })).toBe(false);
  });

  it('describeJsonError computes line and column from the position', () => {
    const text = '{\n  "a": 1,\n  b: 2}';
    let error: Error | undefined;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e as Error;
    }
    expect(describeJsonError(text, error as Error)).toMatch(/at line 3, column 3$/);
  });

  it('masks the loan number and prints percents exactly', () => {
    expect(maskLoanNumber('0012345678')).toBe('****5678');
    expect(maskLoanNumber(null)).toBe('(none)');
    expect(percentOfFraction(0.04875)).toBe('4.875%');
    expect(percentOfFraction(0.3125)).toBe('31.25%');
    expect(percentOfFraction(null)).toBe('n/a');
  });
});
