import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ApiResponse } from '../../api/types';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import type { Dictionary } from '../../i18n/locale';
import { useLocale, useMessages } from '../../i18n/locale';
import { formatDate } from '../../shared/format';
import { problemsOf } from '../../shared/problem-list';
import { AdministratorOnly } from './admin-layout';
import { bodyOf } from './api-result';

const vi = {
  title: 'Văn bản',
  intro:
    'Thông tin in trên mọi văn bản (Nghị định 30/2020/NĐ-CP) và các mẫu Word. Tải mẫu về, sửa câu chữ trong Word, giữ nguyên các trường {trong ngoặc nhọn}, rồi tải lên lại.',
  headerTitle: 'Cơ quan ban hành và người ký',
  parentBody: 'Cơ quan chủ quản',
  parentBodyHint: 'Ví dụ: ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN; xuống dòng để tách hai dòng',
  issuingBody: 'Cơ quan ban hành',
  symbol: 'Chữ viết tắt trong ký hiệu',
  symbolHint: 'Ví dụ: SKHCN (số văn bản …/BC-SKHCN)',
  place: 'Địa danh',
  placeHint: 'Ví dụ: Điện Biên (Điện Biên, ngày … tháng … năm …)',
  signerTitle: 'Quyền hạn, chức vụ người ký',
  signerTitleHint: 'Mỗi dòng một dòng in, ví dụ: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC',
  signerName: 'Họ tên người ký',
  councilChairName: 'Chủ tịch Hội đồng thẩm định (ký phiếu chấm điểm)',
  recipients: 'Nơi nhận',
  recipientsHint: 'Mỗi dòng một nơi nhận',
  save: 'Lưu',
  saved: 'Đã lưu thông tin văn bản.',
  templatesTitle: 'Mẫu văn bản',
  document: 'Văn bản',
  template: 'Mẫu đang dùng',
  custom: 'Mẫu đã tải lên',
  shipped: 'Mẫu mặc định',
  actions: 'Thao tác',
  download: 'Tải mẫu',
  downloadDefault: 'Tải mẫu mặc định',
  upload: 'Tải lên mẫu đã sửa',
  reset: 'Dùng lại mẫu mặc định',
  uploaded: 'Đã kiểm tra và lưu mẫu "{name}".',
  resetDone: 'Đã dùng lại mẫu mặc định của "{name}".',
  refused: 'Mẫu "{name}" không được lưu',
  fields: 'Các trường của văn bản',
  uploadedOn: 'tải lên {date}',
};
const en: Record<keyof typeof vi, string> = {
  title: 'Documents',
  intro:
    'What every official document prints (Decree 30/2020/NĐ-CP), and the Word templates. Download a template, change its wording in Word keeping the {fields in braces}, and upload it back.',
  headerTitle: 'Issuing body and signer',
  parentBody: 'Parent body',
  parentBodyHint: 'e.g. ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN; a line break splits it in two lines',
  issuingBody: 'Issuing body',
  symbol: 'Abbreviation in document symbols',
  symbolHint: 'e.g. SKHCN (numbers …/BC-SKHCN)',
  place: 'Place',
  placeHint: 'e.g. Điện Biên (Điện Biên, ngày … tháng … năm …)',
  signerTitle: 'Signer’s authority and title',
  signerTitleHint: 'One printed line each, e.g. KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC',
  signerName: 'Signer’s name',
  councilChairName: 'Appraisal council chair (signs the score sheets)',
  recipients: 'Recipients (Nơi nhận)',
  recipientsHint: 'One recipient per line',
  save: 'Save',
  saved: 'Document settings saved.',
  templatesTitle: 'Templates',
  document: 'Document',
  template: 'Template in use',
  custom: 'Uploaded template',
  shipped: 'Shipped template',
  actions: 'Actions',
  download: 'Download template',
  downloadDefault: 'Download the shipped template',
  upload: 'Upload an edited template',
  reset: 'Back to the shipped template',
  uploaded: 'Template "{name}" checked and saved.',
  resetDone: 'Back to the shipped template of "{name}".',
  refused: 'Template "{name}" was not saved',
  fields: 'The document’s fields',
  uploadedOn: 'uploaded {date}',
};
const messages: Dictionary<keyof typeof vi> = { vi, en };

type Settings = ApiResponse<'/api/v1/document-settings'>;
type Header = Settings['header'];
type Template = ApiResponse<'/api/v1/document-templates'>['items'][number];

const settingsKey = ['admin', 'document-settings'] as const;
const templatesKey = ['admin', 'document-templates'] as const;

