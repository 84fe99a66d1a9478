/**
 * Test support (not a test itself): what page tests share around them: a clean page for each
 * test, signing in, finding things by their data-test hooks, and choosing in a form.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { CSRF_COOKIE } from '../api/client';
import type { Membership } from '../api/types';
import { sessionStore } from '../session';
import { clearCookie, membership, sessionView } from './fake-api';

/**
 * Registers, in the describe block it is called from, what every page test needs around it:
 * before, nobody signed in and nothing remembered; after, an empty page, no CSRF cookie, and no
 * stubbed globals or spies left behind.
 */
export function cleanPageAroundEachTest(): void {
  beforeEach(() => {
    sessionStore.reset();
    localStorage.clear();
  });
  afterEach(() => {
    document.body.innerHTML = '';
    clearCookie(CSRF_COOKIE);
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}

/** Signs in as a member of Harbour Peer Network (org-a) with this role. */
export function signInAs(role: Membership['role'] = 'ORG_ADMIN'): void {
  sessionStore.signedIn(sessionView([membership('org-a', 'Harbour Peer Network', role)]));
}

/** Inside a component's shadow root when given the component, else inside what is given. */
function inside(where: ParentNode): ParentNode {
  return (where as Element).shadowRoot ?? where;
}

/** The first element with this data-test hook. */
export function byTest(where: ParentNode, test: string): HTMLElement | null {
  return inside(where).querySelector<HTMLElement>(`[data-test="${test}"]`);
}

/** Every element with this data-test hook, in document order. */
export function allByTest(where: ParentNode, test: string): HTMLElement[] {
  return [...inside(where).querySelectorAll<HTMLElement>(`[data-test="${test}"]`)];
}

/** Chooses an option in a select, as a person would. */
export function choose(select: Element | null, value: string): void {
  if (!(select instanceof HTMLSelectElement)) throw new Error('No select to choose in');
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

/** Ticks (or clears) a checkbox or a radio button, as a person would. */
export function tick(box: Element | null, checked = true): void {
  if (!(box instanceof HTMLInputElement)) throw new Error('No box to tick');
  box.checked = checked;
  box.dispatchEvent(new Event('change'));
}
