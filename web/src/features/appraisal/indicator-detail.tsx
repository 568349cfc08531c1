import { Alert, Badge, Box, Card, Grid, Group, Loader, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { ErrorNotice } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate, formatPoints, formatStoredValue } from '../../shared/format';
import type { AnswerView, AppraisalView, AssessmentView, SupplementationRequestView } from './api-types';
import { useEvidence } from './appraisal-queries';
import { DecisionForm } from './decision-form';
import { EvidenceList } from './evidence-list';
import { EvidenceViewer } from './evidence-viewer';
import { type DecideMode, type OutlineItem, selfPointsOf } from './indicator-outline';
import { DECISION_COLOURS, DECISION_KEYS, METHOD_KEYS } from './labels';
import { LockIcon } from './lock-icon';
import { appraisalMessages } from './messages';

interface IndicatorDetailProps {
  assessment: AssessmentView;
  item: OutlineItem;
  mode: DecideMode;
  onSaved: (moveOn: boolean) => void;
}

/**
 * One indicator, side by side: on the left what the unit claims (self points, value, explanation),
 * its evidence, the supplementation requests and the council's decision; on the right the evidence
 * viewer, which stays in view while the council decides. The page keys it by indicator, so each
 * indicator starts with its own first file and without the previous one's notices.
 */
export function IndicatorDetail({ assessment, item, mode, onSaved }: IndicatorDetailProps) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  const evidence = useEvidence(assessment.id, item.code);
  const [selectedEvidence, setSelectedEvidence] = useState<string | undefined>();
  const [stale, setStale] = useState(false);
  const answer = assessment.answers.find((row) => row.indicatorCode === item.code);
  const current = assessment.appraisals.find((row) => row.indicatorCode === item.code);
  const requests = assessment.supplementationRequests.filter((row) => row.indicatorCode === item.code);
  const files = (evidence.data?.items ?? []).filter((entry) => entry.kind === 'file');
  const shown = files.find((entry) => entry.id === selectedEvidence) ?? files.find((entry) => entry.inline) ?? files[0];

  // Side by side on a wide screen; on a narrower one the viewer follows the list of files.
  const wide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false });
  const viewer = shown ? <EvidenceViewer key={shown.id} item={shown} compact={!wide} /> : null;
  const placeholder = evidence.isPending ? null : (
    <Paper withBorder p="xl" style={{ borderStyle: 'dashed' }}>
      <Text c="dimmed" ta="center" size="sm">
        {t('noFileToShow')}
      </Text>
    </Paper>
  );
  const method = item.indicator?.method;
  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h4">
          {item.code}. {item.name}
        </Title>
        <Group gap="xs" mt={4}>
          {item.maxPoints !== null && (
            <Badge variant="light" tt="none">
              {t('maxPoints', { max: formatPoints(item.maxPoints, locale) })}
            </Badge>
          )}
          {method && (
            <Badge variant="outline" color="gray" tt="none">
              {t('method')}: {t(METHOD_KEYS[method.type])}
              {item.indicator?.inputUnit ? ` (${item.indicator.inputUnit})` : ''}
            </Badge>
          )}
        </Group>
        {(item.indicator?.guidance || item.indicator?.evidence) && (
          <Spoiler maxHeight={48} showLabel="…" hideLabel="↑" mt="xs">
            {item.indicator?.guidance && (
              <Text size="sm">
                <Text span fw={600}>
                  {t('guidance')}:
                </Text>{' '}
                {item.indicator.guidance}
              </Text>
            )}
            {item.indicator?.evidence && (
              <Text size="sm">
                <Text span fw={600}>
                  {t('evidenceRequired')}:
                </Text>{' '}
                {item.indicator.evidence}
              </Text>
            )}
          </Spoiler>
        )}
      </div>

      <Grid gap="md">
        <Grid.Col span={wide ? 6 : 12}>
          <Stack gap="md">
            <SelfAssessmentCard answer={answer} selfPoints={selfPointsOf(item, answer)} maxPoints={item.maxPoints} />

            <Card withBorder padding="sm">
              <Title order={4} size="h6" mb="xs">
                {t('evidenceHeading')}
              </Title>
              {evidence.isPending ? (
                <Loader size="sm" />
              ) : evidence.error ? (
                <ErrorNotice error={evidence.error} />
              ) : (
                <Stack gap="sm">
                  <EvidenceList items={evidence.data.items} selectedId={shown?.id} onSelect={setSelectedEvidence} />
                  {!wide && viewer}
                </Stack>
              )}
            </Card>

            {requests.length > 0 && <RequestsCard requests={requests} />}

            <Card withBorder padding="sm">
              <Title order={4} size="h6" mb="xs">
                {t('decisionHeading')}
              </Title>
              <Stack gap="sm">
                {stale && (
                  <Alert color="orange" title={t('staleTitle')} role="status">
                    {t('stale')}
                  </Alert>
                )}
                {current && <CurrentDecision current={current} />}
                {mode.mode === 'none' ? (
                  <Alert color="gray" role="note">
                    {mode.message}
                  </Alert>
                ) : (
                  <DecisionForm
                    key={`${item.code}-${current?.version ?? 0}`}
                    assessmentId={assessment.id}
                    code={item.code}
                    maxPoints={item.maxPoints}
                    pointsStep={item.indicator?.pointsStep}
                    selfPoints={answer?.notAssessed ? null : selfPointsOf(item, answer)}
                    current={current}
                    onSaved={(moveOn) => {
                      setStale(false);
                      onSaved(moveOn);
                    }}
                    onStale={() => setStale(true)}
                  />
                )}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        {wide && (
          <Grid.Col span={6}>
            {/* Beside the claim and the form, and still in view while the council scrolls to decide. */}
            <Box style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + 12px)' }}>
              {viewer ?? placeholder}
            </Box>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}

