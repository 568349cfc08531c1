import { Button, Group, Radio, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatPlain, formatPoints } from '../../shared/format';
import { LocaleNumberInput } from '../../shared/locale-number-input';
import type { AnswerItem } from './framework-items';
import { workspaceMessages } from './messages';
import type { MethodInput } from './method-input';

interface Props {
  item: AnswerItem;
  input: MethodInput;
  onChange: (input: MethodInput) => void;
  /** Greyed out: the answer is "not assessed". */
  disabled: boolean;
  /** Shown, not editable: the assessment is locked (values stay readable). */
  readOnly: boolean;
  error?: string | undefined;
}

/** The fields of one indicator's scoring method: yes/no, a ÷ b, a count, an option, points. */
export function MethodFields({ item, input, onChange, disabled, readOnly, error }: Props) {
  const t = useMessages(workspaceMessages);
  const { locale } = useLocale();
  const unit = item.inputUnit ? ` (${item.inputUnit})` : '';

  switch (input.kind) {
    case 'yesNo':
      return (
        <Group align="flex-end" gap="md">
          <Radio.Group
            label={t('field.yesNo')}
            value={input.answer === null ? '' : input.answer ? 'yes' : 'no'}
            onChange={(value) => onChange({ kind: 'yesNo', answer: value === 'yes' })}
            error={error}
          >
            <Group mt={6} gap="xl">
              <Radio value="yes" label={t('field.yes')} disabled={disabled || readOnly} />
              <Radio value="no" label={t('field.no')} disabled={disabled || readOnly} />
            </Group>
          </Radio.Group>
          {input.answer !== null && !disabled && !readOnly && (
            <Button variant="subtle" size="compact-sm" onClick={() => onChange({ kind: 'yesNo', answer: null })}>
              {t('field.clear')}
            </Button>
          )}
        </Group>
      );

    case 'ratio': {
      const share =
        input.numerator !== null && input.denominator !== null && input.denominator > 0
          ? (input.numerator / input.denominator) * 100
          : null;
      return (
        <Stack gap="xs">
          <SegmentedControl
            aria-label={t('field.ratioMode')}
            disabled={disabled || readOnly}
            value={input.mode}
            onChange={(mode) => onChange({ ...input, mode: mode === 'percent' ? 'percent' : 'fraction' })}
            data={[
              { value: 'fraction', label: t('field.ratioFraction') },
              { value: 'percent', label: t('field.ratioPercent') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {input.mode === 'fraction' ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <LocaleNumberInput
                label={t('field.numerator')}
                description={item.numeratorLabel ?? t('field.numeratorHint')}
                value={input.numerator}
                onNumber={(numerator) => onChange({ ...input, numerator })}
                disabled={disabled}
                readOnly={readOnly}
                error={error ? ' ' : undefined}
              />
              <LocaleNumberInput
                label={t('field.denominator')}
                description={item.denominatorLabel ?? t('field.denominatorHint')}
                value={input.denominator}
                onNumber={(denominator) => onChange({ ...input, denominator })}
                disabled={disabled}
                readOnly={readOnly}
                error={error}
              />
            </SimpleGrid>
          ) : (
            <LocaleNumberInput
              label={t('field.percent')}
              value={input.percent}
              onNumber={(percent) => onChange({ ...input, percent })}
              disabled={disabled}
              readOnly={readOnly}
              rightSection="%"
              maw={220}
              error={error}
            />
          )}
          {input.mode === 'fraction' && share !== null && (
            <Text size="sm" c="dimmed">
              {t('field.ratioShare', { percent: formatPoints(share, locale) })}
            </Text>
          )}
          {item.method.type === 'ratio' && item.method.target !== undefined && item.method.target !== 1 && (
            <Text size="sm" c="dimmed">
              {t('field.ratioTarget', { percent: formatPoints(item.method.target * 100, locale) })}
            </Text>
          )}
        </Stack>
      );
    }

    case 'count': {
      const steps = item.method.type === 'thresholds' ? item.method.steps : undefined;
      const active = steps && input.count !== null ? steps.find((step) => (input.count ?? 0) >= step.atLeast) : undefined;
      return (
        <Stack gap="xs">
          <LocaleNumberInput
            label={(steps ? t('field.count') : t('field.raw')) + unit}
            value={input.count}
            onNumber={(count) => onChange({ kind: 'count', count })}
            disabled={disabled}
            readOnly={readOnly}
            maw={260}
            error={error}
          />
          {steps && (
            <Table withTableBorder withColumnBorders maw={360} fz="sm" aria-label={t('field.stepsCaption')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('field.stepAtLeast')}</Table.Th>
                  <Table.Th>{t('field.stepPoints')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {steps.map((step) => (
                  <Table.Tr
                    key={step.atLeast}
                    bg={step === active ? 'var(--mantine-color-green-light)' : undefined}
                    aria-current={step === active ? 'true' : undefined}
                  >
                    <Table.Td>≥ {formatPlain(step.atLeast, locale)}</Table.Td>
                    <Table.Td>{formatPoints(step.points, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {!steps && (
            <Text size="sm" c="dimmed">
              {item.method.type === 'minMax' && item.method.direction === -1
                ? t('field.cohortLowerBetter')
                : t('field.cohortHint')}
            </Text>
          )}
        </Stack>
      );
    }

    case 'option': {
      const options = item.method.type === 'options' ? item.method.options : [];
      return (
        <Select
          label={t('field.option')}
          placeholder={t('field.optionPlaceholder')}
          data={options.map((option) => ({
            value: option.code,
            label: `${option.label} — ${t('points', { points: formatPoints(option.points, locale) })}`,
          }))}
          value={input.code}
          onChange={(code) => onChange({ kind: 'option', code })}
          disabled={disabled}
          readOnly={readOnly}
          clearable
          error={error}
          maw={560}
        />
      );
    }

    case 'entries':
      return (
        <TextInput
          label={t('field.entries')}
          description={entriesHint(item)}
          value={input.text}
          onChange={(event) => onChange({ kind: 'entries', text: event.currentTarget.value })}
          disabled={disabled}
          readOnly={readOnly}
          error={error}
        />
      );

    case 'points':
      return (
        <LocaleNumberInput
          label={t('field.points', { max: formatPoints(item.maxPoints, locale) })}
          description={
            item.pointsStep !== undefined ? t('field.pointsStep', { step: formatPoints(item.pointsStep, locale) }) : undefined
          }
          value={input.points}
          onNumber={(points) => onChange({ kind: 'points', points })}
          disabled={disabled}
          readOnly={readOnly}
          step={item.pointsStep}
          maw={260}
          error={error}
        />
      );

    case 'mainIndexValue':
      return (
        <LocaleNumberInput
          label={t('field.mainIndexValue')}
          description={t('field.mainIndexValueHint')}
          value={input.value}
          onNumber={(value) => onChange({ kind: 'mainIndexValue', value })}
          disabled={disabled}
          readOnly={readOnly}
          step={0.0001}
          maw={260}
          error={error}
        />
      );
  }
}

/** What each entry of a multi-part answer means, in the order it is typed. */
function entriesHint(item: AnswerItem): string {
  const method = item.method;
  if (method.type === 'parts') return method.parts.map((part) => `${part.code}=… (${part.label})`).join('; ');
  if (method.type === 'ratio' && method.inputs) {
    return `${method.inputs.map((input) => `${input.code}=… (${input.label})`).join('; ')} — 74%`;
  }
  if (method.type === 'thresholds' && method.absentLabel) return `0, 1, 2… / "không" (${method.absentLabel})`;
  return '';
}
