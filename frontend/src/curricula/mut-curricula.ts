import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { curriculaApi } from './api';
import type { Course } from './types';
import { coursePath } from '../shared/router';
import { shared } from '../shared/styles/shared';
import { courseFacts, factsStyles } from './curricula-common';
import { failed, load, loading, type Loadable } from '../shared/loadable';

/** The courses Mutuality can run, for anyone deciding what to offer or whether to come. */
@customElement('mut-curricula')
export class MutCurricula extends LitElement {
  static styles = [
    shared,
    factsStyles,
    css`
      ul.courses {
        list-style: none;
        margin: var(--mut-space-8) 0 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 30rem), 1fr));
        gap: var(--mut-space-6);
      }
      ul.courses li {
        display: flex;
        flex-direction: column;
        min-width: 0;
      }
      ul.courses h2 {
        font-size: var(--mut-text-xl);
      }
      ul.courses h2 a {
        color: var(--mut-ink);
        text-decoration: none;
      }
      ul.courses h2 a:hover {
        color: var(--mut-primary-strong);
        text-decoration: underline;
      }
      ul.courses .actions {
        margin-top: auto;
      }
      section.resources {
        margin-top: var(--mut-space-12);
      }
      section.resources ul {
        padding-left: var(--mut-space-6);
      }
      section.resources li {
        margin-bottom: var(--mut-space-2);
      }
      @media (max-width: 640px) {
        ul.courses .card {
          padding: var(--mut-space-4);
        }
      }
    `,
  ];

  @state() private courses: Loadable<Course[]> = { state: 'loading' };

  connectedCallback(): void {
    super.connectedCallback();
    load(() => curriculaApi.courses()).then((courses) => (this.courses = courses));
  }

  render() {
    return html`
      <h1>Curricula</h1>
      <p class="lede">
        The Intentional Peer Support courses Mutuality can run: who each one is for, what comes before it, and how
        every day unfolds.
      </p>
      ${this.renderCourses()}
      <section class="resources" aria-labelledby="resources-heading">
        <h2 id="resources-heading">To print, for trainers</h2>
        <p>For rooms where people work on paper rather than on their devices.</p>
        <ul>
          <li><a href="/curricula/role-cards">Role cards for the role-play scenarios</a></li>
          <li><a href="/curricula/observer-sheet">An observer sheet, set out by the four tasks</a></li>
        </ul>
        <p class="hint">Each day's agenda and participant handout are printed from the course's own page.</p>
      </section>
    `;
  }

  private renderCourses() {
    const courses = this.courses;
    if (courses.state === 'loading') return loading('the courses');
    if (courses.state === 'failed') return failed(courses.message);
    if (courses.value.length === 0) return html`<p>No courses are available yet.</p>`;
    return html`<ul class="courses">
      ${courses.value.map(
        (c) => html`<li class="card" data-course=${c.id}>
          <h2><a href=${coursePath(c.id)}>${c.title}</a></h2>
          <p>${c.summary}</p>
          ${courseFacts(c, courses.value)}
          <p class="actions">
            <a class="button secondary" href=${coursePath(c.id)}
              >See the days<span class="visually-hidden"> of ${c.title}</span></a
            >
          </p>
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-curricula': MutCurricula;
  }
}
