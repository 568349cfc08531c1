import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Dictionary } from '../../i18n/locale';
import { useMessages } from '../../i18n/locale';
import type { PeriodDetail } from './admin-records';
import { bodyOf } from './api-result';
import { readReminderDays } from './reminder-days';

const vi = {
  title: 'Nhắc hạn tự đánh giá',
  on: 'Đơn vị chưa nộp được nhắc qua thông báo và e-mail {days} ngày trước hạn nộp.',
  off: 'Không nhắc hạn.',
  days: 'Nhắc trước hạn (ngày)',
  daysHint: 'Các số ngày cách nhau bằng dấu phẩy, ví dụ 7, 3, 1; để trống để không nhắc',
  invalid: 'Nhập tối đa 5 số nguyên từ 1 đến 60, cách nhau bằng dấu phẩy',
  save: 'Lưu ngày nhắc',
  saved: 'Đã lưu ngày nhắc hạn.',
};
const en: Record<keyof typeof vi, string> = {
  title: 'Deadline reminders',
  on: 'Units not yet submitted are reminded in the app and by e-mail {days} days before the deadline.',
  off: 'No reminders.',
  days: 'Remind before the deadline (days)',
  daysHint: 'Day counts separated by commas, e.g. 7, 3, 1; empty for no reminders',
  invalid: 'Enter at most 5 whole numbers from 1 to 60, separated by commas',
  save: 'Save reminder days',
  saved: 'Reminder days saved.',
};
const messages: Dictionary<keyof typeof vi> = { vi, en };

/** The period's deadline reminders (issue 12): the days before the deadline, changed by the manager. */
export function ReminderDaysCard({ period, canManage }: { period: PeriodDetail; canManage: boolean }) {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const [text, setText] = useState(period.reminderDays.join(', '));
  const days = readReminderDays(text);
  const save = useMutation({
    mutationFn: async (reminderDays: number[]) =>
      bodyOf(
        await api.PUT('/api/v1/periods/{periodId}/reminder-days', {
          params: { path: { periodId: period.id } },
          body: { reminderDays },
        }),
      ),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('saved') });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'periods'] });
    },
  });
  const changed = days !== undefined && days.join(',') !== period.reminderDays.join(',');
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm">{period.reminderDays.length > 0 ? t('on', { days: period.reminderDays.join(', ') }) : t('off')}</Text>
        {canManage && (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('days')}
              description={t('daysHint')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              error={days === undefined ? t('invalid') : undefined}
              w={320}
            />
            <Button variant="light" disabled={!changed} loading={save.isPending} onClick={() => days && save.mutate(days)}>
              {t('save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
