import { css } from 'lit';

/** The look of <mut-cohort-registration>, apart from the styles every page shares. */
export const cohortRegistrationStyles = css`
      :host {
        display: block;
      }
      h3 {
        margin-top: var(--mut-space-8);
      }
      .intro > * {
        margin-bottom: var(--mut-space-3);
      }
      .opening {
        max-width: 44rem;
        border-left: 4px solid var(--mut-accent);
      }
      .link {
        max-width: 44rem;
        margin: var(--mut-space-6) 0;
      }
      tbody th {
        min-width: 8rem;
      }
      tfoot th,
      tfoot td {
        border-bottom: 0;
        font-weight: 600;
      }
      .code {
        display: block;
        font-family: var(--mut-font-mono);
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        font-weight: 400;
      }
      .row.waiting {
        grid-template-columns: 3rem minmax(0, 1fr) auto;
      }
      .place {
        font-size: var(--mut-text-xl);
        font-weight: 700;
        color: var(--mut-primary-strong);
        font-variant-numeric: tabular-nums;
      }
      .who strong {
        display: block;
      }
      .needs {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--mut-space-1) var(--mut-space-3);
        margin: var(--mut-space-2) 0 0;
      }
      .needs dt {
        font-weight: 600;
      }
      .needs dd {
        margin: 0;
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .row > .notice,
      mut-confirm {
        grid-column: 1 / -1;
        margin: 0;
      }
      details {
        margin-top: var(--mut-space-8);
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        padding: var(--mut-space-3) 0;
      }
      .hint + ol.rows {
        margin-top: var(--mut-space-3);
      }
      details ul.rows {
        margin-top: var(--mut-space-3);
      }
      .admin {
        margin-top: var(--mut-space-12);
        display: grid;
        gap: var(--mut-space-12);
      }
      form.wide {
        max-width: 48rem;
        display: grid;
        gap: var(--mut-space-6);
      }
      fieldset {
        gap: var(--mut-space-3);
      }
      .pool-row {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1.5fr) 6rem auto auto;
        gap: var(--mut-space-2) var(--mut-space-3);
        align-items: end;
        padding: var(--mut-space-4);
      }
      .pool-row label {
        font-size: var(--mut-text-sm);
      }
      .pool-row .errors {
        grid-column: 1 / -1;
      }
      input.hours {
        max-width: 8rem;
      }
      @media (max-width: 720px) {
        .row,
        .row.waiting,
        .pool-row {
          grid-template-columns: 1fr;
        }
        .needs {
          grid-template-columns: 1fr;
        }
      }
    `;
