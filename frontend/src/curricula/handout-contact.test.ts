import { describe, expect, it } from 'vitest';
import { introductionDetail } from '../test/curriculum-fixtures';
import { fakeApi, json, problem, settle, text, type Handler } from '../test/fake-api';
import { allByTest as $$, byTest as $, cleanPageAroundEachTest, signInAs } from '../test/page';
import { staffCohort } from '../test/registration-fixtures';
import { handoutSupportStyles } from './handout-contact';
import './mut-day-handout';
import './mut-materials';
import type { MutDayHandout } from './mut-day-handout';
import type { MutMaterials } from './mut-materials';

const COHORT = 'GET /api/organisations/org-a/cohorts/c-spring';
const contact = { name: 'Róisín Byrne', phone: '+353 1 555 0100', email: 'roisin@harbour.test', note: 'Weekdays, 9 to 5.' };

function server(extra: Record<string, Handler> = {}) {
  return fakeApi({ 'GET /api/curricula/courses/introduction': json(introductionDetail), ...extra });
}

async function handout(cohortId?: string): Promise<MutDayHandout> {
  const el = document.createElement('mut-day-handout');
  el.courseId = 'introduction';
  el.day = 1;
  el.cohortId = cohortId;
  document.body.append(el);
  await settle(el);
  return el;
}

async function materials(cohortId: string | undefined): Promise<MutMaterials> {
  const el = document.createElement('mut-materials');
  el.moduleId = 'intro-what-happened';
  el.cohortId = cohortId;
  document.body.append(el);
  await settle(el);
  return el;
}

const sheet = { id: 'questions', title: 'Questions to take home', kind: 'sheet', markdown: 'What did you notice?' };
const cards = { id: 'prompts', title: 'Prompts', kind: 'cards', markdown: 'One set.\n\n## What happened?\n\nIn your words.' };

describe('the support contact on printed handouts', () => {
  cleanPageAroundEachTest();

  it('prints a blank line to write a contact in when the handout is printed for no cohort', async () => {
    const api = server();
    const el = await handout();
    const box = $(el, 'handout-support')!;
    expect(text(box.querySelector('h2'))).toBe('If today stirs something up');
    expect($(box, 'handout-support-blank')).not.toBeNull();
    expect($(box, 'handout-support-contact')).toBeNull();
    expect($(el, 'handout-cohort')).toBeNull();
    expect($(el, 'day-materials')).toBeNull();
    expect(api.calls.filter((c) => c.url.includes('/cohorts/'))).toHaveLength(0);
  });

  it('prints the cohort’s support contact on the day’s handout, with the day’s materials for the same cohort', async () => {
    signInAs('TRAINER');
    server({ [COHORT]: json(staffCohort({ supportContact: contact })) });
    const el = await handout('c-spring');
    const box = $(el, 'handout-support')!;
    expect(text($(box, 'handout-support-contact'))).toBe('Róisín Byrne, +353 1 555 0100, roisin@harbour.test. Weekdays, 9 to 5.');
    expect($(box, 'handout-support-blank')).toBeNull();
    // the box is part of the sheet that is printed, not of what is shown on screen only
    expect(box.closest('article.sheet')).not.toBeNull();
    expect(box.classList.contains('no-print')).toBe(false);
    expect(text($(el, 'handout-cohort'))).toMatch(/Printing for Core, spring group/);
    expect($(el, 'handout-cohort')!.classList.contains('no-print')).toBe(true);
    expect([...$(el, 'day-materials')!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/curricula/modules/intro-arriving/materials?cohort=c-spring',
      '/curricula/modules/intro-what-happened/materials?cohort=c-spring',
      '/curricula/modules/intro-closing/materials?cohort=c-spring',
    ]);
  });

  it('prints a blank line, and says why on screen, when the cohort names no contact or cannot be read', async () => {
    signInAs('TRAINER');
    server({ [COHORT]: json(staffCohort({ supportContact: null })) });
    let el = await handout('c-spring');
    expect($(el, 'handout-support-blank')).not.toBeNull();
    expect(text($(el, 'handout-cohort'))).toMatch(/no support contact named yet/);

    document.body.innerHTML = '';
    server({ [COHORT]: problem(404, 'not-found', 'No such cohort.') });
    el = await handout('c-spring');
    expect($(el, 'handout-support-blank')).not.toBeNull();
    expect(text($(el, 'handout-contact-problem'))).toMatch(/not in the organisation chosen/);
  });

  it('prints the contact at the foot of each sheet of a module’s materials', async () => {
    signInAs('TRAINER');
    server({
      [COHORT]: json(staffCohort({ supportContact: contact })),
      'GET /api/curricula/modules/intro-what-happened/materials': json([sheet, cards, { ...sheet, id: 'second' }]),
    });
    const el = await materials('c-spring');
    const sections = $$(el, 'material');
    expect(sections.map((s) => !!$(s, 'handout-support'))).toEqual([true, false, true]);
    expect($$(el, 'handout-support-contact').map(text)).toEqual([
      'Róisín Byrne, +353 1 555 0100, roisin@harbour.test. Weekdays, 9 to 5.',
      'Róisín Byrne, +353 1 555 0100, roisin@harbour.test. Weekdays, 9 to 5.',
    ]);
  });

  it('prints one box after a module’s cards when it has no sheets, blank without a cohort', async () => {
    signInAs('TRAINER');
    const api = server({ 'GET /api/curricula/modules/intro-what-happened/materials': json([cards]) });
    const el = await materials(undefined);
    expect($$(el, 'handout-support')).toHaveLength(1);
    expect($(el, 'handout-support-blank')).not.toBeNull();
    expect(api.calls.filter((c) => c.url.includes('/organisations/'))).toHaveLength(0);
  });

  it('keeps the box whole on paper and in black, and hides only the on-screen notes', () => {
    const css = handoutSupportStyles.cssText.replace(/\s+/g, ' ');
    expect(css).toMatch(/\.support-box \{[^}]*break-inside: avoid/);
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/\.no-print \{ display: none; \}/);
    expect(print).not.toMatch(/\.support-box[^{]*\{[^}]*display: none/);
  });
});
