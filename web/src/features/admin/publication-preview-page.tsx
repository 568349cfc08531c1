import {
  Accordion,
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { publicationDecisionLine } from '@opendti/core/publication';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { DateField } from '../../shared/date-field';
import { formatNumber, localName } from '../../shared/format';
import { ProblemList } from '../../shared/problem-list';
import { buildRankingRows, DEFAULT_SORT, nextSort, type SortState, sortRankingRows } from '../../shared/ranking-rows';
import { RankingTable } from '../../shared/ranking-table';
import type { PeriodDetail, PublicationPreview } from './admin-records';
import { useAdminLabels } from './labels';
import { adminMessages } from './messages';
import { usePeriod, usePeriodTransition, usePublicationPreview } from './period-queries';
import {
  EMPTY_PUBLICATION_FORM,
  type PublicationFormState,
  publicationDecisionBody,
  validatePublicationForm,
} from './publication-form';
import { type PublicationKey, publicationMessages } from './publication-messages';

/**
 * Before publishing (xem trước khi công bố): every cohort's table exactly as the public will see it
 * (the server computes it as publishing does, and it is drawn with the public ranking's own table),
 * the warnings to read first, each naming its unit, then the decision that publishes it.
 */
export default function PublicationPreviewPage() {
  const t = useMessages(publicationMessages);
  const ta = useMessages(adminMessages);
  const { locale } = useLocale();
  const { periodId } = useParams();
  const period = usePeriod(periodId);
  const preview = usePublicationPreview(periodId, locale);

  if (period.isPending || preview.isPending) return <PageLoader />;
  if (period.error) return <ErrorNotice error={period.error} />;
  if (preview.error) return <ErrorNotice error={preview.error} />;
  const data = preview.data;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/quan-tri/ky-danh-gia">
          {ta('navPeriods')}
        </Anchor>
        <Anchor component={Link} to={`/quan-tri/ky-danh-gia/${period.data.id}`}>
          {period.data.year}
        </Anchor>
        <Text>{t('previewTitle')}</Text>
      </Breadcrumbs>
      <div>
        <Title order={2}>{t('previewTitle')}</Title>
        <Text c="dimmed" size="sm">
          {period.data.name}
        </Text>
      </div>
      <Alert color="blue">{t('previewIntro')}</Alert>
      <Warnings preview={data} />
      {data.cohorts.map((cohort) => (
        <CohortTable key={cohort.unitKind} cohort={cohort} year={data.year} />
      ))}
      <PublishForm period={period.data} />
    </Stack>
  );
}

