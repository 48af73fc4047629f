/**
 * The LM function family beside DTI and MODTERMS, called from cells in HyperFormula (references,
 * ranges, blanks, text, errors in inputs, spills) and directly as Excel calls them. Every
 * expected figure is a hand computation shown beside it, or a published reference figure.
 */
import { excelErrorOf, excelErrorOfAsync } from '../support/customFunctionsShim';
import { readReferenceCase } from '../support/referenceCases';
import { registerAllLmFunctions } from '../support/lmAllFunctions';
import { workbook } from '../support/hyperformulaBridge';
import { FLEX_EXAMPLE_TERM_ROWS } from '../support/lmCallSpecs';
import { fromExcelSerial } from '../../src/engine/dates';
import { monthlyincome } from '../../src/functions/income';
import { cltv, ltv, pitia } from '../../src/functions/housing';
import { varesidual, varesidualrequired } from '../../src/functions/residual';
import { deferral, partialclaim, repayment, targetpi } from '../../src/functions/workouts';
import { shortsale } from '../../src/functions/disposition';
import { npv } from '../../src/functions/npv';
import { regxdates } from '../../src/functions/timeline';
import { caseoptions } from '../../src/functions/caseOptions';
import { portfolio } from '../../src/functions/portfolio';
import { findProgram } from '../../src/engine/programs';

type Cell = string | number | boolean | null;
const errorOf = (value: unknown): { type: string; message: string } => {
  const e = value as { type?: string; message?: string; value?: string };
  if (!e || typeof e !== 'object' || !('type' in e)) throw new Error(`expected a cell error, got ${JSON.stringify(value)}`);
  return { type: String(e.value ?? e.type), message: e.message ?? '' };
};

beforeAll(async () => {
  await registerAllLmFunctions();
});

describe('LM.MONTHLYINCOME', () => {
  test('each frequency of engine.md section 2', () => {
    expect(monthlyincome([[2450]], [['BIWEEKLY']])).toBe(5308.33); // 2450 x 26 / 12 = 5308.333...
    expect(monthlyincome([[1000]], [['weekly']])).toBe(4333.33); // 1000 x 52 / 12 = 4333.333...
    expect(monthlyincome([[1200]], [['SEMIMONTHLY']])).toBe(2400); // x 2
    expect(monthlyincome([[9000]], [['QUARTERLY']])).toBe(3000); // / 3
    expect(monthlyincome([[60000]], [['ANNUAL']])).toBe(5000); // / 12
    expect(monthlyincome([[20]], [['HOURLY']], [[40]])).toBe(3466.67); // 20 x 40 x 52 / 12 = 3466.666...
  });
  test('from cells: a range of lines is totalled from exact amounts, blanks skipped', () => {
    const wb = workbook([
      [2450, 'BIWEEKLY', null, '=LM.MONTHLYINCOME(A1:A3, B1:B3, C1:C3)'],
      [null, null, null, '=LM.MONTHLYINCOME(A1, B1)'],
      [20, 'HOURLY', 40, '=LM.MONTHLYINCOME(A3, B3)'],
      ['abc', 'MONTHLY', null, '=LM.MONTHLYINCOME(A4, B4)'],
      [100, 'FORTNIGHTLY', null, '=LM.MONTHLYINCOME(A5, B5)'],
    ]);
    // 2450 x 26 / 12 + 20 x 40 x 52 / 12 = 5308.333... + 3466.666... = 8775.00
    expect(wb.value('D1')).toBe(8775);
    expect(wb.value('D2')).toBe(5308.33);
    const hourly = errorOf(wb.value('D3'));
    expect(hourly.type).toBe('#VALUE!');
    expect(hourly.message).toMatch(/^hours_per_week is required for HOURLY income/);
    expect(errorOf(wb.value('D4')).message).toBe('amount must be a number, not the text "abc"');
    expect(errorOf(wb.value('D5')).message).toMatch(/^frequency "FORTNIGHTLY" is not one of WEEKLY/);
  });
  test('frequencies must match the amounts', () => {
    const error = excelErrorOf(() => monthlyincome([[1], [2], [3]], [['MONTHLY'], ['WEEKLY']]));
    expect(error.message).toBe('frequency must be one cell or a range of the same size as amount (3 cells), not 2 cells');
  });
  test('an error in an input propagates', () => {
    const wb = workbook([['=1/0', 'MONTHLY', '=LM.MONTHLYINCOME(A1, B1)']]);
    expect(errorOf(wb.value('C1')).type).toBe('#DIV/0!');
  });
});

