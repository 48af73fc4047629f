/**
 * Captures the task pane's `CustomFunctions.associate(id, fn)` registrations (the functions
 * bundle makes them at load, in the pane's iframe), so the workbench can list and call the LM
 * functions the pane registered.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CustomFunction = (...args: any[]) => unknown;

/** CustomFunctions.ErrorCode of Excel's runtime: the error a cell shows. */
export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/** CustomFunctions.Error of Excel's runtime: a cell error with a message. */
export class CustomFunctionError extends Error {
  readonly code: string;
  constructor(code: string = ERROR_CODES.invalidValue, message?: string) {
    super(message ?? code);
    this.name = 'CustomFunctions.Error';
    this.code = code;
  }
}

export class CustomFunctionRegistry {
  private readonly functions = new Map<string, CustomFunction>();
  private readonly listeners = new Set<() => void>();

  /** The `CustomFunctions` object installed into the pane's window (associate, and Error / ErrorCode as in Excel's runtime). */
  api(): { associate: (idOrMappings: string | Record<string, CustomFunction>, fn?: CustomFunction) => void; Error: typeof CustomFunctionError; ErrorCode: typeof ERROR_CODES } {
    return {
      Error: CustomFunctionError,
      ErrorCode: ERROR_CODES,
      associate: (idOrMappings, fn) => {
        if (typeof idOrMappings === 'string') {
          if (typeof fn === 'function') this.functions.set(idOrMappings.toUpperCase(), fn);
        } else {
          for (const [id, mapped] of Object.entries(idOrMappings)) this.functions.set(id.toUpperCase(), mapped);
        }
        this.listeners.forEach((listener) => listener());
      },
    };
  }

  /** Registered ids, e.g. ["DTI", "MODTERMS"] (Excel shows them as LM.DTI, LM.MODTERMS). */
  ids(): string[] {
    return [...this.functions.keys()].sort();
  }

  get(id: string): CustomFunction | undefined {
    return this.functions.get(id.toUpperCase().replace(/^LM\./, ''));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
