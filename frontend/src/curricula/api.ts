import { http as defaultHttp, type Http } from '../shared/api/http';
import type {
  Course,
  CourseDetail,
  CourseLetter,
  Coverage,
  CurriculumModule,
  LexiconTerm,
  Material,
  Prompt,
  Reframe,
  Scenario,
} from './types';

/** The curricula part of the REST API under /api, over one request core. */
export function createCurriculaApi(http: Http) {
  return {
    courses(): Promise<Course[]> {
      return http.get('/curricula/courses');
    },

    /** A course with its days and each day's timed agenda. */
    course(id: string): Promise<CourseDetail> {
      return http.get(`/curricula/courses/${encodeURIComponent(id)}`);
    },

    /** A module with its activities and facilitator notes; 401 unless signed in. */
    module(id: string): Promise<CurriculumModule> {
      return http.get(`/curricula/modules/${encodeURIComponent(id)}`);
    },

    /** Role-play scenarios with every role's card; 401 unless signed in. */
    /** The cards and sheets a module uses, to print (trainers). */
    materials(moduleId: string): Promise<Material[]> {
      return http.get(`/curricula/modules/${encodeURIComponent(moduleId)}/materials`);
    },

    /** The letter to send before a course, with the {{placeholders}} it uses and what each means (trainers). */
    letter(courseId: string): Promise<CourseLetter> {
      return http.get(`/curricula/courses/${encodeURIComponent(courseId)}/letter`);
    },

    scenarios(): Promise<Scenario[]> {
      return http.get('/curricula/scenarios');
    },

    /** "What's wrong" statements with "what happened?" rewrites; 401 unless signed in. */
    reframes(): Promise<Reframe[]> {
      return http.get('/curricula/reframes');
    },

    /** Check-in and check-out prompts; 401 unless signed in. */
    prompts(): Promise<Prompt[]> {
      return http.get('/curricula/prompts');
    },

    /** The language lens. */
    lexicon(): Promise<LexiconTerm[]> {
      return http.get('/curricula/lexicon');
    },

    /** Which Core modules teach each Core topic and serve each outcome. */
    coverage(): Promise<Coverage> {
      return http.get('/curricula/coverage');
    },
  };
}

export type CurriculaApi = ReturnType<typeof createCurriculaApi>;

export const curriculaApi = createCurriculaApi(defaultHttp);
