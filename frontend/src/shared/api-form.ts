import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from './api/http';
import { waitWords } from './format';
import { focusFirstInvalid, toggled, type FocusHost } from './fields';

/** Said when a call fails and the server gave no words of its own. */
export const TRY_AGAIN = 'Something went wrong. Please try again.';

/** Words for a failed call: the server's own (its problem detail), or `fallback` for anything else. */
export function problemMessage(e: unknown, fallback = TRY_AGAIN): string {
  return e instanceof ApiError ? e.message : fallback;
}

/** Whether `field`, as the server names it ("days[0].date", "pools.open"), belongs to the form's `name`. */
function belongsTo(field: string, name: string): boolean {
  return field === name || field.startsWith(`${name}[`) || field.startsWith(`${name}.`);
}

/** The server's words on a request it would not take, sorted: by the form's fields, and the rest. */
export interface FieldProblems<F extends string> {
  errors: Partial<Record<F, string>>;
  others: string[];
}

/**
 * Sorts a validation problem (by default a 400 or 422 that names fields) into words for each of
 * the form's fields (the first for each) and words for anything else; undefined for any other failure.
 */
export function fieldProblems<F extends string>(
  e: unknown,
  fields: readonly F[],
  statuses: readonly number[] = [400, 422],
): FieldProblems<F> | undefined {
  if (!(e instanceof ApiError) || !statuses.includes(e.status) || !e.problem.errors?.length) return undefined;
  const errors: Partial<Record<F, string>> = {};
  const others: string[] = [];
  for (const { field, message } of e.problem.errors) {
    const name = fields.find((f) => belongsTo(field, f));
    if (!name) others.push(message);
    else if (!errors[name]) errors[name] = message;
  }
  return { errors, others };
}

/** The server's words for the form's fields, when a validation problem named any of them. */
export function fieldErrors<F extends string>(
  e: unknown,
  fields: readonly F[],
  statuses?: readonly number[],
): Partial<Record<F, string>> | undefined {
  const sorted = fieldProblems(e, fields, statuses);
  return sorted && Object.keys(sorted.errors).length ? sorted.errors : undefined;
}

/** For too many requests (a 429) that came without the server's own words: when to try again. */
export function tooManyWords(e: unknown, what: string): string | undefined {
  if (!(e instanceof ApiError) || e.status !== 429 || e.problem.detail) return undefined;
  const when = e.retryAfter !== undefined ? waitWords(e.retryAfter) : 'in a little while';
  return `There have been a lot of ${what} from here in a short time. Please try again ${when}.`;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

type Host = ReactiveControllerHost & FocusHost;

export interface ApiFormOptions<F extends string> {
  /** The fields whose words from the server go beside them. */
  fields?: readonly F[];
  /** Which answers carry words for fields: 400 and 422 unless told. */
  statuses?: readonly number[];
  /** Words for the fields that the usual reading of `fields` misses, tried first. */
  fieldsFrom?: (e: unknown) => Partial<Record<F, string>> | undefined;
  /** The server's words for anything outside `fields` become the form's problem, beside the fields' words. */
  othersAsProblem?: boolean;
  /** What there were too many of, for a 429 without the server's words: "registrations". */
  tooMany?: string;
  /** Said when the failure has no words of the server's. */
  fallback?: string;
  /** Where focus goes when fields need attention: the first invalid field unless told. */
  focus?: () => Promise<void>;
}

/**
 * One form's conversation with the server. It is busy while its call runs; when the server will
 * not take the request, its words go beside the fields they name (and focus moves to the first),
 * and anything else is said as the form's problem. The host renders `errors`, `problem` and `busy`.
 */
export class ApiForm<F extends string = never> implements ReactiveController {
  errors: Partial<Record<F, string>> = {};
  problem?: string;
  busy = false;

  constructor(
    private readonly host: Host,
    private readonly options: ApiFormOptions<F> = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Back to a blank form: no errors and no problem. */
  clear(): void {
    this.errors = {};
    this.problem = undefined;
    this.host.requestUpdate();
  }

  /** Words beside one field (or none), without moving focus: as someone types or chooses a file. */
  setError(field: F, message: string | undefined): void {
    this.errors = { ...this.errors, [field]: message };
    this.host.requestUpdate();
  }

  /**
   * Shows what was found wrong before sending, and clears any problem. True when anything was,
   * with focus on the first field that needs attention.
   */
  async refuse(errors: Partial<Record<F, string>>): Promise<boolean> {
    this.errors = errors;
    this.problem = undefined;
    this.host.requestUpdate();
    if (!Object.values(errors).some(Boolean)) return false;
    await this.focus();
    return true;
  }

  /**
   * Sends `call`, then hands its answer to `then`; busy throughout. When either fails, says why
   * (see `explain`). Resolves to what came of it.
   */
  async run<T>(call: () => Promise<T>, then?: (value: T) => unknown): Promise<Outcome<T>> {
    this.problem = undefined;
    this.busy = true;
    this.host.requestUpdate();
    try {
      const value = await call();
      await then?.(value);
      return { ok: true, value };
    } catch (error) {
      await this.explain(error);
      return { ok: false, error };
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Says why a call failed: beside the fields the server named, else in the server's words, else the fallback. */
  async explain(e: unknown): Promise<void> {
    const o = this.options;
    const own = o.fieldsFrom?.(e);
    if (own && Object.keys(own).length) {
      await this.showFieldWords(own);
      return;
    }
    const sorted = fieldProblems(e, o.fields ?? [], o.statuses);
    if (sorted && (Object.keys(sorted.errors).length || (o.othersAsProblem && sorted.others.length))) {
      await this.showFieldWords(sorted.errors, o.othersAsProblem && sorted.others.length ? sorted.others.join(' ') : undefined);
      return;
    }
    this.errors = {};
    this.problem = (o.tooMany ? tooManyWords(e, o.tooMany) : undefined) ?? problemMessage(e, o.fallback);
    this.host.requestUpdate();
  }

  private async showFieldWords(errors: Partial<Record<F, string>>, problem?: string) {
    this.errors = errors;
    this.problem = problem;
    this.host.requestUpdate();
    await this.focus();
  }

  private focus(): Promise<void> {
    return this.options.focus ? this.options.focus() : focusFirstInvalid(this.host);
  }
}

/**
 * Actions on the rows of a list (cancel one registration, take one trainer off): each row is busy
 * on its own, and the words for a failed action are said beside its row.
 */
export class RowActions implements ReactiveController {
  private busyRows: ReadonlySet<string> = new Set();
  private notice?: { id: string; message: string };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fallback = TRY_AGAIN,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  isBusy(id: string): boolean {
    return this.busyRows.has(id);
  }

  /** The words beside this row, if its last action failed. */
  noticeFor(id: string): string | undefined {
    return this.notice?.id === id ? this.notice.message : undefined;
  }

  clear(): void {
    this.notice = undefined;
    this.host.requestUpdate();
  }

  /** Runs an action for one row, then hands its answer to `then`; the row is busy throughout. */
  async run<T>(id: string, call: () => Promise<T>, then?: (value: T) => unknown): Promise<Outcome<T>> {
    this.notice = undefined;
    this.setBusy(id, true);
    try {
      const value = await call();
      await then?.(value);
      return { ok: true, value };
    } catch (error) {
      this.notice = { id, message: problemMessage(error, this.fallback) };
      return { ok: false, error };
    } finally {
      this.setBusy(id, false);
    }
  }

  private setBusy(id: string, on: boolean) {
    this.busyRows = toggled(this.busyRows, id, on);
    this.host.requestUpdate();
  }
}
