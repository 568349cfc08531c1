import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApiResponse } from '../api/types';
import { type Dictionary, useLocale, useMessages } from '../i18n/locale';
import { formatDate, formatDateTime } from './format';

type MinutesPage = ApiResponse<'/api/v1/periods/{periodId}/council-minutes'>;
export type CouncilMinutesItem = MinutesPage['items'][number];

const messages: Dictionary<'meeting' | 'present' | 'others' | 'recorded' | 'none' | 'edit' | 'editLabel'> = {
  vi: {
    meeting: 'Họp ngày {date}',
    present: 'Thành viên có mặt: {names}',
    others: 'Người dự khác: {names}',
    recorded: 'Ghi bởi {name}, lúc {date}',
    none: 'Chưa có biên bản họp Hội đồng nào.',
    edit: 'Sửa',
    editLabel: 'Sửa biên bản họp ngày {date}',
  },
  en: {
    meeting: 'Meeting of {date}',
    present: 'Members present: {names}',
    others: 'Also present: {names}',
    recorded: 'Recorded by {name}, {date}',
    none: 'No council minutes yet.',
    edit: 'Edit',
    editLabel: 'Edit the minutes of {date}',
  },
};

/**
 * The council's minutes of a period, newest meeting first (the server's order): the date, who was
 * present, the decision as the chair wrote it. Shown to the council on its overview and to the
 * period manager on the period's page; `onEdit` is given where the server lets the reader edit.
 */
export function CouncilMinutesList({
  items,
  onEdit,
}: {
  items: CouncilMinutesItem[];
  onEdit?: (item: CouncilMinutesItem) => void;
}) {
  const t = useMessages(messages);
  const { locale } = useLocale();
  if (items.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('none')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <Paper key={item.id} withBorder p="sm" component="li">
          <Stack gap={4}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={4} size="h5">
                {t('meeting', { date: formatDate(item.meetingOn, locale) })}
              </Title>
              {onEdit && (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => onEdit(item)}
                  aria-label={t('editLabel', { date: formatDate(item.meetingOn, locale) })}
                >
                  {t('edit')}
                </Button>
              )}
            </Group>
            <Text size="sm">{t('present', { names: item.members.map((member) => member.displayName).join(', ') })}</Text>
            {item.otherAttendees.length > 0 && <Text size="sm">{t('others', { names: item.otherAttendees.join('; ') })}</Text>}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.decision}
            </Text>
            <Text size="xs" c="dimmed">
              {t('recorded', { name: item.recordedBy ?? '–', date: formatDateTime(item.updatedAt, locale) })}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
