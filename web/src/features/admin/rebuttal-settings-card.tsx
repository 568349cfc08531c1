import { Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Dictionary } from '../../i18n/locale';
import { useMessages } from '../../i18n/locale';
import type { PeriodDetail } from './admin-records';
import { bodyOf } from './api-result';

const vi = {
  title: 'Giải trình, kiến nghị',
  on: 'Có vòng giải trình, kiến nghị: đơn vị được kiến nghị trong {days} ngày làm việc sau khi Hội đồng gửi kết quả.',
  off: 'Không có vòng giải trình, kiến nghị: Chủ tịch Hội đồng chốt kết quả trực tiếp.',
  enabled: 'Có vòng giải trình, kiến nghị',
  days: 'Số ngày làm việc',
  daysHint: 'Thứ Hai đến thứ Sáu; chưa trừ ngày lễ',
  save: 'Lưu',
  saved: 'Đã lưu cài đặt giải trình, kiến nghị.',
};
const en: Record<keyof typeof vi, string> = {
  title: 'Rebuttal round',
  on: 'The period holds a rebuttal round: units may contest within {days} working days of the council sending its results.',
  off: 'No rebuttal round: the council chair finalises directly.',
  enabled: 'Hold a rebuttal round',
  days: 'Working days',
  daysHint: 'Monday to Friday; public holidays are not deducted',
  save: 'Save',
  saved: 'Rebuttal settings saved.',
};
const messages: Dictionary<keyof typeof vi> = { vi, en };

/**
 * The period's rebuttal round (giải trình, kiến nghị): on or off and its window in working days,
 * changed by the manager; assessments already in a round keep their window.
 */
export function RebuttalSettingsCard({ period, canManage }: { period: PeriodDetail; canManage: boolean }) {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(period.rebuttalEnabled);
  const [days, setDays] = useState<number | string>(period.rebuttalWorkingDays);
  const save = useMutation({
    mutationFn: async () =>
      bodyOf(
        await api.PUT('/api/v1/periods/{periodId}/rebuttal-settings', {
          params: { path: { periodId: period.id } },
          body: { rebuttalEnabled: enabled, rebuttalWorkingDays: Number(days) },
        }),
      ),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('saved') });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'periods'] });
    },
  });
  const changed = enabled !== period.rebuttalEnabled || Number(days) !== period.rebuttalWorkingDays;

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm">{period.rebuttalEnabled ? t('on', { days: period.rebuttalWorkingDays }) : t('off')}</Text>
        {canManage && (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Switch label={t('enabled')} checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} />
            <NumberInput
              label={t('days')}
              description={t('daysHint')}
              value={days}
              onChange={setDays}
              min={1}
              max={30}
              allowDecimal={false}
              disabled={!enabled}
              w={180}
            />
            <Button
              variant="light"
              disabled={!changed || Number(days) < 1}
              loading={save.isPending}
              onClick={() => save.mutate()}
            >
              {t('save')}
            </Button>
          </Group>
        )}
        {save.error && (
          <Text size="sm" c="red" role="alert">
            {save.error.message}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
