import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { nameOf, presentFacilitators, presentParticipants } from '../live/room-state';
import { shared } from '../shared/styles/shared';
import { ConsolePanel, panelBase } from './console-panel';
import { liveStyles } from '../room/live-common';
import '../shared/mut-confirm';

/** The console's "Who's here": participants (each can be asked to step out, after a confirmation), facilitators, and who stepped out. */
@customElement('mut-console-people')
export class MutConsolePeople extends ConsolePanel {
  static styles = [
    shared,
    liveStyles,
    panelBase,
    css`
      ul.people li mut-confirm {
        flex-basis: 100%;
      }
      h2:focus {
        outline: 3px solid var(--mut-focus);
      }
    `,
  ];

  @state() private confirmingRemove?: string;

  /** Brings the list into view and puts focus on its heading (the top bar's count opens it). */
  async reveal(): Promise<void> {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#people-title');
    heading?.scrollIntoView?.({ block: 'start' });
    heading?.focus();
  }

  private askToRemove(id: string) {
    this.confirmingRemove = this.confirmingRemove === id ? undefined : id;
  }

  private async keep(id: string) {
    this.confirmingRemove = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-remove="${CSS.escape(id)}"]`)?.focus();
  }

  private async removeParticipant(id: string) {
    this.confirmingRemove = undefined;
    await this.run('people', `remove:${id}`, { type: 'participant.remove', participantId: id });
  }

  render() {
    const s = this.state;
    const ended = this.ended;
    const participants = s ? presentParticipants(s) : [];
    const facilitators = s ? presentFacilitators(s) : [];
    const removed = s?.removed ?? [];
    return html`<section class="card people-card" aria-labelledby="people-title">
      <h2 id="people-title" tabindex="-1">Who's here</h2>
      <p class="meta">
        ${participants.length} ${participants.length === 1 ? 'participant' : 'participants'} ·
        ${facilitators.length} ${facilitators.length === 1 ? 'facilitator' : 'facilitators'}
      </p>
      ${
        participants.length
          ? html`<ul class="compact people" aria-label="Participants here">
            ${participants.map((p) => {
              const confirming = this.confirmingRemove === p.id;
              return html`<li data-person=${p.id}>
                <span>${p.name}</span>
                ${
                  ended
                    ? nothing
                    : html`<button
                      class="quiet"
                      type="button"
                      data-remove=${p.id}
                      aria-expanded=${confirming ? 'true' : 'false'}
                      ?disabled=${this.isBusy(`remove:${p.id}`)}
                      @click=${() => this.askToRemove(p.id)}
                    >
                      Ask to step out<span class="visually-hidden">: ${p.name}</span>
                    </button>`
                }
                ${
                  confirming
                    ? html`<mut-confirm
                      confirm-mark="data-confirm-remove"
                      confirm-label=${`Ask ${p.name} to step out`}
                      keep-label="Keep them in"
                      @confirm=${() => this.removeParticipant(p.id)}
                      @keep=${() => this.keep(p.id)}
                    >
                      <p>
                        Ask ${p.name} to step out of the room for now? They can't come back in until a facilitator lets them.
                      </p>
                    </mut-confirm>`
                    : nothing
                }
              </li>`;
            })}
          </ul>`
          : html`<p class="muted">${ended ? 'Everyone left at the end of the day.' : 'No participants have joined yet.'}</p>`
      }
      ${
        facilitators.length
          ? html`<h3>Facilitators</h3>
            <ul class="compact people" aria-label="Facilitators here">
              ${facilitators.map((f) => html`<li><span>${f.name}${f.id === s?.me?.id ? ' (you)' : ''}</span></li>`)}
            </ul>`
          : nothing
      }
      ${
        removed.length && s
          ? html`<h3>Stepped out</h3>
            <ul class="compact people" aria-label="Asked to step out">
              ${removed.map(
                (id) => html`<li data-removed=${id}>
                  <span>${nameOf(s, id) ?? 'Someone'}</span>
                  ${
                    ended
                      ? nothing
                      : html`<button
                        class="quiet"
                        type="button"
                        data-admit=${id}
                        ?disabled=${this.isBusy(`admit:${id}`)}
                        @click=${() => this.run('people', `admit:${id}`, { type: 'participant.admit', participantId: id })}
                      >
                        Let back in<span class="visually-hidden">: ${nameOf(s, id) ?? 'this person'}</span>
                      </button>`
                  }
                </li>`,
              )}
            </ul>`
          : nothing
      }
      ${this.problem('people')}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-console-people': MutConsolePeople;
  }
}
