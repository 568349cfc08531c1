import { Button, Group, Pagination, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useLocale, useMessages } from '../../i18n/locale';
import { endOfVietnamDay, parseVietnameseDate, startOfVietnamDay, toVietnameseDate } from '../../shared/calendar-day';
import { DateField } from '../../shared/date-field';
import { ListPage } from '../../shared/list-page';
import { type ListColumn, ListTable } from '../../shared/list-table';
import { vietnameseOptionsFilter } from '../../shared/option-filter';
import { AdministratorOnly } from './admin-layout';
import type { AuditEntry } from './admin-records';
import { useAuditLog } from './audit-queries';
import { alwaysShownFields, describeAuditChange, formatAuditValue, presentAuditValue } from './audit-values';
import { useAdminLabels } from './labels';
import { adminMessages, auditActionLabels } from './messages';
import { usePeriods } from './period-queries';
import { useAllUnits } from './unit-queries';
import { useUsers } from './user-queries';

const PAGE_SIZE = 25;
const FILTERS = ['periodId', 'unitId', 'actorId', 'action', 'from', 'to'] as const;
type FilterName = (typeof FILTERS)[number];

export default function AuditPage() {
  return (
    <AdministratorOnly capability="audit.readAll">
      <AuditLog />
    </AdministratorOnly>
  );
}

/**
 * The append-only audit log: who did what, when, old → new and why. Filters live in the address
 * (?periodId=…&from=2025-01-01), so a filtered view can be bookmarked or sent to a colleague.
 */
