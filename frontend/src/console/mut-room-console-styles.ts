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
      @media (max-width: 1024px) {
        .console {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `;
