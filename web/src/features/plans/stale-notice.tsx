import { Alert, Button, Group, Text } from '@mantine/core';
import { useMessages } from '../../i18n/locale';
import { ProblemList } from '../../shared/problem-list';
import { planMessages } from './messages';
import { isStaleVersion } from './plan-queries';

/**
 * Someone saved the plan (or the task) after this page read it: the server refused to overwrite
 * their work (409). Said plainly, with the way out: reload, then edit again.
 */
export function StaleNotice({ onReload }: { onReload: () => void }) {
  const t = useMessages(planMessages);
  return (
    <Alert color="orange" role="alert" title={t('staleTitle')}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('staleBody')}</Text>
        <Button size="xs" variant="white" color="orange" onClick={onReload}>
          {t('reloadPlan')}
        </Button>
      </Group>
    </Alert>
  );
}

/** A write's refusal: a stale version as the notice above, anything else problem by problem. */
export function WriteError({ error, onReload, title }: { error: unknown; onReload: () => void; title?: string }) {
  if (!error) return null;
  return isStaleVersion(error) ? <StaleNotice onReload={onReload} /> : <ProblemList error={error} title={title} />;
}
