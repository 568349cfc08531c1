import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ApiResponse } from '../../api/types';
import { bodyOf } from './api-result';

export type StatusBoard = ApiResponse<'/api/v1/periods/{periodId}/status-board'>;
export type StatusBoardRow = StatusBoard['items'][number];
export type UnitAction = StatusBoardRow['unitActions'][number];
export type Participation = StatusBoardRow['participation'];

const boardKey = (periodId: string | undefined) => ['admin', 'status-board', periodId] as const;

export function useStatusBoard(periodId: string | undefined) {
  return useQuery({
    queryKey: boardKey(periodId),
    enabled: Boolean(periodId),
    queryFn: async () =>
      bodyOf<StatusBoard>(
        await api.GET('/api/v1/periods/{periodId}/status-board', { params: { path: { periodId: periodId as string } } }),
      ),
  });
}

/** What the manager does to one unit from the board: each refreshes the board and the period. */
export type BoardChange =
  | { kind: 'returnToUnit'; assessmentId: string; reason: string }
  | { kind: 'extendDeadline'; assessmentId: string; date: string; reason: string }
  | { kind: 'participation'; assessmentId: string; participation: Participation; reason: string };

export function useBoardChange(periodId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: BoardChange) => {
      const path = { assessmentId: change.assessmentId };
      switch (change.kind) {
        case 'returnToUnit':
          return bodyOf<unknown>(
            await api.POST('/api/v1/assessments/{assessmentId}/transitions', {
              params: { path },
              body: { action: 'returnToUnit', reason: change.reason },
            }),
          );
        case 'extendDeadline':
          return bodyOf<unknown>(
            await api.PUT('/api/v1/assessments/{assessmentId}/deadline', {
              params: { path },
              body: { date: change.date, reason: change.reason },
            }),
          );
        case 'participation':
          return bodyOf<unknown>(
            await api.PUT('/api/v1/assessments/{assessmentId}/participation', {
              params: { path },
              body: { participation: change.participation, reason: change.reason },
            }),
          );
      }
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: boardKey(periodId) });
      await queryClient.invalidateQueries({ queryKey: ['admin', 'periods'] });
    },
  });
}
