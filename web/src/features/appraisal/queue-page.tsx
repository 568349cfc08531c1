import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { holds, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate } from '../../shared/format';
import { useDomainLabels } from '../../shared/labels';
import { AssessmentStateBadge, SubmittedAtCloseBadge } from '../../shared/state-badges';
import type { OverviewAssessment, OverviewCohort, Period } from './api-types';
import { useCouncilOverview, usePeriods } from './appraisal-queries';
import { type AppraisalMessageKey, appraisalMessages } from './messages';
import {
  countByFilter,
  countByStage,
  describeScopes,
  filterQueue,
  QUEUE_FILTERS,
  type QueueFilter,
  sortQueue,
} from './queue-filters';

const FILTER_KEYS = {
  assigned: 'filterAssigned',
  mine: 'filterMine',
  pending: 'filterPending',
  adjusted: 'filterAdjusted',
  supplemented: 'filterSupplemented',
} as const;

/** /tham-dinh — the periods under appraisal and the queue of units' assessments, with filters kept in the address. */
export default function QueuePage() {
  const t = useMessages(appraisalMessages);
  const { data: user } = useCurrentUser();
  const periods = usePeriods();
  const [params, setParams] = useSearchParams();

  const inAppraisal = useMemo(
    () => (periods.data?.items ?? []).filter((period) => period.state === 'appraisal').sort((a, b) => b.year - a.year),
    [periods.data],
  );
  const others = (periods.data?.items ?? []).filter((period) => period.state !== 'appraisal').sort((a, b) => b.year - a.year);
  const periodId = params.get('ky') ?? inAppraisal[0]?.id;
  const overview = useCouncilOverview(periodId);

  const update = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  if (periods.isPending) return <PageLoader />;
  if (periods.error) return <ErrorNotice error={periods.error} />;

  const selected = (periods.data?.items ?? []).find((period) => period.id === periodId);
  // The council decides (core's `appraisal.decide`); an appraiser's assignment is shown as assigned.
  const isCouncil = holds(user, 'appraisal.decide');
  const scopes = user?.assignedScopes ?? [];

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('queueTitle')}</Title>
        <Text c="dimmed" size="sm">
          {t('queueIntro')}
        </Text>
      </div>

      {inAppraisal.length === 0 && !selected ? (
        <Alert color="blue">{t('noPeriodInAppraisal')}</Alert>
      ) : (
        <Group justify="space-between" align="flex-end" wrap="wrap">
          {inAppraisal.length > 1 || (selected && selected.state !== 'appraisal') ? (
            <Select
              label={t('period')}
              data={[...inAppraisal, ...(selected && selected.state !== 'appraisal' ? [selected] : [])].map((period) => ({
                value: period.id,
                label: period.name,
              }))}
              value={periodId ?? null}
              onChange={(value) => update('ky', value)}
              allowDeselect={false}
              w={{ base: '100%', sm: 420 }}
            />
          ) : (
            <div>
              <Text size="sm" c="dimmed">
                {t('period')}
              </Text>
              <Text fw={600}>{selected?.name}</Text>
            </div>
          )}
          {periodId && (
            <Button component={Link} to={`/tham-dinh/ky/${periodId}`} variant="light">
              {t('openOverview')}
            </Button>
          )}
        </Group>
      )}

      {periodId && (
        <>
          <Text size="sm">
            {!isCouncil
              ? t('scopeReadOnly')
              : scopes.length > 0
                ? t('scopeAssigned', { scopes: scopeText(t, scopes, overview.data?.cohorts ?? []) })
                : t('scopeAll')}
          </Text>
          {overview.isPending ? (
            <PageLoader />
          ) : overview.error ? (
            <ErrorNotice error={overview.error} />
          ) : (
            <QueueList
              items={sortQueue(
                overview.data.assessments,
                overview.data.cohorts.map((cohort) => cohort.unitKind),
              )}
              cohorts={overview.data.cohorts.map((cohort) => cohort.unitKind)}
              showMine={isCouncil}
              filters={(params.get('loc') ?? '')
                .split(',')
                .filter((value): value is QueueFilter => (QUEUE_FILTERS as readonly string[]).includes(value))}
              onFilters={(filters) => update('loc', filters.join(','))}
              search={params.get('q') ?? ''}
              onSearch={(value) => update('q', value)}
              unitKind={params.get('nhom')}
              onUnitKind={(value) => update('nhom', value)}
            />
          )}
        </>
      )}

      {others.length > 0 && <OtherPeriods periods={others} />}
    </Stack>
  );
}

function scopeText(t: ReturnType<typeof useMessages<AppraisalMessageKey>>, scopes: string[], cohorts: OverviewCohort[]): string {
  const { mainIndices, indicators } = describeScopes(
    scopes,
    new Set(cohorts.flatMap((cohort) => cohort.mainIndices.map((main) => main.code))),
  );
  return [
    ...(mainIndices.length > 0 ? [t('scopeMainIndices', { codes: mainIndices.join(', ') })] : []),
    ...(indicators.length > 0 ? [t('scopeIndicators', { codes: indicators.join(', ') })] : []),
  ].join('; ');
}

