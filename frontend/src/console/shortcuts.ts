/** What a key on the console does. */
export type ConsoleAct =
  { kind: 'timer'; minutes: number } | { kind: 'pause-timer' } | { kind: 'next-slot' } | { kind: 'find' } | { kind: 'help' };

/** The console's keys, as the help overlay lists them. */
export const SHORTCUTS: readonly { keys: string[]; words: string }[] = [
  { keys: ['1', '3', '5'], words: 'Start a timer of 1, 3 or 5 minutes' },
  { keys: ['0'], words: 'Start a timer of 10 minutes' },
  { keys: ['P'], words: 'Pause the newest timer, or carry it on' },
  { keys: ['N'], words: 'Move to the next part of the agenda' },
  { keys: ['F', '/'], words: 'Find scenarios or statements for the role-play or reframing' },
  { keys: ['?'], words: 'Show these keys' },
];

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** True when the key press happened while someone types (a field, or editable text): keys are theirs then. */
function typing(target: EventTarget | null | undefined): boolean {
  const el = target as HTMLElement | null | undefined;
  if (!el || typeof el.tagName !== 'string') return false;
  return TYPING.has(el.tagName) || el.isContentEditable;
}

/**
 * The act a key press asks for, or nothing: only a plain key (no Ctrl, Alt or Cmd, so the
 * browser's and the screen reader's own keys are left alone), and never while typing in a field.
 * `target` is where the key was pressed (the first element of the event's composed path).
 */
export function shortcutFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'repeat'>,
  target: EventTarget | null | undefined,
): ConsoleAct | undefined {
  if (e.ctrlKey || e.altKey || e.metaKey || e.repeat || typing(target)) return undefined;
  switch (e.key) {
    case '1':
    case '3':
    case '5':
      return { kind: 'timer', minutes: Number(e.key) };
    case '0':
      return { kind: 'timer', minutes: 10 };
    case 'p':
    case 'P':
      return { kind: 'pause-timer' };
    case 'n':
    case 'N':
      return { kind: 'next-slot' };
    case 'f':
    case 'F':
    case '/':
      return { kind: 'find' };
    case '?':
      return { kind: 'help' };
    default:
      return undefined;
  }
}

/** The agenda slot after the current one (the first when none has started), or nothing after the last. */
export function nextSlot(current: number | undefined, slots: number): number | undefined {
  const next = current === undefined ? 0 : current + 1;
  return next < slots ? next : undefined;
}
