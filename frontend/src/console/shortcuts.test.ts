import { describe, expect, it } from 'vitest';
import { SHORTCUTS, nextSlot, shortcutFor } from './shortcuts';

const key = (k: string, over: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  repeat: false,
  ...over,
});

describe('console shortcuts', () => {
  it('maps plain keys to the console’s common acts', () => {
    expect(shortcutFor(key('1'), document.body)).toEqual({ kind: 'timer', minutes: 1 });
    expect(shortcutFor(key('3'), document.body)).toEqual({ kind: 'timer', minutes: 3 });
    expect(shortcutFor(key('5'), document.body)).toEqual({ kind: 'timer', minutes: 5 });
    expect(shortcutFor(key('0'), document.body)).toEqual({ kind: 'timer', minutes: 10 });
    expect(shortcutFor(key('p'), document.body)).toEqual({ kind: 'pause-timer' });
    expect(shortcutFor(key('N'), document.body)).toEqual({ kind: 'next-slot' });
    expect(shortcutFor(key('/'), document.body)).toEqual({ kind: 'find' });
    expect(shortcutFor(key('f'), document.body)).toEqual({ kind: 'find' });
    expect(shortcutFor(key('?'), document.body)).toEqual({ kind: 'help' });
    expect(shortcutFor(key('2'), document.body)).toBeUndefined();
    expect(shortcutFor(key('Enter'), document.body)).toBeUndefined();
  });

  it('leaves keys alone while someone types, with a modifier, or when a key is held down', () => {
    for (const tag of ['input', 'textarea', 'select']) {
      expect(shortcutFor(key('3'), document.createElement(tag))).toBeUndefined();
    }
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    document.body.append(editable);
    expect(shortcutFor(key('n'), editable)).toBeUndefined();
    editable.remove();
    expect(shortcutFor(key('3', { ctrlKey: true }), document.body)).toBeUndefined();
    expect(shortcutFor(key('n', { altKey: true }), document.body)).toBeUndefined();
    expect(shortcutFor(key('f', { metaKey: true }), document.body)).toBeUndefined();
    expect(shortcutFor(key('3', { repeat: true }), document.body)).toBeUndefined();
    // a button is not a text field: the keys work with focus on one
    expect(shortcutFor(key('3'), document.createElement('button'))).toEqual({ kind: 'timer', minutes: 3 });
  });

  it('lists every key it acts on in the help overlay', () => {
    const listed = SHORTCUTS.flatMap((s) => s.keys.map((k) => k.toLowerCase()));
    for (const k of ['1', '3', '5', '0', 'p', 'n', 'f', '/', '?']) {
      expect(listed).toContain(k);
      expect(shortcutFor(key(k), document.body)).toBeDefined();
    }
  });

  it('finds the next agenda slot, the first when none started, and none after the last', () => {
    expect(nextSlot(undefined, 3)).toBe(0);
    expect(nextSlot(0, 3)).toBe(1);
    expect(nextSlot(2, 3)).toBeUndefined();
    expect(nextSlot(undefined, 0)).toBeUndefined();
  });
});
