/**
 * The workbench page: the real task pane (taskpane.html) in an iframe beside a grid of the
 * in-memory workbook. The grid shows each sheet's cells as Excel would (values with their
 * number formats, formulas computed by HyperFormula, fills and fonts, merges, frozen rows);
 * selecting a cell shows its formula, and typing (over the cell or in the formula bar) edits it through the
 * Excel API, as a user would in Excel.
 */
import * as React from 'react';
import { Button, Caption1, Field, Input, Select, Tab, TabList, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookModel } from '../excelHost/model';
import { a1, cellCss, columnName, gridFromWorkbook, type GridCell, type GridSheet } from './gridModel';

export interface SampleChoice {
  id: string;
  label: string;
}

export interface WorkbenchAppProps {
  workbook: WorkbookModel;
  syncCount: () => number;
  samples: SampleChoice[];
  sampleId: string;
  onSampleChange: (id: string) => void;
  /** Writes what was typed in the formula bar to a cell (through the Excel API). */
  editCell: (sheetName: string, address: string, text: string) => Promise<void>;
  customFunctionIds: () => string[];
  /** Adds the example loan tape (examples/portfolio-tape.csv) as a table on a new sheet. */
  onLoadExampleTape: () => Promise<void>;
}

const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 22;
const DEFAULT_COLUMN_PX = 72;
const POINTS_TO_PX = 96 / 72;

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    gridTemplateColumns: '400px 1fr',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  bar: {
    gridColumn: '1 / 3',
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  barTitle: { marginRight: 'auto' },
  pane: {
    border: 'none',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    width: '400px',
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  workbook: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  cellMessage: { gridColumn: '1 / -1', color: tokens.colorPaletteRedForeground1 },
  formulaBar: {
    display: 'grid',
    gridTemplateColumns: '140px 1fr auto',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  gridScroll: { flex: 1, overflow: 'auto', minHeight: 0, outline: 'none', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontFamily: 'Calibri, Carlito, "Segoe UI", Arial, sans-serif', fontSize: '11pt', tableLayout: 'fixed', backgroundColor: '#ffffff', color: '#000000' },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 100003, backgroundColor: '#f3f3f3', width: '44px', borderRight: '1px solid #c8c8c8', borderBottom: '1px solid #c8c8c8' },
  columnHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 100002,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: '#f3f3f3',
    color: '#444444',
    fontWeight: 400,
    fontSize: '10pt',
    borderRight: '1px solid #c8c8c8',
    borderBottom: '1px solid #c8c8c8',
  },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 100001,
    backgroundColor: '#f3f3f3',
    color: '#444444',
    fontWeight: 400,
    fontSize: '10pt',
    textAlign: 'center',
    borderRight: '1px solid #c8c8c8',
    borderBottom: '1px solid #c8c8c8',
  },
  cell: {
    height: `${ROW_HEIGHT}px`,
    padding: '0 4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'clip',
    verticalAlign: 'bottom',
    cursor: 'cell',
  },
  gridlines: { borderRight: '1px solid #e1e1e1', borderBottom: '1px solid #e1e1e1' },
  selected: { outline: '2px solid #217346', outlineOffset: '-2px' },
  frozenEdge: { borderBottom: '2px solid #9e9e9e' },
  number: { textAlign: 'right' },
  footer: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** Re-reads the workbook whenever the pane (or the formula bar) has synced with it. */
function useWorkbookGrid(workbook: WorkbookModel, syncCount: () => number): GridSheet[] {
  const [grid, setGrid] = React.useState<GridSheet[]>(() => gridFromWorkbook(workbook));
  React.useEffect(() => {
    let seen = syncCount();
    const timer = window.setInterval(() => {
      const now = syncCount();
      if (now !== seen) {
        seen = now;
        setGrid(gridFromWorkbook(workbook));
      }
    }, 200);
    return () => window.clearInterval(timer);
  }, [workbook, syncCount]);
  return grid;
}

