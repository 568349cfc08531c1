import { Stack, Title } from '@mantine/core';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';

/**
 * The frame of a row edited in place (a task, a target): a named form with its title, submitted by
 * Enter or its button, left by Escape. A combobox open in the form closes first (Mantine stops that
 * Escape); a second Escape leaves the row.
 */
export function RowEditorForm({
  title,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const leaveOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) onCancel();
  };
  return (
    <Stack
      gap="sm"
      p="sm"
      bg="var(--mantine-color-blue-light)"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      renderRoot={(props) => <form {...props} onSubmit={onSubmit} onKeyDown={leaveOnEscape} noValidate aria-label={title} />}
    >
      <Title order={4} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
