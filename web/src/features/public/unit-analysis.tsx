import { Accordion, Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatPoints, localName } from '../../shared/format';
import { publicMessages } from './messages';
import type { IndicatorAnalysis, MainIndexAnalysis } from './public-api';

const STATUS_ORDER = ['full', 'partial', 'zero', 'notAssessed'] as const;
// White text on every badge stays above WCAG AA's 4.5:1 (teal.9 5.0, dark amber 5.9, red.9 5.5,
// gray.7 8.2); the word carries the meaning, not the colour alone.
const STATUS_COLOR = { full: 'teal.9', partial: '#8a5a00', zero: 'red.9', notAssessed: 'gray.7' } as const;

/**
 * The analysis a province writes by hand in its improvement plan (seed 000, §1.3), computed by the
 * server: per main index, the indicators at full marks, partial, zero and not assessed, with the
 * points each one lost.
 */
export function UnitAnalysis({ analysis, headingOrder }: { analysis: readonly MainIndexAnalysis[]; headingOrder: 4 | 5 }) {
  const t = useMessages(publicMessages);
  const { locale } = useLocale();
  // On a phone a five-column table would hide the result off-screen: each indicator becomes a list item.
  const compact = useMediaQuery('(max-width: 48em)') ?? false;
  const badge = (indicator: IndicatorAnalysis) => (
    <Badge color={STATUS_COLOR[indicator.status]} variant="filled" radius="sm" style={{ textTransform: 'none' }}>
      {t(`status_${indicator.status}`)}
    </Badge>
  );
  const notAnswered = (indicator: IndicatorAnalysis) =>
    !indicator.answered &&
    indicator.status !== 'notAssessed' && (
      <Text span size="xs" c="dimmed">
        {' '}
        ({t('notAnswered')})
      </Text>
    );
  return (
    <Accordion multiple variant="separated" order={headingOrder} chevronPosition="left">
      {analysis.map((main) => {
        const indicators: IndicatorAnalysis[] = STATUS_ORDER.flatMap((status) => main[status]);
        return (
          <Accordion.Item key={main.code} value={main.code}>
            <Accordion.Control style={{ minHeight: 48 }}>
              <Text fw={600}>
                {main.code}. {localName(main, locale)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('analysisSummary', {
                  points: formatPoints(main.points, locale),
                  max: formatPoints(main.max, locale),
                  lost: formatPoints(main.lost, locale),
                  full: main.full.length,
                  partial: main.partial.length,
                  zero: main.zero.length,
                })}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              {compact ? (
                <Stack
                  component="ul"
                  gap={0}
                  p={0}
                  m={0}
                  style={{ listStyle: 'none' }}
                  aria-label={t('analysisCaption', { name: localName(main, locale) })}
                >
                  {indicators.map((indicator) => (
                    <Box
                      component="li"
                      key={indicator.code}
                      py="xs"
                      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
                    >
                      <Text size="sm">
                        <Text span fw={700}>
                          {indicator.code}
                        </Text>{' '}
                        {localName(indicator, locale)}
                        {notAnswered(indicator)}
                      </Text>
                      <Group gap="xs" mt={4}>
                        {badge(indicator)}
                        {indicator.status !== 'notAssessed' && (
                          <Text size="sm">
                            {t('indicatorPoints', {
                              points: formatPoints(indicator.points, locale),
                              max: formatPoints(indicator.max, locale),
                            })}
                            {(indicator.lost ?? 0) > 0 && ` · ${t('lostPoints', { lost: formatPoints(indicator.lost, locale) })}`}
                          </Text>
                        )}
                      </Group>
                    </Box>
                  ))}
                </Stack>
              ) : (
                <Table.ScrollContainer
                  minWidth={520}
                  type="native"
                  // A region that scrolls on a phone must be reachable by keyboard to scroll it.
                  tabIndex={0}
                  role="region"
                  aria-label={t('analysisCaption', { name: localName(main, locale) })}
                >
                  <Table tabularNums verticalSpacing={6} captionSide="top">
                    <Table.Caption style={{ textAlign: 'left' }}>
                      {t('analysisCaption', { name: localName(main, locale) })}
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('col_code')}</Table.Th>
                        <Table.Th>{t('col_indicator')}</Table.Th>
                        <Table.Th style={{ minWidth: 136 }}>{t('col_status')}</Table.Th>
                        <Table.Th style={{ textAlign: 'right' }}>{t('col_points')}</Table.Th>
                        <Table.Th style={{ textAlign: 'right' }}>{t('col_lost')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {indicators.map((indicator) => (
                        <Table.Tr key={indicator.code}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{indicator.code}</Table.Td>
                          <Table.Td>
                            {localName(indicator, locale)}
                            {notAnswered(indicator)}
                          </Table.Td>
                          <Table.Td style={{ minWidth: 136 }}>{badge(indicator)}</Table.Td>
                          <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                            {indicator.status === 'notAssessed'
                              ? '–'
                              : `${formatPoints(indicator.points, locale)} / ${formatPoints(indicator.max, locale)}`}
                          </Table.Td>
                          <Table.Td style={{ textAlign: 'right' }}>
                            {(indicator.lost ?? 0) > 0 ? formatPoints(indicator.lost, locale) : '–'}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              <Group gap="xs" mt="xs">
                {STATUS_ORDER.map((status) => (
                  <Text key={status} size="sm" c="dimmed">
                    {t(`status_${status}`)}: {main[status].length}
                  </Text>
                ))}
              </Group>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