export function WorkbenchApp(props: WorkbenchAppProps): React.JSX.Element {
  const styles = useStyles();
  const grid = useWorkbookGrid(props.workbook, props.syncCount);
  const visibleSheets = grid.filter((sheet) => !sheet.hidden);
  const [sheetName, setSheetName] = React.useState<string | null>(null);
  const [selected, setSelected] = React.useState<{ row: number; column: number }>({ row: 0, column: 0 });
  const [editText, setEditText] = React.useState('');
  const [editError, setEditError] = React.useState<string | undefined>();
  const [paneKey, setPaneKey] = React.useState(0);
  const sheetCount = React.useRef(visibleSheets.length);
  const formulaBarRef = React.useRef<HTMLInputElement>(null);
  const gridRef = React.useRef<HTMLDivElement>(null);

  // The sheet the add-in activated (a new case, a summary, a case chosen in the pane) comes to the
  // front, as in Excel; a sheet the pane just added does too.
  const activeName = props.workbook.activeSheetId ? (props.workbook.sheetById(props.workbook.activeSheetId)?.name ?? null) : null;
  const lastActive = React.useRef(activeName);
  React.useEffect(() => {
    if (activeName && activeName !== lastActive.current) setSheetName(activeName);
    else if (visibleSheets.length > sheetCount.current) setSheetName(visibleSheets[visibleSheets.length - 1].name);
    lastActive.current = activeName;
    sheetCount.current = visibleSheets.length;
  }, [visibleSheets, activeName]);

  /** Choosing a tab activates the sheet, as in Excel: the pane then works on the case the user is on. */
  const chooseSheet = (name: string) => {
    setSheetName(name);
    const chosen = props.workbook.sheetByName(name);
    if (chosen) {
      props.workbook.activeSheetId = chosen.id;
      lastActive.current = name;
    }
  };

  const sheet = visibleSheets.find((s) => s.name === sheetName) ?? visibleSheets[0];
  const selectedCell: GridCell | null = sheet?.cells[selected.row]?.[selected.column] ?? null;
  const selectedAddress = a1(selected.row, selected.column);

  // The grid's selection is the workbook's (Workbook.getSelectedRange): "New case from this row"
  // and the tape review read the row or table the user selected here.
  React.useEffect(() => {
    const model = sheet ? props.workbook.sheetByName(sheet.name) : undefined;
    if (model) props.workbook.selections.set(model.id, { r0: selected.row, c0: selected.column, r1: selected.row, c1: selected.column });
  }, [sheet?.name, selected, props.workbook]);

  React.useEffect(() => {
    setEditText(selectedCell ? (selectedCell.formula ?? (selectedCell.value === null ? '' : String(selectedCell.value))) : '');
    setEditError(undefined);
  }, [selectedCell, sheet?.name]);

  const moveBy = (rows: number, columns: number) => {
    if (!sheet) return;
    setSelected((current) => ({
      row: Math.min(sheet.rows - 1, Math.max(0, current.row + rows)),
      column: Math.min(sheet.columns - 1, Math.max(0, current.column + columns)),
    }));
  };

  const commit = async (text: string): Promise<boolean> => {
    if (!sheet) return false;
    try {
      await props.editCell(sheet.name, selectedAddress, text);
      setEditError(undefined);
      return true;
    } catch (error) {
      setEditError(error instanceof Error ? error.message : String(error));
      return false;
    }
  };

  /** Enter writes the cell and moves down, as in Excel; the grid takes the keys again. */
  const commitEdit = async () => {
    if (await commit(editText)) {
      moveBy(1, 0);
      gridRef.current?.focus();
    }
  };

  const onGridKey = (event: React.KeyboardEvent) => {
    if (!sheet) return;
    const delta: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0], Tab: [0, 1] };
    const step = delta[event.key];
    if (step) {
      event.preventDefault();
      moveBy(event.shiftKey && (event.key === 'Enter' || event.key === 'Tab') ? -step[0] : step[0], event.shiftKey && event.key === 'Tab' ? -1 : step[1]);
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void commit('');
      return;
    }
    // Typing over a selected cell replaces what it holds: the key starts a new entry in the formula bar.
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      setEditText(event.key);
      formulaBarRef.current?.focus();
    }
  };

  const functionIds = props.customFunctionIds();

  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <div className={styles.barTitle}>
          <Title3 as="h1">LM Workbench: in-browser workbench</Title3>
          <Caption1 as="p" block>
            The real task pane beside an in-memory workbook. Nothing leaves this page: no Excel, no network.
          </Caption1>
        </div>
        <Field label="Sample for New case" orientation="horizontal">
          <Select value={props.sampleId} onChange={(_, data) => props.onSampleChange(data.value)} data-testid="sample-select">
            {props.samples.map((sample) => (
              <option key={sample.id} value={sample.id}>
                {sample.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void props.onLoadExampleTape()} data-testid="load-example-tape">
          Load example tape
        </Button>
        <Button onClick={() => setPaneKey((k) => k + 1)}>Reload pane</Button>
        <Button onClick={() => window.location.reload()}>New workbook</Button>
      </header>

      <iframe key={paneKey} className={styles.pane} src="taskpane.html" title="LM Workbench task pane" data-testid="pane" />

      <section className={styles.workbook} aria-label="In-memory workbook" data-testid="workbook">
        <TabList selectedValue={sheet?.name ?? ''} onTabSelect={(_, data) => chooseSheet(String(data.value))} size="small" aria-label="Sheets">
          {visibleSheets.map((s) => (
            <Tab key={s.name} value={s.name} data-sheet={s.name}>
              {s.name}
            </Tab>
          ))}
        </TabList>
        {sheet ? (
          <>
            <form
              className={styles.formulaBar}
              onSubmit={(event) => {
                event.preventDefault();
                void commitEdit();
              }}
            >
              <Input value={selectedAddress} readOnly aria-label="Selected cell" data-testid="name-box" />
              <Field validationMessage={editError} validationState={editError ? 'error' : 'none'}>
                <Input
                  ref={formulaBarRef}
                  value={editText}
                  onChange={(_, data) => setEditText(data.value)}
                  onKeyDown={(event) => {
                    // Enter writes the cell, as in Excel (the form has two fields, so no implicit submit).
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      void commitEdit();
                    }
                  }}
                  aria-label={`Contents of ${selectedAddress}: a value or a formula; Enter writes it`}
                  data-testid="formula-bar"
                />
              </Field>
              {selectedCell?.list ? (
                <Select
                  aria-label={`Pick a value for ${selectedAddress}`}
                  data-testid="cell-list"
                  value={selectedCell.list.includes(String(selectedCell.value ?? '')) ? String(selectedCell.value) : ''}
                  onChange={(_, data) => void commit(data.value)}
                >
                  <option value="">(pick from the list)</option>
                  {selectedCell.list.map((item) => (
                    <option key={item} value={item}>
                      {item}
                    </option>
                  ))}
                </Select>
              ) : null}
              {selectedCell?.message ? (
                <Caption1 className={styles.cellMessage} data-testid="cell-message">
                  {selectedCell.value}: {selectedCell.message}
                </Caption1>
              ) : null}
            </form>
            <div
              ref={gridRef}
              className={styles.gridScroll}
              tabIndex={0}
              onKeyDown={onGridKey}
              aria-label={`Sheet ${sheet.name}: arrow keys and Enter move the selection; typing replaces the selected cell`}
              data-testid="grid"
            >
              <SheetTable sheet={sheet} selected={selected} onSelect={setSelected} />
            </div>
          </>
        ) : (
          <Text>The workbook is empty: choose New case in the pane.</Text>
        )}
        <Caption1 className={styles.footer} as="p">
          {grid.length} sheet{grid.length === 1 ? '' : 's'} · {props.syncCount()} round trips to the workbook
          {functionIds.length > 0 ? ` · custom functions registered by the pane: ${functionIds.map((id) => `LM.${id}`).join(', ')}` : ''}
        </Caption1>
      </section>
    </div>
  );
}

