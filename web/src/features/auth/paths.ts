import { COUNCIL_ROLES, type CurrentUser, MANAGER_ROLES } from '../../api/session';

/** Where a signed-in user changes their password; the only page open while a temporary password is unchanged. */
export const PASSWORD_CHANGE_PATH = '/tai-khoan/mat-khau';

/** Pages open to a user whose temporary password is still to be changed: the change itself and signing in anew. */
export const OPEN_BEFORE_PASSWORD_CHANGE: readonly string[] = [PASSWORD_CHANGE_PATH, '/dang-nhap'];

/** The workspace each role lands on after signing in. */
export function homePath(role: CurrentUser['role']): string {
  if (MANAGER_ROLES.includes(role)) return '/quan-tri';
  if (COUNCIL_ROLES.includes(role)) return '/tham-dinh';
  return '/don-vi';
}
