import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../identity/session';
import { allCourses, introductionDetail } from '../test/curriculum-fixtures';
import { fakeApi, json, membership, problem, sessionView, settle, text } from '../test/fake-api';
import './mut-course';
import './mut-curricula';
import type { MutCourse } from './mut-course';
import type { MutDayTimeline } from './mut-day-timeline';

function server() {
  return fakeApi({
    'GET /api/curricula/courses': json(allCourses),
    'GET /api/curricula/courses/introduction': json(introductionDetail),
  });
}

async function mount(courseId: string, day?: number): Promise<MutCourse> {
  const el = document.createElement('mut-course');
  el.courseId = courseId;
  el.day = day;
  document.body.append(el);
  await settle(el);
  return el;
}

function timelines(el: MutCourse): MutDayTimeline[] {
  return [...el.shadowRoot!.querySelectorAll('mut-day-timeline')];
}

/** The width a segment was given, as a number of percent. */
const widthOf = (seg: Element) => parseFloat((seg as HTMLElement).style.getPropertyValue('width'));

/**
 * Records style="…" attributes written directly, as the production CSP (style-src 'self')
 * refuses them; changes made through the CSSOM (style.setProperty) are allowed and counted apart.
 */
function watchStyleAttributes() {
  let inCssom = 0;
  const written: string[] = [];
  const counts = { viaCssom: 0 };
  const setProperty = CSSStyleDeclaration.prototype.setProperty;
  const setAttribute = Element.prototype.setAttribute;
  const cssom = vi.spyOn(CSSStyleDeclaration.prototype, 'setProperty').mockImplementation(function (
    this: CSSStyleDeclaration,
    ...args: Parameters<CSSStyleDeclaration['setProperty']>
  ) {
    inCssom++;
    counts.viaCssom++;
    try {
      return setProperty.apply(this, args);
    } finally {
      inCssom--;
    }
  });
  const attributes = vi.spyOn(Element.prototype, 'setAttribute').mockImplementation(function (
    this: Element,
    name: string,
    value: string,
  ) {
    if (name.toLowerCase() === 'style' && inCssom === 0) written.push(value);
    return setAttribute.call(this, name, value);
  });
  return {
    written,
    get viaCssom() {
      return counts.viaCssom;
    },
    stop() {
      cssom.mockRestore();
      attributes.mockRestore();
    },
  };
}

describe('<mut-curricula>', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('lists every course with its length, who it is for, prerequisites in words and version', async () => {
    server();
    const el = document.createElement('mut-curricula');
    document.body.append(el);
    await settle(el);

    const cards = [...el.shadowRoot!.querySelectorAll('[data-course]')];
    expect(cards.map((c) => text(c.querySelector('h2')))).toEqual(allCourses.map((c) => c.title));
    expect(cards[0].querySelector('h2 a')!.getAttribute('href')).toBe('/curricula/introduction');

    const facts = (card: Element) =>
      Object.fromEntries(
        [...card.querySelectorAll('dl.facts > div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]),
      );
    expect(facts(cards[0])).toEqual({
      Length: '2 days',
      'Who it is for': 'Open to anyone curious about IPS.',
      'Before this course': 'None: anyone is welcome',
      Version: '2026.1',
    });
    expect(facts(cards[3])['Before this course']).toBe('IPS Core Training and IPS Advanced first');
    expect(cards[3].querySelector('dd a[href="/curricula/advanced"]')).not.toBeNull();
    expect(el.shadowRoot!.querySelector('a[href="/curricula/role-cards"]')).not.toBeNull();
    expect(el.shadowRoot!.querySelector('a[href="/curricula/observer-sheet"]')).not.toBeNull();
  });

  it('says so when the courses cannot be had', async () => {
    fakeApi({ 'GET /api/curricula/courses': problem(503, 'unavailable', 'The curriculum is resting.') });
    const el = document.createElement('mut-curricula');
    document.body.append(el);
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).toBe('The curriculum is resting.');
  });
});

