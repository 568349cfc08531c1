import type { AnswerContent } from './autosave-machine';
import type { MainIndexGroup } from './framework-items';

/**
 * Completeness of a self-assessment, computed the way the server counts its progress (answered:
 * not assessed, or a value, or points; evidence missing: answered, assessed, without any evidence),
 * but from what is on screen, so the tree and the checklist follow every keystroke.
 */

export function isAnswered(content: AnswerContent | undefined): boolean {
  if (!content) return false;
  return content.notAssessed || (content.value?.trim() ?? '') !== '' || content.points !== null;
}

export type IndicatorStatus = 'empty' | 'notAssessed' | 'noEvidence' | 'complete';

export function indicatorStatus(content: AnswerContent | undefined, evidenceCount: number): IndicatorStatus {
  if (!isAnswered(content)) return 'empty';
  if (content?.notAssessed) return 'notAssessed';
  return evidenceCount > 0 ? 'complete' : 'noEvidence';
}

export interface GroupProgress {
  code: string;
  total: number;
  answered: number;
  evidenceMissing: number;
}

export function groupProgress(
  group: MainIndexGroup,
  contentOf: (code: string) => AnswerContent | undefined,
  evidenceOf: (code: string) => number,
): GroupProgress {
  let answered = 0;
  let evidenceMissing = 0;
  for (const item of group.items) {
    const status = indicatorStatus(contentOf(item.code), evidenceOf(item.code));
    if (status !== 'empty') answered++;
    if (status === 'noEvidence') evidenceMissing++;
  }
  return { code: group.code, total: group.items.length, answered, evidenceMissing };
}

export interface Checklist {
  /** Neither answered nor marked "not assessed": scored 0. */
  unanswered: string[];
  /** Answered without any evidence: the council cannot accept the points. */
  withoutEvidence: string[];
  /** Marked "not assessed" without the reason the council needs. */
  notAssessedWithoutReason: string[];
  /** Edits not stored yet (saving, failed, in conflict, or invalid). */
  unsaved: string[];
  /** Submitting now would send something else than what is on screen, or an incomplete "not assessed". */
  blocking: boolean;
  total: number;
}

export function buildChecklist(
  groups: MainIndexGroup[],
  contentOf: (code: string) => AnswerContent | undefined,
  evidenceOf: (code: string) => number,
  isUnsaved: (code: string) => boolean,
): Checklist {
  const checklist: Checklist = {
    unanswered: [],
    withoutEvidence: [],
    notAssessedWithoutReason: [],
    unsaved: [],
    blocking: false,
    total: 0,
  };
  for (const group of groups) {
    for (const item of group.items) {
      checklist.total++;
      const content = contentOf(item.code);
      const status = indicatorStatus(content, evidenceOf(item.code));
      if (status === 'empty') checklist.unanswered.push(item.code);
      if (status === 'noEvidence') checklist.withoutEvidence.push(item.code);
      if (status === 'notAssessed' && !content?.notAssessedReason?.trim()) checklist.notAssessedWithoutReason.push(item.code);
      if (isUnsaved(item.code)) checklist.unsaved.push(item.code);
    }
  }
  checklist.blocking = checklist.unsaved.length > 0 || checklist.notAssessedWithoutReason.length > 0;
  return checklist;
}
