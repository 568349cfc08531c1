import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMessages } from '../../i18n/locale';
import { ProblemList } from '../../shared/problem-list';
import type { FrameworkSummary } from './admin-records';
import { useCloneFramework } from './framework-queries';
import { adminMessages } from './messages';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** "dienbien-2022-department" for 2025 → "dienbien-2025-department"; the year appended when the id has none. */
export function suggestCloneId(sourceId: string, fromYear: number, toYear: number): string {
  const replaced = sourceId.replace(String(fromYear), String(toYear));
  return replaced !== sourceId ? replaced : `${sourceId}-${toYear}`;
}

/**
 * Cloning a framework into a new year: the tree is copied under a new id, then edited before a
 * period uses it. The id must be new; the name defaults to the source's with the year changed.
 */
export function CloneFrameworkModal({
  source,
  existingIds,
  onClose,
}: {
  source: FrameworkSummary | undefined;
  existingIds: readonly string[];
  onClose: () => void;
}) {
  const t = useMessages(adminMessages);
  const navigate = useNavigate();
  const clone = useCloneFramework();
  const [year, setYear] = useState('');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (!source) return;
    const nextYear = Math.max(source.year + 1, new Date().getFullYear());
    setYear(String(nextYear));
    setId(suggestCloneId(source.id, source.year, nextYear));
    setName('');
    setTouched(false);
    clone.reset();
  }, [source, clone.reset]);

  if (!source) return null;
  const yearNumber = Number(year);
  const yearError = !Number.isInteger(yearNumber) || yearNumber < 2000 || yearNumber > 2100 ? t('errorYear') : undefined;
  const idError = !ID_PATTERN.test(id)
    ? t('errorFrameworkId')
    : existingIds.includes(id)
      ? t('errorFrameworkIdTaken', { id })
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (yearError || idError) return;
    clone.mutate(
      { sourceId: source.id, id, year: yearNumber, ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: (created) => {
          notifications.show({ color: 'green', message: t('cloned', { id: created?.id ?? id }) });
          onClose();
          navigate(`/quan-tri/bo-chi-so/${created?.id ?? id}?sua=1`);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('cloneTitle')} size="lg">
      <Stack renderRoot={(props) => <form {...props} onSubmit={submit} noValidate />}>
        <Text size="sm">{t('cloneExplain', { name: source.name })}</Text>
        <TextInput
          label={t('cloneYear')}
          value={year}
          inputMode="numeric"
          onChange={(event) => {
            const next = event.currentTarget.value;
            const nextYear = Number(next);
            // The suggested id follows the year until the user types an id of their own.
            if (Number.isInteger(nextYear) && id === suggestCloneId(source.id, source.year, yearNumber)) {
              setId(suggestCloneId(source.id, source.year, nextYear));
            }
            setYear(next);
          }}
          error={touched ? yearError : undefined}
          required
        />
        <TextInput
          label={t('cloneId')}
          description={t('cloneIdHelp')}
          value={id}
          onChange={(event) => setId(event.currentTarget.value.trim())}
          error={touched || id !== '' ? idError : undefined}
          required
        />
        <TextInput
          label={t('cloneName')}
          description={t('cloneNameHelp')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        {clone.error && <ProblemList error={clone.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={clone.isPending}>
            {t('cloneSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
