import { css } from 'lit';

/** The look of <mut-members>, apart from the styles every page shares. */
export const membersStyles = css`
      section + section {
        margin-top: var(--mut-space-12);
      }
      ul.rows,
      ol.activity {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--mut-space-3);
      }
      .row {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: var(--mut-space-3) var(--mut-space-4);
        align-items: end;
        padding: var(--mut-space-4);
      }
      .row.member {
        grid-template-columns: minmax(0, 1fr) auto auto;
      }
      .row p {
        margin: 0;
      }
      .who {
        min-width: 0;
        overflow-wrap: anywhere;
        align-self: center;
      }
      .who strong {
        display: block;
      }
      .row > .notice,
      mut-confirm {
        grid-column: 1 / -1;
        margin: 0;
      }
      .role label {
        font-size: var(--mut-text-sm);
      }
      .qualifications {
        grid-column: 1 / -1;
        display: grid;
        gap: var(--mut-space-2);
        border-top: 1px solid var(--mut-line);
        padding-top: var(--mut-space-3);
      }
      .qualifications h3 {
        font-size: var(--mut-text-md);
        margin: 0;
      }
      .qualifications ul {
        margin: 0;
        padding-left: var(--mut-space-6);
      }
      .qualifications li {
        overflow-wrap: anywhere;
      }
      .qualifications .kind {
        font-weight: 600;
      }
      .record {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.5fr);
        gap: var(--mut-space-3) var(--mut-space-4);
        align-items: start;
        max-width: 44rem;
      }
      .record .field label,
      .record label {
        font-size: var(--mut-text-sm);
      }
      .record select {
        width: 100%;
      }
      .record .actions,
      .record .notice {
        grid-column: 1 / -1;
        margin: 0;
      }
      ol.activity li {
        display: grid;
        grid-template-columns: 11rem 1fr;
        gap: var(--mut-space-1) var(--mut-space-4);
        padding-bottom: var(--mut-space-3);
        border-bottom: 1px solid var(--mut-line);
      }
      ol.activity p {
        margin: 0;
        overflow-wrap: anywhere;
      }
      time {
        color: var(--mut-ink-soft);
      }
      .invite {
        margin-top: var(--mut-space-6);
      }
      @media (max-width: 640px) {
        .row,
        .row.member,
        .record,
        ol.activity li {
          grid-template-columns: 1fr;
        }
        .row select {
          width: 100%;
        }
      }
    `;
