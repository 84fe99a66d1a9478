import { afterEach, describe, expect, it } from 'vitest';
import './mut-confirm';
import type { MutConfirm } from './mut-confirm';

async function showConfirm(attrs: Partial<MutConfirm> = {}): Promise<MutConfirm> {
  const el = document.createElement('mut-confirm');
  Object.assign(el, { confirmLabel: 'Remove Jo', keepLabel: 'Keep Jo', ...attrs });
  el.innerHTML = '<p>Remove Jo from the organisation?</p>';
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const confirmButton = (el: MutConfirm) => el.shadowRoot!.querySelector<HTMLButtonElement>('[data-confirm]')!;
const keepButton = (el: MutConfirm) => el.shadowRoot!.querySelector<HTMLButtonElement>('[data-keep]')!;

function events(el: MutConfirm): string[] {
  const seen: string[] = [];
  el.addEventListener('confirm', () => seen.push('confirm'));
  el.addEventListener('keep', () => seen.push('keep'));
  return seen;
}

describe('mut-confirm', () => {
  afterEach(() => document.body.replaceChildren());

  it('names the act on the confirming button and offers a way to keep things as they are', async () => {
    const el = await showConfirm();
    expect(confirmButton(el).textContent!.trim()).toBe('Remove Jo');
    expect(keepButton(el).textContent!.trim()).toBe('Keep Jo');
    const group = el.shadowRoot!.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-labelledby')).toBe('question');
    expect(el.shadowRoot!.querySelector('#question slot')).not.toBeNull();
    expect(confirmButton(el).getAttribute('aria-describedby')).toBe('question');
  });

  it('moves focus into itself, to the keeping button, when it appears', async () => {
    const el = await showConfirm();
    expect(document.activeElement).toBe(el);
    expect(el.shadowRoot!.activeElement).toBe(keepButton(el));
  });

  it('fires confirm from the confirming button and keep from the other', async () => {
    const el = await showConfirm();
    const seen = events(el);
    confirmButton(el).click();
    keepButton(el).click();
    expect(seen).toEqual(['confirm', 'keep']);
  });

  it('keeps on Escape, and the key goes no further', async () => {
    const el = await showConfirm();
    const seen = events(el);
    let outside = 0;
    document.body.addEventListener('keydown', () => outside++);
    keepButton(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    confirmButton(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(seen).toEqual(['keep']);
    expect(outside).toBe(1);
  });

  it('does not confirm twice while the act is under way', async () => {
    const el = await showConfirm({ busy: true });
    const seen = events(el);
    expect(confirmButton(el).disabled).toBe(true);
    confirmButton(el).dispatchEvent(new MouseEvent('click'));
    expect(seen).toEqual([]);
  });

  it('carries the hooks journeys look for on its buttons', async () => {
    const el = await showConfirm({
      confirmTest: 'confirm-cancel',
      keepTest: 'keep-registration',
      confirmMark: 'data-confirm-end',
    });
    expect(confirmButton(el).dataset.test).toBe('confirm-cancel');
    expect(confirmButton(el).hasAttribute('data-confirm-end')).toBe(true);
    expect(keepButton(el).dataset.test).toBe('keep-registration');
  });
});
