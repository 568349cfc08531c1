import { Alert, Anchor, Box, Breadcrumbs, Button, Grid, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { holds, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { DocumentMenu } from '../../shared/document-menu';
import { formatDate } from '../../shared/format';
import { AssessmentStateBadge, SubmittedAtCloseBadge } from '../../shared/state-badges';
import { useAcceptRemaining, useAssessment, useFramework, useWithdrawRequest } from './appraisal-queries';
import { ChairActions, type Pending, TransitionModal } from './chair-actions';
import { IndicatorDetail } from './indicator-detail';
import { IndicatorList } from './indicator-list';
import {
  acceptableRemaining,
  acceptableRemainingInUnit,
  buildOutline,
  decideModeOf,
  decisionStatus,
  firstItemToAppraise,
  neighbourCode,
  type OutlineMainIndex,
  outlineItems,
} from './indicator-outline';
import { appraisalMessages } from './messages';
import { RebuttalPanel } from './rebuttal-panel';

const INDICATOR_PARAM = 'chi-so';

/** What "accept the remaining" is about to accept: one main index, or the whole unit (no main index). */
interface AcceptScope {
  mainIndexCode?: string;
  name: string;
  codes: string[];
}

/** /tham-dinh/:assessmentId — one unit's assessment, indicator by indicator. */
export default function AssessmentPage() {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  const { assessmentId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const assessment = useAssessment(assessmentId);
  const framework = useFramework(assessment.data?.framework.id);
  const acceptRemaining = useAcceptRemaining(assessmentId);
  const [confirming, setConfirming] = useState<AcceptScope | undefined>();
  const [pending, setPending] = useState<Pending>();
  const [withdrawing, setWithdrawing] = useState<{ id: string; code: string } | undefined>();
  const withdraw = useWithdrawRequest(assessmentId);
  const { data: user } = useCurrentUser();

  const outline = useMemo(() => (framework.data ? buildOutline(framework.data, locale) : []), [framework.data, locale]);
  const items = outlineItems(outline);
  const appraisals = assessment.data?.appraisals ?? [];
  // What this user may do on each indicator, as the server decided it (core's workflow and policy).
  const indicatorActions = useMemo(
    () => new Map((assessment.data?.indicators ?? []).map((row) => [row.code, row])),
    [assessment.data?.indicators],
  );
  const actionsOf = (code: string) => indicatorActions.get(code);
  const requested = params.get(INDICATOR_PARAM);
  const selectedCode =
    requested && items.some((item) => item.code === requested) ? requested : firstItemToAppraise(outline, appraisals, actionsOf);
  const selected = items.find((item) => item.code === selectedCode);

  // Also set when selecting, so that a key held down (auto-repeat faster than a render) steps from
  // the indicator just chosen rather than from the one the last render showed.
  const current = useRef(selectedCode);
  current.current = selectedCode;
  const select = (code: string | undefined) => {
    if (!code) return;
    current.current = code;
    setParams({ [INDICATOR_PARAM]: code }, { replace: true });
  };
  const step = (direction: 1 | -1) => current.current && select(neighbourCode(outline, current.current, direction));
  // Outside text fields (Mantine's default), so that typing a reason never jumps away from it.
  useHotkeys([
    ['alt+ArrowDown', () => step(1)],
    ['alt+ArrowUp', () => step(-1)],
  ]);

  if (assessment.isPending || (assessment.data && framework.isPending)) return <PageLoader />;
  if (assessment.error) return <ErrorNotice error={assessment.error} />;
  if (framework.error) return <ErrorNotice error={framework.error} />;
  const view = assessment.data;

  const acceptable = (main: OutlineMainIndex) => acceptableRemaining(main, appraisals, actionsOf);
  const confirmMain = (main: OutlineMainIndex) =>
    setConfirming({ mainIndexCode: main.code, name: `${main.code}. ${main.name}`, codes: acceptable(main) });
  // Over every main index, only what the server lets this user decide now (assignment, no indicator
  // waiting for the unit): the whole unit in one go once its evidence is checked.
  const acceptableInUnit = acceptableRemainingInUnit(outline, appraisals, actionsOf);
  const decided = items.filter((item) => ['accepted', 'adjusted'].includes(decisionStatus(item.code, appraisals))).length;
  const requests = view.supplementationRequests;
  const openRequests = requests.filter((request) => request.status === 'open').length;

  const confirmWithdraw = () => {
    if (!withdrawing) return;
    withdraw.mutate(withdrawing.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('withdrawn', { code: withdrawing.code }) });
        setWithdrawing(undefined);
      },
      onError: (error) => notifications.show({ color: 'red', title: t('notSaved'), message: error.message }),
    });
  };
  // The chair's finalise (or reopen) lives here too, once every indicator is decided: the button and
  // its reason come from the server's allowed and denied actions, as on the overview.
  const closesAppraisals = holds(user, 'appraisal.finalise');

  const confirmAcceptRemaining = () => {
    if (!confirming) return;
    acceptRemaining.mutate(confirming.mainIndexCode, {
      onSuccess: (accepted) => {
        notifications.show({ color: 'green', message: t('acceptedCount', { count: accepted.length }) });
        setConfirming(undefined);
      },
      onError: (error) => notifications.show({ color: 'red', title: t('notSaved'), message: error.message }),
    });
  };

  return (
    <Stack gap="md">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to={`/tham-dinh?ky=${view.period.id}`} size="sm">
          {t('appraisal')}
        </Anchor>
        <Anchor component={Link} to={`/tham-dinh/ky/${view.period.id}`} size="sm">
          {view.period.name}
        </Anchor>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={2}>{view.unit.name}</Title>
          <Group gap="xs" mt={4}>
            <AssessmentStateBadge state={view.state} size="lg" />
            {view.submittedAtClose && <SubmittedAtCloseBadge />}
            <Text size="sm" c="dimmed">
              {t('progressDecided', { decided, total: items.length })}
              {view.submittedAt && !view.submittedAtClose
                ? ` · ${t('colSubmitted')} ${formatDate(view.submittedAt, locale)}`
                : ''}
            </Text>
          </Group>
          {view.assignees.length > 0 && (
            <Text size="sm" mt={4}>
              {t('colAssignees')}:{' '}
              {view.assignees.map((assignee, index) => (
                <Text
                  span
                  key={`${assignee.userId}-${assignee.mainIndexCode ?? ''}`}
                  fw={assignee.userId === user?.id ? 700 : 400}
                  c={assignee.userId === user?.id ? 'indigo.8' : undefined}
                >
                  {index > 0 ? '; ' : ''}
                  {assignee.userId === user?.id ? t('assigneeYou', { name: assignee.displayName }) : assignee.displayName} ·{' '}
                  {assignee.mainIndexCode === null ? t('assignedWhole') : t('assignedMain', { code: assignee.mainIndexCode })}
                </Text>
              ))}
            </Text>
          )}
        </div>
        <Group gap="xs">
          {acceptableInUnit.length > 0 && (
            <Button
              color="green"
              variant="light"
              title={t('acceptAllRemainingHint')}
              onClick={() => setConfirming({ name: view.unit.name, codes: acceptableInUnit })}
            >
              {t('acceptAllRemaining', { count: acceptableInUnit.length })}
            </Button>
          )}
          <DocumentMenu
            links={[
              { label: t('documentsSelfAssessment'), href: `/api/v1/assessments/${view.id}/documents/self-assessment` },
              ...(['published', 'archived'].includes(view.period.state) && holds(user, 'document.read')
                ? [
                    {
                      label: t('documentsScoreSheet'),
                      href: `/api/v1/periods/${view.period.id}/documents/score-sheets/${encodeURIComponent(view.unit.code)}`,
                    },
                  ]
                : []),
            ]}
          />
          <Button component={Link} to={`/tham-dinh/ky/${view.period.id}`} variant="light">
            {t('openOverview')}
          </Button>
          {closesAppraisals && (
            <ChairActions
              assessment={view}
              onFinalise={(assessment) => setPending({ kind: 'finalise', assessment })}
              onReopen={(assessment) => setPending({ kind: 'reopen', assessment })}
            />
          )}
        </Group>
      </Group>

      {requests.length > 0 && (
        <Alert
          color={openRequests > 0 ? 'orange' : 'cyan'}
          title={t('requestsSummary', { open: openRequests, answered: requests.length - openRequests })}
        >
          <Group gap="xs">
            {requests.map((request) => (
              <Group key={request.id} gap={4} wrap="nowrap">
                <Anchor component="button" type="button" size="sm" onClick={() => select(request.indicatorCode)}>
                  {request.indicatorCode}
                  {request.status === 'open' ? ` (${t('requestOpen').toLowerCase()})` : ''}
                </Anchor>
                {request.status === 'open' && actionsOf(request.indicatorCode)?.withdrawSupplementation.allowed && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="orange"
                    onClick={() => setWithdrawing({ id: request.id, code: request.indicatorCode })}
                    aria-label={`${t('withdrawRequest')} ${request.indicatorCode}`}
                  >
                    {t('withdrawRequest')}
                  </Button>
                )}
              </Group>
            ))}
          </Group>
        </Alert>
      )}

      <RebuttalPanel view={view} items={items} onSelect={select} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, xl: 3 }} visibleFrom="md">
          <Box
            data-indicator-scroll
            style={{
              position: 'sticky',
              top: 'calc(var(--app-shell-header-height, 60px) + 12px)',
              maxHeight: 'calc(100vh - var(--app-shell-header-height, 60px) - 24px)',
              overflowY: 'auto',
              paddingRight: 4,
            }}
          >
            <IndicatorList
              outline={outline}
              answers={view.answers}
              appraisals={appraisals}
              selectedCode={selectedCode}
              onSelect={select}
              acceptableCount={(main) => acceptable(main).length}
              onAcceptRemaining={confirmMain}
            />
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
          <Stack gap="md">
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <Select
                hiddenFrom="md"
                label={t('chooseIndicator')}
                data={outline.map((main) => ({
                  group: `${main.code}. ${main.name}`,
                  items: main.items.map((item) => ({ value: item.code, label: `${item.code} ${item.name}` })),
                }))}
                value={selectedCode ?? null}
                onChange={(value) => select(value ?? undefined)}
                allowDeselect={false}
                searchable
                style={{ flex: 1 }}
              />
              <Group gap="xs" wrap="nowrap" ml="auto">
                <Button variant="default" onClick={() => step(-1)} disabled={!neighbourCode(outline, selectedCode ?? '', -1)}>
                  ↑{' '}
                  <Text span visibleFrom="sm" ml={4}>
                    {t('previous')}
                  </Text>
                </Button>
                <Button variant="default" onClick={() => step(1)} disabled={!neighbourCode(outline, selectedCode ?? '', 1)}>
                  ↓{' '}
                  <Text span visibleFrom="sm" ml={4}>
                    {t('next')}
                  </Text>
                </Button>
              </Group>
            </Group>
            {selected && (
              <IndicatorDetail
                key={selected.code}
                assessment={view}
                item={selected}
                mode={decideModeOf(actionsOf(selected.code))}
                onSaved={(moveOn) => moveOn && step(1)}
              />
            )}
            {/* On a phone the list is a select; the per-main-index "accept the rest" lives here instead. */}
            <Box hiddenFrom="md">
              {selected &&
                (() => {
                  const main = outline.find((entry) => entry.code === selected.mainIndexCode);
                  const codes = main ? acceptable(main) : [];
                  return main && codes.length > 0 ? (
                    <Button variant="light" color="green" fullWidth onClick={() => confirmMain(main)}>
                      {t('acceptRemaining', { count: codes.length })} — {main.code}. {main.name}
                    </Button>
                  ) : null;
                })()}
            </Box>
          </Stack>
        </Grid.Col>
      </Grid>

      <TransitionModal pending={pending} onClose={() => setPending(undefined)} />
      <Modal
        opened={Boolean(withdrawing)}
        onClose={() => setWithdrawing(undefined)}
        title={withdrawing ? t('withdrawTitle', { code: withdrawing.code }) : ''}
        centered
      >
        <Stack>
          <Text size="sm">{t('withdrawBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(undefined)}>
              {t('cancel')}
            </Button>
            <Button color="orange" loading={withdraw.isPending} onClick={confirmWithdraw} data-autofocus>
              {t('withdrawRequest')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={Boolean(confirming)} onClose={() => setConfirming(undefined)} title={t('acceptRemainingTitle')} centered>
        {confirming && (
          <Stack>
            <Text size="sm">
              {t('acceptRemainingBody', {
                count: confirming.codes.length,
                name: confirming.name,
                codes: confirming.codes.join(', '),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(undefined)}>
                {t('cancel')}
              </Button>
              <Button color="green" loading={acceptRemaining.isPending} onClick={confirmAcceptRemaining} data-autofocus>
                {t('confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
