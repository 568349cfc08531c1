import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate } from '../../shared/format';
import { EmptyList } from '../../shared/list-table';
import { PageHeader } from '../../shared/page-header';
import { publicPlanMessages } from './plan-messages';
import { type PublicPlanSummary, usePublicPlans } from './public-api';
import { publicPlanPath } from './public-paths';

/** The published improvement plans (/ke-hoach-cong-khai): one card each, the newest year first. */
export default function PublicPlansPage() {
  const t = useMessages(publicPlanMessages);
  const { data, isPending, error } = usePublicPlans();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorNotice error={error} />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('listTitle')} description={t('listDescription')} />
      {data.items.length === 0 ? (
        <EmptyList>{t('none')}</EmptyList>
      ) : (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.items.map((plan) => (
            <li key={plan.id}>
              <PlanCard plan={plan} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** At most this many characters of the summary on the list; the plan's page has it all. */
const EXCERPT_LENGTH = 320;

function PlanCard({ plan }: { plan: PublicPlanSummary }) {
  const t = useMessages(publicPlanMessages);
  const { locale } = useLocale();
  const excerpt = plan.summary.length > EXCERPT_LENGTH ? `${plan.summary.slice(0, EXCERPT_LENGTH).trimEnd()}…` : plan.summary;
  const { taskCounts, targetCounts } = plan;
  const judged = targetCounts.met + targetCounts.missed;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`plan-${plan.id}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="light" radius="sm" tt="none" color={plan.status === 'issued' ? 'blue' : 'gray'}>
            {t(`status_${plan.status}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('year', { year: plan.year })} ·{' '}
            {t('documentOf', { number: plan.documentNumber, date: formatDate(plan.date, locale) })}
          </Text>
        </Group>
        <Title order={3} size="h4" id={`plan-${plan.id}`}>
          <Anchor component={Link} to={publicPlanPath(plan.id)} inherit>
            {plan.title}
          </Anchor>
        </Title>
        {excerpt && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {excerpt}
          </Text>
        )}
        <Text size="sm">
          {t('tasksLine', {
            total: taskCounts.total,
            done: taskCounts.done,
            inProgress: taskCounts.inProgress,
            overdue: taskCounts.overdue,
          })}
          {' · '}
          {judged > 0
            ? t('targetsLine', { met: targetCounts.met, total: targetCounts.total })
            : t('targetsPending', { total: targetCounts.total })}
        </Text>
      </Stack>
    </Paper>
  );
}
