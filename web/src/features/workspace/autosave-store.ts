import {
  type AnswerContent,
  type AutosaveEvent,
  autosaveReducer,
  contentOf,
  type EntryState,
  initialEntry,
  type StoredAnswer,
  sameContent,
} from './autosave-machine';

export interface AutosaveDependencies {
  /** PUT the answer on `baseVersion`; rejects with the API error. */
  save(code: string, content: AnswerContent, baseVersion: number): Promise<StoredAnswer>;
  /** The server's answer now (re-fetched after a 409), or null when it has none. */
  fetchLatest(code: string): Promise<StoredAnswer | null>;
  /** The content a stored answer stands for (it depends on the indicator's method). */
  contentOf(code: string, answer: StoredAnswer | null): AnswerContent;
  /** A 409 about a stale version (not a locked assessment, which is a plain failure). */
  isConflict(error: unknown): boolean;
  messageOf(error: unknown): string;
  onSaved?(code: string, answer: StoredAnswer): void;
  /**
   * A failure worth trying again by itself (the network, a 5xx), unlike a refusal the server would
   * repeat (a bad value, a locked assessment). Omitted: failed saves wait for the user or `reconnected`.
   */
  isTransient?(error: unknown): boolean;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /** First wait before trying a transient failure again; doubled each time up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export type AutosaveSnapshot = Readonly<Record<string, EntryState>>;

/**
 * Saves answers as the unit types: ~800 ms after the last change, at once on blur, one request per
 * answer at a time, each on the version it was based on. Holds every answer's state for the form,
 * the tree and the page's status line (useSyncExternalStore reads `getSnapshot`). No React and no
 * DOM: timers and the API come in from outside, so the behaviour is tested with fake timers.
 */
export class AutosaveStore {
  private entries: AutosaveSnapshot = {};
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<() => void>();
  private readonly delayMs: number;
  /** Transient failures in a row, per answer: the backoff's exponent. */
  private readonly retries = new Map<string, number>();
  private disposed = false;

  constructor(private readonly deps: AutosaveDependencies) {
    this.delayMs = deps.delayMs ?? 800;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AutosaveSnapshot => this.entries;

  entry(code: string): EntryState | undefined {
    return this.entries[code];
  }

  /** Takes in the server's answers (first load, or a refetch after an import or an upload). */
  syncServer(answers: { code: string; answer: StoredAnswer | null }[]): void {
    let next: Record<string, EntryState> | undefined;
    for (const { code, answer } of answers) {
      const current = this.entries[code];
      const content = this.deps.contentOf(code, answer);
      const updated = current
        ? autosaveReducer(current, { type: 'serverChanged', answer, content })
        : initialEntry(answer, content);
      if (updated !== current) {
        next ??= { ...this.entries };
        next[code] = updated;
      }
    }
    if (next) this.publish(next);
  }

  edit(code: string, content: AnswerContent, problem: string | null = null): void {
    const entry = this.dispatch(code, { type: 'edited', content, problem });
    this.clearTimer(code);
    // Typed during a save: the quiet time still applies, the save after it goes when this one ends.
    const waiting = entry?.status === 'saving' && entry.draft !== null && entry.draft !== entry.inFlight;
    if (entry?.status === 'pending' || waiting) {
      this.timers.set(
        code,
        setTimeout(() => {
          this.timers.delete(code);
          this.startSave(code);
        }, this.delayMs),
      );
    }
  }

  /** Saves now what is waiting (on blur), or tries a failed save again. */
  flush(code: string): void {
    this.clearTimer(code);
    const entry = this.entries[code];
    if (!entry || entry.inFlight !== null) return;
    if (entry.status === 'pending' || entry.status === 'failed') this.startSave(code);
  }

  flushAll(): void {
    for (const code of Object.keys(this.entries)) this.flush(code);
  }

  /** The connection is back (the browser's `online` event): every failed save goes now, backoff reset. */
  reconnected(): void {
    for (const [code, entry] of Object.entries(this.entries)) {
      if (entry.status !== 'failed') continue;
      this.retries.delete(code);
      this.flush(code);
    }
  }

  /** After a conflict: save my version again, on top of the server's. */
  keepMine(code: string): void {
    const entry = this.dispatch(code, { type: 'keptMine' });
    if (entry?.status === 'pending') this.startSave(code);
  }

  /** After a conflict: drop my version, show the server's. */
  takeTheirs(code: string): void {
    this.dispatch(code, { type: 'tookTheirs' });
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.listeners.clear();
  }

  private startSave(code: string): void {
    if (this.disposed) return;
    const before = this.entries[code];
    const entry = this.dispatch(code, { type: 'saveStarted' });
    if (!entry || entry === before || entry.inFlight === null) return;
    const baseVersion = entry.base?.version ?? 0;
    this.deps.save(code, entry.inFlight, baseVersion).then(
      (answer) => {
        this.retries.delete(code);
        const saved = this.dispatch(code, { type: 'saveSucceeded', answer, content: this.deps.contentOf(code, answer) });
        this.deps.onSaved?.(code, answer);
        // Typed on during the save: send the newer draft unless a quiet-time timer will.
        if (saved?.status === 'pending' && !this.timers.has(code)) this.startSave(code);
      },
      (error: unknown) => {
        if (!this.deps.isConflict(error)) {
          const failed = this.dispatch(code, { type: 'saveFailed', message: this.deps.messageOf(error) });
          if (failed?.status === 'failed' && this.deps.isTransient?.(error)) this.scheduleRetry(code);
          return;
        }
        this.deps.fetchLatest(code).then(
          (theirs) => {
            const theirsContent = this.deps.contentOf(code, theirs);
            const current = this.dispatch(code, { type: 'conflictDetected', theirs, content: theirsContent });
            // Both sides typed the same thing: nothing to choose between.
            if (current && sameContent(contentOf(current), theirsContent)) this.takeTheirs(code);
          },
          (fetchError: unknown) => this.dispatch(code, { type: 'saveFailed', message: this.deps.messageOf(fetchError) }),
        );
      },
    );
  }

  /** Tries a transient failure again after 2 s, 4 s, 8 s … up to a minute, unless the user acts first. */
  private scheduleRetry(code: string): void {
    const attempt = (this.retries.get(code) ?? 0) + 1;
    this.retries.set(code, attempt);
    const wait = Math.min((this.deps.retryBaseMs ?? 2000) * 2 ** (attempt - 1), this.deps.retryMaxMs ?? 60_000);
    this.clearTimer(code);
    this.timers.set(
      code,
      setTimeout(() => {
        this.timers.delete(code);
        this.flush(code);
      }, wait),
    );
  }

  private dispatch(code: string, event: AutosaveEvent): EntryState | undefined {
    if (this.disposed) return undefined;
    const current = this.entries[code] ?? initialEntry(null, this.deps.contentOf(code, null));
    const next = autosaveReducer(current, event);
    if (next !== this.entries[code]) this.publish({ ...this.entries, [code]: next });
    return next;
  }

  private clearTimer(code: string): void {
    const timer = this.timers.get(code);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(code);
  }

  private publish(next: AutosaveSnapshot): void {
    this.entries = next;
    for (const listener of this.listeners) listener();
  }
}
