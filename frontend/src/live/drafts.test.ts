import { afterEach, describe, expect, it } from 'vitest';
import { DRAFTS_PREFIX, DRAFT_MAX_AGE_MS, DraftStore, forgetDraftsInMemory, pruneOldDrafts } from './drafts';

const T0 = Date.parse('2027-01-04T10:00:00Z');

describe('DraftStore', () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    forgetDraftsInMemory();
  });

  it('keeps what was typed in localStorage, so a closed tab and a new one find it', () => {
    const store = new DraftStore('KMR7TX', 'p-ana', () => T0);
    store.update((d) => ({ ...d, answer: { checkinId: 'k1', word: 'tired', sentence: 'Half a thought' } }));
    store.update((d) => ({ ...d, rewrites: { 'x1/s1': 'What happened was' } }));
    forgetDraftsInMemory(); // the tab is closed
    const reopened = new DraftStore('KMR7TX', 'p-ana');
    expect(reopened.value.answer).toMatchObject({ checkinId: 'k1', word: 'tired', sentence: 'Half a thought' });
    expect(reopened.value.rewrites).toEqual({ 'x1/s1': 'What happened was' });
    expect(localStorage.getItem(`${DRAFTS_PREFIX}KMR7TX:p-ana`)).toContain('Half a thought');
  });

  it('keeps each room and each person apart', () => {
    new DraftStore('KMR7TX', 'p-ana').update((d) => ({ ...d, journal: 'in one room' }));
    expect(new DraftStore('OTHER1', 'p-ana').value.journal).toBe('');
    expect(new DraftStore('KMR7TX', 'p-ben').value.journal).toBe('');
  });

  it('leaves nothing in storage once nothing is left to keep (the server has it)', () => {
    const store = new DraftStore('KMR7TX', 'p-ana');
    store.update((d) => ({ ...d, answer: { checkinId: 'k1', word: 'tired', sentence: '' } }));
    store.update((d) => ({ ...d, answer: undefined }));
    expect(localStorage.getItem(store.key)).toBeNull();
    forgetDraftsInMemory();
    expect(store.value.answer).toBeUndefined();
  });

  it('picks up drafts an older page kept in sessionStorage, and moves them', () => {
    sessionStorage.setItem(`${DRAFTS_PREFIX}KMR7TX:p-ana`, JSON.stringify({ journal: 'from before', outbox: [] }));
    const store = new DraftStore('KMR7TX', 'p-ana', () => T0);
    expect(store.value.journal).toBe('from before');
    store.update((d) => ({ ...d, journal: d.journal + '!' }));
    expect(sessionStorage.getItem(store.key)).toBeNull();
    expect(JSON.parse(localStorage.getItem(store.key)!).journal).toBe('from before!');
  });

  it('clearing forgets the room everywhere (the day has ended)', () => {
    const store = new DraftStore('KMR7TX', 'p-ana');
    store.update((d) => ({ ...d, journal: 'private' }));
    store.clear();
    expect(localStorage.getItem(store.key)).toBeNull();
    expect(store.value.journal).toBe('');
  });

  it('survives storage that refuses, keeping the words in memory for this page', () => {
    const store = new DraftStore('KMR7TX', 'p-ana');
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    try {
      store.update((d) => ({ ...d, journal: 'still here' }));
    } finally {
      Storage.prototype.setItem = original;
    }
    expect(store.value.journal).toBe('still here');
  });
});

describe('pruneOldDrafts', () => {
  afterEach(() => {
    localStorage.clear();
    forgetDraftsInMemory();
  });

  it('removes drafts untouched for more than a day and keeps the recent ones and everything else', () => {
    new DraftStore('OLD111', 'p-ana', () => T0).update((d) => ({ ...d, journal: 'yesterday' }));
    new DraftStore('NEW222', 'p-ana', () => T0 + DRAFT_MAX_AGE_MS).update((d) => ({ ...d, journal: 'today' }));
    localStorage.setItem(`${DRAFTS_PREFIX}BROKEN:p-ana`, '{not json');
    localStorage.setItem('mutuality.participant', 'not a draft');
    expect(pruneOldDrafts(T0 + DRAFT_MAX_AGE_MS + 1)).toBe(2);
    expect(localStorage.getItem(`${DRAFTS_PREFIX}OLD111:p-ana`)).toBeNull();
    expect(localStorage.getItem(`${DRAFTS_PREFIX}BROKEN:p-ana`)).toBeNull();
    expect(new DraftStore('OLD111', 'p-ana').value.journal).toBe('');
    expect(new DraftStore('NEW222', 'p-ana').value.journal).toBe('today');
    expect(localStorage.getItem('mutuality.participant')).toBe('not a draft');
  });
});