function SheetTable({ sheet, selected, onSelect }: { sheet: GridSheet; selected: { row: number; column: number }; onSelect: (cell: { row: number; column: number }) => void }) {
  const styles = useStyles();
  const widths = Array.from({ length: sheet.columns }, (_, c) => (sheet.columnWidths[c] ? Math.round(sheet.columnWidths[c] * POINTS_TO_PX) : DEFAULT_COLUMN_PX));
  return (
    <table className={styles.table} style={{ width: 44 + widths.reduce((sum, w) => sum + w, 0) }} data-testid="sheet-table" data-sheet={sheet.name}>
      <colgroup>
        <col style={{ width: 44 }} />
        {widths.map((width, c) => (
          <col key={c} style={{ width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className={styles.corner} aria-label="Row and column headers" />
          {widths.map((_, c) => (
            <th key={c} className={styles.columnHeader} scope="col">
              {columnName(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sheet.cells.map((row, r) => {
          const frozen = r < sheet.frozenRows;
          const stickyStyle: React.CSSProperties = frozen ? { position: 'sticky', top: HEADER_HEIGHT + r * ROW_HEIGHT, zIndex: 1 } : {};
          return (
            <tr key={r}>
              <th className={styles.rowHeader} scope="row" style={frozen ? { ...stickyStyle, zIndex: 100001 } : undefined}>
                {r + 1}
              </th>
              {row.map((cell, c) => {
                if (cell?.covered) return null;
                const isSelected = selected.row === r && selected.column === c;
                const classes = [styles.cell];
                if (sheet.showGridlines) classes.push(styles.gridlines);
                if (isSelected) classes.push(styles.selected);
                if (frozen && r === sheet.frozenRows - 1) classes.push(styles.frozenEdge);
                if (cell && typeof cell.value === 'number' && !cell.style.horizontalAlignment) classes.push(styles.number);
                // Frozen cells are painted right to left (higher z-index on the left), so a label that runs on
                // over its empty neighbour stays visible above that neighbour's opaque background.
                const css: React.CSSProperties = { ...(cell ? (cellCss(cell.style) as React.CSSProperties) : {}), ...stickyStyle, ...(frozen ? { zIndex: 1 + sheet.columns - c } : {}) };
                if (frozen && !css.backgroundColor) css.backgroundColor = '#ffffff';
                if (cell?.spills) css.overflow = 'visible';
                return (
                  <td
                    key={c}
                    className={classes.join(' ')}
                    style={css}
                    rowSpan={cell?.span?.rows}
                    colSpan={cell?.span?.columns}
                    title={cell?.message ?? cell?.formula ?? undefined}
                    data-address={a1(r, c)}
                    data-formula={cell?.formula ?? undefined}
                    data-spilled-from={cell?.spilledFrom}
                    onClick={() => onSelect({ row: r, column: c })}
                  >
                    {cell?.display ?? ''}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