function AuditLog() {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const labels = useAdminLabels();
  const [params, setParams] = useSearchParams();
  const periods = usePeriods();
  const units = useAllUnits();
  const users = useUsers();
  const filter = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined])) as Record<
    FilterName,
    string | undefined
  >;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [from, setFrom] = useState(toVietnameseDate(filter.from));
  const [to, setTo] = useState(toVietnameseDate(filter.to));
  const log = useAuditLog({
    periodId: filter.periodId,
    unitId: filter.unitId,
    actorId: filter.actorId,
    action: filter.action,
    from: filter.from ? startOfVietnamDay(filter.from) : undefined,
    to: filter.to ? endOfVietnamDay(filter.to) : undefined,
    page,
    pageSize: PAGE_SIZE,
  });

  const setFilter = (name: FilterName | 'page', value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const setDay = (name: 'from' | 'to', text: string, setText: (value: string) => void) => {
    setText(text);
    if (text.trim() === '') setFilter(name, undefined);
    const day = parseVietnameseDate(text);
    if (day) setFilter(name, day);
  };

  const unitName = useMemo(
    () => new Map((units.data ?? []).map((unit) => [unit.id, `${unit.name} (${unit.code})`])),
    [units.data],
  );
  const periodName = useMemo(() => new Map((periods.data ?? []).map((period) => [period.id, period.name])), [periods.data]);
  const actionOptions = useMemo(
    () =>
      Object.entries(auditActionLabels[locale])
        .map(([value, label]) => ({ value, label: `${label} (${value})` }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [locale],
  );
  const activeFilters = FILTERS.filter((name) => filter[name]).length;

  const subject = (entry: AuditEntry) => {
    const parts: string[] = [];
    if (entry.unitId) parts.push(unitName.get(entry.unitId) ?? entry.unitId);
    if (entry.indicatorCode) parts.push(t('indicatorCode', { code: entry.indicatorCode }));
    if (entry.periodId && !filter.periodId) parts.push(periodName.get(entry.periodId) ?? '');
    if (parts.length === 0)
      parts.push(`${labels.entityType(entry.entityType)} ${entry.entityType === 'framework' ? entry.entityId : ''}`.trim());
    return parts.filter(Boolean).join(' · ');
  };

  const columns: ListColumn<AuditEntry>[] = [
    {
      header: t('auditWhen'),
      width: 150,
      cell: (entry) => <Text size="sm">{formatAuditValue(entry.at, locale)}</Text>,
    },
    {
      header: t('auditWho'),
      width: 200,
      cell: (entry) => (
        <>
          <Text size="sm">{entry.actorName ?? t('system')}</Text>
          {entry.actorRole && (
            <Text size="xs" c="dimmed">
              {labels.role(entry.actorRole)}
            </Text>
          )}
        </>
      ),
    },
    {
      header: t('auditWhat'),
      width: 220,
      alone: true,
      cell: (entry) => (
        <>
          <Text size="sm" fw={500}>
            {labels.action(entry.action)}
          </Text>
          <Text size="xs" c="dimmed">
            {subject(entry)}
          </Text>
        </>
      ),
    },
    { header: t('auditChange'), cell: (entry) => <ChangeList entry={entry} unitName={unitName} /> },
    {
      header: t('reason'),
      width: 220,
      // A card names the reason only where there is one.
      alone: (entry) => !entry.reason,
      cell: (entry) => <Text size="sm">{entry.reason ?? ''}</Text>,
    },
  ];

  return (
    <ListPage
      title={t('auditTitle')}
      description={t('auditIntro')}
      filters={
        <Paper withBorder p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Select
              label={t('filterPeriod')}
              placeholder={t('any')}
              data={(periods.data ?? []).map((period) => ({ value: period.id, label: period.name }))}
              value={filter.periodId ?? null}
              onChange={(value) => setFilter('periodId', value)}
              searchable
              filter={vietnameseOptionsFilter}
              clearable
            />
            <Select
              label={t('filterUnit')}
              placeholder={t('any')}
              data={[...unitName]
                .map(([value, label]) => ({ value, label }))
                .sort((a, b) => a.label.localeCompare(b.label, 'vi'))}
              value={filter.unitId ?? null}
              onChange={(value) => setFilter('unitId', value)}
              searchable
              filter={vietnameseOptionsFilter}
              clearable
              nothingFoundMessage={t('nothingFound')}
            />
            <Select
              label={t('filterAction')}
              placeholder={t('any')}
              data={actionOptions}
              value={filter.action ?? null}
              onChange={(value) => setFilter('action', value)}
              searchable
              filter={vietnameseOptionsFilter}
              clearable
            />
            <Select
              label={t('filterActor')}
              placeholder={t('any')}
              data={(users.data ?? []).map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
              value={filter.actorId ?? null}
              onChange={(value) => setFilter('actorId', value)}
              searchable
              filter={vietnameseOptionsFilter}
              clearable
            />
            <DateField label={t('filterFrom')} value={from} onChange={(text) => setDay('from', text, setFrom)} />
            <DateField label={t('filterTo')} value={to} onChange={(text) => setDay('to', text, setTo)} />
          </SimpleGrid>
          {activeFilters > 0 && (
            <Button
              mt="sm"
              variant="subtle"
              size="xs"
              onClick={() => {
                setFrom('');
                setTo('');
                setParams({}, { replace: true });
              }}
            >
              {t('clearFilters', { count: activeFilters })}
            </Button>
          )}
        </Paper>
      }
      query={log}
      render={(data) => (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('auditCount', { count: data.total })}
          </Text>
          <ListTable
            rows={data.items}
            columns={columns}
            rowKey={(entry) => entry.id}
            minWidth={1000}
            empty={t('nothingFound')}
            highlightOnHover={false}
            style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}
            rowProps={() => ({ style: { verticalAlign: 'top' } })}
          />
          {data.total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination
                total={Math.ceil(data.total / PAGE_SIZE)}
                value={page}
                onChange={(value) => setFilter('page', String(value))}
                getControlProps={(control) => ({ 'aria-label': t(`page_${control}`) })}
              />
            </Group>
          )}
        </>
      )}
    />
  );
}

/** Old → new, one line per field that changed, codes (states, roles, units) named as people say them. */
function ChangeList({ entry, unitName }: { entry: AuditEntry; unitName: ReadonlyMap<string, string> }) {
  const { locale } = useLocale();
  const labels = useAdminLabels();
  const changes = describeAuditChange(
    entry.oldValue,
    entry.newValue,
    locale,
    presentAuditValue(entry.entityType, locale, unitName),
    alwaysShownFields(entry.entityType),
  );
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        –
      </Text>
    );
  return (
    <Stack gap={2}>
      {changes.slice(0, 12).map((change) => (
        <Text key={change.field ?? '—'} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {change.field && (
            <Text span c="dimmed" fw={500} mr={4}>
              {labels.field(change.field)}:
            </Text>
          )}
          <Text span c="red" td={change.before === '–' ? undefined : 'line-through'}>
            {change.before}
          </Text>{' '}
          →{' '}
          <Text span c="green" fw={500}>
            {change.after}
          </Text>
        </Text>
      ))}
      {changes.length > 12 && (
        <Text size="xs" c="dimmed">
          +{changes.length - 12}
        </Text>
      )}
    </Stack>
  );
}
