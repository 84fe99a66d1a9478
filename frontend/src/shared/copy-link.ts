import { css, html } from 'lit';

/** A read-only link field with its copy button beside it, wrapping under it on narrow screens. */
export const copyStyles = css`
  .copy {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mut-space-2);
  }
  .copy input {
    flex: 1 1 18rem;
    width: auto;
    font-family: var(--mut-font-mono);
    font-size: var(--mut-text-sm);
  }
`;

/**
 * Copies `text` to the clipboard; where the clipboard is out of reach, selects it in the input
 * (found by `inputSelector`) for the person to copy. Resolves to the words to say about it.
 */
export async function copyOrSelect(host: { renderRoot: ParentNode }, inputSelector: string, text: string): Promise<string> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return 'The link is copied.';
  } catch {
    const input = host.renderRoot.querySelector<HTMLInputElement>(inputSelector);
    input?.focus();
    input?.select();
    return 'The link is selected: copy it with Ctrl+C (or ⌘C on a Mac).';
  }
}

export interface LinkToShare {
  /** the input's id; its hint is `${id}-hint` */
  id: string;
  label: string;
  url: string;
  /** the input's data-test; the copy button's is `copy-${test}` */
  test: string;
  hint: unknown;
  /** what came of the last copy, said politely */
  copied?: string;
  onCopy: () => void;
}

/** A link for people to share: read-only in a labelled field, a button that copies it, and a hint. */
export function linkToShare(o: LinkToShare) {
  return html`<div class="link">
    <label for=${o.id}>${o.label}</label>
    <div class="copy">
      <input id=${o.id} type="text" readonly .value=${o.url} data-test=${o.test} aria-describedby="${o.id}-hint" />
      <button class="button secondary" type="button" data-test="copy-${o.test}" @click=${o.onCopy}>Copy link</button>
    </div>
    <p class="hint" id="${o.id}-hint">${o.hint}</p>
    <p class="hint" role="status">${o.copied ?? ''}</p>
  </div>`;
}
