import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** The shortest password the server accepts. */
export const MIN_PASSWORD = 10;

export interface FieldOptions {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'time';
  autocomplete?: string;
  hint?: string;
  error?: string;
  maxlength?: number;
  /** a stable hook for browser tests */
  test?: string;
}

/** A labelled input with its hint and its error wired up for assistive technology. */
export function field(o: FieldOptions) {
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <input
      id=${o.id}
      name=${o.id}
      type=${o.type ?? 'text'}
      autocomplete=${ifDefined(o.autocomplete)}
      maxlength=${ifDefined(o.maxlength)}
      data-test=${ifDefined(o.test)}
      spellcheck=${o.type === 'text' || !o.type ? nothing : 'false'}
      .value=${live(o.value)}
      @input=${(e: InputEvent) => o.onInput((e.target as HTMLInputElement).value)}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
    />
    ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
    ${o.error ? html`<p class="error" id="${o.id}-error">${o.error}</p>` : nothing}
  </div>`;
}

/** A component that can be asked to focus something once it has rendered. */
export interface FocusHost {
  readonly updateComplete: Promise<boolean>;
  readonly renderRoot: ParentNode;
}

/** Once the host has rendered, puts focus on the first element matching `selector`, if there is one. */
export async function focusAfterUpdate(host: FocusHost, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/** After a failed submit, puts focus on the first field that needs attention. */
export function focusFirstInvalid(host: FocusHost): Promise<void> {
  return focusAfterUpdate(host, '[aria-invalid="true"]');
}

/** Near enough to an email address to send: something, an @, something, and no spaces. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value);
}

/** A copy of `set` with `value` in it (`on`) or out of it: for checkbox groups and busy rows kept as sets. */
export function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

/** An element id part made only of safe characters, whatever the server's ids hold. */
export function safeId(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

export interface TextAreaOptions {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string;
  maxlength?: number;
  /** a stable hook for browser tests */
  test?: string;
}

/** A labelled textarea with its hint and its error wired up for assistive technology. */
export function textArea(o: TextAreaOptions) {
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <textarea
      id=${o.id}
      name=${o.id}
      maxlength=${ifDefined(o.maxlength)}
      data-test=${ifDefined(o.test)}
      .value=${live(o.value)}
      @input=${(e: InputEvent) => o.onInput((e.target as HTMLTextAreaElement).value)}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
    ></textarea>
    ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
    ${o.error ? html`<p class="error" id="${o.id}-error">${o.error}</p>` : nothing}
  </div>`;
}
