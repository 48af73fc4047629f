/**
 * Every LM function of every file the build bundles (webpack.config.js FUNCTION_FILES), for the
 * HyperFormula bridge: the metadata generated from all the files at once exactly as the
 * webpack plugin does, and the implementations found by the generator's `associate` list.
 *
 * HyperFormula sizes a spill when it parses the formula; functions whose spill depends on the
 * data (LM.CASEOPTIONS: the investor's waterfall; LM.PORTFOLIO: blank rows skipped) declare an
 * upper bound here and the bridge pads the result with empty text, as an Excel spill of the
 * true size would leave the extra cells empty.
 */
import path from 'path';
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from 'custom-functions-metadata';
import * as functions from '../../src/functions/functions';
import * as income from '../../src/functions/income';
import * as housing from '../../src/functions/housing';
import * as residual from '../../src/functions/residual';
import * as workouts from '../../src/functions/workouts';
import * as disposition from '../../src/functions/disposition';
import * as npv from '../../src/functions/npv';
import * as timeline from '../../src/functions/timeline';
import * as caseOptions from '../../src/functions/caseOptions';
import * as portfolio from '../../src/functions/portfolio';
import { MODIFICATION_FIELDS } from '../../src/functions/modificationTerms';
import { REGX_ROWS } from '../../src/functions/timeline';
import { CASEOPTIONS_HEADER } from '../../src/functions/caseOptions';
import { PORTFOLIO_HEADER } from '../../src/functions/portfolio';
import type { ArgumentNode, BridgedFunction } from './hyperformulaBridge';
import { registerFunctionsOnce } from './hyperformulaBridge';

import { finishFunctionsMetadata } from '../../scripts/functionsMetadata';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FUNCTION_FILES } = require('../../webpack.config.js') as { FUNCTION_FILES: string[] };

export const ROOT = path.join(__dirname, '..', '..');
export const FUNCTION_SOURCES = FUNCTION_FILES.map((file) => path.join(ROOT, file));

export interface AllMetadata {
  metadata: ICustomFunctionsMetadata;
  metadataJson: string;
  associate: { id: string; functionName: string }[];
  errors: string[];
}

/** functions.json as the development build emits it: generated from the JSDoc, then finished as webpack.config.js does. */
export async function allFunctionsMetadata(): Promise<AllMetadata> {
  const result = await generateCustomFunctionsMetadata(FUNCTION_SOURCES, false);
  const metadataJson = result.metadataJson ? finishFunctionsMetadata(result.metadataJson) : '';
  return {
    metadata: metadataJson ? JSON.parse(metadataJson) : { functions: [] },
    metadataJson,
    associate: result.associate,
    errors: result.errors,
  };
}

const MODULES = [functions, income, housing, residual, workouts, disposition, npv, timeline, caseOptions, portfolio] as unknown as Record<string, BridgedFunction['implementation']>[];

/** Rows of a range argument as parsed (CELL_RANGE with start and end addresses). */
function rangeRows(node: ArgumentNode | undefined): number {
  const range = node as unknown as { type: string; start?: { row: number }; end?: { row: number } } | undefined;
  if (range && range.type === 'CELL_RANGE' && range.start && range.end) return range.end.row - range.start.row + 1;
  return 1;
}

/** The most rows any investor's waterfall spills (header + options + recommendation). */
export const CASEOPTIONS_MAX_ROWS = 1 + 8 + 1;

const RESULT_SIZES: Record<string, BridgedFunction['resultSize']> = {
  MODTERMS: (args) => (args.length >= 10 && args[9].type !== 'EMPTY' ? { rows: 1, columns: 1 } : { rows: MODIFICATION_FIELDS.length, columns: 2 }),
  REPAYMENT: () => ({ rows: 1, columns: 2 }),
  SHORTSALE: () => ({ rows: 1, columns: 4 }),
  NPV: () => ({ rows: 1, columns: 3 }),
  REGXDATES: () => ({ rows: REGX_ROWS.length, columns: 3 }),
  CASEOPTIONS: () => ({ rows: CASEOPTIONS_MAX_ROWS, columns: CASEOPTIONS_HEADER.length }),
  PORTFOLIO: (args) => {
    const noHeader = args.length >= 2 && (args[1] as unknown as { type: string; value?: unknown }).type === 'BOOLEAN' ? false : true;
    const rows = rangeRows(args[0]);
    return { rows: noHeader ? rows : rows - 1, columns: PORTFOLIO_HEADER.length };
  },
};

function padded(implementation: BridgedFunction['implementation'], size: { rows: number; columns: number }): BridgedFunction['implementation'] {
  return (...args: unknown[]) => {
    const result = implementation(...args) as unknown[][];
    if (!Array.isArray(result) || result.length >= size.rows) return result;
    return [...result, ...Array.from({ length: size.rows - result.length }, () => Array(size.columns).fill(''))];
  };
}

export async function allBridgeFunctions(): Promise<BridgedFunction[]> {
  const { metadata, associate, errors } = await allFunctionsMetadata();
  if (errors.length > 0) throw new Error(`functions metadata: ${errors.join('; ')}`);
  return metadata.functions.map((fn) => {
    const functionName = associate.find((a) => a.id === fn.id)?.functionName;
    const implementation = MODULES.map((m) => (functionName ? m[functionName] : undefined)).find((f) => typeof f === 'function');
    if (!implementation) throw new Error(`no implementation exported for ${fn.id}`);
    const resultSize = RESULT_SIZES[fn.id];
    return {
      id: fn.id,
      parameters: fn.parameters,
      resultDimensionality: fn.result?.dimensionality,
      receivesErrors: (metadata as { allowErrorForDataTypeAny?: boolean }).allowErrorForDataTypeAny === true,
      implementation: fn.id === 'CASEOPTIONS' ? padded(implementation, { rows: CASEOPTIONS_MAX_ROWS, columns: CASEOPTIONS_HEADER.length }) : implementation,
      resultSize,
    };
  });
}

/** Registers every LM.* function in HyperFormula (once per process). */
export async function registerAllLmFunctions(): Promise<void> {
  registerFunctionsOnce('LM', await allBridgeFunctions());
}
