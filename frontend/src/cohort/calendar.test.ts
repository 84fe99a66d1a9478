import { describe, expect, it } from 'vitest';
import { feedUrl, webcalUrl } from './calendar';

describe('calendar links', () => {
  it('turns an https feed into a webcal link', () => {
    expect(webcalUrl('https://mutuality.example/api/calendars/abc.ics')).toBe('webcal://mutuality.example/api/calendars/abc.ics');
  });

  it('turns an http feed into a webcal link too', () => {
    expect(webcalUrl('http://localhost:8080/api/calendars/abc.ics')).toBe('webcal://localhost:8080/api/calendars/abc.ics');
  });

  it('makes a path on this site absolute', () => {
    expect(feedUrl('/api/calendars/abc.ics', 'https://mutuality.example')).toBe(
      'https://mutuality.example/api/calendars/abc.ics',
    );
    expect(webcalUrl('/api/calendars/abc.ics', 'https://mutuality.example')).toBe(
      'webcal://mutuality.example/api/calendars/abc.ics',
    );
  });

  it('offers no link for an address that is not http(s)', () => {
    expect(feedUrl('javascript:alert(1)')).toBeUndefined();
    expect(webcalUrl('javascript:alert(1)')).toBeUndefined();
  });
});
