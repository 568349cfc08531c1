import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSignIn } from '../../api/session';
import { useMessages } from '../../i18n/locale';
import { authMessages } from './messages';
import { homePath, PASSWORD_CHANGE_PATH } from './paths';

/** Sign-in; afterwards each role lands on its own workspace, or first on the password change after a temporary password. */
export default function LoginPage() {
  const t = useMessages(authMessages);
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!username || !password) return;
    signIn.mutate(
      { username, password },
      {
        onSuccess: (user) => navigate(user.mustChangePassword ? PASSWORD_CHANGE_PATH : homePath(user)),
      },
    );
  };

  return (
    <Paper maw={420} mx="auto" mt="xl" p="lg" withBorder component="form" onSubmit={submit} noValidate>
      <Stack>
        <Title order={2}>{t('title')}</Title>
        {signIn.error && (
          <Alert color="red" role="alert">
            {signIn.error.message}
          </Alert>
        )}
        <TextInput
          label={t('username')}
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          error={touched && !username ? t('required') : undefined}
          required
        />
        <PasswordInput
          label={t('password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={touched && !password ? t('required') : undefined}
          required
        />
        <Button type="submit" loading={signIn.isPending}>
          {t('submit')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('hint')}
        </Text>
      </Stack>
    </Paper>
  );
}
