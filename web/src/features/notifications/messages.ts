import type { Dictionary } from '../../i18n/locale';

type Key =
  | 'bell'
  | 'bellWithCount'
  | 'title'
  | 'description'
  | 'unreadOnly'
  | 'markAllRead'
  | 'markRead'
  | 'open'
  | 'empty'
  | 'emptyUnread'
  | 'unread'
  | 'read'
  | 'loadError'
  | 'emailSent'
  | 'emailOff'
  | 'emailNoAddress'
  | 'emailFailed'
  | 'emailWaiting'
  | 'page_first'
  | 'page_previous'
  | 'page_next'
  | 'page_last'
  | 'preferences'
  | 'preferencesTitle'
  | 'preferencesDescription'
  | 'event'
  | 'inApp'
  | 'byEmail'
  | 'alwaysOn'
  | 'saved'
  | 'signInFirst'
  | 'event_period.selfAssessmentOpened'
  | 'event_deadline.approaching'
  | 'event_supplementation.requested'
  | 'event_supplementation.answered'
  | 'event_supplementation.overdue'
  | 'event_rebuttal.windowOpened'
  | 'event_rebuttal.windowClosing'
  | 'event_council.finalised'
  | 'event_account.lockedOut'
  | 'event_results.published'
  | 'event_account.passwordReset'
  | 'event_plan.tasksAssigned'
  | 'event_plan.taskDueSoon'
  | 'event_plan.taskOverdue'
  | 'event_plan.tasksOverdue'
  | 'event_plan.reportRoundOpen'
  | 'event_plan.reportLate'
  | 'event_plan.reportsLate';

