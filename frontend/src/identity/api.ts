import { http as defaultHttp, type Http } from '../shared/api/http';
import { org, qualifications } from '../shared/api/paths';
import type {
  AcceptInvitationRequest,
  AuditEntry,
  ChangePasswordRequest,
  Invitation,
  InvitationSent,
  InvitationView,
  InviteRequest,
  Member,
  Organisation,
  Qualification,
  QualificationRequest,
  Role,
  SessionView,
  SignInRequest,
} from './types';

/** The identity part of the REST API under /api, over one request core. */
export function createIdentityApi(http: Http) {
  return {
    signIn(request: SignInRequest): Promise<SessionView> {
      return http.send('POST', '/session', { body: request });
    },

    /** Who is signed in; a 401 (`not-signed-in`) when nobody is. */
    session(): Promise<SessionView> {
      return http.get('/session');
    },

    signOut(): Promise<void> {
      return http.send('DELETE', '/session');
    },

    changePassword(request: ChangePasswordRequest): Promise<void> {
      return http.send('PUT', '/session/password', { body: request });
    },

    /** The organisations the signed-in person belongs to. */
    organisations(): Promise<Organisation[]> {
      return http.get('/organisations');
    },

    members(organisationId: string): Promise<Member[]> {
      return http.get(`${org(organisationId)}/members`);
    },

    changeRole(organisationId: string, accountId: string, role: Role): Promise<Member> {
      return http.send('PUT', `${org(organisationId)}/members/${encodeURIComponent(accountId)}`, { body: { role } });
    },

    /** `unbook`: also take them off cohorts that have not finished (otherwise the server refuses, listing them). */
    removeMember(organisationId: string, accountId: string, unbook = false): Promise<void> {
      return http.send(
        'DELETE',
        `${org(organisationId)}/members/${encodeURIComponent(accountId)}${unbook ? '?bookings=unbook' : ''}`,
      );
    },

    /** What a member has completed (Core, Train-the-Trainer), with the evidence. */
    qualifications(organisationId: string, accountId: string): Promise<Qualification[]> {
      return http.get(qualifications(organisationId, accountId));
    },

    /** Records a member's qualification with its evidence; 409 when it is already recorded (admins). */
    recordQualification(organisationId: string, accountId: string, request: QualificationRequest): Promise<Qualification> {
      return http.send('POST', qualifications(organisationId, accountId), { body: request });
    },

    invitations(organisationId: string): Promise<Invitation[]> {
      return http.get(`${org(organisationId)}/invitations`);
    },

    /** 201 with emailSent; when the email could not be sent, the answer carries the link for the admin to pass on. */
    invite(organisationId: string, request: InviteRequest): Promise<InvitationSent> {
      return http.send('POST', `${org(organisationId)}/invitations`, { body: request });
    },

    withdrawInvitation(organisationId: string, invitationId: string): Promise<void> {
      return http.send('DELETE', `${org(organisationId)}/invitations/${encodeURIComponent(invitationId)}`);
    },

    /** What happened in the organisation, newest first. */
    audit(organisationId: string): Promise<AuditEntry[]> {
      return http.get(`${org(organisationId)}/audit`);
    },

    invitation(token: string): Promise<InvitationView> {
      return http.get(`/invitations/${encodeURIComponent(token)}`);
    },

    /** Accepts and signs the person in. */
    acceptInvitation(token: string, request: AcceptInvitationRequest): Promise<SessionView> {
      return http.send('POST', `/invitations/${encodeURIComponent(token)}/accept`, { body: request });
    },
  };
}

export type IdentityApi = ReturnType<typeof createIdentityApi>;

export const identityApi = createIdentityApi(defaultHttp);
