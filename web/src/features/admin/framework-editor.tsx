import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useLocale, useMessages } from '../../i18n/locale';
import { ProblemList } from '../../shared/problem-list';
import type { FrameworkDocument } from './admin-records';
import {
  type DraftIssue,
  draftFromDocument,
  editableNumber,
  type FrameworkDraft,
  type IndicatorDraft,
  indicatorSum,
  type MainIndexDraft,
  mainIndexSum,
  readDraft,
} from './framework-draft';
import { groupMainIndices } from './framework-outline';
import { useSaveFramework } from './framework-queries';
import { adminMessages } from './messages';
import { MethodEditor } from './method-editor';

/**
 * Editing the names, points and scoring methods of a framework no period uses yet. Problems are
 * shown as they are typed, beside the field and in a list naming each code, with the same rules the
 * server applies on saving; the server's own answer, if it still refuses, is shown the same way.
 */
export function FrameworkEditor({ document, onDone }: { document: FrameworkDocument; onDone: () => void }) {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const [draft, setDraft] = useState<FrameworkDraft>(() => draftFromDocument(document, locale));
  const save = useSaveFramework(document.id);
  const { issues, document: edited } = useMemo(() => readDraft(draft, locale), [draft, locale]);
  const isSum = document.aggregation === 'sum';

  const describe = (issue: DraftIssue) => t(issue.key, issue.params);
  const issueFor = (code: string, field: DraftIssue['field']) => {
    const found = issues.find((issue) => issue.code === code && issue.field === field);
    return found ? describe(found) : undefined;
  };
  const updateMain = (position: number, change: (main: MainIndexDraft) => MainIndexDraft) =>
    setDraft((current) => ({
      ...current,
      mainIndices: current.mainIndices.map((main, i) => (i === position ? change(main) : main)),
    }));
  const updateIndicator = (position: number, code: string, change: Partial<IndicatorDraft>) =>
    updateMain(position, (main) => ({
      ...main,
      indicators: main.indicators.map((indicator) => (indicator.code === code ? { ...indicator, ...change } : indicator)),
    }));

  const submit = () => {
    if (!edited) return;
    save.mutate(edited, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('frameworkSaved') });
        onDone();
      },
    });
  };
  const total = mainIndexSum(draft);

  return (
    <Stack>
      <Paper withBorder p="md">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('frameworkName')}
            value={draft.name}
            onChange={(event) => {
              const name = event.currentTarget.value;
              setDraft((current) => ({ ...current, name }));
            }}
            error={issueFor('', 'name')}
            style={{ flex: 1, minWidth: 320 }}
          />
          <TextInput
            label={t('totalPoints')}
            value={draft.maxPoints}
            onChange={(event) => {
              const maxPoints = event.currentTarget.value;
              setDraft((current) => ({ ...current, maxPoints }));
            }}
            error={issueFor('', 'maxPoints')}
            description={isSum && total !== undefined ? t('sumOfMainIndices', { sum: editableNumber(total, locale) }) : undefined}
            w={200}
          />
        </Group>
      </Paper>

      {issues.length > 0 ? (
        <Alert color="orange" title={t('draftIssuesTitle', { count: issues.length })} role="status">
          <List size="sm" spacing={4}>
            {issues.map((issue) => (
              <List.Item key={`${issue.code}-${issue.field}-${issue.key}`}>
                {issue.code && (
                  <Badge size="sm" radius="sm" mr={6} color="orange" variant="filled">
                    {issue.code}
                  </Badge>
                )}
                {describe(issue)}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert color="green" title={t('draftValidTitle')}>
          {t('draftValid')}
        </Alert>
      )}
      {save.error && <ProblemList error={save.error} title={t('saveRefused')} onClose={() => save.reset()} />}

      {groupMainIndices(
        draft.groups,
        draft.mainIndices.map((main) => ({ ...main, group: main.source.group })),
      ).map((section) => (
        <Stack key={section.code ?? '—'} gap="xs">
          {section.code !== null && (
            <Group gap="xs" align="flex-end">
              <Badge size="lg" radius="sm" variant="light">
                {section.code}
              </Badge>
              <TextInput
                aria-label={t('groupName', { code: section.code })}
                value={draft.groups.find((group) => group.code === section.code)?.name ?? ''}
                onChange={(event) => {
                  const name = event.currentTarget.value;
                  setDraft((current) => ({
                    ...current,
                    groups: current.groups.map((group) => (group.code === section.code ? { ...group, name } : group)),
                  }));
                }}
                error={issueFor(section.code, 'name')}
                style={{ flex: 1 }}
              />
            </Group>
          )}
          {section.mainIndices.map(({ item: main, position }) => {
            const sum = indicatorSum(main);
            return (
              <Paper key={main.code} withBorder p="sm">
                <Group align="flex-start" wrap="wrap" mb="xs">
                  <Title order={3} size="h5" pt={6} w={120}>
                    {t('mainIndexShort')} {main.code}
                  </Title>
                  <TextInput
                    aria-label={t('nameOf', { code: main.code })}
                    value={main.name}
                    onChange={(event) => {
                      const name = event.currentTarget.value;
                      updateMain(position, (current) => ({ ...current, name }));
                    }}
                    error={issueFor(main.code, 'name')}
                    style={{ flex: 1, minWidth: 260 }}
                  />
                  <TextInput
                    aria-label={t('maxPointsOf', { code: main.code })}
                    value={main.maxPoints}
                    onChange={(event) => {
                      const maxPoints = event.currentTarget.value;
                      updateMain(position, (current) => ({ ...current, maxPoints }));
                    }}
                    error={issueFor(main.code, 'maxPoints')}
                    description={
                      isSum && sum !== undefined ? t('sumOfIndicators', { sum: editableNumber(sum, locale) }) : undefined
                    }
                    w={160}
                    rightSection={<Text size="xs">{t('pointsUnit')}</Text>}
                    rightSectionWidth={42}
                  />
                </Group>
                <Table.ScrollContainer minWidth={860}>
                  <Table verticalSpacing={6}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={60}>{t('code')}</Table.Th>
                        <Table.Th>{t('indicator')}</Table.Th>
                        <Table.Th w={110}>{t('maxPoints')}</Table.Th>
                        <Table.Th w={340}>{t('method')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {main.indicators.map((indicator) => (
                        <Table.Tr key={indicator.code} style={{ verticalAlign: 'top' }}>
                          <Table.Td ff="monospace" pt={12}>
                            {indicator.code}
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={t('nameOf', { code: indicator.code })}
                              value={indicator.name}
                              onChange={(event) => updateIndicator(position, indicator.code, { name: event.currentTarget.value })}
                              error={issueFor(indicator.code, 'name')}
                              size="xs"
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={t('maxPointsOf', { code: indicator.code })}
                              value={indicator.maxPoints}
                              onChange={(event) =>
                                updateIndicator(position, indicator.code, { maxPoints: event.currentTarget.value })
                              }
                              error={issueFor(indicator.code, 'maxPoints')}
                              size="xs"
                            />
                          </Table.Td>
                          <Table.Td>
                            <MethodEditor
                              code={indicator.code}
                              method={indicator.method}
                              maxPoints={indicator.maxPoints}
                              error={issueFor(indicator.code, 'method')}
                              onChange={(method) => updateIndicator(position, indicator.code, { method })}
                            />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            );
          })}
        </Stack>
      ))}

      <Paper withBorder p="sm" pos="sticky" bottom={0} style={{ zIndex: 5 }}>
        <Group justify="space-between">
          <Text size="sm" c={issues.length > 0 ? 'orange' : 'dimmed'}>
            {issues.length > 0 ? t('fixBeforeSaving', { count: issues.length }) : t('readyToSave')}
          </Text>
          <Group>
            <Button variant="default" onClick={onDone}>
              {t('cancel')}
            </Button>
            <Button onClick={submit} disabled={!edited} loading={save.isPending}>
              {t('saveFramework')}
            </Button>
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
}
