import { Alert, Button, List, Paper, PasswordInput, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { type CSSProperties, type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useChangePassword, useCurrentUser } from '../../api/session';
import { ErrorNotice, PageLoader } from '../../app/page-states';
import { useLocale, useMessages } from '../../i18n/locale';
import { authMessages } from './messages';
import {
  EMPTY_PASSWORD_CHANGE,
  type FieldProblem,
  fieldErrorsFromServer,
  hasErrors,
  type PasswordChangeErrors,
  type PasswordChangeField,
  type PasswordChangeState,
  ruleChecklist,
  validatePasswordChange,
} from './password-change-form';
import { homePath } from './paths';

const FIELDS: readonly PasswordChangeField[] = ['currentPassword', 'newPassword', 'confirmation'];

/**
 * Mantine draws field errors in --mantine-color-error (red.6, about 3.3:1 on white, under WCAG AA's
 * 4.5:1); the theme's darker red text (at least 4.7:1) is used instead.
 */
const ERROR_CONTRAST = { '--mantine-color-error': 'var(--mantine-color-red-text)' } as CSSProperties;

/**
 * Changing one's own password: for everyone signed in (Tài khoản → Đổi mật khẩu), and the only page
 * open after signing in with a temporary password from the administrator (PasswordChangeGuard).
 */
export default function PasswordChangePage() {
  const t = useMessages(authMessages);
  const { locale } = useLocale();
  const { data: user, isPending, error: userError } = useCurrentUser();
  const change = useChangePassword();
  const [state, setState] = useState<PasswordChangeState>(EMPTY_PASSWORD_CHANGE);
  const [errors, setErrors] = useState<PasswordChangeErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [done, setDone] = useState(false);
  const inputs = useRef<Partial<Record<PasswordChangeField, HTMLInputElement | null>>>({});
  const doneNotice = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done) doneNotice.current?.focus();
  }, [done]);

  if (isPending) return <PageLoader />;
  if (userError) return <ErrorNotice error={userError} />;
  if (!user) {
    return (
      <Stack maw={520} mx="auto" mt="xl">
        <Alert color="blue" title={t('change.signInTitle')}>
          {t('change.signIn')}
        </Alert>
        <Button component={Link} to="/dang-nhap" style={{ alignSelf: 'flex-start' }}>
          {t('submit')}
        </Button>
      </Stack>
    );
  }

  const update = (field: PasswordChangeField, value: string) => {
    const next = { ...state, [field]: value };
    setState(next);
    setDone(false);
    // After a first attempt, errors follow the typing, so that a fixed field clears at once.
    if (submitted) setErrors(validatePasswordChange(next, locale));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validatePasswordChange(state, locale);
    setErrors(found);
    if (hasErrors(found)) {
      inputs.current[FIELDS.find((field) => found[field]) as PasswordChangeField]?.focus();
      return;
    }
    change.mutate(
      { currentPassword: state.currentPassword, newPassword: state.newPassword },
      {
        onSuccess: () => {
          setState(EMPTY_PASSWORD_CHANGE);
          setErrors({});
          setSubmitted(false);
          setDone(true);
        },
        onError: (error) => {
          const fromServer = fieldErrorsFromServer(error);
          if (!fromServer) return;
          setErrors(fromServer);
          inputs.current[FIELDS.find((field) => fromServer[field]) as PasswordChangeField]?.focus();
        },
      },
    );
  };

  const message = (problem: FieldProblem | undefined) =>
    problem === undefined ? undefined : 'message' in problem ? problem.message : t(problem.key, problem.params);
  const formError = change.error && !fieldErrorsFromServer(change.error) ? change.error : undefined;
  const rules = ruleChecklist(state.newPassword, locale);

  return (
    <Paper maw={560} mx="auto" mt="md" p="lg" withBorder component="form" onSubmit={submit} noValidate style={ERROR_CONTRAST}>
      <Stack>
        <Title order={2}>{t('change.title')}</Title>
        {user.mustChangePassword && (
          <Alert color="yellow" title={t('change.temporaryTitle')}>
            {t('change.temporary')}
          </Alert>
        )}
        {done && (
          <Alert color="green" title={t('change.doneTitle')} role="status" ref={doneNotice} tabIndex={-1}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t('change.done')}</Text>
              <Button component={Link} to={homePath(user)} size="xs">
                {t('change.continue')}
              </Button>
            </Stack>
          </Alert>
        )}
        {formError && (
          <Alert color="red" title={t('change.failed')} role="alert">
            {formError.message}
          </Alert>
        )}
        <Text size="sm">{t('change.intro', { username: user.username })}</Text>
        {/* A hidden username lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        {/* Mantine's PasswordInput marks an error with data-invalid only: aria-invalid is given here. */}
        <PasswordInput
          ref={(element) => {
            inputs.current.currentPassword = element;
          }}
          label={t('change.current')}
          autoComplete="current-password"
          value={state.currentPassword}
          onChange={(event) => update('currentPassword', event.currentTarget.value)}
          error={message(errors.currentPassword)}
          aria-invalid={errors.currentPassword ? true : undefined}
          maxLength={200}
          required
          visibilityToggleFocusable
          visibilityToggleButtonProps={{ 'aria-label': t('change.showCurrent') }}
        />
        <div>
          <Text size="sm" fw={500} id="password-rules-title">
            {t('change.rulesTitle')}
          </Text>
          <List size="sm" spacing={2} aria-labelledby="password-rules-title" listStyleType="none">
            {rules.map((rule) => (
              <List.Item key={rule.id} c={rule.met && state.newPassword !== '' ? 'green' : undefined}>
                <span aria-hidden="true">{rule.met && state.newPassword !== '' ? '✓ ' : '• '}</span>
                {rule.text}
                {state.newPassword !== '' && (
                  <VisuallyHidden> ({rule.met ? t('change.ruleMet') : t('change.ruleUnmet')})</VisuallyHidden>
                )}
              </List.Item>
            ))}
          </List>
        </div>
        <PasswordInput
          ref={(element) => {
            inputs.current.newPassword = element;
          }}
          label={t('change.new')}
          autoComplete="new-password"
          value={state.newPassword}
          onChange={(event) => update('newPassword', event.currentTarget.value)}
          error={message(errors.newPassword)}
          aria-invalid={errors.newPassword ? true : undefined}
          maxLength={200}
          required
          visibilityToggleFocusable
          visibilityToggleButtonProps={{ 'aria-label': t('change.showNew') }}
        />
        <PasswordInput
          ref={(element) => {
            inputs.current.confirmation = element;
          }}
          label={t('change.confirmation')}
          autoComplete="new-password"
          value={state.confirmation}
          onChange={(event) => update('confirmation', event.currentTarget.value)}
          error={message(errors.confirmation)}
          aria-invalid={errors.confirmation ? true : undefined}
          maxLength={200}
          required
          visibilityToggleFocusable
          visibilityToggleButtonProps={{ 'aria-label': t('change.showConfirmation') }}
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('change.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
