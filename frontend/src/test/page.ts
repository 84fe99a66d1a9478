/**
 * Test support (not a test itself): what page tests share around them: a clean page for each
 * test, signing in, finding things by their data-test hooks, and choosing in a form.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import type { Membership } from '../identity/types';
import { CSRF_COOKIE } from '../shared/api/http';
import { sessionStore } from '../identity/session';
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

/** Every element under `root`, through open shadow roots, in document order (a host before what its shadow holds). */
function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return found;
}

function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') return '';
  let out = '';
  const shadow = (node as Element).shadowRoot;
  if (shadow) out += [...shadow.childNodes].map(deepText).join('');
  return out + [...node.childNodes].map(deepText).join('');
}

/**
 * A component's shadow root seen as one tree, through the shadow roots of the elements inside it
 * (a page made of panels): querySelector(All) find in any of them (a selector matches within one
 * tree), activeElement follows focus inside them, textContent reads them all. Typed as a ShadowRoot
 * so page tests read as before.
 */
export function deepRoot(host: Element): ShadowRoot {
  const root = host.shadowRoot!;
  const all = (selector: string) => deepElements(root).filter((el) => el.matches(selector));
  const view = {
    querySelector: (selector: string) => all(selector)[0] ?? null,
    querySelectorAll: (selector: string) => all(selector),
    get activeElement(): Element | null {
      let active: Element | null = root.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    },
    get textContent(): string {
      return deepText(root);
    },
    get innerHTML(): string {
      return [
        root,
        ...deepElements(root)
          .filter((e) => e.shadowRoot)
          .map((e) => e.shadowRoot!),
      ]
        .map((r) => r.innerHTML)
        .join('');
    },
  };
  return view as unknown as ShadowRoot;
}

/** The confirm step (`<mut-confirm>`) inside `where`, with its confirming and keeping buttons, or null. */
export function confirmStep(where: ParentNode | null | undefined): {
  dialog: HTMLElement;
  confirm: HTMLButtonElement;
  keep: HTMLButtonElement;
  /** true when focus is on the keeping button */
  keepFocused: boolean;
} | null {
  const dialog = where?.querySelector<HTMLElement>('mut-confirm');
  if (!dialog?.shadowRoot) return null;
  const keep = dialog.shadowRoot.querySelector<HTMLButtonElement>('[data-keep]')!;
  return {
    dialog,
    confirm: dialog.shadowRoot.querySelector<HTMLButtonElement>('[data-confirm]')!,
    keep,
    keepFocused: dialog.shadowRoot.activeElement === keep,
  };
}
