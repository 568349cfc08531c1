import { Anchor, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatBytes, formatDate } from '../../shared/format';
import type { EvidenceItem } from './api-types';
import { appraisalMessages } from './messages';

/** The evidence of one indicator: files (choose one to view) and document references. */
export function EvidenceList({
  items,
  selectedId,
  onSelect,
}: {
  items: EvidenceItem[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('noEvidence')}
      </Text>
    );
  }
  return (
    <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item) => {
        const supplementary = item.supplementary && (
          <Badge color="cyan" size="xs" variant="light" tt="none">
            {t('supplementary')}
          </Badge>
        );
        if (item.kind === 'reference') {
          return (
            <li key={item.id}>
              <Stack gap={0} px="xs" py={6} style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {t('documentReference')}{' '}
                    {t('documentNumberDate', { number: item.documentNumber ?? '', date: formatDate(item.documentDate, locale) })}
                  </Text>
                  {supplementary}
                </Group>
                {item.issuer && (
                  <Text size="xs" c="dimmed">
                    {item.issuer}
                  </Text>
                )}
                {item.summary && <Text size="sm">{item.summary}</Text>}
                {item.link && (
                  <Anchor href={item.link} target="_blank" rel="noopener noreferrer" size="sm">
                    {t('openLink')}
                  </Anchor>
                )}
              </Stack>
            </li>
          );
        }
        const selected = item.id === selectedId;
        return (
          <li key={item.id}>
            <UnstyledButton
              onClick={() => onSelect(item.id)}
              aria-pressed={selected}
              w="100%"
              px="xs"
              py={6}
              style={{
                borderRadius: 'var(--mantine-radius-sm)',
                background: selected ? 'var(--mantine-color-indigo-light)' : undefined,
                borderLeft: `3px solid ${selected ? 'var(--mantine-color-indigo-filled)' : 'var(--mantine-color-gray-3)'}`,
              }}
            >
              <Group gap={6} wrap="nowrap" justify="space-between">
                <Text size="sm" fw={500} truncate>
                  {item.fileName}
                </Text>
                <Group gap={6} wrap="nowrap">
                  {supplementary}
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatBytes(item.sizeBytes, locale)}
                  </Text>
                </Group>
              </Group>
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}
