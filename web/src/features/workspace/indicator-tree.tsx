import { Badge, Box, Group, Progress, SegmentedControl, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useLocale, useMessages } from '../../i18n/locale';
import { matchesSearch } from '../../shared/format';
import type { AnswerContent, EntryState } from './autosave-machine';
import { localName, type MainIndexGroup } from './framework-items';
import { workspaceMessages } from './messages';
import { StatusDot } from './status-badges';
import { type GroupProgress, type IndicatorStatus, indicatorStatus } from './submission-checklist';

export type TreeFilter = 'all' | 'todo' | 'noEvidence' | 'requested';

interface Props {
  groups: MainIndexGroup[];
  progress: Map<string, GroupProgress>;
  selected: string;
  onSelect: (code: string) => void;
  contentOf: (code: string) => AnswerContent | undefined;
  evidenceOf: (code: string) => number;
  entries: Readonly<Record<string, EntryState>>;
  /** Indicators with a supplementation request, open or answered, and whether one is overdue. */
  requests: Map<string, { open: boolean; overdue: boolean }>;
}

/**
 * The framework as a navigable tree: main indices with their progress (answered / total, evidence
 * missing), indicators with a status dot. Searching ignores diacritics ("nhan thuc" finds "Nhận thức").
 */
/** Keeps the selected indicator in sight when it was chosen elsewhere (next button, checklist link). */
function scrollIntoView(element: HTMLElement | null): void {
  // Only the tree's own scroll box moves; the page itself stays where the user is.
  let box = element?.parentElement ?? null;
  while (box && !(box.scrollHeight > box.clientHeight && /(auto|scroll)/.test(getComputedStyle(box).overflowY))) {
    box = box.parentElement;
  }
  if (!element || !box || box === document.documentElement || box === document.body) return;
  const offset = element.getBoundingClientRect().top - box.getBoundingClientRect().top;
  if (offset < 0 || offset + element.offsetHeight > box.clientHeight) {
    box.scrollTop += offset - (box.clientHeight - element.offsetHeight) / 2;
  }
}

export function IndicatorTree({ groups, progress, selected, onSelect, contentOf, evidenceOf, entries, requests }: Props) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<TreeFilter>('all');
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // After layout: the scroll box gets its height only once the page has rendered.
    const frame = requestAnimationFrame(() =>
      scrollIntoView(container.current?.querySelector<HTMLElement>(`[data-code="${CSS.escape(selected)}"]`) ?? null),
    );
    return () => cancelAnimationFrame(frame);
  }, [selected]);

  const keep = (code: string, name: string, status: IndicatorStatus) => {
    if (query.trim() && !matchesSearch(`${code} ${name}`, query)) return false;
    if (filter === 'todo') return status === 'empty';
    if (filter === 'noEvidence') return status === 'noEvidence';
    if (filter === 'requested') return requests.has(code);
    return true;
  };

  const filters: { value: TreeFilter; label: string }[] = [
    { value: 'all', label: t('tree.all') },
    { value: 'todo', label: t('tree.todo') },
    { value: 'noEvidence', label: t('tree.noEvidence') },
  ];
  if (requests.size > 0) filters.push({ value: 'requested', label: t('tree.requested') });

  return (
    <Stack gap="sm" component="nav" aria-label={t('tree.label')} ref={container}>
      <TextInput
        placeholder={t('tree.search')}
        aria-label={t('tree.search')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        size="sm"
      />
      <SegmentedControl
        size="xs"
        fullWidth
        value={filter}
        onChange={(value) => setFilter(value as TreeFilter)}
        data={filters}
        aria-label={t('tree.filter')}
      />
      {groups.map((group) => {
        const groupProgress = progress.get(group.code);
        const items = group.items
          .map((item) => ({ item, status: indicatorStatus(contentOf(item.code), evidenceOf(item.code)) }))
          .filter(({ item, status }) => keep(item.code, `${item.name} ${item.nameEn ?? ''}`, status));
        if (items.length === 0 && (query.trim() || filter !== 'all')) return null;
        const answered = groupProgress?.answered ?? 0;
        const total = groupProgress?.total ?? group.items.length;
        return (
          <Box key={group.code}>
            <Stack gap={4} mb={4}>
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Text fw={700} size="sm" style={{ lineHeight: 1.3 }}>
                  {group.code}. {localName(group, locale)}
                </Text>
                <Text
                  size="xs"
                  c="dimmed"
                  style={{ whiteSpace: 'nowrap' }}
                  aria-label={t('tree.answeredOf', { answered, total })}
                >
                  {answered}/{total}
                </Text>
              </Group>
              <Progress
                value={total > 0 ? (answered / total) * 100 : 0}
                size="sm"
                color={answered === total ? 'green' : 'indigo'}
                aria-label={t('tree.answeredOf', { answered, total })}
              />
              {(groupProgress?.evidenceMissing ?? 0) > 0 && (
                <Text size="xs" c="yellow">
                  {t('tree.evidenceMissing', { count: groupProgress?.evidenceMissing ?? 0 })}
                </Text>
              )}
            </Stack>
            <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map(({ item, status }) => {
                const entry = entries[item.code];
                const problem = entry?.status === 'failed' || entry?.status === 'conflict' || entry?.status === 'invalid';
                const request = requests.get(item.code);
                const active = item.code === selected;
                return (
                  <li key={item.code}>
                    <UnstyledButton
                      data-code={item.code}
                      onClick={() => onSelect(item.code)}
                      aria-current={active ? 'page' : undefined}
                      w="100%"
                      px="xs"
                      py={6}
                      style={{
                        borderRadius: 'var(--mantine-radius-sm)',
                        background: active ? 'var(--mantine-color-indigo-light)' : undefined,
                        borderLeft: request?.open
                          ? `3px solid var(--mantine-color-${request.overdue ? 'red' : 'orange'}-6)`
                          : '3px solid transparent',
                      }}
                    >
                      <Group gap={8} wrap="nowrap" align="flex-start">
                        <Box pt={5}>
                          <StatusDot status={status} problem={problem} />
                        </Box>
                        <Text size="sm" lineClamp={2} style={{ flex: 1, minWidth: 0 }} fw={active ? 600 : 400}>
                          {item.code}. {localName(item, locale)}
                        </Text>
                        {request && (
                          <Badge
                            size="xs"
                            color={request.overdue ? 'red' : request.open ? 'orange' : 'gray'}
                            variant={request.open ? 'filled' : 'light'}
                            style={{ textTransform: 'none', flex: 'none' }}
                          >
                            {t('tree.requestBadge')}
                          </Badge>
                        )}
                      </Group>
                    </UnstyledButton>
                  </li>
                );
              })}
            </Stack>
          </Box>
        );
      })}
      <Group gap="md" mt="xs" wrap="wrap">
        {(['complete', 'noEvidence', 'notAssessed', 'empty'] as const).map((status) => (
          <Group key={status} gap={6} wrap="nowrap">
            <StatusDot status={status} decorative />
            <Text size="xs" c="dimmed">
              {t(`dot.${status}`)}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
