import { Badge, Box, Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import { useMessages } from '../../i18n/locale';
import type { OverallStatus, SaveStatus } from './autosave-machine';
import { workspaceMessages } from './messages';
import type { IndicatorStatus } from './submission-checklist';

const DOT_COLORS: Record<IndicatorStatus, string> = {
  empty: 'var(--mantine-color-gray-4)',
  notAssessed: 'var(--mantine-color-grape-5)',
  noEvidence: 'var(--mantine-color-yellow-6)',
  complete: 'var(--mantine-color-green-6)',
};

/** The indicator's completeness at a glance; its meaning is also given in words to screen readers. */
export function StatusDot({ status, problem, decorative }: { status: IndicatorStatus; problem?: boolean; decorative?: boolean }) {
  const t = useMessages(workspaceMessages);
  const label = problem ? t('dot.problem') : t(`dot.${status}`);
  return (
    <Box
      component="span"
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label, title: label })}
      style={{
        display: 'inline-block',
        flex: 'none',
        width: 10,
        height: 10,
        borderRadius: '50%',
        background: problem ? 'var(--mantine-color-red-6)' : status === 'empty' ? 'transparent' : DOT_COLORS[status],
        border: `2px solid ${problem ? 'var(--mantine-color-red-6)' : DOT_COLORS[status]}`,
      }}
    />
  );
}

/** One answer's save state: "Đã lưu", "Đang lưu…", "Lưu thất bại – thử lại". */
export function SaveStatusBadge({ status, error, onRetry }: { status: SaveStatus; error: string | null; onRetry: () => void }) {
  const t = useMessages(workspaceMessages);
  if (status === 'failed') {
    return (
      <Tooltip label={error ?? ''} disabled={!error} multiline maw={320}>
        <Button size="compact-sm" color="red" variant="light" onClick={onRetry}>
          {t('save.failed')}
        </Button>
      </Tooltip>
    );
  }
  const look: Record<Exclude<SaveStatus, 'failed'>, { color: string; label: string }> = {
    saved: { color: 'green', label: t('save.saved') },
    pending: { color: 'blue', label: t('save.saving') },
    saving: { color: 'blue', label: t('save.saving') },
    conflict: { color: 'orange', label: t('save.conflict') },
    invalid: { color: 'red', label: t('save.invalid') },
  };
  const { color, label } = look[status];
  return (
    <Badge
      color={color}
      variant="light"
      style={{ textTransform: 'none' }}
      leftSection={status === 'saving' || status === 'pending' ? <Loader size={10} color={color} /> : undefined}
    >
      {label}
    </Badge>
  );
}

/** The whole page's save state, announced politely to screen readers as it changes. */
export function OverallSaveStatus({
  status,
  onRetry,
  onShow,
}: {
  status: OverallStatus;
  onRetry: () => void;
  onShow: () => void;
}) {
  const t = useMessages(workspaceMessages);
  return (
    <Group gap="xs" aria-live="polite" wrap="nowrap">
      {status === 'saved' && (
        <Text size="sm" c="green" fw={500}>
          ✓ {t('save.allSaved')}
        </Text>
      )}
      {status === 'saving' && (
        <Group gap={6} wrap="nowrap">
          <Loader size="xs" />
          <Text size="sm" c="blue.8">
            {t('save.saving')}
          </Text>
        </Group>
      )}
      {status === 'failed' && (
        <Button size="compact-sm" color="red" onClick={onRetry}>
          {t('save.failed')}
        </Button>
      )}
      {status === 'conflict' && (
        <Button size="compact-sm" color="orange" onClick={onShow}>
          {t('save.conflictShow')}
        </Button>
      )}
      {status === 'invalid' && (
        <Button size="compact-sm" color="red" variant="light" onClick={onShow}>
          {t('save.invalidShow')}
        </Button>
      )}
    </Group>
  );
}
