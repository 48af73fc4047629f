/**
 * The arrays that =LM.* formulas returned, by the cell that holds the formula. HyperFormula sizes
 * an array result before it computes it, which a custom function cannot tell; so the LM plugin
 * hands HyperFormula the top-left value and records the whole array here, and the grid lets it
 * flow into the neighbouring cells, or shows #SPILL! when one of them is not empty, as Excel does.
 * Deviation: a formula that refers to a spilled cell other than the top-left one sees it empty.
 */
export type SpillValue = string | number | boolean | null;

export class SpillRegistry {
  private readonly arrays = new Map<string, SpillValue[][]>();

  private static key(hfSheet: number, row: number, column: number): string {
    return `${hfSheet}:${row}:${column}`;
  }

  record(hfSheet: number, row: number, column: number, array: SpillValue[][] | null): void {
    const key = SpillRegistry.key(hfSheet, row, column);
    if (array && (array.length > 1 || (array[0]?.length ?? 0) > 1)) this.arrays.set(key, array);
    else this.arrays.delete(key);
  }

  /** The array returned by the formula in this cell, when it returned more than one value. */
  arrayAt(hfSheet: number, row: number, column: number): SpillValue[][] | undefined {
    return this.arrays.get(SpillRegistry.key(hfSheet, row, column));
  }

  /** Every recorded array of one sheet: [row, column, array]. */
  onSheet(hfSheet: number): [number, number, SpillValue[][]][] {
    const found: [number, number, SpillValue[][]][] = [];
    for (const [key, array] of this.arrays) {
      const [sheet, row, column] = key.split(':').map(Number);
      if (sheet === hfSheet) found.push([row, column, array]);
    }
    return found;
  }
}

/** The page's one registry (the plugin writes it, the grid reads it). */
export const spilledArrays = new SpillRegistry();
