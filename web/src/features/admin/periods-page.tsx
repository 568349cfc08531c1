import { Anchor, Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate } from '../../shared/format';
import { ListPage } from '../../shared/list-page';
import { ListTable } from '../../shared/list-table';
import { PeriodStateBadge } from '../../shared/state-badges';
import type { PeriodRecord } from './admin-records';
import { adminMessages } from './messages';
import { usePeriods } from './period-queries';

/** The assessment periods, newest first, with their state and schedule. */
export default function PeriodsPage() {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const periods = usePeriods();
  return (
    <ListPage
      title={t('periodsTitle')}
      description={t('periodsIntro')}
      actions={
        <Group mt="xs">
          <Button component={Link} to="/quan-tri/ky-danh-gia/tao-moi">
            {t('createPeriod')}
          </Button>
        </Group>
      }
      query={periods}
      render={(rows) => (
        <ListTable<PeriodRecord>
          rows={rows}
          rowKey={(period) => period.id}
          minWidth={860}
          empty={t('noPeriods')}
          columns={[
            { header: t('year'), cell: (period) => period.year, cellProps: { fw: 600 } },
            {
              header: t('periodName'),
              alone: true,
              cell: (period) => (
                <Anchor component={Link} to={`/quan-tri/ky-danh-gia/${period.id}`}>
                  {period.name}
                </Anchor>
              ),
            },
            { header: t('state'), cell: (period) => <PeriodStateBadge state={period.state} /> },
            { header: t('selfAssessmentDeadline'), cell: (period) => formatDate(period.selfAssessmentDeadline, locale) },
            { header: t('appraisalDeadline'), cell: (period) => formatDate(period.appraisalDeadline, locale) },
            {
              header: t('publicationDue'),
              cell: (period) =>
                period.publishedAt
                  ? t('publishedOn', { date: formatDate(period.publishedAt, locale) })
                  : formatDate(period.publicationDue, locale),
            },
          ]}
        />
      )}
    />
  );
}