function HeaderSettingsCard({ settings }: { settings: Settings }) {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const [header, setHeader] = useState<Header>(settings.header);
  const [recipients, setRecipients] = useState(settings.header.recipients.join('\n'));
  const save = useMutation({
    mutationFn: async () =>
      bodyOf<Settings>(
        await api.PUT('/api/v1/document-settings', {
          body: { header: { ...header, recipients: recipients.split('\n') }, version: settings.version },
        }),
      ),
    onSuccess: (saved) => {
      notifications.show({ color: 'green', message: t('saved') });
      queryClient.setQueryData(settingsKey, saved);
    },
  });
  const field = (key: Exclude<keyof Header, 'recipients'>) => ({
    value: header[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setHeader((current) => ({ ...current, [key]: value }));
    },
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('headerTitle')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Textarea label={t('parentBody')} description={t('parentBodyHint')} autosize minRows={1} {...field('parentBody')} />
          <TextInput label={t('issuingBody')} required {...field('issuingBody')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('symbol')} description={t('symbolHint')} {...field('symbol')} />
            <TextInput label={t('place')} description={t('placeHint')} {...field('place')} />
          </SimpleGrid>
          <Textarea label={t('signerTitle')} description={t('signerTitleHint')} autosize minRows={2} {...field('signerTitle')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('signerName')} {...field('signerName')} />
            <TextInput label={t('councilChairName')} {...field('councilChairName')} />
          </SimpleGrid>
          <Textarea
            label={t('recipients')}
            description={t('recipientsHint')}
            autosize
            minRows={3}
            value={recipients}
            onChange={(event) => setRecipients(event.currentTarget.value)}
          />
          {save.error && (
            <Alert color="red" role="alert">
              {problemsOf(save.error)
                .map((problem) => problem.message)
                .join(' · ')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TemplateRow({ template }: { template: Template }) {
  const t = useMessages(messages);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const done = () => void queryClient.invalidateQueries({ queryKey: templatesKey });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return bodyOf<Template>(
        await api.PUT('/api/v1/document-templates/{kind}', {
          params: { path: { kind: template.kind } },
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    },
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('uploaded', { name: template.name }) });
      done();
    },
  });
  const reset = useMutation({
    mutationFn: async () => api.DELETE('/api/v1/document-templates/{kind}', { params: { path: { kind: template.kind } } }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('resetDone', { name: template.name }) });
      done();
    },
  });
  const href = `/api/v1/document-templates/${template.kind}`;
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>{template.name}</Text>
        {upload.error && (
          <Alert color="red" role="alert" mt="xs" title={t('refused', { name: template.name })}>
            <List size="sm">
              {problemsOf(upload.error).map((problem) => (
                <List.Item key={problem.message}>{problem.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Table.Td>
      <Table.Td>
        {template.custom ? (
          <Stack gap={2}>
            <Badge color="indigo">{t('custom')}</Badge>
            <Text size="xs" c="dimmed">
              {template.fileName} · {t('uploadedOn', { date: formatDate(template.uploadedAt, locale) })}
            </Text>
          </Stack>
        ) : (
          <Badge color="gray">{t('shipped')}</Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button
            component="a"
            href={href}
            download
            variant="default"
            size="xs"
            aria-label={`${t('download')}: ${template.name}`}
          >
            {t('download')}
          </Button>
          {template.custom && (
            <Button component="a" href={`${href}?default=true`} download variant="subtle" size="xs">
              {t('downloadDefault')}
            </Button>
          )}
          <FileButton
            onChange={(file) => file && upload.mutate(file)}
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          >
            {(props) => (
              <Button
                {...props}
                variant="light"
                size="xs"
                loading={upload.isPending}
                aria-label={`${t('upload')}: ${template.name}`}
              >
                {t('upload')}
              </Button>
            )}
          </FileButton>
          {template.custom && (
            <Button variant="subtle" color="red" size="xs" loading={reset.isPending} onClick={() => reset.mutate()}>
              {t('reset')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The administrator's page of the official documents: header settings and templates (issue 13). */
export default function DocumentsPage() {
  const t = useMessages(messages);
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: async () => bodyOf<Settings>(await api.GET('/api/v1/document-settings')),
  });
  const templates = useQuery({
    queryKey: templatesKey,
    queryFn: async () => bodyOf<{ items: Template[] }>(await api.GET('/api/v1/document-templates')).items,
  });
  return (
    <AdministratorOnly capability="document.manage">
      <Stack>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text size="sm">{t('intro')}</Text>
        {settings.error ? (
          <ErrorNotice error={settings.error} />
        ) : settings.data ? (
          <HeaderSettingsCard key={settings.data.version} settings={settings.data} />
        ) : (
          <PageLoader />
        )}
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('templatesTitle')}
          </Title>
          {templates.error && <ErrorNotice error={templates.error} />}
          {templates.data && (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('document')}</Table.Th>
                  <Table.Th>{t('template')}</Table.Th>
                  <Table.Th>{t('actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {templates.data.map((template) => (
                  <TemplateRow key={template.kind} template={template} />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
    </AdministratorOnly>
  );
}
