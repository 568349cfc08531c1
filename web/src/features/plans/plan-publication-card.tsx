import { Alert, Anchor, Button, Group, Paper, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate } from '../../shared/format';
import { dashboardMessages } from './dashboard-messages';
import { type DashboardPlan, usePublishPlanSummary } from './dashboard-queries';

export const MAX_SUMMARY_LENGTH = 5000;

/**
 * "Công khai tóm tắt": the summary the public portal shows and the switch that publishes it. Only
 * an issued or closed plan may be public (the server refuses otherwise); a draft's summary can be
 * written and saved beforehand. A save on a stale version is refused by the server (409): the card
 * says so and offers to reload, keeping what was typed.
 */
export function PlanPublicationCard({ plan, onReload }: { plan: DashboardPlan; onReload: () => void }) {
  const t = useMessages(dashboardMessages);
  const { locale } = useLocale();
  const [summary, setSummary] = useState(plan.publicSummary);
  const [published, setPublished] = useState(plan.publishedAt !== null);
  const save = usePublishPlanSummary(plan.id);
  const publishable = plan.status !== 'draft';
  const changed = summary !== plan.publicSummary || published !== (plan.publishedAt !== null);
  const stale = save.error instanceof ApiError && save.error.status === 409 && save.error.code === 'http.stale-version';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="publication-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="publication-heading">
          {t('publicationHeading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('publicationHelp')}
        </Text>
        {!publishable && (
          <Alert color="blue" variant="light">
            {t('publicationDraft')}
          </Alert>
        )}
        <Textarea
          label={t('summaryLabel')}
          description={t('summaryDescription', { left: MAX_SUMMARY_LENGTH - summary.length })}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          maxLength={MAX_SUMMARY_LENGTH}
          autosize
          minRows={4}
          maxRows={14}
        />
        <Switch
          label={t('publishedSwitch')}
          checked={published}
          disabled={!publishable && !published}
          onChange={(event) => setPublished(event.currentTarget.checked)}
        />
        <Text size="sm">
          {plan.publishedAt ? t('publishedSince', { date: formatDate(plan.publishedAt, locale) }) : t('notPublished')}{' '}
          {plan.publishedAt && (
            <Anchor component={Link} to={`/ke-hoach-cong-khai/${plan.id}`}>
              {t('viewPublic')}
            </Anchor>
          )}
        </Text>
        {save.error && (
          <Alert color={stale ? 'orange' : 'red'} role="alert" title={stale ? t('staleTitle') : undefined}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{save.error.message}</Text>
              {stale && (
                <Button size="xs" variant="light" onClick={onReload}>
                  {t('reload')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group>
          <Button
            disabled={!changed}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { published, summary, version: plan.version },
                { onSuccess: () => notifications.show({ color: 'green', message: t('saved') }) },
              )
            }
          >
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
