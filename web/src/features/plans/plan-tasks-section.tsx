import {
  Badge,
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
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useMemo, useRef, useState } from 'react';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate, matchesSearch } from '../../shared/format';
import { useDomainLabels } from '../../shared/labels';
import classes from '../../shared/list-table.module.css';
import { vietnameseOptionsFilter } from '../../shared/option-filter';
import { ProblemList } from '../../shared/problem-list';
import { ConfirmModal } from './confirm-modal';
import { planMessages } from './messages';
import type { IndicatorChoices } from './plan-options';
import { useAddTask, useDeleteTask, useTaskTransition, useUpdateTask } from './plan-queries';
import type { PlanDetail, PlanTask, TaskAction } from './plan-records';
import { TaskStateBadge } from './progress-badges';
import { TaskEditor } from './task-editor';
import { emptyTaskForm, type TaskForm, taskBody, taskChanges, taskFormOf } from './task-form';

type Editing = { kind: 'new' } | { kind: 'task'; taskId: string } | null;
const UNASSIGNED = '__none__';

/**
 * The plan's tasks (nhiệm vụ) in a table edited in place: a row opens its editor below itself, one at
 * a time; a new task opens at the end. In an issued plan the manager cancels (with a reason), reopens
 * or restores tasks as the server allows (allowedActions); a draft's tasks may be removed.
 */
