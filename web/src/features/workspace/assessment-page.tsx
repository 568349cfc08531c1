import { Alert, Anchor, Box, Button, Drawer, Grid, Group, Progress, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { type CurrentUser, holds } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { todayInVietnam } from '../../shared/calendar-day';
import { DocumentMenu } from '../../shared/document-menu';
import { formatDate } from '../../shared/format';
import { AssessmentStateBadge, SubmittedAtCloseBadge } from '../../shared/state-badges';
import { contentOf, hasUnsavedWork } from './autosave-machine';
import { answerGroups, type FrameworkShape, localName } from './framework-items';
import { IndicatorPanel } from './indicator-panel';
import { IndicatorTree } from './indicator-tree';
import { workspaceMessages } from './messages';
import { OfflineModal } from './offline-modal';
import { RebuttalSection } from './rebuttal-section';
import { OverallSaveStatus } from './status-badges';
import { buildChecklist, groupProgress } from './submission-checklist';
import { SubmissionModal } from './submission-modal';
import { SupplementationBanner } from './supplementation-banner';
import { UnitGuard } from './unit-guard';
import { useAutosave } from './use-autosave';
import {
  type AssessmentView,
  actionVerdict,
  type FrameworkDocument,
  type SupplementationRequest,
  useAssessmentView,
  useFramework,
  workspaceKeys,
} from './workspace-api';

const INDICATOR_PARAM = 'chi-so';

/** /don-vi/:assessmentId — the unit fills in its self-assessment, indicator by indicator. */
export default function AssessmentPage() {
  const { assessmentId = '' } = useParams();
  return <UnitGuard>{(user) => <AssessmentLoader key={assessmentId} assessmentId={assessmentId} user={user} />}</UnitGuard>;
}

function AssessmentLoader({ assessmentId, user }: { assessmentId: string; user: CurrentUser }) {
  const view = useAssessmentView(assessmentId);
  const framework = useFramework(view.data?.framework.id);
  if (view.error) return <ErrorNotice error={view.error} />;
  if (framework.error) return <ErrorNotice error={framework.error} />;
  if (!view.data || !framework.data) return <PageLoader />;
  return <AssessmentWorkspace view={view.data} framework={framework.data} user={user} />;
}

function AssessmentWorkspace({
  view,
  framework,
  user,
}: {
  view: AssessmentView;
  framework: FrameworkDocument;
  user: CurrentUser;
}) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [treeOpened, tree] = useDisclosure(false);
  const [submitOpened, submitModal] = useDisclosure(false);
  const queryClient = useQueryClient();
  const [offlineOpened, offlineModal] = useDisclosure(false);

  const groups = useMemo(() => answerGroups(framework as FrameworkShape), [framework]);
  const order = useMemo(() => groups.flatMap((group) => group.items), [groups]);
  const items = useMemo(() => new Map(order.map((item) => [item.code, item])), [order]);
  const { store, snapshot, overall } = useAutosave(view, items);

  const viewAnswers = useMemo(() => new Map(view.answers.map((answer) => [answer.indicatorCode, answer])), [view.answers]);
  const [evidenceCounts, setEvidenceCounts] = useState<Record<string, number>>({});
  const onEvidenceCount = useCallback(
    (code: string, count: number) =>
      setEvidenceCounts((current) => (current[code] === count ? current : { ...current, [code]: count })),
    [],
  );
  const evidenceOf = (code: string) => evidenceCounts[code] ?? viewAnswers.get(code)?.evidenceCount ?? 0;
  const answerOf = (code: string) => {
    const entry = snapshot[code];
    return entry ? contentOf(entry) : undefined;
  };

  const requestsByCode = useMemo(() => {
    const map = new Map<string, SupplementationRequest[]>();
    for (const request of view.supplementationRequests) {
      map.set(request.indicatorCode, [...(map.get(request.indicatorCode) ?? []), request]);
    }
    return map;
  }, [view.supplementationRequests]);
  const treeRequests = useMemo(() => {
    const map = new Map<string, { open: boolean; overdue: boolean }>();
    for (const [code, requests] of requestsByCode) {
      map.set(code, {
        open: requests.some((request) => request.status === 'open'),
        overdue: requests.some((request) => request.overdue),
      });
    }
    return map;
  }, [requestsByCode]);

  // What this user may do, as the server decided it (core's workflow and policy): answer while the
  // assessment is the unit's draft, add to an indicator under an open request, submit, send back.
  const actionsOf = useMemo(() => new Map(view.indicators.map((row) => [row.code, row])), [view.indicators]);
  const editable = view.indicators.some((row) => row.answer.allowed);
  const supplementing = view.state === 'supplementationRequested';
  // The rebuttal round: shown once the council sent its results, and kept with the finalised result.
  const inRebuttal =
    view.rebuttal.resultsSentAt !== null && ['rebuttalOpen', 'rebuttalSubmitted', 'finalised'].includes(view.state);
  const contested = new Set(view.rebuttal.contests.map((contest) => contest.indicatorCode));
  const isLeader = holds(user, 'assessment.submit');
  const deadlinePassed = todayInVietnam() > view.deadline;

  const [params, setParams] = useSearchParams();
  const requested = params.get(INDICATOR_PARAM);
  const firstOpenRequest = view.supplementationRequests.find((request) => request.status === 'open')?.indicatorCode;
  const selectedCode =
    requested && items.has(requested) ? requested : supplementing && firstOpenRequest ? firstOpenRequest : (order[0]?.code ?? '');
  const selectedIndex = order.findIndex((item) => item.code === selectedCode);
  const selected = order[selectedIndex];
  const select = (code: string) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(INDICATOR_PARAM, code);
        return next;
      },
      { preventScrollReset: true },
    );
    tree.close();
    document.getElementById('indicator-panel')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  const progress = new Map(groups.map((group) => [group.code, groupProgress(group, answerOf, evidenceOf)]));
  const totals = [...progress.values()].reduce(
    (sum, group) => ({
      answered: sum.answered + group.answered,
      total: sum.total + group.total,
      evidenceMissing: sum.evidenceMissing + group.evidenceMissing,
    }),
    { answered: 0, total: 0, evidenceMissing: 0 },
  );
  const checklist = buildChecklist(groups, answerOf, evidenceOf, (code) => {
    const entry = snapshot[code];
    return entry ? hasUnsavedWork(entry) : false;
  });
  const firstProblem = Object.entries(snapshot).find(([, entry]) =>
    ['conflict', 'invalid', 'failed'].includes(entry.status),
  )?.[0];

  const treeElement = (
    <IndicatorTree
      groups={groups}
      progress={progress}
      selected={selectedCode}
      onSelect={select}
      contentOf={answerOf}
      evidenceOf={evidenceOf}
      entries={snapshot}
      requests={supplementing || view.state === 'supplemented' ? treeRequests : new Map()}
    />
  );

  const group = selected ? groups.find((candidate) => candidate.code === selected.mainIndexCode) : undefined;
  const selectedRequests = selected ? (requestsByCode.get(selected.code) ?? []) : [];

  return (
    <Stack gap="md" maw={1400} mx="auto">
      <Stack gap={6}>
        <Anchor component={Link} to="/don-vi" size="sm">
          ← {t('backToList')}
        </Anchor>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Title order={1} size="h2">
              {view.unit.name}
            </Title>
            <Text c="dimmed" size="sm">
              {view.period.name} · {localName(framework, locale)}
            </Text>
            <Group gap="xs" wrap="wrap">
              <AssessmentStateBadge state={view.state} />
              {view.submittedAtClose && <SubmittedAtCloseBadge />}
              <Text size="sm" c={editable && deadlinePassed ? 'red' : undefined} fw={editable && deadlinePassed ? 600 : 400}>
                {t('deadline', { date: formatDate(view.deadline, locale) })}
                {editable && deadlinePassed ? ` — ${t('deadlinePassedShort')}` : ''}
              </Text>
            </Group>
          </Stack>
          <Stack gap="xs" align={wide ? 'flex-end' : 'flex-start'}>
            {editable && (
              <OverallSaveStatus
                status={overall}
                onRetry={() => store.flushAll()}
                onShow={() => firstProblem && select(firstProblem)}
              />
            )}
            <Group gap="xs" wrap="wrap">
              <Button variant="default" onClick={offlineModal.open}>
                {t('offline.button')}
              </Button>
              <DocumentMenu
                links={[
                  { label: t('documents.selfAssessment'), href: `/api/v1/assessments/${view.id}/documents/self-assessment` },
                  // The score sheet is made from the published results only.
                  ...(['published', 'archived'].includes(view.period.state)
                    ? [
                        {
                          label: t('documents.scoreSheet'),
                          href: `/api/v1/periods/${view.period.id}/documents/score-sheets/${encodeURIComponent(view.unit.code)}`,
                        },
                      ]
                    : []),
                ]}
              />
              {editable && (
                <Button
                  color="teal"
                  onClick={() => {
                    // The total the leader signs is the server's, over what is stored now.
                    void queryClient.invalidateQueries({ queryKey: workspaceKeys.view(view.id), exact: true });
                    submitModal.open();
                  }}
                >
                  {isLeader ? t('submit.open') : t('submit.openReporter')}
                </Button>
              )}
            </Group>
          </Stack>
        </Group>
        <Box>
          <Progress
            value={totals.total > 0 ? (totals.answered / totals.total) * 100 : 0}
            size="md"
            color={totals.answered === totals.total ? 'green' : 'indigo'}
            aria-label={t('progress', { answered: totals.answered, total: totals.total })}
          />
          <Text size="sm" c="dimmed" mt={4}>
            {t('progress', { answered: totals.answered, total: totals.total })}
            {totals.evidenceMissing > 0 ? ` · ${t('progressEvidence', { count: totals.evidenceMissing })}` : ''}
          </Text>
        </Box>
      </Stack>

      {!editable && !supplementing && !inRebuttal && (
        <Alert color={supplementing ? 'orange' : 'gray'} variant="light" title={t('readOnly.title')}>
          {t(view.submittedAtClose && view.state === 'submitted' ? 'readOnly.submittedAtClose' : `readOnly.${view.state}`, {
            submitted: formatDate(view.submittedAt, locale),
            finalised: formatDate(view.finalisedAt, locale),
          })}
        </Alert>
      )}
      {supplementing && (
        <SupplementationBanner
          assessmentId={view.id}
          requests={view.supplementationRequests.filter((request) => request.status !== 'closed')}
          sendBack={actionVerdict(view, 'submitSupplementation')}
          nameOf={(code) => {
            const item = items.get(code);
            return item ? localName(item, locale) : '';
          }}
          onSelect={select}
        />
      )}

      {inRebuttal && (
        <RebuttalSection
          view={view}
          nameOf={(code) => {
            const item = items.get(code);
            return item ? localName(item, locale) : '';
          }}
          onSelect={select}
        />
      )}

      <Grid gap="md">
        {wide && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Box pos="sticky" top={76}>
              <ScrollArea.Autosize mah="calc(100vh - 96px)" offsetScrollbars type="auto">
                {treeElement}
              </ScrollArea.Autosize>
            </Box>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: 8 }} id="indicator-panel" style={{ scrollMarginTop: 72 }}>
          {!wide && (
            <Button variant="light" fullWidth mb="sm" onClick={tree.open}>
              {t('tree.open', { answered: totals.answered, total: totals.total })}
            </Button>
          )}
          {selected && group ? (
            <IndicatorPanel
              key={selected.code}
              assessmentId={view.id}
              item={selected}
              groupLabel={`${group.code}. ${localName(group, locale)}`}
              entry={snapshot[selected.code]}
              store={store}
              editable={editable}
              canAddEvidence={Boolean(
                actionsOf.get(selected.code)?.answer.allowed ||
                  actionsOf.get(selected.code)?.supplement.allowed ||
                  // In the rebuttal window, evidence backs a contest the unit has written.
                  (actionsOf.get(selected.code)?.contest.allowed && contested.has(selected.code)),
              )}
              requests={selectedRequests}
              canRespond={supplementing}
              appraisal={view.appraisals.find((appraisal) => appraisal.indicatorCode === selected.code)}
              csrfToken={user.csrfToken}
              onEvidenceCount={onEvidenceCount}
              previous={order[selectedIndex - 1]}
              next={order[selectedIndex + 1]}
              onSelect={select}
            />
          ) : (
            <Text c="dimmed">{t('noIndicators')}</Text>
          )}
        </Grid.Col>
      </Grid>

      <Drawer opened={treeOpened} onClose={tree.close} title={t('tree.label')} size="100%" padding="md">
        {treeElement}
      </Drawer>
      <SubmissionModal
        opened={submitOpened}
        onClose={submitModal.close}
        assessmentId={view.id}
        unitName={view.unit.name}
        deadline={view.deadline}
        deadlinePassed={deadlinePassed}
        checklist={checklist}
        items={items}
        isLeader={isLeader}
        canSubmit={view.allowedActions.includes('submit')}
        onSelect={select}
        selfTotal={view.selfTotal}
        precision={framework.precision}
      />
      <OfflineModal
        opened={offlineOpened}
        onClose={offlineModal.close}
        assessmentId={view.id}
        canImport={editable}
        hasUnsavedWork={overall !== 'saved'}
        csrfToken={user.csrfToken}
        isKnown={(code) => items.has(code)}
        onSelect={select}
      />
    </Stack>
  );
}
