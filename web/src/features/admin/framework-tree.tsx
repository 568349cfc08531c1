import { Accordion, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatNumber, matchesSearch } from '../../shared/format';
import type { FrameworkDocument } from './admin-records';
import { groupMainIndices } from './framework-outline';
import { adminMessages } from './messages';
import { describeMethod } from './method-text';

type MainIndex = FrameworkDocument['mainIndices'][number];

/**
 * A framework as a tree: groups, main indices with their points, and the indicators with their
 * points and scoring method. The search keeps the indicators whose code or name match (without
 * diacritics) and opens their main indices.
 */
export function FrameworkTree({ document, search }: { document: FrameworkDocument; search: string }) {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const query = search.trim();
  const sections = useMemo(() => {
    const filtered = document.mainIndices
      .map((mainIndex) => {
        const mainMatches = !query || matchesSearch(`${mainIndex.code} ${mainIndex.name}`, query);
        const indicators = mainMatches
          ? mainIndex.indicators
          : mainIndex.indicators.filter((indicator) => matchesSearch(`${indicator.code} ${indicator.name}`, query));
        return { ...mainIndex, indicators, visible: mainMatches || indicators.length > 0 };
      })
      .filter((mainIndex) => mainIndex.visible);
    return groupMainIndices(document.groups ?? [], filtered);
  }, [document, query]);
  const points = (value: number | undefined) =>
    value === undefined ? '–' : formatNumber(value, value % 1 === 0 ? 0 : 2, locale);
  const groupTotal = (mainIndices: { item: MainIndex }[]) =>
    mainIndices.every(({ item }) => item.maxPoints !== undefined)
      ? mainIndices.reduce((sum, { item }) => sum + (item.maxPoints ?? 0), 0)
      : undefined;

  if (sections.length === 0) {
    return (
      <Text c="dimmed" py="md">
        {t('nothingFound')}
      </Text>
    );
  }
  return (
    <Stack gap="lg">
      {sections.map((section) => (
        <Stack key={section.code ?? '—'} gap="xs">
          {section.code !== null && (
            <Group gap="xs">
              <Title order={3} size="h4">
                {section.code}. {section.name}
              </Title>
              <Badge variant="light">{t('pointsShort', { points: points(groupTotal(section.mainIndices)) })}</Badge>
            </Group>
          )}
          <Accordion
            multiple
            variant="separated"
            key={query ? 'searching' : 'browsing'}
            defaultValue={query ? section.mainIndices.map(({ item }) => item.code) : []}
            chevronPosition="left"
          >
            {section.mainIndices.map(({ item: mainIndex }) => (
              <Accordion.Item key={mainIndex.code} value={mainIndex.code}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" pr="sm">
                    <Text fw={600}>
                      {t('mainIndexShort')} {mainIndex.code}. {mainIndex.name}
                      {mainIndex.unscored && (
                        <Badge ml="xs" color="gray" variant="outline" size="sm">
                          {t('unscored')}
                        </Badge>
                      )}
                    </Text>
                    <Group gap={6} wrap="nowrap">
                      <Badge variant="outline" color="gray">
                        {t('indicatorCountShort', { count: mainIndex.indicators.length })}
                      </Badge>
                      <Badge>{t('pointsShort', { points: points(mainIndex.maxPoints) })}</Badge>
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Table.ScrollContainer minWidth={700}>
                    <Table verticalSpacing={6} striped>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th w={70}>{t('code')}</Table.Th>
                          <Table.Th>{t('indicator')}</Table.Th>
                          <Table.Th w={110} ta="right">
                            {t('maxPoints')}
                          </Table.Th>
                          <Table.Th w={260}>{t('method')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {mainIndex.indicators.map((indicator) => (
                          <Table.Tr key={indicator.code}>
                            <Table.Td ff="monospace">{indicator.code}</Table.Td>
                            <Table.Td>
                              <Text size="sm">{indicator.name}</Text>
                              {indicator.evidence && (
                                <Text size="xs" c="dimmed">
                                  {t('evidenceShort')}: {indicator.evidence}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td ta="right">{points(indicator.maxPoints)}</Table.Td>
                            <Table.Td>
                              <Text size="sm">{describeMethod(indicator.method, locale)}</Text>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      ))}
    </Stack>
  );
}
