import { css } from 'lit';

/**
 * Data tables: they scroll sideways inside `.table-wrap` on narrow screens rather than squeeze,
 * with quiet column headings and right-aligned numbers (`.num`).
 */
export const tableStyles = css`
  /* the containing block of what is positioned inside (the words .visually-hidden keeps for screen
     readers), so that scrolls with the table too, and never makes the page wider than the window */
  .table-wrap {
    position: relative;
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: var(--mut-space-2) var(--mut-space-3);
    border-bottom: 1px solid var(--mut-line);
    overflow-wrap: anywhere;
  }
  thead th {
    font-size: var(--mut-text-sm);
    color: var(--mut-ink-soft);
    border-bottom-width: 2px;
    white-space: nowrap;
    overflow-wrap: normal;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    overflow-wrap: normal;
  }
`;
