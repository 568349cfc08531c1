import { Button, VisuallyHidden } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';
import { useMessages } from '../i18n/locale';
import { appMessages } from './messages';

/**
 * The signed-in user's name in the header: the account menu's target, and its stand-in while the
 * menu's chunk loads, so the control is there (and in the Tab order) from the first paint instead of
 * appearing later and shifting the header.
 */
export function AccountButton({
  displayName,
  ...rest
}: { displayName: string } & Omit<ComponentPropsWithRef<'button'>, 'children' | 'color' | 'style'>) {
  const t = useMessages(appMessages);
  return (
    <Button
      variant="subtle"
      size="xs"
      visibleFrom="sm"
      maw={220}
      title={displayName}
      styles={{ label: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' } }}
      {...rest}
    >
      <VisuallyHidden>{t('account')}: </VisuallyHidden>
      {displayName}
    </Button>
  );
}
