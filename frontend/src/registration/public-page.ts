import { css, html } from 'lit';
import { failedWithRetry, loading, type Findable } from '../shared/loadable';

/** What the public pages share: the organisation's name above the title, and the answer after a form. */
export const publicPageStyles = css`
  .eyebrow {
    margin-bottom: var(--mut-space-1);
    font-weight: 600;
    color: var(--mut-ink-soft);
  }
  .result {
    max-width: 40rem;
    border-left: 4px solid var(--mut-primary);
  }
  .result h2:focus {
    outline: none;
  }
`;

export interface NotReadyWords {
  /** the page's title, kept when there is nothing else to show */
  title: string;
  /** what is loading: "the registration page" */
  loadingWhat: string;
  /** what to say when the link leads nowhere */
  nowhere: unknown;
  /** tries to open the page again */
  retry: () => void;
}

/**
 * A page opened by a public link, until it is ready: loading, a link that leads nowhere (said
 * kindly, with what to do), or a failure with a way to try again.
 */
export function notReady(page: Exclude<Findable<unknown>, { state: 'ready' }>, words: NotReadyWords) {
  switch (page.state) {
    case 'loading':
      return loading(words.loadingWhat);
    case 'unknown':
      return html`<h1>${words.title}</h1>
        ${words.nowhere}`;
    case 'failed':
      return html`<h1>${words.title}</h1>
        ${failedWithRetry(page.message, words.retry)}`;
  }
}
