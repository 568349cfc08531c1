import { Paper, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorNotice } from '../../app/page-states';
import { useMessages } from '../../i18n/locale';
import { type CouncilMinutesItem, CouncilMinutesList } from '../../shared/council-minutes-list';
import { bodyOf } from './api-result';
import { adminMessages } from './messages';

/** The council's sign-off minutes of a period, as the chair recorded them: shown to the period manager, read only. */
export function PeriodMinutes({ periodId }: { periodId: string }) {
  const t = useMessages(adminMessages);
  const minutes = useQuery({
    queryKey: ['admin', 'periods', periodId, 'minutes'],
    queryFn: async () =>
      bodyOf<{ items: CouncilMinutesItem[] }>(
        await api.GET('/api/v1/periods/{periodId}/council-minutes', { params: { path: { periodId } } }),
      ),
  });
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('minutesSection')}
      </Title>
      {minutes.error ? <ErrorNotice error={minutes.error} /> : <CouncilMinutesList items={minutes.data?.items ?? []} />}
    </Paper>
  );
}
