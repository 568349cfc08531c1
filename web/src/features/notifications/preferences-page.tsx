import { Alert, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useMessages } from '../../i18n/locale';
import { PageHeader } from '../../shared/page-header';
import { notificationMessages } from './messages';
import { useChangePreferences, usePreferences } from './notification-queries';

/** Which notifications are e-mailed, per event (issue 12); the e-mails' unsubscribe link leads here. */
export default function PreferencesPage() {
  const t = useMessages(notificationMessages);
  const { data: user, isPending: userPending } = useCurrentUser();
  const preferences = usePreferences();
  const change = useChangePreferences();
  if (userPending) return <PageLoader />;
  if (!user) return <Alert color="blue">{t('signInFirst')}</Alert>;
  if (preferences.isPending) return <PageLoader />;
  if (preferences.error) return <ErrorNotice error={preferences.error} />;
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t('preferencesTitle')} description={t('preferencesDescription')} />
      {change.isError && <ErrorNotice error={change.error} />}
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('event')}</Table.Th>
            <Table.Th scope="col">{t('inApp')}</Table.Th>
            <Table.Th scope="col">{t('byEmail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preferences.data.events.map((row) => {
            const name = t(`event_${row.event}`);
            return (
              <Table.Tr key={row.event}>
                <Table.Th scope="row" fw={400}>
                  {name}
                </Table.Th>
                <Table.Td>
                  <Checkbox checked readOnly disabled aria-label={`${name}: ${t('inApp')} (${t('alwaysOn')})`} />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    checked={row.email}
                    disabled={!row.emailOptional || change.isPending}
                    aria-label={`${name}: ${t('byEmail')}${row.emailOptional ? '' : ` (${t('alwaysOn')})`}`}
                    onChange={(event) => change.mutate({ [row.event]: event.currentTarget.checked })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {change.isSuccess && (
        <Text size="sm" c="green.8" role="status">
          {t('saved')}
        </Text>
      )}
    </Stack>
  );
}
