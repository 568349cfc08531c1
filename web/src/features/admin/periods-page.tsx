import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import classes from '../../app/stacked-table.module.css';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate } from '../../shared/format';
import { PeriodStateBadge } from '../../shared/state-badges';
import { PageHeader } from './admin-layout';
import { adminMessages } from './messages';
import { usePeriods } from './period-queries';

/** The assessment periods, newest first, with their state and schedule. */
export default function PeriodsPage() {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const periods = usePeriods();
  return (
    <Stack>
      <PageHeader
        title={t('periodsTitle')}
        description={t('periodsIntro')}
        actions={
          <Group mt="xs">
            <Button component={Link} to="/quan-tri/ky-danh-gia/tao-moi">
              {t('createPeriod')}
            </Button>
          </Group>
        }
      />
      {periods.isPending ? (
        <PageLoader />
      ) : periods.error ? (
        <ErrorNotice error={periods.error} />
      ) : (
        <Table.ScrollContainer minWidth={860} className={classes.container}>
          <Table striped highlightOnHover verticalSpacing="xs" className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('year')}</Table.Th>
                <Table.Th>{t('periodName')}</Table.Th>
                <Table.Th>{t('state')}</Table.Th>
                <Table.Th>{t('selfAssessmentDeadline')}</Table.Th>
                <Table.Th>{t('appraisalDeadline')}</Table.Th>
                <Table.Th>{t('publicationDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {periods.data.map((period) => (
                <Table.Tr key={period.id}>
                  <Table.Td fw={600} data-label={t('year')}>
                    {period.year}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/quan-tri/ky-danh-gia/${period.id}`}>
                      {period.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td data-label={t('state')}>
                    <PeriodStateBadge state={period.state} />
                  </Table.Td>
                  <Table.Td data-label={t('selfAssessmentDeadline')}>
                    {formatDate(period.selfAssessmentDeadline, locale)}
                  </Table.Td>
                  <Table.Td data-label={t('appraisalDeadline')}>{formatDate(period.appraisalDeadline, locale)}</Table.Td>
                  <Table.Td data-label={t('publicationDue')}>
                    {period.publishedAt
                      ? t('publishedOn', { date: formatDate(period.publishedAt, locale) })
                      : formatDate(period.publicationDue, locale)}
                  </Table.Td>
                </Table.Tr>
              ))}
              {periods.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('noPeriods')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
