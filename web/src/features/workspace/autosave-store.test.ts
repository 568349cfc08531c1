import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AnswerContent, EMPTY_CONTENT, overallStatus, type StoredAnswer } from './autosave-machine';
import { AutosaveStore } from './autosave-store';

class ConflictError extends Error {}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const stored = (value: string | null, version: number, explanation: string | null = null): StoredAnswer => ({
  value,
  selfPoints: value === 'có' ? 5 : 0,
  notAssessed: false,
  notAssessedReason: null,
  explanation,
  version,
  updatedAt: '2024-01-10T02:00:00Z',
});
const typed = (value: string | null, extra: Partial<AnswerContent> = {}): AnswerContent => ({
  ...EMPTY_CONTENT,
  value,
  ...extra,
});

/** A store over a fake API whose saves the test settles one by one. */
function setup(options: { transient?: boolean } = {}) {
  const saves: { code: string; content: AnswerContent; baseVersion: number; reply: Deferred<StoredAnswer> }[] = [];
  let latest: StoredAnswer | null = null;
  const saved: string[] = [];
  const store = new AutosaveStore({
    save: (code, content, baseVersion) => {
      const reply = deferred<StoredAnswer>();
      saves.push({ code, content, baseVersion, reply });
      return reply.promise;
    },
    fetchLatest: async () => latest,
    contentOf: (_code, answer) =>
      answer
        ? {
            value: answer.value,
            points: null,
            notAssessed: answer.notAssessed,
            notAssessedReason: answer.notAssessedReason,
            explanation: answer.explanation,
          }
        : EMPTY_CONTENT,
    isConflict: (error) => error instanceof ConflictError,
    messageOf: (error) => (error instanceof Error ? error.message : String(error)),
    onSaved: (code) => saved.push(code),
    ...(options.transient ? { isTransient: (error: unknown) => !(error instanceof ConflictError) } : {}),
  });
  store.syncServer([
    { code: '1.1', answer: null },
    { code: '1.2', answer: stored('không', 2) },
  ]);
  return {
    store,
    saves,
    saved,
    setLatest: (answer: StoredAnswer | null) => {
      latest = answer;
    },
    status: (code: string) => store.entry(code)?.status,
  };
}

