import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Dictionary } from '../../i18n/locale';
import { useMessages } from '../../i18n/locale';
import type { PeriodDetail } from './admin-records';

const vi = {
  title: 'Tài liệu',
  intro:
    'Văn bản theo Nghị định 30/2020/NĐ-CP, lập từ kết quả đã công bố; thông tin cơ quan ban hành và mẫu văn bản sửa ở mục Văn bản.',
  report: 'Báo cáo kết quả đánh giá',
  appendix: 'Phụ lục quyết định công bố',
  allSheets: 'Phiếu chấm điểm của mọi đơn vị (ZIP)',
  allSheetsHint: 'Mỗi đơn vị một tệp; tệp ZIP được tải về dần trong khi máy chủ lập từng phiếu.',
  unit: 'Phiếu tổng hợp kết quả chấm điểm của đơn vị',
  pick: 'Chọn đơn vị',
  word: 'Word',
  pdf: 'PDF',
  zipWord: 'ZIP Word',
  zipPdf: 'ZIP PDF',
};
const en: Record<keyof typeof vi, string> = {
  title: 'Documents',
  intro:
    'Official documents (Decree 30/2020/NĐ-CP) made from the published results; the issuing body and the templates are edited under Documents.',
  report: 'Result report',
  appendix: 'Publication decision appendix',
  allSheets: 'Every unit’s score sheet (ZIP)',
  allSheetsHint: 'One file per unit; the ZIP downloads progressively while the server makes each sheet.',
  unit: 'A unit’s score sheet',
  pick: 'Choose a unit',
  word: 'Word',
  pdf: 'PDF',
  zipWord: 'ZIP of Word files',
  zipPdf: 'ZIP of PDFs',
};
const messages: Dictionary<keyof typeof vi> = { vi, en };

/** "Tài liệu" of a published period: the report, the decision appendix, the score sheets (one or all). */
export function PeriodDocumentsCard({ period }: { period: PeriodDetail }) {
  const t = useMessages(messages);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const base = `/api/v1/periods/${period.id}/documents`;
  const sheet = unitCode ? `${base}/score-sheets/${encodeURIComponent(unitCode)}` : undefined;
  const row = (label: string, href: string | undefined, formats: { format: 'docx' | 'pdf'; text: string }[], hint?: string) => (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs">
        {formats.map(({ format, text }) => (
          <Button
            key={format}
            component="a"
            variant="default"
            size="xs"
            href={href ? `${href}?format=${format}` : undefined}
            download
            aria-label={`${label}: ${text}`}
          >
            {text}
          </Button>
        ))}
      </Group>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
  const wordAndPdf = [
    { format: 'docx' as const, text: t('word') },
    { format: 'pdf' as const, text: t('pdf') },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('intro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {row(t('report'), `${base}/result-report`, wordAndPdf)}
          {row(t('appendix'), `${base}/decision-appendix`, wordAndPdf)}
          {row(
            t('allSheets'),
            `${base}/score-sheets.zip`,
            [
              { format: 'docx', text: t('zipWord') },
              { format: 'pdf', text: t('zipPdf') },
            ],
            t('allSheetsHint'),
          )}
        </SimpleGrid>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('unit')}
            placeholder={t('pick')}
            searchable
            data={period.units.map((unit) => ({ value: unit.code, label: `${unit.code} – ${unit.name}` }))}
            value={unitCode}
            onChange={setUnitCode}
            w={{ base: '100%', sm: 380 }}
          />
          {(['docx', 'pdf'] as const).map((format) =>
            sheet ? (
              <Button key={format} component="a" variant="default" size="sm" href={`${sheet}?format=${format}`} download>
                {t(format === 'docx' ? 'word' : 'pdf')}
              </Button>
            ) : (
              // A real disabled button until a unit is chosen (a link cannot be disabled).
              <Button key={format} variant="default" size="sm" disabled>
                {t(format === 'docx' ? 'word' : 'pdf')}
              </Button>
            ),
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
