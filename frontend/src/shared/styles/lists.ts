import { css } from 'lit';

/**
 * Lists of cards, one to a row (people registered, trainers booked): who or what on the left,
 * actions on the right, and words about the row's last action across its foot.
 */
export const rowListStyles = css`
  ul.rows,
  ol.rows {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--mut-space-3);
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--mut-space-2) var(--mut-space-4);
    padding: var(--mut-space-4);
  }
  .row p {
    margin: 0;
  }
  .row > .notice {
    grid-column: 1 / -1;
  }
  .who {
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;