describe('LM.PITIA, LM.LTV, LM.CLTV', () => {
  test('PITIA sums its parts; ranges and blanks accepted', () => {
    const wb = workbook([
      [1913.14, 200, 100, '=LM.PITIA(A1, B1, C1:C2, , D2)'],
      [null, null, 50, 35],
      [1913.14, null, null, '=LM.PITIA(A3)'],
      ['n/a', null, null, '=LM.PITIA(A4, 200)'],
    ]);
    expect(wb.value('D1')).toBe(2298.14); // 1913.14 + 200 + (100 + 50) + 35
    expect(wb.value('D3')).toBe(1913.14);
    expect(errorOf(wb.value('D4')).message).toBe('principal_and_interest must be a number, not the text "n/a"');
  });
  test('PITIA called directly: 1913.14 + 200 = 2113.14; a blank P&I says what to enter', () => {
    expect(pitia([[1913.14]], [[200]])).toBe(2113.14);
    expect(excelErrorOf(() => pitia([['']])).message).toBe('principal_and_interest is blank: enter the monthly P&I');
  });
  test('LTV and CLTV as fractions', () => {
    expect(ltv([[200000]], [[250000]])).toBe(0.8); // 200,000 / 250,000
    expect(cltv([[200000]], [[20000], [5000]], [[250000]])).toBe(0.9); // (200,000 + 25,000) / 250,000
    expect(cltv([[200000]], [['']], [[250000]])).toBe(0.8); // no subordinate liens
    const wb = workbook([[200000, 0, '=LM.LTV(A1, B1)', '=LM.CLTV(A1, , 250000)']]);
    const div0 = errorOf(wb.value('C1'));
    expect(div0.type).toBe('#DIV/0!');
    // Excel shows no custom message with #DIV/0! (only #VALUE! and #N/A carry one).
    expect(div0.message).toBe('');
    expect(wb.value('D1')).toBe(0.8);
  });
});

describe('LM.VARESIDUAL, LM.VARESIDUALREQUIRED', () => {
  test('residual income = net income - housing - debts - maintenance', () => {
    expect(varesidual([[5000]], [[1800]], [[600]], [[300]])).toBe(2300); // 5000 - 1800 - 600 - 300
    expect(varesidual([[1000]], [[1500]])).toBe(-500);
  });
  test('called directly: region in any case; $79,999.99 is below the $80,000 break (Midwest, 1 person: 382)', () => {
    expect(varesidualrequired('midwest', 1, [[79999.99]])).toBe(382);
  });
  test('required residual income from the VA table (engine.md section 3)', () => {
    const wb = workbook([
      ['SOUTH', 4, 150000, '=LM.VARESIDUALREQUIRED(A1, B1, C1)'],
      ['WEST', 7, 60000, '=LM.VARESIDUALREQUIRED(A2, B2, C2)'],
      ['NORTHEAST', 6, 80000, '=LM.VARESIDUALREQUIRED(A3, B3, C3)'],
      ['EAST', 3, 80000, '=LM.VARESIDUALREQUIRED(A4, B4, C4)'],
      ['WEST', 0, 80000, '=LM.VARESIDUALREQUIRED(A5, B5, C5)'],
    ]);
    expect(wb.value('D1')).toBe(1003); // family of 4, South, >= $80,000
    expect(wb.value('D2')).toBe(1154); // below $80,000: family of 5 West 1,004 + 2 x $75
    expect(wb.value('D3')).toBe(1142); // $80,000 is "and above": 1,062 + $80
    expect(errorOf(wb.value('D4')).message).toMatch(/^region "EAST" is not one of NORTHEAST/);
    expect(errorOf(wb.value('D5')).message).toBe('family_size must be 1 or more, not 0');
  });
});

describe('LM.TARGETPI', () => {
  test('called directly, strictly_above must be TRUE or FALSE', () => {
    expect(targetpi(1913.14, null, true)).toBe(1530.41);
    expect(excelErrorOf(() => targetpi(1913.14, 0.2, 'yes')).message).toBe('strictly_above must be TRUE or FALSE, not the text "yes"');
  });
  test('GSE 20% target and other reductions', () => {
    const wb = workbook([
      [1913.14, '=LM.TARGETPI(A1)', '=LM.TARGETPI(1000, 25%)', '=LM.TARGETPI(1000, 0.25, FALSE())', '=LM.TARGETPI(1000, 20)', '=LM.TARGETPI("x")'],
    ]);
    expect(wb.value('B1')).toBe(1530.41); // floor_to_cent(1913.14 x 0.79995) = floor(1530.4163) (engine.md 4.2)
    expect(wb.value('C1')).toBe(749.95); // floor_to_cent(1000 x 0.74995)
    expect(wb.value('D1')).toBe(750); // at least 25%: 1000 x 0.75
    const percent = errorOf(wb.value('E1'));
    expect(percent.type).toBe('#VALUE!'); // #VALUE!, so that Excel shows the message
    expect(percent.message).toBe('reduction 20 looks like a percent: enter 20% or 0.2');
    expect(errorOf(wb.value('F1')).message).toBe('current_pi must be a number, not the text "x"');
  });
});