function OtherPeriods({ periods }: { periods: Period[] }) {
  const t = useMessages(appraisalMessages);
  const labels = useDomainLabels();
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('otherPeriods')}
      </Title>
      {periods.map((period) => (
        <Group key={period.id} gap="xs">
          <Anchor component={Link} to={`/tham-dinh/ky/${period.id}`} size="sm">
            {period.name}
          </Anchor>
          <Badge variant="outline" color="gray" size="sm" tt="none">
            {labels.periodState(period.state)}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

interface QueueListProps {
  items: OverviewAssessment[];
  cohorts: string[];
  showMine: boolean;
  filters: QueueFilter[];
  onFilters: (filters: QueueFilter[]) => void;
  search: string;
  onSearch: (value: string) => void;
  unitKind: string | null;
  onUnitKind: (value: string | null) => void;
}

function QueueList(props: QueueListProps) {
  const t = useMessages(appraisalMessages);
  const labels = useDomainLabels();
  const { items } = props;
  const unitKind = props.unitKind && props.cohorts.includes(props.unitKind) ? props.unitKind : null;
  const counts = countByFilter(items);
  const stages = countByStage(items);
  const visible = filterQueue(items, { filters: props.filters, search: props.search, unitKind });
  const filterChoices = QUEUE_FILTERS.filter((filter) => props.showMine || filter !== 'mine');
  const narrow = useMediaQuery('(max-width: 36em)');

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap" aria-label={t('summaryUnits', { count: items.length })}>
        <Badge variant="default" size="lg" tt="none">
          {t('summaryUnits', { count: items.length })}
        </Badge>
        <Badge variant="light" color="blue" size="lg" tt="none">
          {t('summaryAwaiting', { count: stages.council })}
        </Badge>
        <Badge variant="light" color="orange" size="lg" tt="none">
          {t('summaryWaitingUnit', { count: stages.unit })}
        </Badge>
        <Badge variant="light" color="green" size="lg" tt="none">
          {t('summaryFinalised', { count: stages.finalised })}
        </Badge>
      </Group>

      <Card withBorder padding="sm">
        <Stack gap="sm">
          <Chip.Group multiple value={props.filters} onChange={(value) => props.onFilters(value as QueueFilter[])}>
            <Group gap="xs" role="group" aria-label={t('filters')}>
              {filterChoices.map((filter) => (
                <Chip key={filter} value={filter} size="sm">
                  {t(FILTER_KEYS[filter])} ({counts[filter]})
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('searchUnits')}
              placeholder={t('searchPlaceholder')}
              value={props.search}
              onChange={(event) => props.onSearch(event.currentTarget.value)}
              w={{ base: '100%', sm: 280 }}
            />
            {props.cohorts.length > 1 && (
              <SegmentedControl
                aria-label={t('cohort')}
                value={unitKind ?? 'all'}
                onChange={(value) => props.onUnitKind(value === 'all' ? null : value)}
                orientation={narrow ? 'vertical' : 'horizontal'}
                fullWidth={narrow}
                w={narrow ? '100%' : undefined}
                data={[
                  { value: 'all', label: t('allCohorts') },
                  ...props.cohorts.map((kind) => ({ value: kind, label: labels.cohort(kind) })),
                ]}
              />
            )}
          </Group>
        </Stack>
      </Card>

      {visible.length === 0 ? (
        <Text c="dimmed" py="md">
          {t('emptyQueue')}
        </Text>
      ) : (
        <>
          <QueueTable items={visible} showMine={props.showMine} />
          <QueueCards items={visible} showMine={props.showMine} />
        </>
      )}
    </Stack>
  );
}

function DecidedProgress({ item }: { item: OverviewAssessment }) {
  const t = useMessages(appraisalMessages);
  const decided = item.indicators - item.undecided;
  return (
    <Stack gap={2} miw={120}>
      <Group gap={6} justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500}>
          {t('decidedOf', { decided, total: item.indicators })}
        </Text>
        {item.undecided > 0 && (
          <Text size="xs" c="dimmed">
            {t('remaining', { count: item.undecided })}
          </Text>
        )}
      </Group>
      <Progress
        value={item.indicators === 0 ? 0 : (decided / item.indicators) * 100}
        size="sm"
        color={item.undecided === 0 ? 'green' : 'indigo'}
        aria-hidden
      />
    </Stack>
  );
}

function SupplementationBadges({ item }: { item: OverviewAssessment }) {
  const t = useMessages(appraisalMessages);
  const { open, answered, overdue } = item.supplementation;
  if (open === 0 && answered === 0) return <Text c="dimmed">{t('none')}</Text>;
  return (
    <Group gap={4}>
      {open > 0 && (
        <Badge color="orange" variant="light" tt="none">
          {t('supplementationOpen', { count: open })}
        </Badge>
      )}
      {overdue > 0 && (
        <Badge color="red" variant="filled" tt="none">
          {t('supplementationOverdue', { count: overdue })}
        </Badge>
      )}
      {answered > 0 && (
        <Badge color="cyan" variant="light" tt="none">
          {t('supplementationAnswered', { count: answered })}
        </Badge>
      )}
    </Group>
  );
}

/** Who the chair assigned this unit to (or one of its main indices), the reader marked as "you". */
function Assignees({ item }: { item: OverviewAssessment }) {
  const t = useMessages(appraisalMessages);
  const { data: user } = useCurrentUser();
  if (item.assignees.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('notAssigned')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {item.assignees.map((assignee) => {
        const name = assignee.userId === user?.id ? t('assigneeYou', { name: assignee.displayName }) : assignee.displayName;
        const what = assignee.mainIndexCode === null ? t('assignedWhole') : t('assignedMain', { code: assignee.mainIndexCode });
        return (
          <Text
            key={`${assignee.userId}-${assignee.mainIndexCode ?? ''}`}
            size="xs"
            fw={assignee.userId === user?.id ? 700 : 400}
            c={assignee.userId === user?.id ? 'indigo.8' : undefined}
          >
            {name} · {what}
          </Text>
        );
      })}
    </Stack>
  );
}

function MinePart({ item }: { item: OverviewAssessment }) {
  const t = useMessages(appraisalMessages);
  const mine = item.state === 'finalised' ? 0 : item.undecidedForYou;
  return mine > 0 ? (
    <Text size="sm" fw={600} c="indigo.8">
      {t('mineRemaining', { count: mine })}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {t('mineNothing')}
    </Text>
  );
}

function QueueTable({ items, showMine }: { items: OverviewAssessment[]; showMine: boolean }) {
  const t = useMessages(appraisalMessages);
  const labels = useDomainLabels();
  const { locale } = useLocale();
  return (
    <Table.ScrollContainer minWidth={980} visibleFrom="sm">
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('unit')}</Table.Th>
            <Table.Th>{t('state')}</Table.Th>
            <Table.Th>{t('colSubmitted')}</Table.Th>
            <Table.Th>{t('colDecided')}</Table.Th>
            {showMine && <Table.Th>{t('colMine')}</Table.Th>}
            <Table.Th>{t('colAssignees')}</Table.Th>
            <Table.Th>{t('colSupplementation')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('appraise')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor component={Link} to={`/tham-dinh/${item.id}`} fw={500}>
                  {item.unit.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {item.unit.code} · {labels.cohort(item.unit.kind)}
                </Text>
                {item.assignedToYou && (
                  <Badge size="xs" color="indigo" variant="light" tt="none">
                    {t('assignedToYouBadge')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td miw={190}>
                <AssessmentStateBadge state={item.state} />
              </Table.Td>
              <Table.Td>{item.submittedAtClose ? <SubmittedAtCloseBadge /> : formatDate(item.submittedAt, locale)}</Table.Td>
              <Table.Td>
                <DecidedProgress item={item} />
              </Table.Td>
              {showMine && (
                <Table.Td>
                  <MinePart item={item} />
                </Table.Td>
              )}
              <Table.Td maw={220}>
                <Assignees item={item} />
              </Table.Td>
              <Table.Td>
                <SupplementationBadges item={item} />
              </Table.Td>
              <Table.Td>
                <Button
                  component={Link}
                  to={`/tham-dinh/${item.id}`}
                  size="xs"
                  variant="light"
                  aria-label={`${t('appraise')}: ${item.unit.name}`}
                >
                  {t('appraise')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The same queue on a phone: one card per unit. */
function QueueCards({ items, showMine }: { items: OverviewAssessment[]; showMine: boolean }) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  return (
    <Stack gap="xs" hiddenFrom="sm">
      {items.map((item) => (
        <Card key={item.id} withBorder padding="sm" component={Link} to={`/tham-dinh/${item.id}`}>
          <Stack gap={6}>
            <div>
              <Text fw={600} c="indigo.8">
                {item.unit.name}
              </Text>
              <Text size="xs" c="dimmed">
                {item.unit.code}
                {item.submittedAtClose ? '' : ` · ${t('colSubmitted')} ${formatDate(item.submittedAt, locale)}`}
              </Text>
              {item.submittedAtClose && <SubmittedAtCloseBadge mt={4} />}
            </div>
            <Group gap={4}>
              <AssessmentStateBadge state={item.state} size="sm" />
              {item.assignedToYou && (
                <Badge size="sm" color="indigo" variant="light" tt="none">
                  {t('assignedToYouBadge')}
                </Badge>
              )}
            </Group>
            <DecidedProgress item={item} />
            {showMine && <MinePart item={item} />}
            {item.assignees.length > 0 && <Assignees item={item} />}
            {(item.supplementation.open > 0 || item.supplementation.answered > 0) && <SupplementationBadges item={item} />}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
