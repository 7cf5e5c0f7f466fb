// Declared shape of the statutory formats. Everything the parser, the checks, the hovers and
// the fixes know about a format is read from values of these types; nothing is re-typed elsewhere.

export type FormatId = '2019' | '2021';
export type DetectedFormat = FormatId | 'pre-2019';
export type TableKind = 'active' | 'applications' | 'appeals';
export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;

/** What a value cell may hold (I5: counts are non-negative integers). */
export type ValueKind = 'count' | 'signed' | 'amount';

export interface SectionSpec {
  number: SectionNumber;
  /** The standard title, without the leading numeral ("总体情况"). */
  title: string;
  /** Titles seen in real reports that are accepted (with a suggestion of the standard one). */
  variants: string[];
  /** Which table the section holds, if any. */
  table?: TableKind;
}

export interface ColumnSpec {
  id: string;
  /** Standard header text. */
  header: string;
  /** Shorter label for messages and hovers ("自然人", "复议·总计"). */
  short: string;
  kind: ValueKind;
}

export interface RowSpec {
  id: string;
  /** Standard label as printed in the template. */
  label: string;
  /** Label core used for matching (no numbering, no spaces), plus accepted alternatives. */
  keys: string[];
  /** Ordinal as printed ("一", "(一)", "1"); used to disambiguate short labels like "3.其他". */
  ordinal?: string;
  /** Group the row sits under (table 三 （三）（四）（五）, and （六） in 2021). */
  group?: string;
  /** Columns of this row (table 二 blocks differ); omitted when the table's columns apply. */
  columns?: ColumnSpec[];
}

export interface GroupSpec {
  id: string;
  label: string;
  keys: string[];
}

/** One block of table 二: caption 第二十条第（X）项, a header row, then data rows. */
export interface BlockSpec {
  id: string;
  caption: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
}

export interface ActiveTableSpec {
  kind: 'active';
  blocks: BlockSpec[];
}

export interface ApplicationsTableSpec {
  kind: 'applications';
  /** Header words printed above the values (checked by table-header). */
  headers: string[];
  columns: ColumnSpec[];
  groups: GroupSpec[];
  rows: RowSpec[];
}

export interface AppealsTableSpec {
  kind: 'appeals';
  /** Header words printed above the values (checked by table-header). */
  headers: string[];
  columns: ColumnSpec[];
  rows: RowSpec[];
}

export type TableSpec = ActiveTableSpec | ApplicationsTableSpec | AppealsTableSpec;

/** A cell named by table, row id and column id. */
export interface CellRef {
  table: TableKind;
  row: string;
  column: string;
  /** Its number among all template cells (cell-refs.ts makes every reference, one per cell). */
  index: number;
}

/**
 * An identity (勾稽关系): Σ left = Σ right, exactly. `left` is the side that holds the total
 * where there is one, so a failing identity can name the total as the likely culprit.
 */
export interface IdentitySpec {
  id: string;
  family: 'I1' | 'I2' | 'I3' | 'I4';
  /** Human description of the instance, e.g. "（七）总计 · 自然人". */
  name: { zh: string; en: string };
  left: CellRef[];
  right: CellRef[];
}

export interface FormatTemplate {
  id: FormatId;
  /** Report years that must use this format (inclusive). */
  years: { from: number; to: number };
  /** The national notice that fixes the format. */
  notice: string;
  tables: {
    active: ActiveTableSpec;
    applications: ApplicationsTableSpec;
    appeals: AppealsTableSpec;
  };
  identities: IdentitySpec[];
}
