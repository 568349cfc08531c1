import { Badge, Box, Button, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatPoints } from '../../shared/format';
import type { AnswerView, AppraisalView } from './api-types';
import { type DecisionStatus, decisionStatus, type OutlineMainIndex, outlineItems, selfPointsOf } from './indicator-outline';
import { DECISION_COLOURS, DECISION_KEYS } from './labels';
import { appraisalMessages } from './messages';

interface IndicatorListProps {
  outline: OutlineMainIndex[];
  answers: AnswerView[];
  appraisals: AppraisalView[];
  selectedCode: string | undefined;
  onSelect: (code: string) => void;
  /** Per main index: how many undecided items the user may accept in one go (0 hides the button). */
  acceptableCount: (main: OutlineMainIndex) => number;
  onAcceptRemaining: (main: OutlineMainIndex) => void;
}

const STATUS_MARK: Record<DecisionStatus, string> = {
  accepted: '✓',
  adjusted: '±',
  supplementationRequested: '?',
  undecided: '·',
};

/**
 * The indicators grouped by main index, each with its self points and the council's decision.
 * Keyboard: ↑/↓ move to the previous/next indicator (and select it), Home/End to the ends; the
 * selected one is the only tab stop (roving tabindex), so Tab leaves the list.
 */
export function IndicatorList(props: IndicatorListProps) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  const listRef = useRef<HTMLDivElement>(null);
  const items = outlineItems(props.outline);

  // Keeps the selected indicator in view when it changes (keyboard, next/previous buttons, shortcuts),
  // scrolling the list's own box only: scrollIntoView would scroll the page away from the indicator too.
  useEffect(() => {
    if (!props.selectedCode) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(`[data-code="${CSS.escape(props.selectedCode)}"]`);
    const box = listRef.current?.closest<HTMLElement>('[data-indicator-scroll]');
    if (!button || !box) return;
    const buttonBox = button.getBoundingClientRect();
    const visible = box.getBoundingClientRect();
    if (buttonBox.top < visible.top) box.scrollTop -= visible.top - buttonBox.top + 8;
    else if (buttonBox.bottom > visible.bottom) box.scrollTop += buttonBox.bottom - visible.bottom + 8;
  }, [props.selectedCode]);

  // The code just moved to, ahead of the next render (auto-repeat of a held arrow key).
  const current = useRef(props.selectedCode);
  current.current = props.selectedCode;
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const position = items.findIndex((item) => item.code === current.current);
    const target =
      event.key === 'ArrowDown'
        ? items[Math.min(position + 1, items.length - 1)]
        : event.key === 'ArrowUp'
          ? items[Math.max(position - 1, 0)]
          : event.key === 'Home'
            ? items[0]
            : event.key === 'End'
              ? items.at(-1)
              : undefined;
    if (!target) return;
    event.preventDefault();
    current.current = target.code;
    props.onSelect(target.code);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-code="${CSS.escape(target.code)}"]`)?.focus();
  };

  return (
    <Box component="nav" aria-label={t('indicatorList')}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('listHint')}
      </Text>
      <Stack gap="md" ref={listRef} onKeyDown={move} data-roving-focus>
        {props.outline.map((main) => {
          const decided = main.items.filter((item) => {
            const status = decisionStatus(item.code, props.appraisals);
            return status === 'accepted' || status === 'adjusted';
          }).length;
          const acceptable = props.acceptableCount(main);
          return (
            <Stack key={main.code} gap={4}>
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Text fw={700} size="sm">
                  {main.code}. {main.name}
                </Text>
                <Text size="xs" c={decided === main.items.length ? 'green' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                  {decided}/{main.items.length}
                </Text>
              </Group>
              {acceptable > 0 && (
                <Button size="compact-xs" variant="light" color="green" onClick={() => props.onAcceptRemaining(main)}>
                  {t('acceptRemaining', { count: acceptable })}
                </Button>
              )}
              <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {main.items.map((item) => {
                  const status = decisionStatus(item.code, props.appraisals);
                  const answer = props.answers.find((row) => row.indicatorCode === item.code);
                  const decision = props.appraisals.find((row) => row.indicatorCode === item.code);
                  const selected = item.code === props.selectedCode;
                  return (
                    <li key={item.code}>
                      <UnstyledButton
                        data-code={item.code}
                        onClick={() => props.onSelect(item.code)}
                        aria-current={selected ? 'true' : undefined}
                        tabIndex={selected || (!props.selectedCode && item === items[0]) ? 0 : -1}
                        w="100%"
                        px="xs"
                        py={6}
                        style={{
                          borderRadius: 'var(--mantine-radius-sm)',
                          background: selected ? 'var(--mantine-color-indigo-light)' : undefined,
                          borderLeft: `3px solid ${selected ? 'var(--mantine-color-indigo-filled)' : 'transparent'}`,
                        }}
                      >
                        <Group gap="xs" wrap="nowrap" align="flex-start">
                          <Badge
                            color={DECISION_COLOURS[status]}
                            variant={status === 'undecided' ? 'outline' : 'filled'}
                            size="sm"
                            circle
                            aria-hidden
                          >
                            {STATUS_MARK[status]}
                          </Badge>
                          <Box style={{ flex: 1, minWidth: 0 }}>
                            <Text size="sm" lineClamp={2}>
                              <Text span fw={600}>
                                {item.code}
                              </Text>{' '}
                              {item.name}
                            </Text>
                            <VisuallyHidden>{t(DECISION_KEYS[status])}</VisuallyHidden>
                          </Box>
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {answer?.notAssessed
                              ? t('notAssessed')
                              : t('pointsOf', {
                                  // An adjustment shows both: self → appraised.
                                  points:
                                    decision?.decision === 'adjusted'
                                      ? `${formatPoints(selfPointsOf(item, answer), locale)}→${formatPoints(decision.appraisedPoints, locale)}`
                                      : formatPoints(selfPointsOf(item, answer), locale),
                                  max: formatPoints(item.maxPoints, locale),
                                })}
                          </Text>
                        </Group>
                      </UnstyledButton>
                    </li>
                  );
                })}
              </Stack>
            </Stack>
          );
        })}
      </Stack>
    </Box>
  );
}
