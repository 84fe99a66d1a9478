/**
 * Test support (not a test itself): every feature's REST endpoints over one request core with
 * the given fetch, for tests that follow several endpoints' paths and headers at once.
 */
import { createCohortApi } from '../cohort/api';
import { createConsoleApi } from '../console/api';
import { createCurriculaApi } from '../curricula/api';
import { createIdentityApi } from '../identity/api';
import { createRegistrationApi } from '../registration/api';
import { createRoomApi } from '../room/api';
import { Http } from '../shared/api/http';

export function apiClients(fetchFn: typeof fetch) {
  const http = new Http(fetchFn);
  return {
    ...createCohortApi(http),
    ...createConsoleApi(http),
    ...createCurriculaApi(http),
    ...createIdentityApi(http),
    ...createRegistrationApi(http),
    ...createRoomApi(http),
  };
}