describe('LM.REPAYMENT', () => {
  test('spills months and payment', () => {
    const wb = workbook([
      [3000, 2000, '=LM.REPAYMENT(A1, B1)'],
      [2500, 1913.14, '=LM.REPAYMENT(A2, B2)'],
      [20000, 1000, '=LM.REPAYMENT(A3, B3)'],
      [20000, 1000, '=LM.REPAYMENT(A4, B4, 3, 24)'],
    ]);
    // room = 50% of 2000 = 1000 a month: 3000 / 1000 = 3 months of 2000 + 1000
    expect([wb.value('C1'), wb.value('D1')]).toEqual([3, 3000]);
    // room = floor_to_cent(956.57); ceil(2500 / 956.57) = 3 months; installment ceil_to_cent(833.333) = 833.34; 1913.14 + 833.34
    expect([wb.value('C2'), wb.value('D2')]).toEqual([3, 2746.48]);
    // room 500: 40 months > 12
    const tooLong = errorOf(wb.value('C3'));
    expect(tooLong.type).toBe('#N/A'); // no such plan is available; #N/A carries the message
    expect(tooLong.message).toBe('max_months: no plan of at most 12 months keeps the payment within 150% of the contractual payment (the shortest is 40 months)');
    // cap 300%: room 2000; 20000 / 2000 = 10 months of 1000 + 2000
    expect([wb.value('C4'), wb.value('D4')]).toEqual([10, 3000]);
  });
  test('no arrears: no plan months, the contractual payment', () => {
    expect(repayment([[0]], [[1000]])).toEqual([[0, 1000]]);
  });
});

describe('LM.DEFERRAL', () => {
  test('past-due P&I plus advances', () => {
    expect(deferral(4, [[1913.14]], [[350]], [[100]])).toBe(8102.56); // 4 x 1913.14 = 7652.56, + 350 + 100
    const wb = workbook([[4, 1000, null, '=LM.DEFERRAL(A1, B1, C1)']]);
    expect(wb.value('D1')).toBe(4000);
  });
  test('outside the limits is #N/A naming the limit (a deferral is not available; Excel shows the reason)', () => {
    const early = excelErrorOf(() => deferral(1, [[1000]]));
    expect(early.code).toBe('#N/A');
    expect(early.message).toMatch(/^months_delinquent: not eligible for a payment deferral: at least 2 months past due/);
    const cumulative = excelErrorOf(() => deferral(4, [[1000]], null as never, null as never, 10));
    expect(cumulative.message).toMatch(/^cumulative_deferred_months: .*at most 12 months deferred cumulatively \(10 months deferred before \+ 4 now = 14\)/);
  });
});

describe('LM.PARTIALCLAIM', () => {
  test('FHA 30% and VA 25% of the UPB, less prior claims, at most the need', () => {
    expect(partialclaim([[200000]])).toBe(60000); // 30% of 200,000
    expect(partialclaim([[200000]], [[10000], [5000]])).toBe(45000); // 60,000 - 15,000
    expect(partialclaim([[200000]], [[15000]], [[12000]])).toBe(12000); // the need is smaller
    expect(partialclaim([[200000]], null as never, null as never, 'va')).toBe(50000); // 25% of 200,000
    expect(partialclaim([[100000]], [[40000]])).toBe(0); // 30,000 - 40,000: nothing left
    expect(excelErrorOf(() => partialclaim([[200000]], null as never, null as never, 'USDA')).message).toBe('program must be "FHA" or "VA", not "USDA"');
  });
});

