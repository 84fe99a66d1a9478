import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { dayPath } from '../shared/router';
import { failed, loading, readNow } from '../shared/loadable';
import { loadDay, printBar, type DayOfCourse } from './curricula-common';

/**
 * What the printable pages of one training day share: loading the day when the course or
 * day changes (ignoring answers that arrive after the person moved on), and the loading,
 * failure and print-bar frame around the page's own content.
 */
export abstract class DayPage extends LitElement {
  @property() courseId = '';
  @property({ type: Number }) day = 1;

  /** The day, read again when the course or day changes; only the newest read is shown. */
  private readonly dayRead = new Task(this, {
    args: () => [this.courseId, this.day] as const,
    task: ([courseId, day]) => (courseId ? loadDay(courseId, day) : initialState),
  });

  /** The page's heading when the day cannot be shown. */
  protected abstract readonly pageName: string;

  /** The page itself, once the day has loaded. */
  protected abstract renderDay(value: DayOfCourse): TemplateResult;

  render() {
    const loaded = readNow(this.dayRead);
    if (loaded.state === 'loading') return loading('the day');
    if (loaded.state === 'failed') {
      return html`<h1>${this.pageName}</h1>
        ${failed(loaded.message)}
        <p><a href="/curricula">All curricula</a></p>`;
    }
    return html`${printBar({ href: dayPath(this.courseId, this.day), label: `Back to day ${this.day}` })}
      ${this.renderDay(loaded.value)}`;
  }
}
