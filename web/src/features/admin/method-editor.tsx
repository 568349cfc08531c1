import { ActionIcon, Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { ScoringMethodType } from '@opendti/core';
import { useLocale, useMessages } from '../../i18n/locale';
import { type MethodDraft, switchMethodType } from './framework-draft';
import { adminMessages } from './messages';
import { METHOD_NAMES } from './method-text';

const METHOD_TYPES: ScoringMethodType[] = ['yesNo', 'ratio', 'thresholds', 'options', 'relativeToBest', 'minMax', 'direct'];

/**
 * How an indicator is scored, with the parameters of its method: the share that earns full marks,
 * the steps of a count, the options and their points. Each method says in a sentence what it does.
 */
export function MethodEditor({
  code,
  method,
  maxPoints,
  error,
  onChange,
}: {
  code: string;
  method: MethodDraft;
  maxPoints: string;
  error?: string | undefined;
  onChange: (method: MethodDraft) => void;
}) {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const help = {
    yesNo: t('methodHelpYesNo'),
    ratio: t('methodHelpRatio'),
    thresholds: t('methodHelpThresholds'),
    options: t('methodHelpOptions'),
    relativeToBest: t('methodHelpRelativeToBest'),
    minMax: t('methodHelpMinMax'),
    direct: t('methodHelpDirect'),
    parts: t('methodHelpParts'),
  }[method.type];
  return (
    <Stack gap={6}>
      <Select
        aria-label={t('methodOf', { code })}
        data={METHOD_TYPES.map((type) => ({ value: type, label: METHOD_NAMES[type][locale] }))}
        value={method.type}
        onChange={(type) => type && onChange(switchMethodType(method, type as ScoringMethodType, maxPoints))}
        allowDeselect={false}
        size="xs"
        error={error}
      />
      <Text size="xs" c="dimmed">
        {help}
      </Text>
      {method.type === 'ratio' && (
        <TextInput
          size="xs"
          label={t('ratioTarget')}
          placeholder="100"
          rightSection="%"
          value={method.targetPercent}
          onChange={(event) => onChange({ ...method, targetPercent: event.currentTarget.value })}
        />
      )}
      {method.type === 'thresholds' && (
        <Stack gap={4}>
          {method.steps.map((step, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are edited in place and have no identity of their own
            <Group key={index} gap={4} wrap="nowrap">
              <Text size="xs">{t('stepFrom')}</Text>
              <TextInput
                size="xs"
                w={70}
                aria-label={t('stepAtLeast')}
                value={step.atLeast}
                onChange={(event) =>
                  onChange({
                    ...method,
                    steps: method.steps.map((item, i) => (i === index ? { ...item, atLeast: event.currentTarget.value } : item)),
                  })
                }
              />
              <Text size="xs">{t('stepThen')}</Text>
              <TextInput
                size="xs"
                w={70}
                aria-label={t('stepPoints')}
                value={step.points}
                onChange={(event) =>
                  onChange({
                    ...method,
                    steps: method.steps.map((item, i) => (i === index ? { ...item, points: event.currentTarget.value } : item)),
                  })
                }
              />
              <Text size="xs">{t('pointsUnit')}</Text>
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                aria-label={t('removeStep')}
                onClick={() => onChange({ ...method, steps: method.steps.filter((_, i) => i !== index) })}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            size="compact-xs"
            variant="subtle"
            w="fit-content"
            onClick={() => onChange({ ...method, steps: [...method.steps, { atLeast: '', points: '' }] })}
          >
            + {t('addStep')}
          </Button>
        </Stack>
      )}
      {method.type === 'options' && (
        <Stack gap={4}>
          {method.options.map((option, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place, their code may be blank while typing
            <Group key={index} gap={4} wrap="nowrap">
              <TextInput
                size="xs"
                w={80}
                aria-label={t('optionCode')}
                placeholder={t('optionCode')}
                value={option.code}
                onChange={(event) =>
                  onChange({
                    ...method,
                    options: method.options.map((item, i) => (i === index ? { ...item, code: event.currentTarget.value } : item)),
                  })
                }
              />
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                aria-label={t('optionLabel')}
                placeholder={t('optionLabel')}
                value={option.label}
                onChange={(event) =>
                  onChange({
                    ...method,
                    options: method.options.map((item, i) =>
                      i === index ? { ...item, label: event.currentTarget.value } : item,
                    ),
                  })
                }
              />
              <TextInput
                size="xs"
                w={64}
                aria-label={t('stepPoints')}
                value={option.points}
                onChange={(event) =>
                  onChange({
                    ...method,
                    options: method.options.map((item, i) =>
                      i === index ? { ...item, points: event.currentTarget.value } : item,
                    ),
                  })
                }
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                aria-label={t('removeOption')}
                onClick={() => onChange({ ...method, options: method.options.filter((_, i) => i !== index) })}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            size="compact-xs"
            variant="subtle"
            w="fit-content"
            onClick={() => onChange({ ...method, options: [...method.options, { code: '', label: '', points: '' }] })}
          >
            + {t('addOption')}
          </Button>
        </Stack>
      )}
      {method.type === 'minMax' && (
        <SegmentedControl
          size="xs"
          value={String(method.direction)}
          onChange={(value) => onChange({ ...method, direction: value === '-1' ? -1 : 1 })}
          data={[
            { value: '1', label: t('higherIsBetter') },
            { value: '-1', label: t('lowerIsBetter') },
          ]}
        />
      )}
    </Stack>
  );
}
