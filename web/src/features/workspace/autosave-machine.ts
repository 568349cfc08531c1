/**
 * The save state of one answer, as a pure reducer: what the form shows ("Đã lưu", "Đang lưu…",
 * "Lưu thất bại – thử lại", a conflict) follows from the events the autosave controller feeds it.
 * Nothing typed is ever dropped: a draft leaves the state only when the server holds exactly it, or
 * when the user chooses the server's version in a conflict.
 */

/** What the unit edits in one answer; the PUT body without its baseVersion. */
export interface AnswerContent {
  value: string | null;
  /** Points typed over what the value gives (from a spreadsheet); null when the value decides. */
  points: number | null;
  notAssessed: boolean;
  notAssessedReason: string | null;
  explanation: string | null;
}

/** An answer as the server stores it. */
export interface StoredAnswer {
  value: string | null;
  selfPoints: number | null;
  notAssessed: boolean;
  notAssessedReason: string | null;
  explanation: string | null;
  version: number;
  updatedAt: string;
}

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict' | 'invalid';

export interface EntryState {
  /** The last answer known from the server; null before the first save (version 0). */
  base: StoredAnswer | null;
  /** The content `base` stands for. */
  baseContent: AnswerContent;
  /** Edits not yet known to be stored; null when the form shows `baseContent`. */
  draft: AnswerContent | null;
  /** The content of the save under way. */
  inFlight: AnswerContent | null;
  status: SaveStatus;
  /** Why the last save failed, or what is wrong with the draft (invalid). */
  error: string | null;
  /** What is wrong with the draft; such a draft is kept but never sent. */
  problem: string | null;
  /** The server's version after a 409, shown beside the draft until the user chooses. */
  theirs: StoredAnswer | null;
  theirsContent: AnswerContent | null;
}

export type AutosaveEvent =
  | { type: 'edited'; content: AnswerContent; problem: string | null }
  | { type: 'saveStarted' }
  | { type: 'saveSucceeded'; answer: StoredAnswer; content: AnswerContent }
  | { type: 'saveFailed'; message: string }
  | { type: 'conflictDetected'; theirs: StoredAnswer | null; content: AnswerContent }
  | { type: 'keptMine' }
  | { type: 'tookTheirs' }
  | { type: 'serverChanged'; answer: StoredAnswer | null; content: AnswerContent };

export const EMPTY_CONTENT: AnswerContent = {
  value: null,
  points: null,
  notAssessed: false,
  notAssessedReason: null,
  explanation: null,
};

const blank = (text: string | null): string => text?.trim() ?? '';

/** Same answer for the server: blank texts are equal to null, surrounding spaces do not count. */
export function sameContent(a: AnswerContent, b: AnswerContent): boolean {
  return (
    blank(a.value) === blank(b.value) &&
    a.points === b.points &&
    a.notAssessed === b.notAssessed &&
    (!a.notAssessed || blank(a.notAssessedReason) === blank(b.notAssessedReason)) &&
    blank(a.explanation) === blank(b.explanation)
  );
}

export function initialEntry(base: StoredAnswer | null, baseContent: AnswerContent): EntryState {
  return {
    base,
    baseContent,
    draft: null,
    inFlight: null,
    status: 'saved',
    error: null,
    problem: null,
    theirs: null,
    theirsContent: null,
  };
}

/** The content the form shows. */
export function contentOf(entry: EntryState): AnswerContent {
  return entry.draft ?? entry.baseContent;
}

export function autosaveReducer(entry: EntryState, event: AutosaveEvent): EntryState {
  switch (event.type) {
    case 'edited': {
      if (entry.status === 'conflict') return { ...entry, draft: event.content, problem: event.problem };
      if (event.problem !== null) {
        return { ...entry, draft: event.content, problem: event.problem, status: 'invalid', error: event.problem };
      }
      const settled = entry.inFlight === null && sameContent(event.content, entry.baseContent);
      if (settled) return { ...entry, draft: null, problem: null, status: 'saved', error: null };
      return { ...entry, draft: event.content, problem: null, status: entry.inFlight ? 'saving' : 'pending', error: null };
    }
    case 'saveStarted':
      if (entry.draft === null || entry.inFlight !== null || entry.problem !== null || entry.status === 'conflict') return entry;
      return { ...entry, inFlight: entry.draft, status: 'saving', error: null };
    case 'saveSucceeded': {
      const saved = entry.inFlight;
      const base = { base: event.answer, baseContent: event.content, inFlight: null };
      // Typed on while the save was under way: the newer draft still has to go.
      if (entry.draft !== null && saved !== null && !sameContent(entry.draft, saved)) {
        return { ...entry, ...base, ...stillToSave(entry) };
      }
      return { ...entry, ...base, draft: null, status: 'saved', error: null };
    }
    case 'saveFailed':
      if (entry.problem !== null) return { ...entry, inFlight: null, status: 'invalid', error: entry.problem };
      return { ...entry, inFlight: null, status: 'failed', error: event.message };
    case 'conflictDetected':
      return {
        ...entry,
        inFlight: null,
        status: 'conflict',
        error: null,
        theirs: event.theirs,
        theirsContent: event.content,
      };
    case 'keptMine': {
      if (entry.status !== 'conflict') return entry;
      // The draft is saved again on the server's version: the user has seen what it replaces.
      return {
        ...entry,
        base: entry.theirs,
        baseContent: entry.theirsContent ?? entry.baseContent,
        theirs: null,
        theirsContent: null,
        ...(entry.draft ? stillToSave(entry) : { status: 'saved' as const, error: null }),
      };
    }
    case 'tookTheirs':
      if (entry.status !== 'conflict') return entry;
      return {
        ...entry,
        base: entry.theirs,
        baseContent: entry.theirsContent ?? entry.baseContent,
        draft: null,
        problem: null,
        theirs: null,
        theirsContent: null,
        status: 'saved',
        error: null,
      };
    case 'serverChanged': {
      // Another save (an import, a colleague) landed: adopt it only where nothing local is pending;
      // otherwise the next save meets it as a conflict and the user decides.
      const newer = (event.answer?.version ?? 0) > (entry.base?.version ?? 0);
      if (!newer || entry.draft !== null || entry.inFlight !== null || entry.status === 'conflict') return entry;
      return { ...entry, base: event.answer, baseContent: event.content };
    }
  }
}

function stillToSave(entry: EntryState): Pick<EntryState, 'status' | 'error'> {
  return entry.problem !== null ? { status: 'invalid', error: entry.problem } : { status: 'pending', error: null };
}

/** True while something typed is not stored yet. */
export function hasUnsavedWork(entry: EntryState): boolean {
  return entry.status !== 'saved';
}

export type OverallStatus = 'saved' | 'saving' | 'failed' | 'conflict' | 'invalid';

/** One word for the whole page: the most urgent state of any answer. */
export function overallStatus(entries: Iterable<EntryState>): OverallStatus {
  let overall: OverallStatus = 'saved';
  const rank: Record<OverallStatus, number> = { saved: 0, saving: 1, invalid: 2, failed: 3, conflict: 4 };
  for (const entry of entries) {
    const status: OverallStatus =
      entry.status === 'pending' || entry.status === 'saving' ? 'saving' : entry.status === 'saved' ? 'saved' : entry.status;
    if (rank[status] > rank[overall]) overall = status;
  }
  return overall;
}