export function PlanTasksSection({
  plan,
  indicators,
  units,
  onReload,
}: {
  plan: PlanDetail;
  indicators: IndicatorChoices;
  units: { options: Parameters<typeof TaskEditor>[0]['unitOptions']; nameOf: (code: string | null) => string };
  onReload: () => void;
}) {
  const t = useMessages(planMessages);
  const { locale } = useLocale();
  const labels = useDomainLabels();
  const add = useAddTask(plan.id);
  const update = useUpdateTask(plan.id);
  const remove = useDeleteTask(plan.id);
  const transition = useTaskTransition(plan.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [search, setSearch] = useState('');
  const [mainIndex, setMainIndex] = useState<string | null>(null);
  const [lead, setLead] = useState<string | null>(null);
  const [openOnly, setOpenOnly] = useState(false);
  const [removing, setRemoving] = useState<PlanTask>();
  const [moving, setMoving] = useState<{ task: PlanTask; action: TaskAction }>();
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const editable = plan.status !== 'closed';
  // Tasks move only in an issued plan (core's taskMoveProblem); a task's allowedActions do not weigh the plan's status.
  const movable = plan.status === 'issued';

  const visible = useMemo(
    () =>
      plan.tasks.filter((task) => {
        if (mainIndex && !task.indicators.some((code) => indicators.mainIndexOf(code) === mainIndex || code === mainIndex))
          return false;
        if (lead === UNASSIGNED ? task.lead !== null : lead && task.lead !== lead && !task.coordinating.includes(lead))
          return false;
        if (openOnly && (task.displayedState === 'done' || task.displayedState === 'cancelled')) return false;
        if (!search.trim()) return true;
        return matchesSearch(
          [task.text, task.product, ...task.indicators, units.nameOf(task.lead), ...task.coordinating.map(units.nameOf)].join(
            ' ',
          ),
          search,
        );
      }),
    [plan.tasks, mainIndex, lead, openOnly, search, indicators, units],
  );
  const leads = useMemo(() => {
    const codes = [...new Set(plan.tasks.flatMap((task) => (task.lead ? [task.lead] : [])))];
    return [
      { value: UNASSIGNED, label: t('notAssigned') },
      ...codes.map((code) => ({ value: code, label: units.nameOf(code) })).sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    ];
  }, [plan.tasks, units, t]);

  const close = (focusTaskId?: string) => {
    setEditing(null);
    add.reset();
    update.reset();
    requestAnimationFrame(() => (focusTaskId ? editButtons.current.get(focusTaskId) : addButton.current)?.focus());
  };
  const saveNew = (form: TaskForm) =>
    add.mutate(taskBody(form), {
      onSuccess: (task) => {
        notifications.show({ color: 'green', message: t('taskAdded', { number: task.position }) });
        close(task.id);
      },
    });
  const saveTask = (task: PlanTask, form: TaskForm) => {
    const changes = taskChanges(task, form);
    if (Object.keys(changes).length === 1) return close(task.id);
    update.mutate(
      { taskId: task.id, body: changes },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('taskSaved', { number: task.position }) });
          close(task.id);
        },
      },
    );
  };
  const act = (task: PlanTask, action: TaskAction) => {
    if (action === 'cancel' || action === 'reopen') return setMoving({ task, action });
    transition.mutate(
      { taskId: task.id, action },
      { onSuccess: () => notifications.show({ color: 'green', message: t('taskMoved', { number: task.position }) }) },
    );
  };

  const editorOf = (task: PlanTask) => (
    <TaskEditor
      title={t('editTaskTitle', { number: task.position })}
      initial={taskFormOf(task)}
      plan={plan}
      indicatorOptions={indicators.indicatorOptions}
      unitOptions={units.options}
      saving={update.isPending}
      error={update.error}
      onSave={(form) => saveTask(task, form)}
      onCancel={() => close(task.id)}
      onReload={() => {
        close(task.id);
        onReload();
      }}
    />
  );

  const filtered = visible.length !== plan.tasks.length;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-tasks-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Title order={3} size="h4" id="plan-tasks-title">
              {t('tasksTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {filtered ? t('tasksShownOf', { shown: visible.length, total: plan.tasks.length }) : t('tasksHelp')}
            </Text>
          </Stack>
          {editable && (
            <Button ref={addButton} onClick={() => setEditing({ kind: 'new' })} disabled={editing?.kind === 'new'}>
              {t('addTask')}
            </Button>
          )}
        </Group>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('search')}
            placeholder={t('taskSearchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={{ base: '100%', sm: 260 }}
          />
          {indicators.mainIndices.length > 0 && (
            <Select
              label={t('mainIndex')}
              placeholder={t('all')}
              data={indicators.mainIndices.map((main) => ({ value: main.code, label: `${main.code} · ${main.name}` }))}
              value={mainIndex}
              onChange={setMainIndex}
              clearable
              w={{ base: '100%', sm: 280 }}
            />
          )}
          <Select
            label={t('unitFilter')}
            placeholder={t('all')}
            data={leads}
            value={lead}
            onChange={setLead}
            clearable
            searchable
            filter={vietnameseOptionsFilter}
            w={{ base: '100%', sm: 260 }}
          />
          <Checkbox
            label={t('openTasksOnly')}
            checked={openOnly}
            onChange={(event) => setOpenOnly(event.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Table.ScrollContainer minWidth={1100} className={classes.container}>
          <Table striped verticalSpacing="xs" className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>{t('position')}</Table.Th>
                <Table.Th>{t('taskText')}</Table.Th>
                <Table.Th w={110}>{t('indicators')}</Table.Th>
                <Table.Th w={170}>{t('leadUnit')}</Table.Th>
                <Table.Th w={170}>{t('coordinatingUnits')}</Table.Th>
                <Table.Th w={120}>{t('dueOn')}</Table.Th>
                <Table.Th w={130}>{t('state')}</Table.Th>
                <Table.Th w={150}>
                  <VisuallyHidden>{t('actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((task) =>
                editing?.kind === 'task' && editing.taskId === task.id ? (
                  <Table.Tr key={task.id}>
                    <Table.Td colSpan={8}>{editorOf(task)}</Table.Td>
                  </Table.Tr>
                ) : (
                  <Fragment key={task.id}>
                    <Table.Tr>
                      <Table.Td data-label={t('position')} fw={600}>
                        {task.position}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                          {task.text}
                        </Text>
                        {task.product && (
                          <Text size="xs" c="dimmed" mt={2}>
                            {t('productShort')}: {task.product}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td data-label={t('indicators')}>
                        <Group gap={4}>
                          {task.indicators.map((code) => (
                            <Tooltip key={code} label={indicators.nameOf(code) ?? code} withArrow multiline w={280}>
                              <Badge variant="outline" color="gray" radius="sm" tt="none">
                                {code}
                                {indicators.nameOf(code) && <VisuallyHidden>{` ${indicators.nameOf(code)}`}</VisuallyHidden>}
                              </Badge>
                            </Tooltip>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td data-label={t('leadUnit')}>
                        {task.lead ? (
                          <Text size="sm">{units.nameOf(task.lead)}</Text>
                        ) : (
                          <Badge color="orange" variant="light" radius="sm" tt="none">
                            {t('notAssigned')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td data-label={t('coordinatingUnits')}>
                        <Text size="sm">{task.coordinating.map((code) => units.nameOf(code)).join('; ') || '–'}</Text>
                      </Table.Td>
                      <Table.Td data-label={t('dueOn')} style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDate(task.dueOn, locale)}</Text>
                        {task.startOn && (
                          <Text size="xs" c="dimmed">
                            {t('fromDay', { date: formatDate(task.startOn, locale) })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td data-label={t('state')}>
                        <TaskStateBadge state={task.displayedState} />
                        {task.cancelReason && (
                          <Text size="xs" c="dimmed" mt={2}>
                            {task.cancelReason}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="wrap">
                          {editable && (
                            <Button
                              size="compact-sm"
                              variant="light"
                              ref={(element) => {
                                if (element) editButtons.current.set(task.id, element);
                                else editButtons.current.delete(task.id);
                              }}
                              aria-label={t('editTaskNumber', { number: task.position })}
                              onClick={() => {
                                update.reset();
                                setEditing({ kind: 'task', taskId: task.id });
                              }}
                            >
                              {t('edit')}
                            </Button>
                          )}
                          {movable &&
                            task.allowedActions.map((action) => (
                              <Button
                                key={action}
                                size="compact-sm"
                                variant="subtle"
                                color={action === 'cancel' ? 'red' : 'blue'}
                                aria-label={`${labels.taskAction(action)} ${task.position}`}
                                onClick={() => act(task, action)}
                                loading={transition.isPending && transition.variables?.taskId === task.id}
                              >
                                {t(`action_${action}`)}
                              </Button>
                            ))}
                          {plan.status === 'draft' && (
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              aria-label={t('removeTaskNumber', { number: task.position })}
                              onClick={() => setRemoving(task)}
                            >
                              {t('remove')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  </Fragment>
                ),
              )}
              {visible.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text c="dimmed" ta="center" py="md">
                      {plan.tasks.length === 0 ? t('noTasks') : t('noTaskMatches')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {editing?.kind === 'new' && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <TaskEditor
                      title={t('newTaskTitle')}
                      initial={emptyTaskForm(plan)}
                      plan={plan}
                      indicatorOptions={indicators.indicatorOptions}
                      unitOptions={units.options}
                      saving={add.isPending}
                      error={add.error}
                      onSave={saveNew}
                      onCancel={() => close()}
                      onReload={onReload}
                    />
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {transition.error && !moving && <ProblemList error={transition.error} onClose={() => transition.reset()} />}
      </Stack>
      {removing && (
        <ConfirmModal
          title={t('removeTaskTitle', { number: removing.position })}
          confirmLabel={t('removeTaskConfirm')}
          loading={remove.isPending}
          error={remove.error}
          onClose={() => {
            remove.reset();
            setRemoving(undefined);
          }}
          onConfirm={() =>
            remove.mutate(removing.id, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('taskRemoved', { number: removing.position }) });
                setRemoving(undefined);
                requestAnimationFrame(() => addButton.current?.focus());
              },
            })
          }
        >
          {removing.text}
        </ConfirmModal>
      )}
      {moving && (
        <TaskReasonModal
          task={moving.task}
          action={moving.action}
          loading={transition.isPending}
          error={transition.error}
          onClose={() => {
            transition.reset();
            setMoving(undefined);
          }}
          onConfirm={(reason) =>
            transition.mutate(
              { taskId: moving.task.id, action: moving.action, reason },
              {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('taskMoved', { number: moving.task.position }) });
                  setMoving(undefined);
                },
              },
            )
          }
        />
      )}
    </Paper>
  );
}

/** Cancelling or reopening a task needs a written reason, kept in the audit trail (core's task workflow). */
function TaskReasonModal({
  task,
  action,
  loading,
  error,
  onClose,
  onConfirm,
}: {
  task: PlanTask;
  action: TaskAction;
  loading: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const t = useMessages(planMessages);
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  return (
    <Modal opened onClose={onClose} title={`${t(`action_${action}`)}: ${t('taskNumber', { number: task.position })}`} size="lg">
      <Stack
        renderRoot={(props) => (
          <form
            {...props}
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setSubmitted(true);
              if (reason.trim()) onConfirm(reason.trim());
            }}
          />
        )}
      >
        <Text size="sm" lineClamp={4}>
          {task.text}
        </Text>
        <Textarea
          label={t('reason')}
          description={t(action === 'cancel' ? 'cancelReasonHelp' : 'reopenReasonHelp')}
          autosize
          minRows={3}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={submitted && !reason.trim() ? t('errorReason') : undefined}
          required
          data-autofocus
          maxLength={2000}
        />
        {error ? <ProblemList error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" color={action === 'cancel' ? 'red' : 'blue'} loading={loading}>
            {t('confirmAction', { action: t(`action_${action}`) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