function Warnings({ preview }: { preview: PublicationPreview }) {
  const t = useMessages(publicationMessages);
  const { locale } = useLocale();
  const thresholds = t('warningsThresholds', {
    places: preview.thresholds.rankPlaces,
    change: formatNumber(preview.thresholds.indexChange, 1, locale),
  });
  if (preview.warnings.length === 0) {
    return (
      <Alert color="green" title={t('warningsTitle', { count: 0 })}>
        {t('warningsNone')}
      </Alert>
    );
  }
  // Grouped by kind, each group open when short enough to read at a glance; every line names its unit.
  const kinds = [...new Set(preview.warnings.map((warning) => warning.kind))];
  const byKind = (kind: string) => preview.warnings.filter((warning) => warning.kind === kind);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="publication-warnings-title">
      <Title order={3} size="h4" id="publication-warnings-title" c="orange">
        {t('warningsTitle', { count: preview.warnings.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {thresholds}
      </Text>
      <Accordion multiple variant="contained" defaultValue={kinds.filter((kind) => byKind(kind).length <= OPEN_GROUP_MAX)}>
        {kinds.map((kind) => (
          <Accordion.Item key={kind} value={kind}>
            <Accordion.Control>
              <Text span fw={600}>
                {t(`warningKind_${kind}` as PublicationKey)} ({byKind(kind).length})
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <List spacing={4} size="sm">
                {byKind(kind).map((warning) => (
                  <List.Item key={`${warning.unitKind}-${warning.unitCode}`}>{warning.message}</List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Paper>
  );
}

/** A group of warnings this long or shorter opens by itself; a longer one shows its count until opened. */
const OPEN_GROUP_MAX = 12;

function CohortTable({ cohort, year }: { cohort: PublicationPreview['cohorts'][number]; year: number }) {
  const t = useMessages(publicationMessages);
  const { locale } = useLocale();
  const labels = useAdminLabels();
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const { results, previous } = cohort;
  const rows = useMemo(() => buildRankingRows(results, previous ?? undefined), [results, previous]);
  const shown = useMemo(() => sortRankingRows(rows, sort), [rows, sort]);
  const mainIndices = (results.units[0]?.mainIndices ?? []).map((main) => ({ code: main.code, name: localName(main, locale) }));
  const cohortName = labels.cohort(cohort.unitKind);
  const headingId = `preview-${cohort.unitKind}`;
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>
        {t('cohortTable', { cohort: cohortName, count: results.units.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {localName(results.framework, locale)} · {previous ? t('comparedWith', { year: previous.year }) : t('noPrevious')}
      </Text>
      <RankingTable
        rows={shown}
        mainIndices={mainIndices}
        sort={sort}
        onSort={(column) => setSort(nextSort(sort, column))}
        precision={results.framework.precision}
        withChange={Boolean(previous)}
        caption={t('tableCaption', { cohort: cohortName, year })}
      />
    </section>
  );
}

/**
 * The decision and the button. The button follows the server's verdict on `publish` (core's guard:
 * every assessment finalised); the fields follow core's rule for the decision, as the server does.
 */
function PublishForm({ period }: { period: PeriodDetail }) {
  const t = useMessages(publicationMessages);
  const ta = useMessages(adminMessages);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const transition = usePeriodTransition(period.id);
  const [form, setForm] = useState<PublicationFormState>(EMPTY_PUBLICATION_FORM);
  const [touched, setTouched] = useState(false);
  const errors = validatePublicationForm(form);
  const error = (field: keyof PublicationFormState) => (touched ? errors[field]?.[locale] : undefined);
  const allowed = period.allowedActions.includes('publish');
  const denied = period.deniedActions.find((item) => item.action === 'publish' && item.reason !== 'wrong-state');
  const valid = Object.keys(errors).length === 0;
  const set = (field: keyof PublicationFormState) => (value: string) => setForm({ ...form, [field]: value });

  const publish = () => {
    setTouched(true);
    if (!valid) return;
    transition.mutate(
      { action: 'publish', decision: publicationDecisionBody(form) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('published', { year: period.year }) });
          navigate(`/quan-tri/ky-danh-gia/${period.id}`);
        },
      },
    );
  };

  if (period.state !== 'appraisal') {
    return <Alert color="gray">{t('notAppraisal')}</Alert>;
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="publication-decision-title">
      <Title order={3} size="h4" id="publication-decision-title">
        {t('decisionTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('decisionHelp')}
      </Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          publish();
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('decisionNumber')}
              description={t('decisionNumberHelp')}
              value={form.number}
              onChange={(event) => set('number')(event.currentTarget.value)}
              error={error('number')}
              required
              autoComplete="off"
            />
            <DateField label={t('decisionDate')} value={form.date} onChange={set('date')} error={error('date')} required />
            <TextInput
              label={t('decisionSignerName')}
              value={form.signerName}
              onChange={(event) => set('signerName')(event.currentTarget.value)}
              error={error('signerName')}
              required
              autoComplete="off"
            />
            <TextInput
              label={t('decisionSignerTitle')}
              description={t('decisionSignerTitleHelp')}
              value={form.signerTitle}
              onChange={(event) => set('signerTitle')(event.currentTarget.value)}
              error={error('signerTitle')}
              required
              autoComplete="off"
            />
          </SimpleGrid>
          {valid && (
            <Text size="sm">
              {t('decisionPreview')} <em>{publicationDecisionLine(publicationDecisionBody(form), locale)}</em>
            </Text>
          )}
          <Alert color="blue">{ta('publishFreezes')}</Alert>
          {!allowed && denied && (
            <Alert color="orange" title={t('publishBlocked')}>
              {denied.message}
            </Alert>
          )}
          {transition.error && <ProblemList error={transition.error} title={t('serverRefused')} />}
          <Group justify="space-between">
            <Button variant="default" component={Link} to={`/quan-tri/ky-danh-gia/${period.id}`}>
              {t('backToPeriod')}
            </Button>
            <Button type="submit" loading={transition.isPending} disabled={!allowed}>
              {t('publishButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