describe('<mut-course>', () => {
  beforeEach(() => {
    sessionStore.reset();
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('shows the course asked for last, even when an earlier one answers after it', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const core = { ...introductionDetail, course: { ...introductionDetail.course, id: 'core', title: 'IPS Core Training' } };
    fakeApi({
      'GET /api/curricula/courses': json(allCourses),
      'GET /api/curricula/courses/core': async () => {
        await slow;
        return json(core);
      },
      'GET /api/curricula/courses/introduction': json(introductionDetail),
    });
    const el = await mount('core');
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).toMatch(/Loading the course/);
    el.courseId = 'introduction';
    await settle(el);
    release();
    await settle(el, 3);
    expect(text(el.shadowRoot!.querySelector('h1'))).toBe('Introduction to Intentional Peer Support');
  });

  it('shows the course and each of its days, with links to print', async () => {
    server();
    const el = await mount('introduction');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).toBe('Introduction to Intentional Peer Support');
    const days = [...root.querySelectorAll('section.day')];
    expect(days.map((d) => text(d.querySelector('h2')))).toEqual(['Day 1: Opening the door', 'Day 2: Practising differently']);
    expect(days[0].querySelector('h2 a')!.getAttribute('href')).toBe('/curricula/introduction/days/1');
    expect(days[0].querySelector('a[href="/curricula/introduction/days/1/print"]')).not.toBeNull();
    expect(days[0].querySelector('a[href="/curricula/introduction/days/1/handout"]')).not.toBeNull();
    expect(text(days[0].querySelector('.day-meta'))).toContain('09:30 to 12:45 · 3 hours together');
    expect(root.querySelector('a[href="/curricula/role-cards"]')).not.toBeNull();
  });

  it('draws each slot in proportion to its minutes: 90 minutes twice as wide as 45', async () => {
    server();
    const styleAttributes = watchStyleAttributes();
    const el = await mount('introduction');
    // widths go through the CSSOM: the production CSP refuses style="…" attributes
    expect(styleAttributes.written).toEqual([]);
    expect(styleAttributes.viaCssom).toBeGreaterThan(0);
    styleAttributes.stop();
    const [first] = timelines(el);
    await first.updateComplete;
    const segs = [...first.shadowRoot!.querySelectorAll('.bar .seg')];
    expect(segs.map((s) => s.getAttribute('data-minutes'))).toEqual(['90', '15', '45', '45']);
    const [ninety, fifteen, fortyFive] = segs.map(widthOf);
    expect(ninety).toBeCloseTo(2 * fortyFive, 3);
    expect(fortyFive).toBeCloseTo(3 * fifteen, 3);
    expect(segs.map(widthOf).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 2);
    expect(segs.map((s) => [...s.classList].find((c) => c !== 'seg' && c !== 'narrow'))).toEqual([
      'connection',
      'break',
      'worldview',
      'other',
    ]);
    expect(text(segs[0])).toBe('09:30 Arriving and connecting');
    // the drawing is for eyes; the list below carries the same slots for everyone
    expect(first.shadowRoot!.querySelector('.visual')!.getAttribute('aria-hidden')).toBe('true');
    expect([...first.shadowRoot!.querySelectorAll('.legend li')].map(text)).toEqual([
      'Connection',
      'Worldview',
      'Other',
      'Break',
    ]);
  });

  it('lists the same slots in order, with times, minutes, tasks and summaries', async () => {
    server();
    const el = await mount('introduction');
    const [first] = timelines(el);
    const list = first.shadowRoot!.querySelector('ol.slots')!;
    expect(list.getAttribute('aria-label')).toBe('Day 1, slot by slot');
    const items = [...list.querySelectorAll(':scope > li')];
    expect(items.map((li) => text(li.querySelector('.when')))).toEqual([
      '09:30–11:00 1 hour 30 minutes',
      '11:00–11:15 15 minutes',
      '11:15–12:00 45 minutes',
      '12:00–12:45 45 minutes',
    ]);
    expect(text(items[0].querySelector('.tasks'))).toBe('Tasks: Connection and Mutuality');
    expect(text(items[0])).toContain('We meet each other and notice what connection feels like.');
    expect(text(items[1].querySelector('strong'))).toBe('Morning tea');
    expect(text(items[1])).toContain('(a break)');
    expect(items[1].querySelector('.tasks')).toBeNull();
  });

  it('links each module to its facilitator notes only for signed-in trainers', async () => {
    server();
    const el = await mount('introduction');
    expect(timelines(el)[0].shadowRoot!.querySelector('a[href^="/curricula/modules/"]')).toBeNull();

    sessionStore.signedIn(sessionView([membership('org-a', 'Harbour Peer Network', 'TRAINER')]));
    await settle(el);
    const links = [...timelines(el)[0].shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href^="/curricula/modules/"]')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/curricula/modules/intro-arriving',
      '/curricula/modules/intro-what-happened',
      '/curricula/modules/intro-closing',
    ]);
    expect(text(links[0])).toBe('Facilitator notes for Arriving and connecting');
  });

  it('shows one day on its own, with a way to the next', async () => {
    server();
    const el = await mount('introduction', 1);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).toBe('Day 1 of 2: Opening the door');
    expect(timelines(el)).toHaveLength(1);
    expect(root.querySelector('a[rel="next"]')!.getAttribute('href')).toBe('/curricula/introduction/days/2');
    expect(root.querySelector('a[rel="prev"]')).toBeNull();
    expect(root.querySelector('a[href="/curricula/introduction/days/1/print"]')).not.toBeNull();
    expect(root.querySelector('.crumbs a')!.getAttribute('href')).toBe('/curricula/introduction');
  });

  it('explains a day the course does not have', async () => {
    server();
    const el = await mount('introduction', 7);
    expect(text(el.shadowRoot!.querySelector('h1'))).toBe('No day 7');
    expect(text(el.shadowRoot!)).toContain('has 2 days');
  });

  it('says in words when the course is unknown', async () => {
    fakeApi({
      'GET /api/curricula/courses': json(allCourses),
      'GET /api/curricula/courses/nope': problem(404, 'not-found', "There is no course 'nope'."),
    });
    const el = await mount('nope');
    expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).toBe("There is no course 'nope'.");
  });
});
