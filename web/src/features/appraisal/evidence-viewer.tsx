import { Alert, Anchor, Box, Center, Group, Image, Loader, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/locale';
import type { EvidenceItem } from './api-types';
import { appraisalMessages } from './messages';

type Loaded = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'failed'; message: string };

/**
 * Shows a PDF or an image inline. The bytes are fetched and shown from a blob: URL rather than by
 * framing /api/v1/evidence/:id/content, because every API response carries `X-Frame-Options: DENY`
 * (web-app.ts), which makes Chromium refuse to show it in a frame ("Refused to display … in a frame
 * because it set 'X-Frame-Options' to 'deny'"); its `Content-Security-Policy: sandbox` alone would not
 * (checked in Chromium). A blob: URL made here needs no server change and keeps both protections for
 * every other use of the file. Opening in a new tab goes to the file itself (a top-level page may show
 * it). `compact` (a phone): PDFs are only linked — Chrome on Android has no inline PDF viewer.
 */
export function EvidenceViewer({ item, compact = false }: { item: EvidenceItem; compact?: boolean }) {
  const t = useMessages(appraisalMessages);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const contentUrl = item.contentUrl;

  const linkOnly = compact && item.mediaType === 'application/pdf';

  useEffect(() => {
    if (!contentUrl || !item.inline || linkOnly) return;
    const controller = new AbortController();
    let objectUrl: string | undefined;
    setLoaded({ status: 'loading' });
    (async () => {
      try {
        const response = await fetch(contentUrl, { credentials: 'same-origin', signal: controller.signal });
        if (!response.ok) {
          const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
          throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
        }
        const bytes = await response.blob();
        // The type the server verified from the content, not whatever the browser guesses.
        objectUrl = URL.createObjectURL(new Blob([bytes], { type: item.mediaType ?? bytes.type }));
        setLoaded({ status: 'ready', url: objectUrl });
      } catch (error) {
        if (controller.signal.aborted) return;
        setLoaded({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [contentUrl, item.inline, item.mediaType, linkOnly]);

  const name = item.fileName ?? '';
  if (!contentUrl) return null;
  if (!item.inline) {
    return (
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text size="sm">{t('noPreview')}</Text>
          <Anchor href={contentUrl} download={name} size="sm">
            {t('download')}: {name}
          </Anchor>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
      <Group justify="space-between" px="sm" py={6} gap="xs" wrap="wrap" bg="var(--mantine-color-gray-0)">
        <Text size="sm" fw={500} truncate style={{ flex: '1 1 12rem', minWidth: 0 }}>
          {name}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Anchor href={contentUrl} target="_blank" rel="noopener" size="sm">
            {t('openInTab')}
          </Anchor>
          <Anchor href={contentUrl} download={name} size="sm">
            {t('download')}
          </Anchor>
        </Group>
      </Group>
      {!linkOnly && loaded.status === 'loading' && (
        <Center h={240}>
          <Loader size="sm" />
        </Center>
      )}
      {loaded.status === 'failed' && (
        <Alert color="red" m="sm" role="alert">
          {t('viewerFailed', { message: loaded.message })}
        </Alert>
      )}
      {loaded.status === 'ready' &&
        (item.mediaType === 'application/pdf' ? (
          linkOnly ? null : (
            <Box
              component="iframe"
              // Fit the page width, without the thumbnails pane, in Chromium's viewer.
              src={`${loaded.url}#navpanes=0&view=FitH`}
              title={t('viewerLabel', { name })}
              style={{ display: 'block', width: '100%', height: 'min(75vh, 900px)', minHeight: 360, border: 0 }}
            />
          )
        ) : (
          <Image src={loaded.url} alt={t('viewerLabel', { name })} fit="contain" mah="75vh" />
        ))}
    </Paper>
  );
}
