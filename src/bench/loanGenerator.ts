/**
 * Deterministic generated loans for the bench and the comparator test: a seeded PRNG
 * (mulberry32), so every run and every machine sees the same 10,000 loans. The figures are
 * plausible delinquent conventional loans, not real borrowers.
 */

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; deterministic for a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cents = (x: number): number => Math.round(x * 100) / 100;

/** The Flex inputs of one loan (engine.md section 4), as plain numbers. */
export interface FlexLoan {
  upb: number;
  deferredBalance: number;
  arrears: number;
  borrowerContribution: number;
  rate: number;
  remainingTermMonths: number;
  contractualPI: number;
  value: number;
  modificationRate: number;
}

/** One generated case in case-format.md JSON (a FANNIE or FREDDIE loan, 2-8 months delinquent). */
export function generateCase(random: () => number, index: number): Record<string, unknown> {
  const rate = Math.round((0.025 + random() * 0.055) * 8000) / 8000; // 2.5% - 8%, in 1/8 bp steps
  const originalTerm = 360;
  const age = 12 + Math.floor(random() * 200);
  const remainingTermMonths = originalTerm - age;
  const originalAmount = Math.round(60000 + random() * 540000);
  const i = rate / 12;
  const contractualPI = cents((originalAmount * i) / (1 - Math.pow(1 + i, -originalTerm)));
  // Balance after `age` payments, float (this is generated data, not engine arithmetic).
  const growth = Math.pow(1 + i, age);
  const upb = cents(originalAmount * growth - (contractualPI * (growth - 1)) / i);
  const monthsDelinquent = 2 + Math.floor(random() * 7);
  const delinquentInterest = cents(upb * i * monthsDelinquent);
  const value = Math.round(upb * (0.45 + random() * 1.2));
  const monthlyEscrow = Math.round(150 + random() * 650);
  const income = Math.round((contractualPI + monthlyEscrow) / (0.22 + random() * 0.35));
  return {
    caseId: `BENCH-${String(index).padStart(5, '0')}`,
    investor: random() < 0.5 ? 'FANNIE' : 'FREDDIE',
    evaluationDate: '2025-10-15',
    loan: {
      loanNumber: String(1000000000 + index),
      upb,
      deferredBalance: random() < 0.15 ? Math.round(random() * 20000) : 0,
      rate,
      remainingTermMonths,
      contractualPI,
      monthlyEscrow,
      monthsDelinquent,
      nextDueDate: '2025-06-01',
      originationDate: '2015-03-01',
      priorModifications: random() < 0.1 ? 1 : 0,
    },
    arrears: { delinquentInterest, escrowAdvances: Math.round(random() * 2000), servicingAdvances: 0, legalFees: 0 },
    property: { value, valuationDate: '2025-09-20', valuationType: 'BPO', state: 'GA', occupancy: 'OWNER' },
    borrower: {
      names: ['Bench Borrower'],
      familySize: 1 + Math.floor(random() * 5),
      region: 'SOUTH',
      hardship: 'REDUCTION_IN_INCOME',
      hardshipResolved: random() < 0.3,
      intent: 'KEEP',
      incomes: [{ type: 'WAGES', amount: income, frequency: 'MONTHLY' }],
      housingExpenses: { taxes: Math.round(monthlyEscrow * 0.6), insurance: Math.round(monthlyEscrow * 0.4) },
      debts: [{ type: 'AUTO', monthlyPayment: Math.round(random() * 900) }],
      livingExpenses: 1500,
    },
    market: { modificationRate: 0.065, pmms: 0.0625 },
    options: { firstTrialPaymentDate: '2025-11-01', applicationReceivedDate: '2025-09-20', applicationCompleteDate: '2025-10-02' },
  };
}

export function generateCases(count: number, seed = 20251015): Record<string, unknown>[] {
  const random = seededRandom(seed);
  const cases: Record<string, unknown>[] = [];
  for (let n = 0; n < count; n++) cases.push(generateCase(random, n + 1));
  return cases;
}

/** The Flex inputs of a generated case. */
export function flexLoanOf(json: Record<string, unknown>): FlexLoan {
  const loan = json.loan as Record<string, number>;
  const arrears = json.arrears as Record<string, number>;
  const property = json.property as Record<string, number>;
  const market = json.market as Record<string, number>;
  return {
    upb: loan.upb,
    deferredBalance: loan.deferredBalance ?? 0,
    arrears: (arrears.delinquentInterest ?? 0) + (arrears.escrowAdvances ?? 0) + (arrears.servicingAdvances ?? 0) + (arrears.legalFees ?? 0),
    borrowerContribution: arrears.borrowerContribution ?? 0,
    rate: loan.rate,
    remainingTermMonths: loan.remainingTermMonths,
    contractualPI: loan.contractualPI,
    value: property.value,
    modificationRate: market.modificationRate,
  };
}

/** The same loans as a loan tape (LM.PORTFOLIO): header row of case-format leaf names, then one row per loan. */
export function casesAsLoanTape(cases: Record<string, unknown>[]): (string | number | boolean | null)[][] {
  const header = [
    'caseId', 'investor', 'evaluationDate', 'upb', 'deferredBalance', 'rate', 'remainingTermMonths', 'contractualPI',
    'monthlyEscrow', 'monthsDelinquent', 'nextDueDate', 'originationDate', 'priorModifications', 'delinquentInterest',
    'escrowAdvances', 'value', 'valuationDate', 'state', 'occupancy', 'hardship', 'hardshipResolved', 'intent',
    'grossMonthlyIncome', 'taxes', 'insurance', 'monthlyDebts', 'modificationRate', 'pmms', 'firstTrialPaymentDate',
  ];
  const rows: (string | number | boolean | null)[][] = [header];
  for (const c of cases) {
    const loan = c.loan as Record<string, unknown>;
    const arrears = c.arrears as Record<string, unknown>;
    const property = c.property as Record<string, unknown>;
    const borrower = c.borrower as Record<string, unknown>;
    const market = c.market as Record<string, unknown>;
    const incomes = borrower.incomes as { amount: number }[];
    const debts = borrower.debts as { monthlyPayment: number }[];
    const housing = borrower.housingExpenses as Record<string, number>;
    const serial = (iso: unknown): number => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000);
    rows.push([
      c.caseId as string, c.investor as string, serial(c.evaluationDate), loan.upb as number, loan.deferredBalance as number,
      loan.rate as number, loan.remainingTermMonths as number, loan.contractualPI as number, loan.monthlyEscrow as number,
      loan.monthsDelinquent as number, serial(loan.nextDueDate), serial(loan.originationDate), loan.priorModifications as number,
      arrears.delinquentInterest as number, arrears.escrowAdvances as number, property.value as number, serial(property.valuationDate),
      property.state as string, property.occupancy as string, borrower.hardship as string, borrower.hardshipResolved as boolean,
      borrower.intent as string, incomes[0].amount, housing.taxes, housing.insurance, debts[0].monthlyPayment,
      market.modificationRate as number, market.pmms as number, serial((c.options as Record<string, unknown>).firstTrialPaymentDate),
    ]);
  }
  return rows;
}
