import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { curriculaApi } from './api';
import type { CourseLetter } from './types';
import { renderMarkdown } from '../shared/markdown';
import { coursePath, letterPath } from '../shared/router';
import { shared } from '../shared/styles/shared';
import { loadForStaff, printBar, printBarStyles, signInToSee, type StaffLoadable } from './curricula-common';
import { failed, loading, readNow } from '../shared/loadable';

/**
 * A course's letter to people before it starts, for an organisation to adapt: the text with its
 * {{placeholders}}, and on screen only, what each placeholder stands for.
 */
@customElement('mut-letter')
export class MutLetter extends LitElement {
  static styles = [
    shared,
    printBarStyles,
    css`
      .letter {
        max-width: 44rem;
      }
      .fill-in {
        max-width: 65ch;
        margin-bottom: var(--mut-space-8);
      }
      .fill-in dt {
        font-family: var(--mut-font-mono);
        font-weight: 600;
      }
      .fill-in dd {
        margin: 0 0 var(--mut-space-2);
      }
      @media print {
        .fill-in {
          display: none;
        }
      }
    `,
  ];

  @property() courseId = '';

  private readonly letter = new Task(this, {
    args: () => [this.courseId] as const,
    task: ([courseId]): Promise<StaffLoadable<CourseLetter>> | typeof initialState =>
      courseId ? loadForStaff(() => curriculaApi.letter(courseId)) : initialState,
  });

  render() {
    const letter = readNow(this.letter);
    switch (letter.state) {
      case 'loading':
        return loading('the letter');
      case 'sign-in':
        return html`<h1>Letter before the course</h1>
          ${signInToSee('Letters before a course', letterPath(this.courseId))}`;
      case 'failed':
        return html`<h1>Letter before the course</h1>
          ${failed(letter.message)}
          <p><a href=${coursePath(this.courseId)}>Back to the course</a></p>`;
      case 'ready':
        return this.renderLetter(letter.value);
    }
  }

  private renderLetter(letter: CourseLetter) {
    const placeholders = Object.entries(letter.placeholders);
    return html`
      ${printBar({ href: coursePath(this.courseId), label: '← Back to the course' })}
      <section class="fill-in card" aria-labelledby="fill-in-heading">
        <h1 id="fill-in-heading">Letter before the course</h1>
        <p>Adapt it to your organisation before you send it: replace each place in double braces.</p>
        <dl data-test="placeholders">
          ${placeholders.map(([name, meaning]) => html`<dt>{{${name}}}</dt><dd>${meaning}</dd>`)}
        </dl>
      </section>
      <article class="letter" data-test="letter">${renderMarkdown(letter.markdown)}</article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-letter': MutLetter;
  }
}
