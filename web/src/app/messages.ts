import type { Dictionary } from '../i18n/locale';

type Key =
  | 'appName'
  | 'results'
  | 'publicPlans'
  | 'workspace'
  | 'appraisal'
  | 'administration'
  | 'plans'
  | 'planTasks'
  | 'signIn'
  | 'signOut'
  | 'account'
  | 'changePassword'
  | 'language'
  | 'loading'
  | 'notFound'
  | 'notFoundBody'
  | 'backHome'
  | 'errorTitle'
  | 'skipToContent'
  | 'menu'
  | 'close'
  | 'showPassword';

export const appMessages: Dictionary<Key> = {
  vi: {
    appName: 'Chỉ số chuyển đổi số',
    results: 'Kết quả công bố',
    publicPlans: 'Kế hoạch công khai',
    workspace: 'Tự đánh giá',
    appraisal: 'Thẩm định',
    administration: 'Quản trị',
    plans: 'Kế hoạch',
    planTasks: 'Nhiệm vụ',
    signIn: 'Đăng nhập',
    signOut: 'Đăng xuất',
    account: 'Tài khoản',
    changePassword: 'Đổi mật khẩu',
    language: 'Ngôn ngữ',
    loading: 'Đang tải…',
    notFound: 'Không tìm thấy trang',
    notFoundBody: 'Địa chỉ này không có trong hệ thống.',
    backHome: 'Về trang kết quả',
    errorTitle: 'Có lỗi xảy ra',
    skipToContent: 'Chuyển đến nội dung chính',
    menu: 'Mở menu',
    close: 'Đóng',
    showPassword: 'Hiện mật khẩu',
  },
  en: {
    appName: 'Digital transformation index',
    results: 'Published results',
    publicPlans: 'Published plans',
    workspace: 'Self-assessment',
    appraisal: 'Appraisal',
    administration: 'Administration',
    plans: 'Plans',
    planTasks: 'Plan tasks',
    signIn: 'Sign in',
    signOut: 'Sign out',
    account: 'Account',
    changePassword: 'Change password',
    language: 'Language',
    loading: 'Loading…',
    notFound: 'Page not found',
    notFoundBody: 'There is nothing at this address.',
    backHome: 'Back to the results',
    errorTitle: 'Something went wrong',
    skipToContent: 'Skip to main content',
    menu: 'Open menu',
    close: 'Close',
    showPassword: 'Show password',
  },
};
