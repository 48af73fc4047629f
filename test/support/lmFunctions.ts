/**
 * The LM custom functions as the bridge needs them: their metadata, generated from the JSDoc of
 * src/functions/functions.ts exactly as the build does (custom-functions-metadata, no webpack),
 * and their implementations, found by the `associate` list the generator returns.
 */
import path from 'path';
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from 'custom-functions-metadata';
import * as implementations from '../../src/functions/functions';
import { MODIFICATION_FIELDS } from '../../src/functions/modificationTerms';
import type { ArgumentNode, BridgedFunction } from './hyperformulaBridge';
import { registerFunctionsOnce } from './hyperformulaBridge';
import { finishFunctionsMetadata } from '../../scripts/functionsMetadata';

export const FUNCTIONS_SOURCE = path.join(__dirname, '..', '..', 'src', 'functions', 'functions.ts');

export interface GeneratedMetadata {
  metadata: ICustomFunctionsMetadata;
  associate: { id: string; functionName: string }[];
  errors: string[];
}

export async function generatedMetadata(): Promise<GeneratedMetadata> {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  // Finished as the build finishes it (scripts/functionsMetadata.js).
  const metadataJson = result.metadataJson ? finishFunctionsMetadata(result.metadataJson) : '';
  return { metadata: metadataJson ? JSON.parse(metadataJson) : { functions: [] }, associate: result.associate, errors: result.errors };
}

/** Spill sizes, known at parse time from the arguments' shape (HyperFormula needs them up front). */
const RESULT_SIZES: Record<string, BridgedFunction['resultSize']> = {
  // With a 10th argument (field): one value; without: the table of fields, label and value.
  MODTERMS: (args: ArgumentNode[]) =>
    args.length >= 10 && args[9].type !== 'EMPTY' ? { rows: 1, columns: 1 } : { rows: MODIFICATION_FIELDS.length, columns: 2 },
};

/** Every LM function of functions.ts, ready for the bridge. */
export async function lmBridgeFunctions(): Promise<BridgedFunction[]> {
  const { metadata, associate, errors } = await generatedMetadata();
  if (errors.length > 0) throw new Error(`functions.ts metadata: ${errors.join('; ')}`);
  const exported = implementations as unknown as Record<string, BridgedFunction['implementation']>;
  return metadata.functions.map((fn) => {
    const functionName = associate.find((a) => a.id === fn.id)?.functionName;
    const implementation = functionName ? exported[functionName] : undefined;
    if (!implementation) throw new Error(`no implementation exported for ${fn.id}`);
    return {
      id: fn.id,
      parameters: fn.parameters,
      resultDimensionality: fn.result?.dimensionality,
      receivesErrors: (metadata as { allowErrorForDataTypeAny?: boolean }).allowErrorForDataTypeAny === true,
      implementation,
      resultSize: RESULT_SIZES[fn.id],
    };
  });
}

/** Registers LM.* in HyperFormula (once per process). */
export async function registerLmFunctions(): Promise<void> {
  registerFunctionsOnce('LM', await lmBridgeFunctions());
}
