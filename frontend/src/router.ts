/** The places in the app, one per audience, addressed by ordinary paths. */
export type Route =
  | { name: 'home' }
  | { name: 'organisation' }
  | { name: 'facilitator' }
  | { name: 'join'; code?: string }
  | { name: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/organisation') return { name: 'organisation' };
  if (path === '/facilitator') return { name: 'facilitator' };
  if (path === '/join') return { name: 'join' };
  const join = /^\/join\/([^/]+)$/.exec(path);
  if (join) return { name: 'join', code: decodeURIComponent(join[1]) };
  return { name: 'not-found', path };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'join':
      return route.code ? `/join/${encodeURIComponent(route.code)}` : '/join';
    case 'not-found':
      return route.path;
    default:
      return `/${route.name}`;
  }
}

/** Moves to a path without reloading and tells the app shell. */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
