import { Alert, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { CurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { todayInVietnam } from '../../shared/calendar-day';
import { formatDate } from '../../shared/format';
import { AssessmentStateBadge } from '../../shared/state-badges';
import { workspaceMessages } from './messages';
import { UnitGuard } from './unit-guard';
import { fetchAssessmentView, type Period, usePeriodAssessments, usePeriods, workspaceKeys } from './workspace-api';

/** /don-vi — the unit's assessment in each period: state, deadline, progress. */
export default function WorkspaceHomePage() {
  return <UnitGuard>{(user) => <PeriodList user={user} />}</UnitGuard>;
}

function PeriodList({ user }: { user: CurrentUser }) {
  const t = useMessages(workspaceMessages);
  const periods = usePeriods(true);
  if (periods.error) return <ErrorNotice error={periods.error} />;
  if (!periods.data) return <PageLoader />;
  // A period being set up has no assessments yet; the newest year comes first.
  const shown = periods.data.filter((period) => period.state !== 'draft').sort((a, b) => b.year - a.year);
  return (
    <Stack maw={1100} mx="auto" gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('home.title')}
        </Title>
        <Text c="dimmed">{t('home.intro', { name: user.displayName })}</Text>
      </Stack>
      {shown.length === 0 ? (
        <Alert color="gray">{t('home.noPeriods')}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {shown.map((period) => (
            <PeriodCard key={period.id} period={period} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function PeriodCard({ period }: { period: Period }) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const assessments = usePeriodAssessments(period.id, true);
  // A unit role sees its own unit's assessment only.
  const mine = assessments.data?.[0];
  const view = useQuery({
    queryKey: workspaceKeys.view(mine?.id ?? ''),
    enabled: mine !== undefined,
    queryFn: () => fetchAssessmentView(mine?.id ?? ''),
  });

  if (assessments.data && !mine) return null;
  const progress = view.data?.progress ?? [];
  const answered = progress.reduce((sum, main) => sum + main.answered, 0);
  const total = progress.reduce((sum, main) => sum + main.indicators, 0);
  const evidenceMissing = progress.reduce((sum, main) => sum + main.evidenceMissing, 0);
  const draft = mine?.state === 'draft';
  // The unit's own deadline (an extension the manager granted), once its assessment is loaded.
  const deadline = view.data?.deadline ?? period.selfAssessmentDeadline;
  const late = draft && todayInVietnam() > deadline;
  const openRequests = view.data?.supplementationRequests.filter((request) => request.status === 'open') ?? [];
  const overdue = openRequests.some((request) => request.overdue);
  const firstDue = openRequests.map((request) => request.dueOn).sort()[0];

  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={700} size="lg" style={{ lineHeight: 1.3 }}>
              {period.name}
            </Text>
            {mine && (
              <Text size="sm" c="dimmed">
                {mine.unit.name}
              </Text>
            )}
          </Stack>
          <Badge variant="outline" color="gray" size="lg" style={{ flex: 'none' }}>
            {period.year}
          </Badge>
        </Group>
        {assessments.error && <ErrorNotice error={assessments.error} />}
        {mine && (
          <>
            <Group gap="xs" wrap="wrap">
              <AssessmentStateBadge state={mine.state} />
              <Text size="sm" c={late ? 'red' : undefined} fw={late ? 600 : 400}>
                {t('deadline', { date: formatDate(deadline, locale) })}
                {late ? ` — ${t('deadlinePassedShort')}` : ''}
              </Text>
            </Group>
            {total > 0 && (
              <Stack gap={4}>
                <Progress
                  value={(answered / total) * 100}
                  color={answered === total ? 'green' : 'indigo'}
                  aria-label={t('progress', { answered, total })}
                />
                <Text size="sm" c="dimmed">
                  {t('progress', { answered, total })}
                  {evidenceMissing > 0 ? ` · ${t('progressEvidence', { count: evidenceMissing })}` : ''}
                </Text>
              </Stack>
            )}
            {openRequests.length > 0 && firstDue && (
              <Alert color={overdue ? 'red' : 'orange'} variant="light" p="xs">
                {t('home.requests', { count: openRequests.length, date: formatDate(firstDue, locale) })}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button component={Link} to={`/don-vi/${mine.id}`} variant={draft || openRequests.length > 0 ? 'filled' : 'light'}>
                {draft ? t('home.continue') : openRequests.length > 0 ? t('home.supplement') : t('home.view')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
