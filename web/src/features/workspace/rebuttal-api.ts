import { api } from '../../api/client';
import type { AssessmentView } from './workspace-api';

/** The rebuttal round as the assessment view carries it (giải trình, kiến nghị). */
export type RebuttalView = AssessmentView['rebuttal'];
export type Contest = RebuttalView['contests'][number];

/** Writes (or rewrites) the unit's contest of one adjusted indicator. */
export async function saveContest(assessmentId: string, code: string, explanation: string): Promise<void> {
  await api.PUT('/api/v1/assessments/{assessmentId}/rebuttal/{indicatorCode}', {
    params: { path: { assessmentId, indicatorCode: code } },
    body: { explanation },
  });
}

/** Withdraws a contest not sent yet. */
export async function withdrawContest(assessmentId: string, code: string): Promise<void> {
  await api.DELETE('/api/v1/assessments/{assessmentId}/rebuttal/{indicatorCode}', {
    params: { path: { assessmentId, indicatorCode: code } },
  });
}

/** The leader sends the contests to the council (the `submitRebuttal` transition). */
export async function submitRebuttal(assessmentId: string): Promise<void> {
  await api.POST('/api/v1/assessments/{assessmentId}/transitions', {
    params: { path: { assessmentId } },
    body: { action: 'submitRebuttal' },
  });
}
