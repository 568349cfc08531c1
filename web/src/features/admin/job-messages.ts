import type { Dictionary } from '../../i18n/locale';

type Key =
  | 'title'
  | 'description'
  | 'emailOnTitle'
  | 'emailOn'
  | 'emailOffTitle'
  | 'emailOff'
  | 'notRunning'
  | 'pendingEmails'
  | 'failedEmails'
  | 'failedJobs'
  | 'queue'
  | 'queueEmail'
  | 'queueReminders'
  | 'error'
  | 'attempts'
  | 'failedAt'
  | 'actions'
  | 'retry'
  | 'noFailed';

/** Texts of the background jobs page (Quản trị → Tác vụ nền). */
export const jobMessages: Dictionary<Key> = {
  vi: {
    title: 'Tác vụ nền',
    description:
      'Gửi e-mail thông báo và nhắc hạn chạy nền, trong cơ sở dữ liệu; tác vụ lỗi được thử lại tự động năm lần, sau đó hiện ở đây cùng lỗi để chạy lại.',
    emailOnTitle: 'E-mail đang bật',
    emailOn: 'Thông báo được gửi qua e-mail từ {from}.',
    emailOffTitle: 'E-mail đang tắt',
    emailOff:
      'Máy chủ chưa được cấu hình SMTP_URL: thông báo chỉ hiện trong ứng dụng. Đặt SMTP_URL (và MAIL_FROM) rồi khởi động lại máy chủ để gửi e-mail.',
    notRunning: 'Hàng đợi tác vụ nền không chạy trong tiến trình máy chủ này.',
    pendingEmails: 'e-mail đang chờ gửi',
    failedEmails: 'e-mail gửi lỗi',
    failedJobs: 'tác vụ lỗi',
    queue: 'Loại tác vụ',
    queueEmail: 'Gửi e-mail thông báo',
    queueReminders: 'Nhắc hạn tự đánh giá',
    error: 'Lỗi',
    attempts: 'Số lần thử',
    failedAt: 'Lỗi lúc',
    actions: 'Thao tác',
    retry: 'Chạy lại',
    noFailed: 'Không có tác vụ nào bị lỗi.',
  },
  en: {
    title: 'Background jobs',
    description:
      'Notification e-mails and deadline reminders run in the background, in the database; a failed job is retried five times, then shown here with its error, to run again.',
    emailOnTitle: 'E-mail is on',
    emailOn: 'Notifications are e-mailed from {from}.',
    emailOffTitle: 'E-mail is off',
    emailOff:
      'SMTP_URL is not set on the server: notifications appear in the app only. Set SMTP_URL (and MAIL_FROM) and restart the server to send e-mail.',
    notRunning: 'The job queue is not running in this server process.',
    pendingEmails: 'e-mails waiting',
    failedEmails: 'e-mails failed',
    failedJobs: 'failed jobs',
    queue: 'Job',
    queueEmail: 'Notification e-mail',
    queueReminders: 'Self-assessment reminders',
    error: 'Error',
    attempts: 'Attempts',
    failedAt: 'Failed at',
    actions: 'Actions',
    retry: 'Run again',
    noFailed: 'No job has failed.',
  },
};
