/** The pane's styles, shared by its sections (Fluent UI v9 tokens, so they follow the Office theme). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  tableWrap: { overflowX: 'auto' },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  figureLabel: { color: tokens.colorNeutralForeground2 },
  figureValue: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  recommendedRow: { backgroundColor: tokens.colorBrandBackground2 },
  // The figures row and its reason row read as one option: no rule between them.
  optionRow: { borderBottomStyle: 'none' },
  reasonCell: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, paddingBottom: tokens.spacingVerticalS },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  settingsForm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
  // Fluent's Divider grows in a flex column: keep it a line.
  divider: { flexGrow: 0 },
  cellLink: { fontFamily: tokens.fontFamilyMonospace, textAlign: 'left' },
  activeCase: { backgroundColor: tokens.colorBrandBackground2 },
  // A status longer than its column ("not evaluated", "decided: Return for rework") wraps inside its
  // badge, which grows with it; a Badge is one line of fixed height and would cut the text.
  statusBadge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'center', paddingTop: '1px', paddingBottom: '1px' },
  requiredList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});