function SelfAssessmentCard({
  answer,
  selfPoints,
  maxPoints,
}: {
  answer: AnswerView | undefined;
  selfPoints: number | null;
  maxPoints: number | null;
}) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  return (
    <Card withBorder padding="sm">
      <Title order={4} size="h6" mb="xs">
        {t('selfHeading')}
      </Title>
      {!answer ? (
        <Text size="sm" c="dimmed">
          {t('notAnswered')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Group gap="xl" align="flex-end">
            <div>
              <Text size="xs" c="dimmed">
                {t('selfPoints')}
              </Text>
              {answer.notAssessed ? (
                <Badge color="gray" size="lg" tt="none">
                  {t('notAssessed')}
                </Badge>
              ) : (
                <Text fz={28} fw={700} lh={1.1}>
                  {formatPoints(selfPoints, locale)}
                  <Text span c="dimmed" fz="md" fw={400}>
                    {' '}
                    / {formatPoints(maxPoints, locale)}
                  </Text>
                </Text>
              )}
            </div>
            {answer.value !== null && (
              <div>
                <Text size="xs" c="dimmed">
                  {t('rawValue')}
                </Text>
                <Text fw={600}>{formatStoredValue(answer.value, locale)}</Text>
              </div>
            )}
          </Group>
          {answer.notAssessed && answer.notAssessedReason && (
            <Text size="sm">
              <Text span fw={600}>
                {t('notAssessedReason')}:
              </Text>{' '}
              {answer.notAssessedReason}
            </Text>
          )}
          <div>
            <Text size="xs" c="dimmed">
              {t('explanation')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {answer.explanation || t('noExplanation')}
            </Text>
          </div>
          <Text size="xs" c="dimmed">
            {t('updatedAt', { date: formatDate(answer.updatedAt, locale) })}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

function CurrentDecision({ current }: { current: AppraisalView }) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  return (
    <Stack gap={4} p="xs" style={{ borderLeft: `3px solid var(--mantine-color-${DECISION_COLOURS[current.decision]}-6)` }}>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('currentDecision')}:
        </Text>
        <Badge color={DECISION_COLOURS[current.decision]} tt="none">
          {t(DECISION_KEYS[current.decision])}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('decidedOn', { date: formatDate(current.decidedAt, locale) })}
        </Text>
      </Group>
      {current.decision === 'adjusted' && (
        <Text size="sm">
          {t('appraisedPoints')}:{' '}
          <Text span fw={700}>
            {formatPoints(current.appraisedPoints, locale)}
          </Text>
        </Text>
      )}
      {current.reason && (
        <Text size="sm">
          {t('reason')}: {current.reason}
        </Text>
      )}
      {current.councilNote && (
        <Text size="sm" bg="var(--mantine-color-yellow-0)" px={6} py={2} style={{ borderRadius: 4 }}>
          <LockIcon /> {t('councilNoteBadge')}: {current.councilNote}
        </Text>
      )}
    </Stack>
  );
}

function RequestsCard({ requests }: { requests: SupplementationRequestView[] }) {
  const t = useMessages(appraisalMessages);
  const { locale } = useLocale();
  return (
    <Card withBorder padding="sm" bg="var(--mantine-color-orange-0)">
      <Title order={4} size="h6" mb="xs">
        {t('requestsHeading')}
      </Title>
      <Stack gap="sm">
        {requests.map((request) => (
          <Stack key={request.id} gap={4}>
            <Group gap="xs">
              <Badge color={request.status === 'open' ? 'orange' : 'cyan'} tt="none">
                {request.status === 'open'
                  ? t('requestOpen')
                  : t('requestAnswered', { date: formatDate(request.respondedAt, locale) })}
              </Badge>
              <Text size="xs">{t('requestDue', { date: formatDate(request.dueOn, locale) })}</Text>
              {request.overdue && (
                <Badge color="red" variant="filled" tt="none">
                  {t('requestOverdue')}
                </Badge>
              )}
              {request.answeredLate && (
                <Badge color="red" variant="light" tt="none">
                  {t('requestLate')}
                </Badge>
              )}
            </Group>
            <Text size="sm">
              <Text span fw={600}>
                {t('councilAsked')}:
              </Text>{' '}
              {request.comment}
            </Text>
            {request.response && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <Text span fw={600}>
                  {t('unitAnswered')}:
                </Text>{' '}
                {request.response}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
