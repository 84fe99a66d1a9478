/** The places in the app, one per audience, addressed by ordinary paths. */
export type Route =
  | { name: 'home' }
  | { name: 'organisation' }
  | { name: 'members' }
  | { name: 'facilitator' }
  | { name: 'join'; code?: string }
  | { name: 'sign-in' }
  | { name: 'account' }
  | { name: 'invitation'; token: string }
  | { name: 'not-found'; path: string };

const FIXED: Record<string, Route> = {
  '/': { name: 'home' },
  '/organisation': { name: 'organisation' },
  '/organisation/members': { name: 'members' },
  '/facilitator': { name: 'facilitator' },
  '/join': { name: 'join' },
  '/sign-in': { name: 'sign-in' },
  '/account': { name: 'account' },
};

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  const fixed = FIXED[path];
  if (fixed) return { ...fixed };
  const join = /^\/join\/([^/]+)$/.exec(path);
  if (join) return { name: 'join', code: decode(join[1]) };
  const invitation = /^\/invitation\/([^/]+)$/.exec(path);
  if (invitation) return { name: 'invitation', token: decode(invitation[1]) };
  return { name: 'not-found', path };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'members':
      return '/organisation/members';
    case 'join':
      return route.code ? `/join/${encodeURIComponent(route.code)}` : '/join';
    case 'invitation':
      return `/invitation/${encodeURIComponent(route.token)}`;
    case 'not-found':
      return route.path;
    default:
      return `/${route.name}`;
  }
}

/**
 * A `?next=` value that is safe to go to after signing in: a path on this site only
 * ("/…" but never "//…" or "/\…", which browsers read as another host). Anything else: undefined.
 */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (/[\u0000-\u001f\u007f]/.test(next)) return undefined;
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin) return undefined;
    return url.pathname + url.search + url.hash;
  } catch {
    return undefined;
  }
}

/** The sign-in page's address, coming back to `path` afterwards. */
export function signInPath(path: string): string {
  const next = safeNextPath(path);
  return next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}

/** Moves to a path (with any query) without reloading and tells the app shell. */
export function navigate(path: string): void {
  const here = window.location.pathname + window.location.search;
  if (path === here) return;
  window.history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
