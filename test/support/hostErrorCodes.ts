/**
 * The error code the in-memory Excel host answers, for the tests that hold it to Excel's rules
 * (excelHostStrict, conditionalFormats, pageBreaks): 'none' when the call or batch goes through.
 */
import type { InMemoryExcel } from '../../src/workbench/excelHost';
import type { RequestContext } from '../../src/workbench/excelHost/api';

function codeOfError(error: unknown): string {
  return (error as { code?: string }).code ?? String(error);
}

/** The code a call throws synchronously (PropertyNotLoaded, ...), or 'none'. */
export function codeOf(call: () => unknown): string {
  try {
    call();
    return 'none';
  } catch (error) {
    return codeOfError(error);
  }
}

/** The code a batch fails with at its sync, or 'none'. */
export async function syncCodeOn(host: InMemoryExcel, batch: (context: RequestContext) => void): Promise<string> {
  try {
    await host.Excel.run(async (context: RequestContext) => {
      batch(context);
      await context.sync();
    });
    return 'none';
  } catch (error) {
    return codeOfError(error);
  }
}
