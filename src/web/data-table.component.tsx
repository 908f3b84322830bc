import type { Child } from 'hono/jsx';

/**
 * A table of the pages for accounts, editors and admins: a row of column headings, then the rows
 * the page gives. Each heading is scoped to its column, so that a screen reader names the column
 * of every cell it reads.
 *
 * @example <DataTable headings={['Record', 'State']}>{records.map((r) => <tr>…</tr>)}</DataTable>
 */
export function DataTable(props: { headings: Child[]; class?: string; children?: Child }) {
  return (
    <table class={props.class ? `account-table ${props.class}` : 'account-table'}>
      <thead>
        <tr>
          {props.headings.map((heading) => (
            <th scope="col">{heading}</th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
