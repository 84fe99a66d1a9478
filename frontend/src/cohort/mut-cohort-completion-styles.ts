import { css } from 'lit';

/** The look of <mut-cohort-completion>, apart from the styles every page shares. */
export const cohortCompletionStyles = css`
      :host {
        display: block;
      }
      h3 {
        margin-top: var(--mut-space-8);
      }
      .rule {
        max-width: 48rem;
        margin-bottom: var(--mut-space-6);
      }
      .rule h3 {
        margin-top: 0;
      }
      .rule ul {
        margin: 0 0 var(--mut-space-3);
        padding-left: var(--mut-space-6);
      }
      .rule .pill {
        margin-bottom: var(--mut-space-2);
      }
      form.rule-form,
      form.inline {
        display: grid;
        gap: var(--mut-space-4);
        max-width: 40rem;
        margin-top: var(--mut-space-4);
      }
      .days-choice {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-2) var(--mut-space-6);
      }
      .check label {
        font-weight: 400;
      }
      input.short {
        max-width: 10rem;
      }
      .issue {
        max-width: 48rem;
        margin-bottom: var(--mut-space-6);
      }
      caption {
        text-align: left;
        color: var(--mut-ink-soft);
        font-size: var(--mut-text-sm);
        padding-bottom: var(--mut-space-2);
      }
      tbody th {
        min-width: 9rem;
      }
      td.cell {
        min-width: 8rem;
      }
      .small {
        display: block;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        font-weight: 400;
      }
      .note {
        display: block;
        font-size: var(--mut-text-sm);
        font-style: italic;
        white-space: pre-line;
      }
      td .quiet {
        min-height: 44px;
        padding-left: 0;
      }
      .state {
        display: inline-block;
        border-radius: 999px;
        padding: 0 var(--mut-space-3);
        font-weight: 600;
        white-space: nowrap;
        background: var(--mut-task-other);
      }
      .state.completed {
        background: var(--mut-calm);
        color: var(--mut-primary-strong);
      }
      .state.make-up,
      .state.repeat {
        background: var(--mut-notice);
        color: var(--mut-notice-ink);
      }
      td p {
        margin: var(--mut-space-1) 0 0;
      }
      td ul {
        margin: var(--mut-space-1) 0 0;
        padding-left: var(--mut-space-4);
      }
      .code {
        display: block;
        font-family: var(--mut-font-mono);
        font-size: var(--mut-text-sm);
        white-space: nowrap;
      }
      .revoked {
        display: inline-block;
        font-weight: 600;
        color: var(--mut-accent);
      }
      tr.editor td {
        background: var(--mut-paper);
        border-left: 4px solid var(--mut-accent);
      }
      ul.files {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-2);
      }
    `;
