import { html, nothing } from 'lit';
import type { SupportContact } from '../live/protocol';

/** A support contact as people read it: the name, a phone and an email to tap, and when to reach them. */
export function supportContactView(contact: SupportContact) {
  return html`<strong>${contact.name}</strong>${
    contact.phone ? html`, <a href=${`tel:${contact.phone}`}>${contact.phone}</a>` : nothing
  }${contact.email ? html`, <a href=${`mailto:${contact.email}`}>${contact.email}</a>` : nothing}.${
    contact.note ? html` ${contact.note}` : nothing
  }`;
}
