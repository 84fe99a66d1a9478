import { css } from 'lit';

/** The look of <mut-room>, apart from the styles every page shares. */
export const roomStyles = css`
      :host {
        max-width: 48rem;
      }
      mut-roleplay,
      mut-reframe {
        margin-top: var(--mut-space-6);
      }
      header p {
        margin-bottom: var(--mut-space-2);
      }
      .now .slot {
        font-size: var(--mut-text-xl);
        font-weight: 700;
        margin-bottom: var(--mut-space-4);
        overflow-wrap: anywhere;
      }
      .note {
        margin: var(--mut-space-4) 0 0;
        padding: var(--mut-space-3) var(--mut-space-4);
        border-left: 4px solid var(--mut-accent);
        background: var(--mut-notice);
        color: var(--mut-notice-ink);
        border-radius: 0 var(--mut-radius-sm) var(--mut-radius-sm) 0;
        overflow-wrap: anywhere;
      }
      .note p {
        margin: 0;
      }
      .note .by {
        font-size: var(--mut-text-sm);
        margin-top: var(--mut-space-1);
      }
      .visibility {
        display: flex;
        gap: var(--mut-space-2);
        align-items: flex-start;
        padding: var(--mut-space-2) var(--mut-space-3);
        background: var(--mut-calm);
        border-radius: var(--mut-radius-sm);
        font-weight: 600;
      }
      .visibility svg {
        flex: 0 0 auto;
        margin-top: 0.2em;
      }
      form.answer {
        display: grid;
        gap: var(--mut-space-4);
        margin-top: var(--mut-space-4);
      }
      .choices {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--mut-space-3);
        max-width: 28rem;
      }
      /* Share and Pass look the same: passing is as easy, and as fine, as answering */
      .choices .button {
        justify-content: center;
        background: var(--mut-calm);
        border-color: var(--mut-primary);
        color: var(--mut-primary-strong);
      }
      .choices .button:hover {
        background: var(--mut-primary);
        color: var(--mut-on-primary);
      }
      .chosen {
        padding: var(--mut-space-3) var(--mut-space-4);
        border-left: 4px solid var(--mut-primary);
        background: var(--mut-calm);
        border-radius: 0 var(--mut-radius-sm) var(--mut-radius-sm) 0;
        overflow-wrap: anywhere;
      }
      .chosen:focus {
        outline: 3px solid var(--mut-focus, var(--mut-primary));
        outline-offset: 2px;
      }
      .chosen p {
        margin: 0 0 var(--mut-space-1);
      }
      .now .activity {
        font-weight: 600;
        color: var(--mut-primary-strong);
        margin: 0 0 var(--mut-space-3);
        overflow-wrap: anywhere;
      }
      .chosen p:last-child {
        margin: 0;
      }
      ol.order {
        margin: 0 0 var(--mut-space-3);
        padding-left: var(--mut-space-6);
      }
      ol.order li[aria-current='true'] {
        font-weight: 700;
      }
      ol.order .speaking {
        font-weight: 400;
        color: var(--mut-primary-strong);
        margin-left: var(--mut-space-2);
      }
      .turn {
        font-weight: 600;
      }
      h3 {
        font-size: var(--mut-text-md);
        margin-top: var(--mut-space-6);
      }
      .private {
        display: flex;
        gap: var(--mut-space-2);
        align-items: center;
        font-weight: 600;
        color: var(--mut-primary-strong);
      }
      form.journal {
        display: grid;
        gap: var(--mut-space-3);
      }
      ul.entries {
        list-style: none;
        margin: var(--mut-space-4) 0 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-3);
      }
      ul.entries li {
        padding: var(--mut-space-3) var(--mut-space-4);
        border: 1px solid var(--mut-line);
        border-radius: var(--mut-radius-sm);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      ul.entries .when {
        display: block;
        white-space: normal;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        margin-bottom: var(--mut-space-1);
      }
      @media (max-width: 640px) {
        .card {
          padding: var(--mut-space-4);
        }
        .now .slot {
          font-size: var(--mut-text-lg);
        }
      }
    `;
