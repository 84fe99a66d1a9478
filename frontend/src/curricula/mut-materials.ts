import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { curriculaApi } from './api';
import type { Material } from './types';
import { renderMarkdown } from '../shared/markdown';
import { materialsPath, modulePath } from '../shared/router';
import { shared } from '../shared/styles/shared';
import { loadForStaff, printBar, printBarStyles, signInToSee, type StaffLoadable } from './curricula-common';
import { failed, loading, readNow } from '../shared/loadable';
import {
  HandoutContact,
  type HandoutContactState,
  handoutCohortNote,
  handoutSupportBox,
  handoutSupportStyles,
} from './handout-contact';

/** A card material's parts: what the trainer reads first, then one card per `## heading`. */
export function cardsOf(markdown: string): { preface: string; cards: { title: string; body: string }[] } {
  const parts = markdown.split(/^## /m);
  const preface = parts.shift()?.trim() ?? '';
  const cards = parts.map((part) => {
    const newline = part.indexOf('\n');
    return newline < 0
      ? { title: part.trim(), body: '' }
      : { title: part.slice(0, newline).trim(), body: part.slice(newline + 1).trim() };
  });
  return { preface, cards };
}

/**
 * The cards and sheets a module uses, ready to print: cards laid out to cut apart (a dashed
 * line around each, never split across pages), sheets one to a page. What the trainer needs to
 * know about each stays on screen and is left off the paper.
 */
@customElement('mut-materials')
export class MutMaterials extends LitElement {
  static styles = [
    shared,
    printBarStyles,
    handoutSupportStyles,
    css`
      .material + .material {
        margin-top: var(--mut-space-12, 3rem);
      }
      .how {
        max-width: 65ch;
        color: var(--mut-ink-soft);
      }
      ul.cards {
        list-style: none;
        margin: var(--mut-space-4) 0 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
        gap: var(--mut-space-4);
      }
      ul.cards li {
        border: 2px dashed var(--mut-ink-soft);
        border-radius: var(--mut-radius, 8px);
        padding: var(--mut-space-4);
        break-inside: avoid;
      }
      ul.cards h3 {
        font-size: var(--mut-text-md);
        margin: 0 0 var(--mut-space-2);
      }
      .sheet {
        max-width: 48rem;
      }
      @media print {
        .how,
        .crumbs {
          display: none;
        }
        .material.sheet-kind {
          break-before: page;
        }
        .material:first-of-type {
          break-before: auto;
        }
        ul.cards {
          grid-template-columns: 1fr 1fr;
        }
      }
    `,
  ];

  @property() moduleId = '';

  /** The cohort the materials are printed for (`?cohort=…`): its support contact is printed on each sheet. */
  @property() cohortId?: string;

  private readonly contact = new HandoutContact(this, () => this.cohortId);

  private readonly materials = new Task(this, {
    args: () => [this.moduleId] as const,
    task: ([moduleId]): Promise<StaffLoadable<Material[]>> | typeof initialState =>
      moduleId ? loadForStaff(() => curriculaApi.materials(moduleId)) : initialState,
  });

  render() {
    const materials = readNow(this.materials);
    switch (materials.state) {
      case 'loading':
        return loading('the materials');
      case 'sign-in':
        return html`<h1>Materials to print</h1>
          ${signInToSee('Materials to print', materialsPath(this.moduleId))}`;
      case 'failed':
        return html`<h1>Materials to print</h1>
          ${failed(materials.message)}
          <p><a href=${modulePath(this.moduleId)}>Back to the module</a></p>`;
      case 'ready':
        return this.renderMaterials(materials.value);
    }
  }

  private renderMaterials(materials: Material[]) {
    const contact = this.contact.value;
    const sheets = materials.some((m) => m.kind !== 'cards');
    return html`
      ${printBar({ href: modulePath(this.moduleId), label: '← Back to the module' })}
      <h1>Materials to print</h1>
      ${materials.length ? handoutCohortNote(contact) : nothing}
      ${
        materials.length === 0
          ? html`<p data-test="no-materials">This module has nothing to print: everything it needs is in the room.</p>`
          : materials.map((m) => this.renderMaterial(m, contact))
      }
      ${materials.length && !sheets ? handoutSupportBox(contact) : nothing}
    `;
  }

  /** A sheet carries the support box at its foot; a page of cards only carries one at the end of the page. */
  private renderMaterial(m: Material, contact: HandoutContactState) {
    if (m.kind !== 'cards') {
      return html`<section class="material sheet-kind" data-test="material" aria-labelledby=${`m-${m.id}`}>
        <h2 id=${`m-${m.id}`}>${m.title}</h2>
        <div class="sheet">${renderMarkdown(m.markdown)}</div>
        ${handoutSupportBox(contact)}
      </section>`;
    }
    const { preface, cards } = cardsOf(m.markdown);
    return html`<section class="material" data-test="material" aria-labelledby=${`m-${m.id}`}>
      <h2 id=${`m-${m.id}`}>${m.title}</h2>
      ${preface ? html`<div class="how">${renderMarkdown(preface)}</div>` : nothing}
      <ul class="cards" aria-label=${`${m.title}: ${cards.length} cards`}>
        ${cards.map(
          (card) => html`<li data-test="card">
            <h3>${card.title}</h3>
            ${card.body ? renderMarkdown(card.body) : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-materials': MutMaterials;
  }
}