describe('LM.SHORTSALE', () => {
  test('net proceeds and net return (engine.md section 7)', () => {
    const wb = workbook([[200000, 220000, 0.06, 3000, 6000, 3000, '=LM.SHORTSALE(A1, B1, C1, D1, E1, F1)']]);
    // 200,000 - 6% commission 12,000 - 3,000 - 6,000 - 3,000 = 176,000; 176,000 / 220,000 = 0.80 < GSE minimum 0.88
    expect([wb.value('G1'), wb.value('H1'), wb.value('I1'), wb.value('J1')]).toEqual([176000, 0.8, 0.88, false]);
  });
  test('FHA minimum falls with the marketing days (88% days 1-30, 84% after 60)', () => {
    // 200,000 - 12,000 - 2,000 = 186,000; / 220,000 = 0.845454... reported 84.55%
    expect(shortsale([[200000]], [[220000]], 0.06, [[2000]], [[0]], [[0]], 'FHA', 70)).toEqual([[186000, 0.8455, 0.84, true]]);
    expect(shortsale([[200000]], [[220000]], 0.06, [[2000]], [[0]], [[0]], 'FHA', 20)).toEqual([[186000, 0.8455, 0.88, false]]);
  });
  test('bad arguments', () => {
    expect(excelErrorOf(() => shortsale([[200000]], [[220000]], 6)).message).toBe('commission_rate 6 looks like a percent: enter 6% or 0.06');
    expect(excelErrorOf(() => shortsale([[200000]], [[0]])).message).toBe('value must be greater than 0');
  });
});

describe('LM.NPV', () => {
  test('no re-default, discount rate = note rate: the modified loan is worth its UPB; foreclosure now recovers value x (1 - 15% - 10%)', () => {
    const wb = workbook([[100000, 0, 0.06, 360, 100000, '=LM.NPV(A1, B1, C1, D1, E1, , 6%, 0, 15%, 10%, 0)']]);
    // PV of the exact level payment at its own rate = 100,000; liquidation 100,000 x 0.75 = 75,000 received now
    expect([wb.value('F1'), wb.value('G1'), wb.value('H1')]).toEqual([100000, 75000, 25000]);
  });
  test('a percent typed as a number names the argument', () => {
    expect(excelErrorOf(() => npv([[100000]], [[0]], 0.06, 360, 100000, null, null, 15)).message).toBe('redefault_rate 15 looks like a percent: enter 15% or 0.15');
  });
});

describe('LM.REGXDATES', () => {
  test('dates as Excel serials, with their status', () => {
    // evaluation 2025-10-15 (serial 45945), first missed 2025-06-01, received 2025-09-20 (a Saturday), complete 2025-10-02
    const wb = workbook([[45945, '2025-06-01', '2025-09-20', '2025-10-02', '=LM.REGXDATES(A1, B1, C1, D1)']]);
    const rows = [1, 2, 3, 4, 5, 6, 7].map((r) => [wb.value(`E${r}`), wb.value(`F${r}`), wb.value(`G${r}`)]);
    const iso = (serial: unknown) => (typeof serial === 'number' ? fromExcelSerial(serial) : serial);
    expect(rows.map(([label, date, status]) => [label, iso(date), status])).toEqual([
      ['Live contact attempt by (day 36)', '2025-07-07', 'missed'], // 2025-06-01 + 36 days (comment 39(a)-1.i.A)
      ['Written early-intervention notice by (day 45)', '2025-07-16', 'missed'], // + 45 days
      ['Acknowledge the application by', '2025-09-26', 'missed'], // 5 business days after Sat 09-20: Mon 22 .. Fri 26
      ['Evaluate the complete application by', '2025-11-01', ''], // 2025-10-02 + 30 days; 17 days away
      ['Appeal deadline', '2025-11-15', ''], // + 14 days
      ['Offer acceptance deadline', '2025-11-15', ''], // + 14 days (no sale scheduled)
      ['Earliest foreclosure referral', '2025-09-30', 'reached'], // 2025-06-01 + 121 days: more than 120 days delinquent
    ]);
  });
  test('blank optional dates leave their rows empty; a bad date names the argument', () => {
    const rows = regxdates(45945);
    expect(rows.every((row) => row[1] === '')).toBe(true);
    expect(excelErrorOf(() => regxdates(45945, '06/01/2025')).message).toBe('first_missed_due_date must be a date (a date cell, or text YYYY-MM-DD), not the text "06/01/2025"');
  });
});

const reference = readReferenceCase('gse-flex-forbearance.json');

/** The reference case as Case Input labels and values (the labels of src/summary/caseInputLayout.ts). */
const referenceRange: Cell[][] = [
  ['Case', null],
  ['Case ID', reference.case.caseId],
  ['Investor', 'FREDDIE'],
  ['Evaluation date', 45945], // 2025-10-15
  ['Loan', null],
  ['Unpaid principal balance (UPB)', 347868.83],
  ['Deferred (non-interest-bearing) balance', 0],
  ...FLEX_EXAMPLE_TERM_ROWS,
];