/** Lets promise callbacks run (the fake API settles through microtasks). */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves 800 ms after the last change, once, with the last content', async () => {
    const { store, saves, status } = setup();
    store.edit('1.1', typed('c'));
    await vi.advanceTimersByTimeAsync(500);
    store.edit('1.1', typed('có'));
    await vi.advanceTimersByTimeAsync(799);
    expect([saves.length, status('1.1')]).toEqual([0, 'pending']);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves.map((save) => [save.code, save.content.value, save.baseVersion])).toEqual([['1.1', 'có', 0]]);
    expect(status('1.1')).toBe('saving');
    saves[0]?.reply.resolve(stored('có', 1));
    await settle();
    expect(status('1.1')).toBe('saved');
    expect(store.entry('1.1')?.base?.version).toBe(1);
    expect(store.entry('1.1')?.draft).toBeNull();
  });

  it('saves at once on blur', async () => {
    const { store, saves } = setup();
    store.edit('1.1', typed('có'));
    store.flush('1.1');
    expect(saves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toHaveLength(1);
  });

  it('typing back what the server holds cancels the save', async () => {
    const { store, saves, status } = setup();
    store.edit('1.2', typed('có'));
    store.edit('1.2', typed('không'));
    await vi.advanceTimersByTimeAsync(1000);
    expect([saves.length, status('1.2')]).toEqual([0, 'saved']);
  });

  it('sends what was typed during a save afterwards, on the new version', async () => {
    const { store, saves, status } = setup();
    store.edit('1.2', typed('có'));
    store.flush('1.2');
    store.edit('1.2', typed('có', { explanation: 'Quyết định số 12' }));
    saves[0]?.reply.resolve(stored('có', 3));
    await settle();
    expect(status('1.2')).toBe('pending');
    await vi.advanceTimersByTimeAsync(800);
    expect(saves.map((save) => [save.content.explanation, save.baseVersion])).toEqual([
      [null, 2],
      ['Quyết định số 12', 3],
    ]);
    saves[1]?.reply.resolve(stored('có', 4, 'Quyết định số 12'));
    await settle();
    expect(status('1.2')).toBe('saved');
  });

  it('keeps the draft when a save fails and tries again on request', async () => {
    const { store, saves, status, saved } = setup();
    store.edit('1.1', typed('có'));
    store.flush('1.1');
    saves[0]?.reply.reject(new Error('Lỗi máy chủ (502)'));
    await settle();
    expect(status('1.1')).toBe('failed');
    expect(store.entry('1.1')?.error).toBe('Lỗi máy chủ (502)');
    expect(store.entry('1.1')?.draft?.value).toBe('có');
    expect(overallStatus(Object.values(store.getSnapshot()))).toBe('failed');
    store.flush('1.1');
    expect(saves[1]?.baseVersion).toBe(0);
    saves[1]?.reply.resolve(stored('có', 1));
    await settle();
    expect([status('1.1'), saved]).toEqual(['saved', ['1.1']]);
  });

  // Before: a save that failed offline stayed failed until the user pressed "try again".
  it('tries a transient failure again by itself, backing off, and at once when the connection returns', async () => {
    const { store, saves, status } = setup({ transient: true });
    store.edit('1.1', typed('có'));
    store.flush('1.1');
    saves[0]?.reply.reject(new TypeError('Failed to fetch'));
    await settle();
    expect(status('1.1')).toBe('failed');
    await vi.advanceTimersByTimeAsync(1999);
    expect(saves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveLength(2);
    saves[1]?.reply.reject(new TypeError('Failed to fetch'));
    await settle();
    // Twice the wait after the second failure; the connection returns before it ends.
    await vi.advanceTimersByTimeAsync(3000);
    expect(saves).toHaveLength(2);
    store.reconnected();
    expect(saves.map((save) => [save.content.value, save.baseVersion])).toEqual([
      ['có', 0],
      ['có', 0],
      ['có', 0],
    ]);
    saves[2]?.reply.resolve(stored('có', 1));
    await settle();
    expect(status('1.1')).toBe('saved');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(saves).toHaveLength(3);
  });

  it('does not repeat a refusal the server would repeat; the connection returning tries every failed save', async () => {
    const { store, saves, status } = setup();
    store.edit('1.1', typed('có'));
    store.flush('1.1');
    saves[0]?.reply.reject(new Error('Bản đánh giá đã khóa'));
    await settle();
    await vi.advanceTimersByTimeAsync(120_000);
    expect([saves.length, status('1.1')]).toEqual([1, 'failed']);
    store.reconnected();
    expect(saves).toHaveLength(2);
  });

  it('never sends an invalid draft, and sends it once fixed', async () => {
    const { store, saves, status } = setup();
    store.edit('1.1', typed('12/'), 'Nhập cả a và b');
    await vi.advanceTimersByTimeAsync(1000);
    store.flush('1.1');
    expect([saves.length, status('1.1'), store.entry('1.1')?.error]).toEqual([0, 'invalid', 'Nhập cả a và b']);
    store.edit('1.1', typed('12/15'));
    await vi.advanceTimersByTimeAsync(800);
    expect(saves.map((save) => save.content.value)).toEqual(['12/15']);
  });

  describe('a conflict (someone else saved first)', () => {
    async function conflicted() {
      const context = setup();
      context.setLatest(stored('có', 3, 'Sửa bởi lãnh đạo'));
      context.store.edit('1.2', typed('không', { explanation: 'Của tôi' }));
      context.store.flush('1.2');
      context.saves[0]?.reply.reject(new ConflictError('stale'));
      await settle();
      return context;
    }

    it('shows both versions and loses neither', async () => {
      const { store, status } = await conflicted();
      expect(status('1.2')).toBe('conflict');
      expect(store.entry('1.2')?.draft?.explanation).toBe('Của tôi');
      expect(store.entry('1.2')?.theirs?.explanation).toBe('Sửa bởi lãnh đạo');
      expect(overallStatus(Object.values(store.getSnapshot()))).toBe('conflict');
    });

    it('saves mine again on the server version when I keep mine', async () => {
      const { store, saves, status } = await conflicted();
      store.keepMine('1.2');
      expect(saves.map((save) => [save.content.explanation, save.baseVersion])).toEqual([
        ['Của tôi', 2],
        ['Của tôi', 3],
      ]);
      saves[1]?.reply.resolve(stored('không', 4, 'Của tôi'));
      await settle();
      expect(status('1.2')).toBe('saved');
    });

    it('shows the server version when I take theirs', async () => {
      const { store, saves, status } = await conflicted();
      store.takeTheirs('1.2');
      expect([status('1.2'), store.entry('1.2')?.draft, store.entry('1.2')?.baseContent.explanation]).toEqual([
        'saved',
        null,
        'Sửa bởi lãnh đạo',
      ]);
      await vi.advanceTimersByTimeAsync(1000);
      expect(saves).toHaveLength(1);
    });

    it('resolves itself when both typed the same', async () => {
      const { store, saves, setLatest, status } = setup();
      setLatest(stored('có', 3));
      store.edit('1.2', typed('có'));
      store.flush('1.2');
      saves[0]?.reply.reject(new ConflictError('stale'));
      await settle();
      expect([status('1.2'), store.entry('1.2')?.base?.version]).toEqual(['saved', 3]);
    });
  });

  it('takes in newer server answers only where nothing is being edited', () => {
    const { store } = setup();
    store.edit('1.1', typed('có'));
    store.syncServer([
      { code: '1.1', answer: stored('không', 1) },
      { code: '1.2', answer: stored('có', 5) },
    ]);
    expect(store.entry('1.1')?.draft?.value).toBe('có');
    expect(store.entry('1.1')?.base).toBeNull();
    expect(store.entry('1.2')?.baseContent.value).toBe('có');
    // An older copy (a refetch that raced a save) never replaces a newer one.
    store.syncServer([{ code: '1.2', answer: stored('không', 4) }]);
    expect(store.entry('1.2')?.base?.version).toBe(5);
  });

  it('keeps one snapshot object while nothing changes', () => {
    const { store } = setup();
    const before = store.getSnapshot();
    store.syncServer([{ code: '1.2', answer: stored('không', 2) }]);
    store.flush('1.2');
    expect(store.getSnapshot()).toBe(before);
  });
});
