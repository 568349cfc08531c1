import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useCurrentUser } from '../../api/session';
import { OPEN_BEFORE_PASSWORD_CHANGE, PASSWORD_CHANGE_PATH } from './paths';

/**
 * Keeps a user signed in with a temporary password on the password change page until it is changed,
 * as the server does (every other route answers auth.must-change-password): any other address
 * leads there, where the page says why.
 */
export function PasswordChangeGuard({ children }: { children: ReactNode }) {
  const { data: user } = useCurrentUser();
  const { pathname } = useLocation();
  if (user?.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.includes(pathname)) {
    return <Navigate to={PASSWORD_CHANGE_PATH} replace />;
  }
  return children;
}
