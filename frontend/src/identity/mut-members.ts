import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { live } from 'lit/directives/live.js';
import { identityApi } from './api';
import type { AuditEntry, Member, Qualification, QualificationKind, Role } from './types';
import { ApiError } from '../shared/api/http';
import { newestFirst } from './audit';
import { formatInstantDate, roleWords } from '../shared/format';
import { QUALIFICATION_KINDS, qualificationWords, recordedWords } from './qualification-words';
import { SessionController } from './session';
import { shared } from '../shared/styles/shared';
import { field, focusFirstInvalid } from '../shared/fields';
import { failed, load, loading, type Loadable } from '../shared/loadable';
import '../shared/mut-confirm';
import './mut-member-invitations';
import { activityView, stillBookedView, type StillBooked } from './members-views';
import { membersStyles } from './mut-members-styles';

const ROLES: Role[] = ['ORG_ADMIN', 'TRAINER'];

/** Something said beside one person or one invitation: a clash the server reported, for example. */
interface InlineNotice {
  id: string;
  message: string;
}

/** For organisation admins: who belongs, who is invited, and what has happened. */
@customElement('mut-members')
export class MutMembers extends LitElement {
  static styles = [shared, membersStyles];

  private readonly session = new SessionController(this);

  @state() private members: Loadable<Member[]> = { state: 'loading' };
  @state() private activity: Loadable<AuditEntry[]> = { state: 'loading' };
  @state() private forbidden = false;
  @state() private busy = new Set<string>();
  @state() private confirming?: string;
  @state() private memberNotice?: InlineNotice;
  /** A removal the server refused because the member is still booked on cohorts that have not finished. */
  @state() private stillBooked?: StillBooked;
  @state() private announcement = '';

  /** Each member's qualifications, by account id. */
  @state() private qualifications = new Map<string, Loadable<Qualification[]>>();
  /** The member whose record-a-qualification form is open. */
  @state() private recordingFor?: string;
  @state() private recordKind: QualificationKind = 'CORE';
  @state() private recordEvidence = '';
  @state() private recordError?: string;
  @state() private recordProblem?: string;
  @state() private recording = false;

  /** The organisation the page shows; its members, invitations and activity are read for it. */
  private loadedFor?: string;

