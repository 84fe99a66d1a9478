/** Parts of the participant's role-play that need nothing but what they are given. */
import { html, nothing } from 'lit';
import { roleWords } from '../curricula/curriculum';
import type { RoleplayGroupLayout } from '../live/protocol';
import { currentRoles, listenersOf } from '../live/roleplay-state';
import type { Roleplay } from '../live/room-state';

/** The names of a group's members, this person called "you". */
export function memberNames(g: RoleplayGroupLayout, me: string | undefined): string {
  if (!g.members.length) return 'Nobody yet';
  return g.members.map((m) => (m.participantId === me ? 'You' : m.facilitator ? `${m.name} (facilitator)` : m.name)).join(', ');
}

/** Who is in this person's group this round, and in which role. */
export function groupView(r: Roleplay, group: RoleplayGroupLayout, myId: string | undefined) {
  const roles = currentRoles(r, group.groupId);
  const roleOf = (id: string) => roles.find((x) => x.participantId === id)?.role;
  const listeners = listenersOf(r, group.groupId);
  return html`<h3 data-test="roleplay-my-group">Your group: ${group.name}</h3>
    <ul class="plain group-members" aria-label="Who plays what this round">
      ${group.members.map((m) => {
        const role = roleOf(m.participantId);
        const me = m.participantId === myId;
        return html`<li class=${me ? 'me' : ''} data-person=${m.participantId}>
          <span>${me ? 'You' : m.name}${m.facilitator ? ' (facilitator)' : ''}</span>
          <span class="role">${role ? roleWords(role) : 'Role to come'}</span>
        </li>`;
      })}
    </ul>
    ${
      listeners.length
        ? html`<p class="listening" role="status">${listeners.map((l) => l.name).join(' and ')} ${listeners.length === 1 ? 'is' : 'are'} listening in.</p>`
        : nothing
    }`;
}

/** What groups chose to share with the whole room. */
export function roomSharesView(r: Roleplay) {
  return html`<h3>What the groups shared with the room</h3>
    ${
      r.shares.length
        ? html`<ul class="plain" data-test="roleplay-room-shares" aria-label="What the groups shared">
          ${r.shares.map(
            (s) => html`<li class="share-item" data-test="roleplay-room-share">
              <p>${s.text}</p>
              <p class="status-line">— ${s.groupName}</p>
            </li>`,
          )}
        </ul>`
        : html`<p class="muted" data-test="roleplay-room-shares">Nothing has been shared with the room yet. That's fine too.</p>`
    }`;
}
