import type { ComponentChildren } from 'preact';
import { t } from '../i18n/i18n.ts';

export interface Column<T> {
  /** The header; an empty label reads "Actions" to screen readers and shows nothing. */
  label: string;
  cell: (row: T) => ComponentChildren;
  /** A class for this column's cells. */
  class?: string;
}

/** A plain table of rows, one column per field: the panel's lists of rules, members, sources, audit entries. */
export function DataTable<T>({ rows, columns, rowKey, class: className }: { rows: T[]; columns: Column<T>[]; rowKey: (row: T) => string; class?: string }) {
  return (
    <table class={className}>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th scope="col" key={index}>
              {column.label || <span class="visually-hidden">{t('common.actions')}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) => (
              <td key={index} class={column.class}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
