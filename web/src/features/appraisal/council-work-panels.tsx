import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { useCurrentUser } from '../../api/session';
import { ErrorNotice } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { parseVietnameseDate, todayInVietnam, toVietnameseDate } from '../../shared/calendar-day';
import { CouncilMinutesList } from '../../shared/council-minutes-list';
import { formatDate, localName } from '../../shared/format';
import type { Assignment, MinutesItem, OverviewAssessment, OverviewCohort } from './api-types';
import { useAssignments, useCouncilMinutes, useCreateAssignment, useDeleteAssignment, useSaveMinutes } from './appraisal-queries';
import { appraisalMessages } from './messages';

const EVERY_UNIT = 'all';
const WHOLE_UNIT = 'whole';

/**
 * The chair (or the period manager) shares out the appraisal: a council member gets a unit, one main
 * index of a unit, or a main index in every unit. Whether the reader may change it is the server's
 * verdict (`assign`); what makes an assignment valid is checked by the server, whose message shows.
 */
export function AssignmentsPanel({
  periodId,
  assessments,
  cohorts,
}: {
  periodId: string;
  assessments: OverviewAssessment[];
  cohorts: OverviewCohort[];
}) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  const { data: user } = useCurrentUser();
  const assignments = useAssignments(periodId);
  const create = useCreateAssignment(periodId);
  const remove = useDeleteAssignment(periodId);
  const [member, setMember] = useState<string | null>(null);
  const [unit, setUnit] = useState<string>(EVERY_UNIT);
  const [mainIndex, setMainIndex] = useState<string>(WHOLE_UNIT);

  if (assignments.isPending) return null;
  if (assignments.error) return <ErrorNotice error={assignments.error} />;
  const { members, items, assign } = assignments.data;
  const mainIndices = new Map<string, string>();
  for (const cohort of cohorts) {
    for (const main of cohort.mainIndices)
      if (!mainIndices.has(main.code)) mainIndices.set(main.code, `${main.code}. ${localName(main, locale)}`);
  }
  const scopeText = (item: Assignment) =>
    item.unitId === null
      ? t('assignScopeEveryUnit', { code: item.mainIndexCode ?? '' })
      : item.mainIndexCode === null
        ? t('assignScopeUnit', { unit: item.unitName ?? '' })
        : t('assignScopeUnitMain', { unit: item.unitName ?? '', code: item.mainIndexCode });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!member) return;
    const name = members.find((entry) => entry.id === member)?.displayName ?? '';
    create.mutate(
      { userId: member, unitId: unit === EVERY_UNIT ? null : unit, mainIndexCode: mainIndex === WHOLE_UNIT ? null : mainIndex },
      { onSuccess: () => notifications.show({ color: 'green', message: t('assignSaved', { name }) }) },
    );
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('assignmentsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('assignmentsIntro')}
        </Text>
        {items.length === 0 ? (
          <Text size="sm">{t('assignNone')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assignMember')}</Table.Th>
                  <Table.Th>{t('colAssignees')}</Table.Th>
                  {assign.allowed && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td fw={item.userId === user?.id ? 700 : 400}>
                      {item.userId === user?.id ? t('assigneeYou', { name: item.displayName }) : item.displayName}
                    </Table.Td>
                    <Table.Td>{scopeText(item)}</Table.Td>
                    {assign.allowed && (
                      <Table.Td ta="right">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          loading={remove.isPending && remove.variables === item.id}
                          aria-label={t('assignRemove', { what: `${item.displayName}: ${scopeText(item)}` })}
                          onClick={() =>
                            remove.mutate(item.id, {
                              onSuccess: () => notifications.show({ color: 'green', message: t('assignRemoved') }),
                            })
                          }
                        >
                          ✕
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {assign.allowed ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              {(create.error || remove.error) && (
                <Alert color="red" role="alert">
                  {(create.error ?? remove.error)?.message}
                </Alert>
              )}
              <Group gap="sm" align="flex-end" wrap="wrap">
                <Select
                  label={t('assignMember')}
                  placeholder={t('assignChooseMember')}
                  data={members.map((entry) => ({ value: entry.id, label: entry.displayName }))}
                  value={member}
                  onChange={setMember}
                  w={{ base: '100%', sm: 260 }}
                />
                <Select
                  label={t('assignUnit')}
                  data={[
                    { value: EVERY_UNIT, label: t('assignAllUnits') },
                    ...assessments.map((item) => ({ value: item.unit.id, label: item.unit.name })),
                  ]}
                  value={unit}
                  onChange={(value) => setUnit(value ?? EVERY_UNIT)}
                  allowDeselect={false}
                  searchable
                  w={{ base: '100%', sm: 240 }}
                />
                <Select
                  label={t('assignMainIndex')}
                  data={[
                    { value: WHOLE_UNIT, label: t('assignWholeUnit') },
                    ...[...mainIndices].map(([code, label]) => ({ value: code, label })),
                  ]}
                  value={mainIndex}
                  onChange={(value) => setMainIndex(value ?? WHOLE_UNIT)}
                  allowDeselect={false}
                  w={{ base: '100%', sm: 260 }}
                />
                <Button type="submit" disabled={!member} loading={create.isPending}>
                  {t('assignAdd')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          assign.reason !== 'missing-capability' &&
          assign.message && (
            <Text size="xs" c="dimmed">
              {assign.message}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}

type MinutesField = 'meetingOn' | 'memberIds' | 'decision';

/** Which field a problem of the server's minutes check belongs to (core's codes). */
function fieldOf(code: string): MinutesField | undefined {
  if (code.startsWith('minutes.date')) return 'meetingOn';
  if (code === 'minutes.no-members' || code === 'minutes.unknown-member') return 'memberIds';
  if (code === 'minutes.decision-empty') return 'decision';
  return undefined;
}

/**
 * The minutes of the council's sign-off meeting: listed for every reader of the council's overview,
 * recorded and edited by the chair while the period is under appraisal (the server's `record` verdict).
 */
export function MinutesPanel({ periodId }: { periodId: string }) {
  const t = useMessages(appraisalMessages);
  const minutes = useCouncilMinutes(periodId);
  const [editing, setEditing] = useState<MinutesItem | 'new' | undefined>();

  if (minutes.isPending) return null;
  if (minutes.error) return <ErrorNotice error={minutes.error} />;
  const { items, members, record } = minutes.data;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4">
              {t('minutesTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('minutesIntro')}
            </Text>
          </div>
          {record.allowed && <Button onClick={() => setEditing('new')}>{t('minutesAdd')}</Button>}
        </Group>
        {!record.allowed && record.reason !== 'missing-capability' && record.message && (
          <Text size="xs" c="dimmed">
            {record.message}
          </Text>
        )}
        <CouncilMinutesList items={items} {...(record.allowed ? { onEdit: (item: MinutesItem) => setEditing(item) } : {})} />
      </Stack>
      {editing && <MinutesForm periodId={periodId} members={members} editing={editing} onClose={() => setEditing(undefined)} />}
    </Paper>
  );
}

function MinutesForm({
  periodId,
  members,
  editing,
  onClose,
}: {
  periodId: string;
  members: { id: string; displayName: string }[];
  editing: MinutesItem | 'new';
  onClose: () => void;
}) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  const save = useSaveMinutes(periodId);
  const current = editing === 'new' ? undefined : editing;
  const [meetingOn, setMeetingOn] = useState(toVietnameseDate(current?.meetingOn ?? todayInVietnam()));
  const [memberIds, setMemberIds] = useState<string[]>(current?.members.map((member) => member.id) ?? []);
  const [others, setOthers] = useState((current?.otherAttendees ?? []).join('\n'));
  const [decision, setDecision] = useState(current?.decision ?? '');
  const [errors, setErrors] = useState<Partial<Record<MinutesField, string>>>({});
  const [other, setOther] = useState<string | undefined>();
  // A field's problem goes as soon as the field changes; the server checks again on saving.
  const clear = (field: MinutesField) => setErrors((previous) => ({ ...previous, [field]: undefined }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = parseVietnameseDate(meetingOn);
    if (day === undefined) {
      setErrors({ meetingOn: t('minutesDateInvalid') });
      return;
    }
    setErrors({});
    setOther(undefined);
    save.mutate(
      {
        body: { meetingOn: day, memberIds, otherAttendees: others.split('\n'), decision },
        ...(current ? { minutesId: current.id, baseVersion: current.version } : {}),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('minutesSaved') });
          onClose();
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return setOther(error.message);
          const byField: Partial<Record<MinutesField, string>> = {};
          const rest: string[] = [];
          const problems = error.problems.length > 0 ? error.problems : [{ code: error.code, message: error.message }];
          for (const problem of problems) {
            const field = fieldOf(problem.code);
            if (field) byField[field] = problem.message;
            else rest.push(problem.message);
          }
          setErrors(byField);
          setOther(rest.length > 0 ? rest.join(' ') : undefined);
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={current ? t('minutesEditTitle', { date: formatDate(current.meetingOn, locale) }) : t('minutesNewTitle')}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {other && (
            <Alert color="red" role="alert" title={t('notSaved')}>
              {other}
            </Alert>
          )}
          <TextInput
            label={t('minutesDate')}
            value={meetingOn}
            onChange={(event) => {
              setMeetingOn(event.currentTarget.value);
              clear('meetingOn');
            }}
            error={errors.meetingOn}
            required
            inputMode="numeric"
            data-autofocus
          />
          <Checkbox.Group
            label={t('minutesMembers')}
            value={memberIds}
            onChange={(value) => {
              setMemberIds(value);
              clear('memberIds');
            }}
            error={errors.memberIds}
            required
          >
            <Stack gap={6} mt={6}>
              {members.map((member) => (
                <Checkbox key={member.id} value={member.id} label={member.displayName} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea
            label={t('minutesOthers')}
            value={others}
            onChange={(event) => setOthers(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('minutesDecision')}
            value={decision}
            onChange={(event) => {
              setDecision(event.currentTarget.value);
              clear('decision');
            }}
            error={errors.decision}
            autosize
            minRows={4}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('minutesSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
