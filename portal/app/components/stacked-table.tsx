import type { CSSProperties, ReactNode, TableHTMLAttributes } from "react";

/** A column's heading; `header` when the heading cell shows more than its label (a hidden word, a symbol). */
interface Column {
  label: string;
  header?: ReactNode;
  className?: string;
}

type StackedTableProps = Omit<TableHTMLAttributes<HTMLTableElement>, "style"> & {
  /** The columns in order; a false or null one is left out, as the row leaves out its cell. */
  columns: readonly (Column | string | false | null | undefined)[];
  caption?: ReactNode;
  /** The row's cells: `<tbody>` (and `<tfoot>`). */
  children: ReactNode;
};

/**
 * Every list of the portal (decision 0097): a table on a wide screen; on a phone each row a card, its
 * header cell as title and every other cell under its column's label. The labels come from the columns
 * given once here, as CSS custom properties that tables.css shows before each cell, so no cell repeats its label.
 */
export function StackedTable({ columns, caption, children, className, ...table }: StackedTableProps) {
  const shown = columns.flatMap((column) => (column ? [typeof column === "string" ? { label: column } : column] : []));
  const labels = Object.fromEntries(
    shown.map((column, i) => [`--column-${i + 1}`, JSON.stringify(column.label)]),
  ) as CSSProperties;
  return (
    <table {...table} className={className ? `stack-on-phone ${className}` : "stack-on-phone"} style={labels}>
      {caption}
      <thead>
        <tr>
          {shown.map((column) => (
            <th key={column.label} scope="col" className={column.className}>
              {column.header ?? column.label}
            </th>
          ))}
        </tr>
      </thead>
      {children}
    </table>
  );
}
