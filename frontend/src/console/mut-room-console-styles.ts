import { css } from 'lit';

/** The look of <mut-room-console>, apart from the styles every page shares. */
export const roomConsoleStyles = css`
      :host {
        display: block;
        min-width: 0;
      }
      .crumbs {
        margin-bottom: var(--mut-space-2);
      }
      .top {
        margin-bottom: var(--mut-space-4);
        min-width: 0;
      }
      .top h1 {
        overflow-wrap: anywhere;
        margin-bottom: var(--mut-space-1);
      }
      .top p {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .console {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(16rem, 22rem);
        gap: var(--mut-space-6);
        align-items: start;
      }
      .console > * {
        min-width: 0;
      }
      .main > * + *,
      aside > * + * {
        margin-top: var(--mut-space-6);
      }
      .toast {
        position: fixed;
        right: var(--mut-space-4);
        bottom: var(--mut-space-4);
        z-index: 40;
        max-width: min(26rem, calc(100vw - 2 * var(--mut-space-4)));
        padding: var(--mut-space-4);
        background: var(--mut-surface);
        border: 2px solid var(--mut-accent);
        border-radius: var(--mut-radius-sm);
        box-shadow: var(--mut-shadow);
      }
      .toast p {
        margin: 0 0 var(--mut-space-2);
        font-weight: 700;
      }
      .toast .actions {
        margin: 0;
      }
      .keys-button {
        margin-top: var(--mut-space-1);
      }
      .key-said {
        position: fixed;
        left: var(--mut-space-4);
        bottom: var(--mut-space-4);
        z-index: 40;
        max-width: min(24rem, calc(100vw - 2 * var(--mut-space-4)));
      }
      .key-said p {
        margin: 0;
        padding: var(--mut-space-2) var(--mut-space-3);
        background: var(--mut-ink);
        color: var(--mut-surface);
        border-radius: var(--mut-radius-sm);
      }
      .keys-backdrop {
        position: fixed;
        inset: 0;
        z-index: 50;
        display: grid;
        place-items: center;
        padding: var(--mut-space-4);
        background: rgb(0 0 0 / 0.35);
      }
      .keys {
        max-width: 32rem;
        width: 100%;
        max-height: calc(100vh - 2 * var(--mut-space-4));
        overflow: auto;
        padding: var(--mut-space-6);
        background: var(--mut-surface);
        border-radius: var(--mut-radius-sm);
        box-shadow: var(--mut-shadow);
      }
      .keys h2 {
        margin-top: 0;
      }
      .keys dl {
        display: grid;
        gap: var(--mut-space-2);
        margin: 0 0 var(--mut-space-4);
      }
      .keys dl > div {
        display: grid;
        grid-template-columns: 7rem minmax(0, 1fr);
        gap: var(--mut-space-3);
      }
      .keys dt,
      .keys dd {
        margin: 0;
      }
      kbd {
        display: inline-block;
        min-width: 1.5em;
        padding: 0 var(--mut-space-1);
        border: 1px solid var(--mut-line);
        border-bottom-width: 2px;
        border-radius: 4px;
        font-family: inherit;
        text-align: center;
      }
      @media (max-width: 1024px) {
        .console {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `;
