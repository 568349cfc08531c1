import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The page heading: a title, a sentence saying what the page is for, and the page's main actions. */
export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={2}>{title}</Title>
      {description && (
        <Text c="dimmed" size="sm" maw={900}>
          {description}
        </Text>
      )}
      {actions}
    </Stack>
  );
}
