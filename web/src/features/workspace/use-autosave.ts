import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ApiError } from '../../api/client';
import { useLocale } from '../../i18n/locale';
import { overallStatus } from './autosave-machine';
import { AutosaveStore } from './autosave-store';
import type { AnswerItem } from './framework-items';
import { contentFromStored } from './method-input';
import {
  type AssessmentView,
  fetchAssessmentView,
  isStaleVersion,
  rememberSavedAnswer,
  saveAnswer,
  toStoredAnswer,
  workspaceKeys,
} from './workspace-api';

/**
 * The autosave store of one assessment, fed with the server's answers whenever the view is
 * (re)fetched. Leaving the page saves what is waiting; closing the tab with unsaved work asks first.
 */
export function useAutosave(view: AssessmentView, items: Map<string, AnswerItem>) {
  const queryClient = useQueryClient();
  const { locale } = useLocale();
  const latest = useRef({ items, locale });
  latest.current = { items, locale };
  const assessmentId = view.id;

  const [store] = useState(
    () =>
      new AutosaveStore({
        save: (code, content, baseVersion) => saveAnswer(assessmentId, code, content, baseVersion),
        fetchLatest: async (code) => {
          const fresh = await fetchAssessmentView(assessmentId);
          queryClient.setQueryData(workspaceKeys.view(assessmentId), fresh);
          const answer = fresh.answers.find((item) => item.indicatorCode === code);
          return answer ? toStoredAnswer(answer) : null;
        },
        contentOf: (code, answer) => contentFromStored(latest.current.items.get(code), answer),
        isConflict: isStaleVersion,
        messageOf: (error) => {
          if (error instanceof ApiError) return error.message;
          return latest.current.locale === 'vi' ? 'Không kết nối được máy chủ' : 'Cannot reach the server';
        },
        onSaved: (code, answer) => rememberSavedAnswer(queryClient, assessmentId, code, answer),
        // No answer from the server (offline, a dropped connection) or a server fault: try again.
        isTransient: (error) => !(error instanceof ApiError) || error.status >= 500,
      }),
  );

  // The connection is back: what failed while offline is saved without waiting for the backoff.
  useEffect(() => {
    const retry = () => store.reconnected();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [store]);

  useEffect(() => {
    const byCode = new Map(view.answers.map((answer) => [answer.indicatorCode, answer]));
    store.syncServer(
      [...items.keys()].map((code) => {
        const answer = byCode.get(code);
        return { code, answer: answer ? toStoredAnswer(answer) : null };
      }),
    );
  }, [store, view, items]);

  // Leaving the page: whatever waits for its quiet time goes now.
  useEffect(() => () => store.flushAll(), [store]);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const overall = overallStatus(Object.values(snapshot));

  useEffect(() => {
    if (overall === 'saved') return;
    const warn = (event: BeforeUnloadEvent) => {
      store.flushAll();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [overall, store]);

  return { store, snapshot, overall };
}
