import { css } from 'lit';

/** Styles every component shares: type, buttons, fields, cards, focus. Built on the tokens. */
export const shared = css`
  /* the document's box-sizing rule does not reach into shadow roots */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :host {
    display: block;
    font-family: var(--mut-font);
    color: var(--mut-ink);
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 var(--mut-space-3);
  }
  h1 {
    font-size: var(--mut-text-2xl);
  }
  h2 {
    font-size: var(--mut-text-xl);
  }
  h3 {
    font-size: var(--mut-text-lg);
  }
  p {
    margin: 0 0 var(--mut-space-4);
    max-width: 65ch;
  }
  a {
    color: var(--mut-primary);
    text-underline-offset: 0.2em;
  }
  a:hover {
    color: var(--mut-primary-strong);
  }
  :focus-visible {
    outline: 3px solid var(--mut-focus);
    outline-offset: 2px;
  }
  /* the "← back to …" link at the top of a page: a full-height target for a finger */
  .back {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    margin-bottom: var(--mut-space-2);
  }
  .lede {
    font-size: var(--mut-text-lg);
    color: var(--mut-ink-soft);
  }
  .muted {
    color: var(--mut-ink-soft);
  }
  .card {
    background: var(--mut-surface);
    border: 1px solid var(--mut-line);
    border-radius: var(--mut-radius);
    box-shadow: var(--mut-shadow);
    padding: var(--mut-space-6);
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: var(--mut-space-2);
    min-height: 44px;
    padding: var(--mut-space-2) var(--mut-space-6);
    border: 2px solid var(--mut-primary);
    border-radius: var(--mut-radius-sm);
    background: var(--mut-primary);
    color: var(--mut-on-primary);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .button:hover {
    background: var(--mut-primary-strong);
    border-color: var(--mut-primary-strong);
    color: var(--mut-on-primary);
  }
  .button.secondary {
    background: transparent;
    color: var(--mut-primary);
  }
  .button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: var(--mut-space-1);
  }
  input,
  textarea {
    display: block;
    width: 100%;
    min-height: 44px;
    padding: var(--mut-space-2) var(--mut-space-3);
    border: 2px solid var(--mut-line);
    border-radius: var(--mut-radius-sm);
    background: var(--mut-surface);
    color: var(--mut-ink);
    font: inherit;
  }
  select {
    min-height: 44px;
    max-width: 100%;
    padding: var(--mut-space-2) var(--mut-space-3);
    border: 2px solid var(--mut-line);
    border-radius: var(--mut-radius-sm);
    background: var(--mut-surface);
    color: var(--mut-ink);
    font: inherit;
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    border-color: var(--mut-focus);
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--mut-accent);
  }
  .error {
    color: var(--mut-accent);
    font-weight: 600;
    margin: var(--mut-space-1) 0 0;
  }
  form.stack {
    max-width: 28rem;
    display: grid;
    gap: var(--mut-space-6);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--mut-space-3);
  }
  /* a quiet action that reads like a link but is a button, still a 44px target */
  .quiet {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: var(--mut-space-2) var(--mut-space-1);
    border: 0;
    background: none;
    color: var(--mut-primary);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .quiet:hover {
    color: var(--mut-primary-strong);
  }
  .quiet[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .hint {
    font-size: var(--mut-text-sm);
    color: var(--mut-ink-soft);
    margin: var(--mut-space-1) 0 0;
  }
  .notice {
    background: var(--mut-notice);
    color: var(--mut-notice-ink);
    border-radius: var(--mut-radius-sm);
    padding: var(--mut-space-3) var(--mut-space-4);
  }
  .notice.calm {
    background: var(--mut-calm);
    color: var(--mut-ink);
  }
  /* a quiet label beside something: a state, a role */
  .pill {
    display: inline-block;
    background: var(--mut-calm);
    color: var(--mut-primary-strong);
    border-radius: 999px;
    padding: 0 var(--mut-space-3);
    font-size: var(--mut-text-sm);
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  /* on paper: ink on white, no controls, links read as plain text, cards kept whole */
  @media print {
    :host {
      color: #000;
    }
    .no-print,
    button,
    .button,
    .quiet {
      display: none !important;
    }
    a {
      color: inherit;
      text-decoration: none;
    }
    .card {
      box-shadow: none;
      border-color: #555;
      break-inside: avoid;
    }
    h1,
    h2,
    h3 {
      break-after: avoid;
    }
    p {
      orphans: 3;
      widows: 3;
    }
  }
`;
