/**
 * Captures the task pane's `CustomFunctions.associate(id, fn)` registrations (the functions
 * bundle makes them at load, in the pane's iframe), so the workbench can list and call the LM
 * functions the pane registered.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CustomFunction = (...args: any[]) => unknown;

export class CustomFunctionRegistry {
  private readonly functions = new Map<string, CustomFunction>();
  private readonly listeners = new Set<() => void>();

  /** The `CustomFunctions` object installed into the pane's window. */
  api(): { associate: (idOrMappings: string | Record<string, CustomFunction>, fn?: CustomFunction) => void } {
    return {
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
