/**
 * The AFFORDABILITY rulebook: case-level parameters that are not one program's (engine.md
 * section 3): the VA residual income table and the maximum age of a valuation.
 */
import type { Rulebook } from './types';
import { BOUNDS } from './bounds';

export type VaRegionRow = Record<'NORTHEAST' | 'MIDWEST' | 'SOUTH' | 'WEST', number>;

export type AffordabilityParameters = {
  /** A valuation older than this many days at the evaluation date is stale (warning; MTMLTV checks use it). */
  maxValuationAgeDays: number;
  /** Loan amount at or above which the "$80,000 and above" residual income column applies. */
  vaLoanAmountBreak: number;
  /** Required residual income, loans at or above the break: key `<familySize>:<REGION>` for sizes 1-5. */
  vaResidualAtOrAboveBreak: Record<string, number>;
  /** Required residual income, loans below the break. */
  vaResidualBelowBreak: Record<string, number>;
  /** Added per family member over 5, loans at or above the break. */
  vaAdditionalMemberAtOrAboveBreak: number;
  /** Added per family member over 5, loans below the break. */
  vaAdditionalMemberBelowBreak: number;
  /** The additions stop at this family size: a larger family needs what a family of this size needs. */
  vaAdditionalMembersUpToFamilySize: number;
};

const VA_SOURCE = 'VA Pamphlet 26-7, chapter 4, residual income table (engine.md section 3, read 2025-10)';

/** Builds the `<size>:<REGION>` table from rows NE / MW / S / W as the pamphlet prints them. */
function vaTable(rows: [number, number, number, number][]): Record<string, number> {
  const table: Record<string, number> = {};
  rows.forEach(([ne, mw, s, w], index) => {
    const size = index + 1;
    table[`${size}:NORTHEAST`] = ne;
    table[`${size}:MIDWEST`] = mw;
    table[`${size}:SOUTH`] = s;
    table[`${size}:WEST`] = w;
  });
  return table;
}

export const AFFORDABILITY_RULEBOOK: Rulebook<AffordabilityParameters> = {
  id: 'AFFORDABILITY',
  version: '2025-10-01',
  effectiveDate: '2025-10-01',
  title: 'Affordability metrics: valuation age and VA residual income',
  parameters: {
    maxValuationAgeDays: {
      value: 90,
      ...BOUNDS.valuationAgeDays,
      description: 'A property valuation may be at most this many days old at the evaluation date (mark-to-market LTV).',
      source: 'Fannie Mae Servicing Guide F-1-27 (engine.md section 3)',
    },
    vaLoanAmountBreak: {
      value: 80000,
      ...BOUNDS.vaLoanAmountBreak,
      description: 'Loans of this amount and above use the first residual income column; smaller loans the second. The engine uses the current UPB as the loan amount.',
      source: VA_SOURCE,
      interpretation: true,
    },
    vaResidualAtOrAboveBreak: {
      value: vaTable([
        [450, 441, 441, 491],
        [755, 738, 738, 823],
        [909, 889, 889, 990],
        [1025, 1003, 1003, 1117],
        [1062, 1039, 1039, 1158],
      ]),
      ...BOUNDS.vaResidualIncome,
      description: 'Required monthly residual income by family size (1-5) and region, loans of $80,000 and above.',
      source: VA_SOURCE,
    },
    vaResidualBelowBreak: {
      value: vaTable([
        [390, 382, 382, 425],
        [654, 641, 641, 713],
        [788, 772, 772, 859],
        [888, 868, 868, 967],
        [921, 902, 902, 1004],
      ]),
      ...BOUNDS.vaResidualIncome,
      description: 'Required monthly residual income by family size (1-5) and region, loans below $80,000.',
      source: VA_SOURCE,
    },
    vaAdditionalMemberAtOrAboveBreak: {
      value: 80,
      ...BOUNDS.vaAdditionalMember,
      description: 'Added to the family-of-5 figure for each member over 5 (loans of $80,000 and above).',
      source: VA_SOURCE,
    },
    vaAdditionalMemberBelowBreak: {
      value: 75,
      ...BOUNDS.vaAdditionalMember,
      description: 'Added to the family-of-5 figure for each member over 5 (loans below $80,000).',
      source: VA_SOURCE,
    },
    vaAdditionalMembersUpToFamilySize: {
      value: 7,
      ...BOUNDS.familySizeCap,
      description:
        'Members are added "up to a family of seven": a family larger than 7 needs the family-of-7 figure (5-member figure + 2 additions).',
      source: VA_SOURCE,
      interpretation: true,
    },
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const AFFORDABILITY_RULEBOOKS: Rulebook<any>[] = [AFFORDABILITY_RULEBOOK];
