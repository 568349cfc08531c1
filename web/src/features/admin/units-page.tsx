import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Text,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useMessages } from '../../i18n/locale';
import { todayInVietnam, toVietnameseDate } from '../../shared/calendar-day';
import { labelledOptions, UNIT_KINDS, useDomainLabels } from '../../shared/labels';
import { ListFilters, ListPage } from '../../shared/list-page';
import { EmptyList } from '../../shared/list-table';
import type { UnitRecord } from './admin-records';
import { MergeUnitsModal } from './merge-units-modal';
import { adminMessages } from './messages';
import { UnitFormModal } from './unit-form-modal';
import { UnitImportModal } from './unit-import-modal';
import { useAllUnits } from './unit-queries';
import { buildUnitTree, filterUnitTree, isActiveOn, keepWithAncestors, type UnitTreeNode } from './unit-tree';

const KIND_COLORS: Record<string, string> = {
  province: 'indigo',
  department: 'teal',
  district: 'orange',
  commune: 'grape',
  ministry: 'blue',
  other: 'gray',
};

/** The units as a tree (province → departments, districts, communes), searchable without diacritics. */
export default function UnitsPage() {
  const t = useMessages(adminMessages);
  const labels = useDomainLabels();
  const units = useAllUnits();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [showEnded, setShowEnded] = useState(true);
  const [opened, setOpened] = useState<Set<string> | undefined>();
  const [editing, setEditing] = useState<{ unit?: UnitRecord; parentId?: string | null }>();
  const [importing, setImporting] = useState(false);
  const [merging, setMerging] = useState(false);
  const day = todayInVietnam();

  const all = units.data ?? [];
  const byId = useMemo(() => new Map(all.map((unit) => [unit.id, unit])), [all]);
  const visible = useMemo(
    () => keepWithAncestors(all, (unit) => (showEnded || isActiveOn(unit, day)) && (!kind || unit.kind === kind)),
    [all, showEnded, kind, day],
  );
  const tree = useMemo(() => buildUnitTree(visible), [visible]);
  const filtered = useMemo(() => filterUnitTree(tree, search), [tree, search]);
  // Until the user opens or closes a branch, the top levels are open; a search opens the way to its matches.
  const expanded = search.trim() ? filtered.expanded : (opened ?? new Set(tree.map((node) => node.unit.id)));
  const toggle = (id: string) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpened(next);
  };

  const renderNode = (node: UnitTreeNode): ReactNode => {
    const { unit } = node;
    const open = expanded.has(unit.id);
    const ended = !isActiveOn(unit, day);
    const replacement = unit.replacedById ? byId.get(unit.replacedById) : undefined;
    return (
      <Box key={unit.id} role="treeitem" aria-expanded={node.children.length > 0 ? open : undefined} aria-level={node.depth + 1}>
        <Group
          gap="xs"
          wrap="nowrap"
          py={4}
          pl={node.depth * 24}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          {node.children.length > 0 ? (
            <ActionIcon
              variant="subtle"
              size="sm"
              onClick={() => toggle(unit.id)}
              aria-label={open ? t('collapse', { name: unit.name }) : t('expand', { name: unit.name })}
            >
              {open ? '▾' : '▸'}
            </ActionIcon>
          ) : (
            <Box w={22} />
          )}
          {/* The button's name starts with what it does and holds all its visible text (WCAG 2.5.3); an
              ended unit is told by its greyed name and its red dates, not by fading (contrast). */}
          <UnstyledButton onClick={() => setEditing({ unit })} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text fw={node.depth === 0 ? 600 : 400} size="sm" c={ended ? 'dimmed' : undefined}>
                <VisuallyHidden>{t('editUnitTitle', { name: '' }).trim()}</VisuallyHidden> {unit.name}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {unit.code}
              </Text>
              <Badge size="xs" variant="light" color={KIND_COLORS[unit.kind] ?? 'gray'}>
                {labels.unitKind(unit.kind)}
              </Badge>
              {node.children.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('childCount', { count: node.children.length })}
                </Text>
              )}
              {(unit.activeFrom || unit.activeTo) && (
                <Text size="xs" c={ended ? 'red' : 'dimmed'}>
                  {!unit.activeTo
                    ? t('activeSince', { from: toVietnameseDate(unit.activeFrom) })
                    : unit.activeFrom
                      ? t('activeBetween', { from: toVietnameseDate(unit.activeFrom), to: toVietnameseDate(unit.activeTo) })
                      : t('activeUntil', { to: toVietnameseDate(unit.activeTo) })}
                </Text>
              )}
              {replacement && (
                <Text size="xs" c="dimmed">
                  → {t('replacedBy', { name: replacement.name })}
                </Text>
              )}
            </Group>
          </UnstyledButton>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            visibleFrom="sm"
            onClick={() => setEditing({ parentId: unit.id })}
          >
            + {t('addChild')}
          </Button>
        </Group>
        {open && node.children.length > 0 && <Box role="group">{node.children.map(renderNode)}</Box>}
      </Box>
    );
  };

  return (
    <ListPage
      title={t('unitsTitle')}
      description={t('unitsIntro')}
      actions={
        <Group mt="xs">
          <Button onClick={() => setEditing({})}>{t('addUnit')}</Button>
          <Button variant="light" onClick={() => setImporting(true)}>
            {t('importCsv')}
          </Button>
          <Button variant="light" onClick={() => setMerging(true)}>
            {t('mergeUnits')}
          </Button>
        </Group>
      }
      filters={
        <ListFilters>
          <TextInput
            label={t('search')}
            placeholder={t('unitSearchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={340}
          />
          <Select
            label={t('unitKind')}
            placeholder={t('allKinds')}
            data={labelledOptions(UNIT_KINDS, labels.unitKind)}
            value={kind}
            onChange={setKind}
            clearable
            w={220}
          />
          <Checkbox
            label={t('showEnded')}
            checked={showEnded}
            onChange={(event) => setShowEnded(event.currentTarget.checked)}
            mb={8}
          />
        </ListFilters>
      }
      query={units}
      // The units are a tree, not a table: the list pattern around it is the same.
      render={() => (
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed" mb={4} aria-live="polite">
            {search.trim() ? t('matchCount', { count: filtered.matches }) : t('unitCount', { count: visible.length })}
          </Text>
          <div role="tree" aria-label={t('unitsTitle')}>
            {filtered.tree.map(renderNode)}
          </div>
          {filtered.tree.length === 0 && <EmptyList>{t('nothingFound')}</EmptyList>}
        </Paper>
      )}
    >
      {editing && (
        <UnitFormModal unit={editing.unit} parentId={editing.parentId} units={all} onClose={() => setEditing(undefined)} />
      )}
      {importing && <UnitImportModal onClose={() => setImporting(false)} />}
      {merging && <MergeUnitsModal units={all} onClose={() => setMerging(false)} />}
    </ListPage>
  );
}
