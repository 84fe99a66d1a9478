import { css } from 'lit';

/** The look of <mut-organisation>, apart from the styles every page shares. */
export const organisationStyles = css`
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        justify-content: space-between;
        gap: var(--mut-space-4);
        margin-bottom: var(--mut-space-6);
      }
      .head p {
        margin-bottom: 0;
      }
      .plan {
        margin-bottom: var(--mut-space-8);
      }
      ul.cohorts > li {
        min-width: 0;
      }
      ul.cohorts {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--mut-space-4);
      }
      .cohort header {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--mut-space-2);
      }
      .status {
        align-self: start;
        background: var(--mut-calm);
        color: var(--mut-primary-strong);
        border-radius: 999px;
        padding: var(--mut-space-1) var(--mut-space-3);
        font-size: var(--mut-text-sm);
        font-weight: 600;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--mut-space-1) var(--mut-space-4);
        margin: var(--mut-space-3) 0 0;
      }
      dt {
        color: var(--mut-ink-soft);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      @media (max-width: 640px) {
        dl {
          grid-template-columns: 1fr;
        }
        dd {
          margin-bottom: var(--mut-space-2);
        }
      }

      /* list or month: two buttons that read as one switch */
      .views {
        display: inline-flex;
        margin-bottom: var(--mut-space-6);
        border: 2px solid var(--mut-primary);
        border-radius: var(--mut-radius-sm);
        overflow: hidden;
      }
      .view {
        min-height: 44px;
        padding: var(--mut-space-2) var(--mut-space-6);
        border: 0;
        background: var(--mut-surface);
        color: var(--mut-primary);
        font: inherit;
        font-weight: 600;
        cursor: pointer;
      }
      .view + .view {
        border-left: 2px solid var(--mut-primary);
      }
      .view[aria-pressed='true'] {
        background: var(--mut-primary);
        color: var(--mut-on-primary);
      }
      details.past {
        margin-top: var(--mut-space-8);
      }
      details.past summary {
        cursor: pointer;
        font-weight: 600;
        padding: var(--mut-space-3) 0;
        margin-bottom: var(--mut-space-3);
      }

      /* the month */
      .month-nav {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-2);
        margin-bottom: var(--mut-space-4);
      }
      table.month {
        width: 100%;
        border-collapse: collapse;
        table-layout: fixed;
        background: var(--mut-surface);
      }
      table.month caption {
        text-align: left;
        font-size: var(--mut-text-xl);
        font-weight: 700;
        padding-bottom: var(--mut-space-3);
      }
      table.month th {
        padding: var(--mut-space-2);
        text-align: left;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        border-bottom: 2px solid var(--mut-line);
      }
      table.month th abbr {
        text-decoration: none;
      }
      table.month td {
        height: 6.5rem;
        padding: var(--mut-space-1) var(--mut-space-2) var(--mut-space-2);
        vertical-align: top;
        border: 1px solid var(--mut-line);
      }
      table.month td.outside {
        background: var(--mut-paper);
      }
      table.month td.today {
        box-shadow: inset 0 0 0 3px var(--mut-primary);
      }
      .number {
        display: inline-flex;
        justify-content: center;
        min-width: 1.75rem;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      td.today .number {
        background: var(--mut-primary);
        color: var(--mut-on-primary);
        border-radius: 999px;
      }
      /* the full date is for screen readers in the grid; narrow screens show it instead of the number */
      .full-date {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      ul.entries {
        list-style: none;
        padding: 0;
        margin: var(--mut-space-1) 0 0;
        display: grid;
        gap: var(--mut-space-1);
      }
      a.entry {
        display: block;
        padding: var(--mut-space-1) var(--mut-space-2);
        border-left: 4px solid var(--mut-primary);
        border-radius: var(--mut-radius-sm);
        background: var(--mut-calm);
        color: var(--mut-ink);
        font-size: var(--mut-text-sm);
        line-height: 1.3;
        text-decoration: none;
        overflow-wrap: anywhere;
      }
      a.entry:hover .what {
        text-decoration: underline;
      }
      .entry .what {
        display: block;
        font-weight: 600;
      }
      .entry .which {
        display: block;
        color: var(--mut-ink-soft);
      }
      .entry .tag {
        display: inline-block;
        margin-top: var(--mut-space-1);
        padding: 0 var(--mut-space-2);
        border: 1px solid currentColor;
        border-radius: 999px;
      }
      .entry[data-status='DRAFT'] {
        background: var(--mut-surface);
        border: 1px dashed var(--mut-ink-soft);
        border-left: 4px dashed var(--mut-ink-soft);
      }
      .entry[data-status='FULL'] {
        border-left-color: var(--mut-accent);
      }
      .entry[data-status='COMPLETED'] {
        background: var(--mut-task-other);
        border-left-color: var(--mut-task-other-edge);
      }
      .entry[data-status='CANCELLED'] {
        background: var(--mut-paper);
        border-left-color: var(--mut-line);
        color: var(--mut-ink-soft);
      }
      .entry[data-status='CANCELLED'] .what,
      .entry[data-status='CANCELLED'] .which {
        text-decoration: line-through;
      }
      /* narrow screens: the month as a list, week by week, of the days that have training */
      @media (max-width: 640px) {
        table.month,
        table.month caption,
        table.month tbody,
        table.month tr,
        table.month td {
          display: block;
        }
        table.month thead,
        table.month tr.free,
        table.month td.free,
        table.month td.outside,
        .number {
          display: none;
        }
        table.month {
          background: none;
        }
        table.month tr.busy {
          padding: var(--mut-space-2) 0;
          border-top: 2px solid var(--mut-line);
        }
        table.month td {
          height: auto;
          padding: var(--mut-space-2) 0;
          border: 0;
        }
        table.month td.today {
          box-shadow: none;
        }
        .full-date {
          position: static;
          width: auto;
          height: auto;
          overflow: visible;
          clip: auto;
          white-space: normal;
          font-weight: 600;
        }
      }
    `;
