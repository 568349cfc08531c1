import { Alert, Button, Center, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiError } from '../api/client';
import { useMessages } from '../i18n/locale';
import { appMessages } from './messages';

export function PageLoader() {
  const t = useMessages(appMessages);
  return (
    <Center py="xl" role="status" aria-live="polite">
      {/* aria-label on Loader's plain span is prohibited ARIA (axe: serious); the text goes beside it. */}
      <Loader />
      <VisuallyHidden>{t('loading')}</VisuallyHidden>
    </Center>
  );
}

/** An error while loading data: the server's message (already in the user's language), never a stack. */
export function ErrorNotice({ error }: { error: unknown }) {
  const t = useMessages(appMessages);
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={t('errorTitle')} role="alert">
      {message}
    </Alert>
  );
}

export function NotFoundPage() {
  const t = useMessages(appMessages);
  return (
    <Stack align="center" py="xl">
      <Title order={2}>{t('notFound')}</Title>
      <Text>{t('notFoundBody')}</Text>
      <Button component={Link} to="/">
        {t('backHome')}
      </Button>
    </Stack>
  );
}

export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <ErrorNotice error={error} />;
}
