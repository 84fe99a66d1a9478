/**
 * Calendar subscriptions: the server hands out a private https link to an .ics feed, and
 * calendar apps subscribe to the same feed under the webcal:// scheme.
 */

/** The feed's address made absolute, or undefined unless it is an http(s) address. */
export function feedUrl(url: string, origin: string = window.location.origin): string | undefined {
  try {
    const parsed = new URL(url.trim(), origin);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The same feed as a webcal:// link, which opens the calendar app to subscribe. */
export function webcalUrl(url: string, origin?: string): string | undefined {
  const feed = feedUrl(url, origin);
  return feed ? feed.replace(/^https?:\/\//i, 'webcal://') : undefined;
}