export const notificationMessages: Dictionary<Key> = {
  vi: {
    bell: 'Thông báo',
    bellWithCount: 'Thông báo: {count} chưa đọc',
    title: 'Thông báo',
    description:
      'Những việc liên quan đến bạn: kỳ đánh giá mở, sắp đến hạn nộp, yêu cầu bổ sung, kết quả công bố, tài khoản. Số chưa đọc được cập nhật mỗi phút.',
    unreadOnly: 'Chỉ hiện thông báo chưa đọc',
    markAllRead: 'Đánh dấu tất cả đã đọc',
    markRead: 'Đánh dấu đã đọc',
    open: 'Mở',
    empty: 'Chưa có thông báo nào.',
    emptyUnread: 'Không có thông báo chưa đọc.',
    unread: 'Chưa đọc',
    read: 'Đã đọc',
    loadError: 'Không tải được thông báo. Hãy thử lại.',
    emailSent: 'Đã gửi e-mail',
    emailOff: 'Hệ thống chưa bật e-mail',
    emailNoAddress: 'Tài khoản chưa có địa chỉ e-mail',
    emailFailed: 'Gửi e-mail không thành công',
    emailWaiting: 'Đang chờ gửi e-mail',
    page_first: 'Trang đầu',
    page_previous: 'Trang trước',
    page_next: 'Trang sau',
    page_last: 'Trang cuối',
    preferences: 'Cách nhận thông báo',
    preferencesTitle: 'Cách nhận thông báo',
    preferencesDescription:
      'Mọi thông báo đều hiện trong ứng dụng. Chọn loại nào được gửi thêm qua e-mail (tới địa chỉ quản trị viên đã ghi cho tài khoản của bạn); thông báo về tài khoản luôn được gửi.',
    event: 'Loại thông báo',
    inApp: 'Trong ứng dụng',
    byEmail: 'Qua e-mail',
    alwaysOn: 'luôn bật',
    saved: 'Đã lưu',
    signInFirst: 'Hãy đăng nhập để xem và đổi cách nhận thông báo.',
    'event_period.selfAssessmentOpened': 'Kỳ đánh giá mở cho đơn vị tự đánh giá',
    'event_deadline.approaching': 'Sắp đến hạn nộp tự đánh giá',
    'event_supplementation.requested': 'Hội đồng yêu cầu bổ sung, giải trình',
    'event_supplementation.answered': 'Đơn vị đã giải trình',
    'event_results.published': 'Kết quả được công bố',
    'event_account.passwordReset': 'Mật khẩu được quản trị viên đặt lại',
    'event_supplementation.overdue': 'Quá hạn bổ sung, giải trình',
    'event_rebuttal.windowOpened': 'Mở thời hạn kiến nghị',
    'event_rebuttal.windowClosing': 'Sắp hết thời hạn kiến nghị',
    'event_council.finalised': 'Hội đồng chốt kết quả thẩm định',
    'event_account.lockedOut': 'Tài khoản bị tạm khoá do đăng nhập sai',
    'event_plan.tasksAssigned': 'Kế hoạch ban hành giao nhiệm vụ cho đơn vị',
    'event_plan.taskDueSoon': 'Nhiệm vụ kế hoạch sắp đến hạn',
    'event_plan.taskOverdue': 'Nhiệm vụ kế hoạch quá hạn',
    'event_plan.tasksOverdue': 'Nhiệm vụ của kế hoạch vừa quá hạn (cơ quan quản lý)',
    'event_plan.reportRoundOpen': 'Mở kỳ báo cáo tiến độ kế hoạch',
    'event_plan.reportLate': 'Đơn vị chưa báo cáo tiến độ đúng hạn',
    'event_plan.reportsLate': 'Các đơn vị chưa báo cáo tiến độ (cơ quan quản lý)',
  },
  en: {
    bell: 'Notifications',
    bellWithCount: 'Notifications: {count} unread',
    title: 'Notifications',
    description:
      'What concerns you: periods opening, deadlines approaching, supplementation requests, published results, your account. The unread count refreshes every minute.',
    unreadOnly: 'Unread only',
    markAllRead: 'Mark all as read',
    markRead: 'Mark as read',
    open: 'Open',
    empty: 'No notifications yet.',
    emptyUnread: 'No unread notifications.',
    unread: 'Unread',
    read: 'Read',
    loadError: 'The notifications could not be loaded. Try again.',
    emailSent: 'E-mail sent',
    emailOff: 'E-mail is not turned on',
    emailNoAddress: 'The account has no e-mail address',
    emailFailed: 'The e-mail could not be sent',
    emailWaiting: 'E-mail waiting to be sent',
    page_first: 'First page',
    page_previous: 'Previous page',
    page_next: 'Next page',
    page_last: 'Last page',
    preferences: 'Notification settings',
    preferencesTitle: 'Notification settings',
    preferencesDescription:
      'Every notification appears in the app. Choose which are also e-mailed (to the address the administrator set on your account); account notifications are always sent.',
    event: 'Notification',
    inApp: 'In the app',
    byEmail: 'By e-mail',
    alwaysOn: 'always on',
    saved: 'Saved',
    signInFirst: 'Sign in to see and change how you are notified.',
    'event_period.selfAssessmentOpened': 'A period opens for self-assessment',
    'event_deadline.approaching': 'The self-assessment deadline approaches',
    'event_supplementation.requested': 'The council asks for supplementation',
    'event_supplementation.answered': 'A unit answered a supplementation request',
    'event_results.published': 'Results are published',
    'event_account.passwordReset': 'An administrator reset your password',
    'event_supplementation.overdue': 'Supplementation overdue',
    'event_rebuttal.windowOpened': 'Rebuttal window opened',
    'event_rebuttal.windowClosing': 'Rebuttal window closing',
    'event_council.finalised': 'Council finalised the appraisal',
    'event_account.lockedOut': 'Account locked after failed sign-ins',
    'event_plan.tasksAssigned': 'An issued plan gives the unit tasks',
    'event_plan.taskDueSoon': 'A plan task is due soon',
    'event_plan.taskOverdue': 'A plan task is overdue',
    'event_plan.tasksOverdue': 'A plan’s tasks went overdue (managers)',
    'event_plan.reportRoundOpen': 'A progress report round opens',
    'event_plan.reportLate': 'The unit’s progress report is late',
    'event_plan.reportsLate': 'Units have not reported progress (managers)',
  },
};
