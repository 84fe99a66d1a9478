import { css } from 'lit';

/** The look of <mut-app>, apart from the styles every page shares. */
export const appStyles = css`
      :host {
        min-height: 100vh;
        display: flex;
        flex-direction: column;
      }
      .skip {
        position: absolute;
        left: var(--mut-space-4);
        top: -4rem;
        background: var(--mut-surface);
        padding: var(--mut-space-2) var(--mut-space-4);
        border-radius: var(--mut-radius-sm);
        z-index: 10;
      }
      .skip:focus {
        top: var(--mut-space-2);
      }
      header {
        background: var(--mut-surface);
        border-bottom: 1px solid var(--mut-line);
      }
      .bar {
        /* a little wider than the page's column, so the places and the person fit one row at 1366 px */
        max-width: max(var(--mut-content-width), 82rem);
        margin: 0 auto;
        padding: var(--mut-space-3) var(--mut-space-6);
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mut-space-4) var(--mut-space-8);
      }
      .brand {
        display: flex;
        align-items: center;
        gap: var(--mut-space-2);
        font-weight: 700;
        font-size: var(--mut-text-lg);
        color: var(--mut-ink);
        text-decoration: none;
      }
      nav ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-2);
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        padding: var(--mut-space-2) var(--mut-space-3);
        border-radius: var(--mut-radius-sm);
        color: var(--mut-ink);
        text-decoration: none;
        font-weight: 600;
      }
      nav a:hover {
        background: var(--mut-calm);
      }
      nav a[aria-current='page'] {
        background: var(--mut-calm);
        color: var(--mut-primary-strong);
        box-shadow: inset 0 -3px 0 var(--mut-primary);
      }
      .you {
        min-width: 0;
        margin-left: auto;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mut-space-2) var(--mut-space-4);
      }
      .you a.name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .you a,
      .you .quiet {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
      }
      .switcher {
        min-width: 0;
        display: flex;
        align-items: center;
        gap: var(--mut-space-2);
      }
      .switcher label {
        margin: 0;
        font-size: var(--mut-text-sm);
      }
      .switcher select {
        min-width: 0;
        max-width: 16rem;
      }
      .participant-bar {
        flex-wrap: nowrap;
        justify-content: space-between;
        gap: var(--mut-space-4);
      }
      .participant-bar .brand {
        font-size: var(--mut-text-md);
      }
      .participant-bar a.data {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        font-weight: 600;
        text-align: right;
      }
      .you .org {
        color: var(--mut-ink-soft);
      }
      .you .notice {
        margin: 0;
        flex-basis: 100%;
      }
      main {
        flex: 1;
        width: 100%;
        max-width: var(--mut-content-width);
        margin: 0 auto;
        padding: var(--mut-space-8) var(--mut-space-6) var(--mut-space-12);
      }
      main.projector {
        max-width: none;
        padding: var(--mut-space-6);
      }
      footer {
        border-top: 1px solid var(--mut-line);
        padding: var(--mut-space-4) var(--mut-space-6);
        text-align: center;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
      }
      @media (max-width: 640px) {
        .bar {
          padding: var(--mut-space-3) var(--mut-space-4);
        }
        nav {
          width: 100%;
        }
        nav ul {
          gap: var(--mut-space-1);
        }
        nav a {
          padding: var(--mut-space-2);
        }
        .you {
          margin-left: 0;
          width: 100%;
        }
        .switcher {
          flex: 1 1 100%;
        }
        .switcher select {
          flex: 1 1 0;
          width: 0;
          min-width: 0;
          max-width: none;
        }
        main {
          padding: var(--mut-space-6) var(--mut-space-4) var(--mut-space-8);
        }
      }
      /* on paper only the page itself: no header, navigation or footer */
      @media print {
        :host {
          min-height: 0;
          display: block;
        }
        .skip,
        header,
        footer {
          display: none;
        }
        main {
          max-width: none;
          padding: 0;
        }
      }
    `;
