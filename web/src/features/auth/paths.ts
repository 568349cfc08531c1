import { type CurrentUser, holds } from '../../api/session';

/** Where a signed-in user changes their password; the only page open while a temporary password is unchanged. */
export const PASSWORD_CHANGE_PATH = '/tai-khoan/mat-khau';

/** Pages open to a user whose temporary password is still to be changed: the change itself and signing in anew. */
export const OPEN_BEFORE_PASSWORD_CHANGE: readonly string[] = [PASSWORD_CHANGE_PATH, '/dang-nhap'];

/** The workspace a user lands on after signing in: administration, else the council's queue, else the unit's. */
export function homePath(user: Pick<CurrentUser, 'capabilities'>): string {
  if (holds(user, 'period.manage')) return '/quan-tri';
  if (holds(user, 'appraisal.readCouncilNotes')) return '/tham-dinh';
  return '/don-vi';
}
