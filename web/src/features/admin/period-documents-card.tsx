import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Dictionary } from '../../i18n/locale';
import { useMessages } from '../../i18n/locale';
import { DocumentMenu } from '../../shared/document-menu';
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
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={3} size="h5">
          {t('title')}
        </Title>
        <DocumentMenu
          links={[
            { label: t('report'), href: `${base}/result-report` },
            { label: t('appendix'), href: `${base}/decision-appendix` },
          ]}
        />
      </Group>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('intro')}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('allSheets')}
          </Text>
          <Group gap="xs">
            <Button component="a" variant="light" size="xs" href={`${base}/score-sheets.zip?format=docx`} download>
              {t('zipWord')}
            </Button>
            <Button component="a" variant="light" size="xs" href={`${base}/score-sheets.zip?format=pdf`} download>
              {t('zipPdf')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('allSheetsHint')}
          </Text>
        </Stack>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('unit')}
            placeholder={t('pick')}
            searchable
            data={period.units.map((unit) => ({ value: unit.code, label: `${unit.code} – ${unit.name}` }))}
            value={unitCode}
            onChange={setUnitCode}
            w={320}
          />
          <Button
            component="a"
            variant="default"
            size="sm"
            href={sheet ? `${sheet}?format=docx` : undefined}
            download
            disabled={!sheet}
          >
            {t('word')}
          </Button>
          <Button
            component="a"
            variant="default"
            size="sm"
            href={sheet ? `${sheet}?format=pdf` : undefined}
            download
            disabled={!sheet}
          >
            {t('pdf')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