  /*
   * Reading through @lit/task: a task reads again when its organisation changes (or when asked
   * to run), and only its newest read is taken, so an older read answering late changes nothing.
   */
  protected readonly membersRead = new Task(this, {
    args: () => [this.loadedFor] as const,
    task: ([organisationId]) => (organisationId ? identityApi.members(organisationId) : initialState),
    onComplete: (value) => {
      this.members = { state: 'ready', value };
      for (const m of value) this.loadQualifications(this.loadedFor!, m.accountId);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 403) this.forbidden = true;
      this.members = { state: 'failed', message: messageOf(e) };
    },
  });

  /** What has changed, newest first; run again after each change made here. */
  protected readonly activityRead = new Task(this, {
    args: () => [this.loadedFor] as const,
    task: ([organisationId]) =>
      organisationId ? load(async () => newestFirst(await identityApi.audit(organisationId))) : initialState,
    onComplete: (value) => (this.activity = value),
  });

  protected willUpdate(): void {
    const store = this.session.store;
    const organisationId = store.organisationId;
    if (organisationId && store.isOrgAdmin && organisationId !== this.loadedFor) this.showOrganisation(organisationId);
  }

  /** Starts afresh for another organisation; the reads follow, as their argument has changed. */
  private showOrganisation(organisationId: string) {
    this.loadedFor = organisationId;
    this.forbidden = false;
    this.confirming = undefined;
    this.memberNotice = undefined;
    this.announcement = '';
    this.recordingFor = undefined;
    this.qualifications = new Map();
    this.members = { state: 'loading' };
    this.activity = { state: 'loading' };
  }

  private async loadQualifications(organisationId: string, accountId: string) {
    const next = await load(() => identityApi.qualifications(organisationId, accountId));
    if (this.loadedFor !== organisationId) return;
    this.setQualifications(accountId, next);
  }

  private setQualifications(accountId: string, value: Loadable<Qualification[]>) {
    const map = new Map(this.qualifications);
    map.set(accountId, value);
    this.qualifications = map;
  }

  private reloadActivity() {
    if (this.loadedFor) this.activityRead.run();
  }

  render() {
    const store = this.session.store;
    const membership = store.membership;
    if (!membership) {
      return html`<h1>Members</h1>
        <p>You are not part of an organisation yet. When an organisation admin invites you, it appears here.</p>`;
    }
    if (membership.role !== 'ORG_ADMIN' || this.forbidden) {
      return html`<h1>Members of ${membership.organisationName}</h1>
        <p>
          Inviting people and changing roles is for the organisation's admins. If something needs changing, an
          admin of ${membership.organisationName} can help.
        </p>
        <p><a href="/organisation">Back to cohorts</a></p>`;
    }
    return html`
      <h1>Members of ${membership.organisationName}</h1>
      <p class="lede">The trainers and admins who work here, the people you've invited, and what has changed.</p>
      <div role="status">${this.announcement ? html`<p class="notice calm">${this.announcement}</p>` : nothing}</div>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        ${this.renderMembers()}
      </section>
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Invitations</h2>
        <mut-member-invitations
          .organisationId=${this.loadedFor ?? ''}
          @members-announce=${(e: CustomEvent<string>) => (this.announcement = e.detail)}
          @members-changed=${() => this.afterChange()}
        ></mut-member-invitations>
      </section>
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity</h2>
        ${activityView(this.activity)}
      </section>
    `;
  }

  /* ---- members ---- */

  private renderMembers() {
    if (this.members.state === 'loading') return loading('members');
    if (this.members.state === 'failed') return failed(this.members.message);
    const me = this.session.store.session?.account.id;
    return html`<ul class="rows">
      ${this.members.value.map((m) => this.renderMember(m, m.accountId === me))}
    </ul>`;
  }

  private renderMember(m: Member, isMe: boolean) {
    const id = m.accountId;
    const busy = this.busy.has(id);
    const notice = this.memberNotice?.id === id ? this.memberNotice.message : undefined;
    return html`<li class="card row member" data-member=${id}>
      <div class="who">
        <strong>${m.displayName}${isMe ? ' (you)' : ''}</strong>
        <span class="muted">${m.email}</span>
        <span class="muted">· member since ${formatInstantDate(m.since)}</span>
      </div>
      <div class="role">
        <label for="role-${id}">Role<span class="visually-hidden"> for ${m.displayName}</span></label>
        <select
          id="role-${id}"
          .value=${live(m.role)}
          ?disabled=${busy}
          aria-describedby=${notice ? `member-notice-${id}` : nothing}
          @change=${(e: Event) => this.changeRole(m, (e.target as HTMLSelectElement).value as Role)}
        >
          ${ROLES.map((r) => html`<option value=${r} ?selected=${r === m.role}>${roleWords(r)}</option>`)}
        </select>
      </div>
      <div>
        <button
          class="button secondary"
          type="button"
          id="remove-${id}"
          ?disabled=${busy}
          aria-expanded=${this.confirming === id ? 'true' : 'false'}
          @click=${() => this.askToRemove(id)}
        >
          Remove<span class="visually-hidden"> ${m.displayName}</span>
        </button>
      </div>
      ${
        this.confirming === id
          ? html`<mut-confirm
            confirm-mark="data-confirm-remove"
            confirm-label=${isMe ? 'Remove me' : `Remove ${m.displayName}`}
            keep-label=${isMe ? 'Keep me' : `Keep ${m.displayName}`}
            ?busy=${busy}
            @confirm=${() => this.removeMember(m)}
            @keep=${() => this.keep(id)}
          >
            <p>
              ${
                isMe
                  ? html`Remove yourself from ${this.session.store.membership?.organisationName}? You'll no longer see its
                  cohorts.`
                  : html`Remove ${m.displayName} from ${this.session.store.membership?.organisationName}? They'll no
                  longer see its cohorts. You can invite them again later.`
              }
            </p>
          </mut-confirm>`
          : nothing
      }
      ${notice ? html`<p class="notice" role="alert" id="member-notice-${id}">${notice}</p>` : nothing}
      ${stillBookedView(m, this.stillBooked, busy, {
        removeAndUnbook: () => this.removeMember(m, true),
        keep: () => this.keepBooked(m.accountId),
      })}
      ${this.renderQualifications(m)}
    </li>`;
  }

  /* ---- qualifications ---- */

  private renderQualifications(m: Member) {
    const id = m.accountId;
    const list = this.qualifications.get(id) ?? { state: 'loading' };
    const admin = this.session.store.isOrgAdmin;
    const missing = this.missingKinds(id);
    const open = this.recordingFor === id;
    return html`<div class="qualifications" data-test="qualifications">
      <h3 id="qualifications-${id}">Qualifications<span class="visually-hidden"> of ${m.displayName}</span></h3>
      ${
        list.state === 'loading'
          ? html`<p class="muted">Loading qualifications…</p>`
          : list.state === 'failed'
            ? html`<p class="muted">The qualifications could not be loaded: ${list.message}</p>`
            : list.value.length
              ? html`<ul aria-labelledby="qualifications-${id}">
                ${list.value.map(
                  (q) => html`<li data-test="qualification" data-kind=${q.kind}>
                    <span class="kind">${qualificationWords(q.kind)}</span>
                    <span class="muted">· evidence: <span data-test="qualification-evidence-text">${q.evidence}</span> ·
                      ${recordedWords(q)}</span
                    >
                  </li>`,
                )}
              </ul>`
              : html`<p class="muted">No qualifications recorded yet.</p>`
      }
      ${
        admin && list.state === 'ready' && missing.length
          ? html`<div>
            <button
              class="quiet"
              type="button"
              id="record-${id}"
              data-test="record-qualification"
              aria-expanded=${open ? 'true' : 'false'}
              @click=${() => this.toggleRecord(id, missing)}
            >
              Record a qualification<span class="visually-hidden"> for ${m.displayName}</span>
            </button>
          </div>`
          : nothing
      }
      ${admin && open && missing.length ? this.renderRecordForm(m, missing) : nothing}
      ${open && this.recordProblem ? html`<p class="notice" role="alert">${this.recordProblem}</p>` : nothing}
    </div>`;
  }

  private renderRecordForm(m: Member, kinds: QualificationKind[]) {
    const id = m.accountId;
    const chosen = kinds.includes(this.recordKind) ? this.recordKind : kinds[0];
    return html`<form
      class="record"
      novalidate
      data-test="qualification-form"
      aria-label="Record a qualification for ${m.displayName}"
      @submit=${(e: Event) => this.record(e, m)}
    >
      <div>
        <label for="qualification-kind-${id}">Qualification</label>
        <select
          id="qualification-kind-${id}"
          data-test="qualification-kind"
          .value=${live(chosen)}
          @change=${(e: Event) => (this.recordKind = (e.target as HTMLSelectElement).value as QualificationKind)}
        >
          ${kinds.map((k) => html`<option value=${k} ?selected=${k === chosen}>${qualificationWords(k)}</option>`)}
        </select>
      </div>
      ${field({
        id: `qualification-evidence-${id}`,
        label: 'Evidence',
        hint: 'For example the certificate code, or who trained them and when.',
        value: this.recordEvidence,
        onInput: (v) => {
          this.recordEvidence = v;
          this.recordError = undefined;
        },
        error: this.recordError,
        maxlength: 500,
        test: 'qualification-evidence',
      })}
      <div class="actions">
        <button class="button" type="submit" data-test="qualification-submit" ?disabled=${this.recording}>
          Record it
        </button>
        <button class="button secondary" type="button" @click=${() => this.closeRecord(id)}>Not now</button>
      </div>
    </form>`;
  }

  private async toggleRecord(accountId: string, missing: QualificationKind[]) {
    if (this.recordingFor === accountId) {
      this.closeRecord(accountId);
      return;
    }
    this.recordingFor = accountId;
    this.recordKind = missing[0];
    this.recordEvidence = '';
    this.recordError = undefined;
    this.recordProblem = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#qualification-kind-${CSS.escape(accountId)}`)?.focus();
  }

  private async closeRecord(accountId: string) {
    this.recordingFor = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#record-${CSS.escape(accountId)}`)?.focus();
  }

  /** The kinds not yet recorded for a member. */
  private missingKinds(accountId: string): QualificationKind[] {
    const list = this.qualifications.get(accountId);
    const recorded = new Set(list?.state === 'ready' ? list.value.map((q) => q.kind) : []);
    return QUALIFICATION_KINDS.filter((k) => !recorded.has(k));
  }

  private async record(event: Event, member: Member) {
    event.preventDefault();
    const organisationId = this.loadedFor;
    if (!organisationId || this.recording) return;
    const missing = this.missingKinds(member.accountId);
    const kind = missing.includes(this.recordKind) ? this.recordKind : missing[0];
    if (!kind) return;
    const evidence = this.recordEvidence.trim();
    this.recordProblem = undefined;
    this.announcement = '';
    if (!evidence) {
      this.recordError = 'Give the evidence, for example the certificate code.';
      focusFirstInvalid(this);
      return;
    }
    this.recording = true;
    try {
      const answer = await identityApi.recordQualification(organisationId, member.accountId, { kind, evidence });
      const recorded: Qualification = answer ?? { kind, evidence, source: 'entered', recordedAt: new Date().toISOString() };
      const current = this.qualifications.get(member.accountId);
      const list = current?.state === 'ready' ? current.value.filter((q) => q.kind !== recorded.kind) : [];
      this.setQualifications(member.accountId, { state: 'ready', value: [...list, recorded] });
      this.announcement = `Recorded for ${member.displayName}: ${qualificationWords(recorded.kind)}.`;
      this.recordingFor = undefined;
      this.reloadActivity();
      await this.updateComplete;
      // the record button goes once every kind is recorded; then focus rests on the row's Remove button
      const next =
        this.renderRoot.querySelector<HTMLElement>(`#record-${CSS.escape(member.accountId)}`) ??
        this.renderRoot.querySelector<HTMLElement>(`#remove-${CSS.escape(member.accountId)}`);
      next?.focus();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.status === 422) && e.fieldMessage('evidence')) {
        this.recordError = e.fieldMessage('evidence');
        focusFirstInvalid(this);
      } else {
        this.recordProblem = messageOf(e);
        if (e instanceof ApiError && e.status === 409) this.loadQualifications(organisationId, member.accountId);
      }
    } finally {
      this.recording = false;
    }
  }

  private setBusy(id: string, on: boolean) {
    const next = new Set(this.busy);
    if (on) next.add(id);
    else next.delete(id);
    this.busy = next;
  }

  private async changeRole(member: Member, role: Role) {
    const organisationId = this.loadedFor;
    if (!organisationId || role === member.role) return;
    this.memberNotice = undefined;
    this.announcement = '';
    this.setBusy(member.accountId, true);
    try {
      const updated = await identityApi.changeRole(organisationId, member.accountId, role);
      this.replaceMember({ ...member, ...updated });
      this.announcement = `${updated.displayName ?? member.displayName} is now ${article(role)} ${roleWords(role).toLowerCase()}.`;
      this.afterChange(member.accountId);
    } catch (e) {
      this.memberNotice = { id: member.accountId, message: messageOf(e) };
      this.requestUpdate(); // puts the select back to the role the person still has
    } finally {
      this.setBusy(member.accountId, false);
    }
  }

  private askToRemove(id: string) {
    this.memberNotice = undefined;
    this.confirming = this.confirming === id ? undefined : id;
  }

  private async keep(id: string) {
    this.confirming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#remove-${CSS.escape(id)}`)?.focus();
  }

  private async removeMember(member: Member, unbook = false) {
    const organisationId = this.loadedFor;
    if (!organisationId) return;
    this.setBusy(member.accountId, true);
    this.announcement = '';
    this.stillBooked = undefined;
    try {
      await identityApi.removeMember(organisationId, member.accountId, unbook);
      this.confirming = undefined;
      if (this.members.state === 'ready') {
        this.members = { state: 'ready', value: this.members.value.filter((m) => m.accountId !== member.accountId) };
      }
      this.announcement = `${member.displayName} is no longer a member.`;
      this.afterChange(member.accountId);
    } catch (e) {
      this.confirming = undefined;
      const cohorts =
        e instanceof ApiError && e.status === 409
          ? (e.problem.errors ?? []).filter((f) => f.field.startsWith('bookings[')).map((f) => f.message)
          : [];
      if (cohorts.length) {
        this.stillBooked = { id: member.accountId, message: messageOf(e), cohorts };
      } else {
        this.memberNotice = { id: member.accountId, message: messageOf(e) };
      }
    } finally {
      this.setBusy(member.accountId, false);
    }
  }

  private async keepBooked(id: string) {
    this.stillBooked = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#remove-${CSS.escape(id)}`)?.focus();
  }

  private replaceMember(updated: Member) {
    if (this.members.state !== 'ready') return;
    this.members = {
      state: 'ready',
      value: this.members.value.map((m) => (m.accountId === updated.accountId ? updated : m)),
    };
  }

  /** Activity changes with every action; the person's own session changes if it was about them. */
  private afterChange(accountId?: string) {
    this.reloadActivity();
    if (accountId && accountId === this.session.store.session?.account.id) this.session.store.refresh();
  }

  /* ---- activity ---- */
}

function article(role: Role): string {
  return role === 'ORG_ADMIN' ? 'an' : 'a';
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : 'Something went wrong. Please try again.';
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-members': MutMembers;
  }
}
