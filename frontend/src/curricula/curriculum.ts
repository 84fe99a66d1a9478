import type { ActivityParts, AgendaSlot, Course, CourseDay, Task } from './types';

/** The four tasks, in the order the practice teaches them. */
export const TASKS: readonly Task[] = ['connection', 'worldview', 'mutuality', 'moving-towards'];

const TASK_WORDS: Record<Task, string> = {
  connection: 'Connection',
  worldview: 'Worldview',
  mutuality: 'Mutuality',
  'moving-towards': 'Moving towards',
};

/** Turns an id such as "warm-line" into "Warm line", for values this client does not know yet. */
export function humanise(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : id;
}

export function isTask(value: string): value is Task {
  return (TASKS as readonly string[]).includes(value);
}

/** "Connection", "Moving towards"; an unknown task as readable words. */
export function taskWords(task: string): string {
  return isTask(task) ? TASK_WORDS[task] : humanise(task);
}

/** "Connection and Mutuality", "Connection, Worldview and Mutuality". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const PRINCIPLE_WORDS: Record<string, string> = {
  learning: 'Learning',
  relationship: 'Relationship',
  hope: 'Hope',
};

export function principleWords(principle: string): string {
  return PRINCIPLE_WORDS[principle] ?? humanise(principle);
}

const ACTIVITY_WORDS: Record<string, string> = {
  'check-in': 'Check-in',
  'check-out': 'Check-out',
  'role-play': 'Role-play',
  reframe: 'Reframing',
  round: 'Round',
  discussion: 'Discussion',
  reflection: 'Quiet reflection',
  'teach-back': 'Teach-back',
  'co-reflection': 'Co-reflection',
  break: 'Break',
};

export function activityWords(kind: string): string {
  return ACTIVITY_WORDS[kind] ?? humanise(kind);
}

/** The roles of a role-play, in the order they are handed out. */
export const ROLES = ['person-sharing', 'peer-supporter', 'observer'] as const;

const ROLE_WORDS: Record<string, string> = {
  'person-sharing': 'The person sharing',
  'peer-supporter': 'The peer supporter',
  observer: 'The observer',
};

/** "The person sharing", "The peer supporter", "The observer". */
export function roleWords(role: string): string {
  return ROLE_WORDS[role] ?? humanise(role);
}

/** A scenario's roles in the usual order, then any others the bank adds. */
export function orderedRoles(roles: Record<string, string>): string[] {
  const known = ROLES.filter((r) => roles[r]);
  const others = Object.keys(roles).filter((r) => !(ROLES as readonly string[]).includes(r) && roles[r]);
  return [...known, ...others];
}

const SETTING_WORDS: Record<string, string> = {
  'peer-respite': 'A peer respite house',
  'warm-line': 'A warm line',
  'hospital-ward': 'A hospital ward',
  'community-team': 'A community team',
  workplace: 'A workplace',
  family: 'A family',
  online: 'Online',
};

export function settingWords(setting: string): string {
  return SETTING_WORDS[setting] ?? humanise(setting);
}

const BANK_WORDS: Record<string, string> = {
  scenarios: 'scenario cards',
  reframes: 'reframing cards',
  prompts: 'check-in and check-out prompts',
  lexicon: 'the language lens',
};

export function bankWords(bank: string): string {
  return BANK_WORDS[bank] ?? humanise(bank);
}

/** "15 minutes", "1 hour", "1 hour 30 minutes". */
export function durationWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} hour${h === 1 ? '' : 's'}` : '';
  const mins = m || !h ? `${m} minute${m === 1 ? '' : 's'}` : '';
  return [hours, mins].filter(Boolean).join(' ');
}

const THEME_WORDS: Record<string, string> = {
  limit: 'saying a limit',
  'planning-ahead': 'planning ahead in a calm time',
  'big-feelings': 'big feelings',
};

/** "saying a limit", "planning ahead in a calm time", otherwise the theme in words. */
export function themeWords(theme: string): string {
  return THEME_WORDS[theme] ?? theme.replace(/-/g, ' ');
}

/** "7 minutes to set up · 3 rounds of 13 minutes, 1 minute between them · 2 minutes of debrief". */
export function partsWords(parts: ActivityParts, rounds?: number | null): string {
  const words: string[] = [];
  if (parts.setup) words.push(`${durationWords(parts.setup)} to set up`);
  if (parts.round) {
    const n = rounds ?? 1;
    const between = n > 1 && parts.changeover ? `, ${durationWords(parts.changeover)} between them` : '';
    words.push(`${n} ${n === 1 ? 'round' : 'rounds'} of ${durationWords(parts.round)}${between}`);
  }
  if (parts.debrief) words.push(`${durationWords(parts.debrief)} of debrief`);
  return words.join(' · ');
}

/** "2 days", "1 day". */
export function daysWords(days: number): string {
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** Minutes since midnight from "09:30"; NaN when the time is not HH:MM. */
export function toMinutes(time: string): number {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
}

/** "09:30" from minutes since midnight. */
export function fromMinutes(total: number): string {
  const h = Math.floor(total / 60) % 24;
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** What colours a slot: a module's first task, "break", or "other" for a module without tasks. */
export type SlotCategory = Task | 'break' | 'other';

export function slotCategory(slot: AgendaSlot): SlotCategory {
  if (slot.kind === 'break') return 'break';
  const first = slot.tasks[0];
  return first && isTask(first) ? first : 'other';
}

export function categoryWords(category: SlotCategory): string {
  if (category === 'break') return 'Break';
  if (category === 'other') return 'Other';
  return TASK_WORDS[category];
}

/** One slot placed on the day: its share of the day's minutes and its end time. */
export interface PlacedSlot {
  slot: AgendaSlot;
  category: SlotCategory;
  /** share of the whole day, 0..1 */
  share: number;
  /** share as a CSS percentage with four decimals, e.g. "21.4286%" */
  width: string;
  ends: string;
}

/** Places each slot of a day in proportion to its minutes: 90 minutes is twice as wide as 45. */
export function placeSlots(day: CourseDay): PlacedSlot[] {
  const total = day.agenda.reduce((sum, s) => sum + Math.max(0, s.minutes), 0);
  return day.agenda.map((slot) => {
    const minutes = Math.max(0, slot.minutes);
    const share = total > 0 ? minutes / total : 0;
    const start = toMinutes(slot.at);
    return {
      slot,
      category: slotCategory(slot),
      share,
      width: `${(share * 100).toFixed(4)}%`,
      ends: Number.isNaN(start) ? '' : fromMinutes(start + minutes),
    };
  });
}

/** The categories a day uses, in legend order: the four tasks, then other modules, then breaks. */
export function legendFor(day: CourseDay): SlotCategory[] {
  const used = new Set(day.agenda.map(slotCategory));
  return ([...TASKS, 'other', 'break'] as SlotCategory[]).filter((c) => used.has(c));
}

/** Minutes of modules (not breaks) in a day. */
export function moduleMinutes(day: CourseDay): number {
  return day.agenda.filter((s) => s.kind === 'module').reduce((sum, s) => sum + s.minutes, 0);
}

/**
 * A course's prerequisites in words, naming the other courses where they are known:
 * "None: anyone is welcome" or "IPS Core Training first".
 */
export function prerequisiteWords(course: Course, all: Course[]): string {
  if (course.prerequisites.length === 0) return 'None: anyone is welcome';
  const titles = course.prerequisites.map((id) => all.find((c) => c.id === id)?.title ?? humanise(id));
  return `${listWords(titles)} first`;
}