describe('LM.CASEOPTIONS', () => {
  test('the published Flex example from a Case Input range: the GSE-FLEX row carries the published terms', () => {
    const table = caseoptions(referenceRange as never);
    expect(table[0]).toEqual(['Option', 'Program', 'Eligible', 'New payment', 'Reduction', 'Rate', 'Term (months)', 'Forbearance', 'Reason']);
    const flex = table.find((row) => row[1] === 'GSE-FLEX');
    // Freddie Mac Resolve example: P&I 1,530.41 + escrow 350 = 1,880.41; 20.01%; 4.75%; 480 months; forbearance 27,545.81
    expect(flex?.slice(2, 8)).toEqual([true, 1880.41, 0.2001, 0.0475, 480, 27545.81]);
    expect(table[table.length - 1][0]).toBe('Recommendation');
    expect(table.every((row) => row.length === 9)).toBe(true);
  });
  test('from cells, narrowed to one program; field paths as labels', () => {
    const rows: Cell[][] = referenceRange.map((row, index) => [...row, index === 0 ? '=LM.CASEOPTIONS(A1:B16, "GSE-FLEX")' : null]);
    rows[1][0] = 'caseId';
    rows[7][0] = 'loan.rate';
    const wb = workbook(rows);
    expect(wb.value('C2')).toBe(findProgram('GSE-FLEX')?.label);
    expect([wb.value('D2'), wb.value('E2'), wb.value('F2')]).toEqual(['GSE-FLEX', true, 1880.41]);
    expect(wb.value('C3')).toBe('Recommendation');
  });
  test('a typo in a label or a bad value is #VALUE! naming the row and label', () => {
    const bad = referenceRange.map((row) => [...row]);
    bad[5][0] = 'Unpaid balance';
    bad[7][1] = 'four';
    const error = excelErrorOf(() => caseoptions(bad as never));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('case_range row 6 (Unpaid balance): "Unpaid balance" is not a case field');
    expect(error.message).toContain('case_range row 8 (Interest rate) loan.rate: "four" is not a number');
  });
  test('a rate typed as a percent is reported by the case parser', () => {
    const bad = referenceRange.map((row) => [...row]);
    bad[7][1] = 4.75;
    expect(excelErrorOf(() => caseoptions(bad as never)).message).toContain('4.75 looks like a percent');
  });
});

describe('LM.PORTFOLIO', () => {
  const header: Cell[] = ['caseId', 'investor', 'evaluationDate', 'upb', 'rate', 'remainingTermMonths', 'contractualPI', 'monthlyEscrow', 'monthsDelinquent', 'delinquentInterest', 'value', 'modificationRate', 'firstTrialPaymentDate'];
  const flexLoan: Cell[] = ['REF-FLEX-1', 'FREDDIE', 45945, 347868.83, 0.0475, 322, 1913.14, 350, 4, 8261.88, 50000, 0.065, '2025-11-01'];
  const badLoan: Cell[] = ['BAD', 'FREDDIE', 45945, 'lots', 0.0475, 322, 1913.14, 350, 4, 0, 50000, 0.065, null];
  test('one row per loan; a bad row is an error row, not a failed call', async () => {
    const rows = await portfolio([header, flexLoan, badLoan] as never);
    expect(rows[0]).toEqual(['Row', 'Case ID', 'Recommended', 'New payment', 'Reduction', 'At risk', 'Notes']);
    expect(rows).toHaveLength(3);
    expect(rows[1][0]).toBe(2);
    expect(rows[1][1]).toBe('REF-FLEX-1');
    expect(typeof rows[1][5]).toBe('boolean');
    expect(rows[2]).toEqual([3, 'BAD', '#ERROR', '', '', '', 'row 3, loan.upb: "lots" is not a number']);
  });
  test('from cells: spills one row per loan under a header', async () => {
    const wb = workbook([header, flexLoan, badLoan, ['=LM.PORTFOLIO(A1:M3)']]);
    // Asynchronous: the cell is busy until the Promise resolves (Excel shows #BUSY!).
    expect(wb.value('A4')).toMatchObject({ value: '#N/A', message: expect.stringContaining('#BUSY!') });
    await wb.settle();
    expect(wb.value('A4')).toBe('Row');
    expect(wb.value('B5')).toBe('REF-FLEX-1');
    expect(wb.value('C6')).toBe('#ERROR');
    expect(wb.value('G6')).toBe('row 3, loan.upb: "lots" is not a number');
  });
  test('without a header row; a table with no loans', async () => {
    expect(await portfolio([header, flexLoan] as never, false)).toHaveLength(1);
    expect((await excelErrorOfAsync(() => portfolio([header] as never))).message).toBe('table must be a range with a header row and at least one loan row');
  });
});
