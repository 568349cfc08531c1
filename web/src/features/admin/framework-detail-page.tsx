import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { toVietnameseDate } from '../../shared/calendar-day';
import { formatNumber } from '../../shared/format';
import { CloneFrameworkModal } from './clone-framework-modal';
import { FrameworkEditor } from './framework-editor';
import { useFramework, useFrameworks, useFrameworkUsage } from './framework-queries';
import { FrameworkTree } from './framework-tree';
import { useAdminLabels } from './labels';
import { adminMessages } from './messages';

/** One framework: its tree, whether it can still change, and the edit, clone and download actions. */
export default function FrameworkDetailPage() {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const labels = useAdminLabels();
  const { frameworkId } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const framework = useFramework(frameworkId);
  const usage = useFrameworkUsage(frameworkId);
  const frameworks = useFrameworks();
  const [search, setSearch] = useState('');
  const [cloning, setCloning] = useState(false);
  const editing = searchParams.get('sua') === '1' && usage.data?.frozenBecause === null;
  const setEditing = (on: boolean) => setSearchParams(on ? { sua: '1' } : {}, { replace: true });

  if (framework.isPending) return <PageLoader />;
  if (framework.error) return <ErrorNotice error={framework.error} />;
  const document = framework.data;
  const summary = frameworks.data?.find((item) => item.id === document.id);
  const indicatorCount = document.mainIndices.reduce((count, main) => count + main.indicators.length, 0);

  const download = () => {
    const blob = new Blob([`${JSON.stringify(document, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = Object.assign(window.document.createElement('a'), { href: url, download: `${document.id}.json` });
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/quan-tri/bo-chi-so">
          {t('navFrameworks')}
        </Anchor>
        <Text>{document.id}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={2}>{document.name}</Title>
        <Group gap="xs">
          <Badge variant="light">{document.year}</Badge>
          <Badge variant="light" color="gray">
            {labels.cohort(document.unitKind)}
          </Badge>
          {document.maxPoints !== undefined && (
            <Badge variant="light" color="gray">
              {t('pointsShort', { points: formatNumber(document.maxPoints, 0, locale) })}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {t('frameworkCounts', { mainIndices: document.mainIndices.length, indicators: indicatorCount })}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('legalBasis', {
            document: document.legalBasis.document,
            date: toVietnameseDate(document.legalBasis.date),
            issuer: document.legalBasis.issuer,
          })}
          {document.legalBasis.table ? ` — ${document.legalBasis.table}` : ''}
        </Text>
      </Stack>

      {usage.data?.frozenBecause === 'builtin' && (
        <Alert color="gray" title={t('frozenBuiltinTitle')}>
          {t('frozenBuiltin')}
        </Alert>
      )}
      {usage.data?.frozenBecause === 'inUse' && (
        <Alert color="gray" title={t('frozenInUseTitle')}>
          <Text size="sm">{t('frozenInUse')}</Text>
          <List size="sm" mt={4}>
            {usage.data.periods.map((period) => (
              <List.Item key={period.id}>
                <Anchor component={Link} to={`/quan-tri/ky-danh-gia/${period.id}`} size="sm">
                  {period.name}
                </Anchor>{' '}
                ({labels.periodState(period.state)})
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      {!editing && (
        <Group>
          {usage.data?.frozenBecause === null && <Button onClick={() => setEditing(true)}>{t('editFramework')}</Button>}
          <Button variant="light" onClick={() => setCloning(true)}>
            {t('cloneIntoNewYear')}
          </Button>
          <Button variant="default" onClick={download}>
            {t('downloadJson')}
          </Button>
        </Group>
      )}

      {editing ? (
        <FrameworkEditor key={document.id} document={document} onDone={() => setEditing(false)} />
      ) : (
        <>
          <TextInput
            label={t('search')}
            placeholder={t('indicatorSearchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            maw={420}
          />
          <FrameworkTree document={document} search={search} />
        </>
      )}
      {cloning && (
        <CloneFrameworkModal
          source={
            summary ?? {
              id: document.id,
              name: document.name,
              year: document.year,
              unitKind: document.unitKind,
              maxPoints: document.maxPoints ?? null,
              mainIndices: document.mainIndices.length,
              indicators: indicatorCount,
              source: usage.data?.source === 'builtin' ? 'builtin' : 'imported',
            }
          }
          existingIds={(frameworks.data ?? []).map((item) => item.id)}
          onClose={() => setCloning(false)}
        />
      )}
    </Stack>
  );
}
