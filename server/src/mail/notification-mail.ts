import { type NotificationParams, notificationText } from '@opendti/core';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { MailConfig } from '../config/env.js';

/** What the e-mail job needs of nodemailer: send one message, close the connections. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<{ accepted: unknown[]; rejected: unknown[]; messageId: string }>;
  close(): void;
}

/**
 * The SMTP transport of SMTP_URL (smtp:// upgrades with STARTTLS when offered, smtps:// is TLS from the
 * start). Time limits keep a dead server from holding a job: it fails and is retried instead.
 */
export function createMailTransport(mail: MailConfig): MailTransport {
  const url = new URL(mail.smtpUrl);
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  }) as unknown as MailTransport;
}

export interface NotificationForMail {
  id: string;
  event: string;
  params: NotificationParams;
  link: string | null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * One notification as an e-mail: the Vietnamese subject and body with the English below, a plain-text
 * part and an HTML part, the link to the thing in the app. The Message-ID is the notification's own,
 * so that a mail server or client that sees it twice can tell it is the same message.
 */
export function composeNotificationMail(
  notification: NotificationForMail,
  to: string,
  options: { from: string; publicUrl: string },
): SendMailOptions {
  const vi = notificationText(notification.event, notification.params, 'vi');
  const en = notificationText(notification.event, notification.params, 'en');
  const link = `${options.publicUrl}${notification.link ?? '/thong-bao'}`;
  const domain = /@([^>\s]+)/.exec(options.from)?.[1] ?? 'opendti.invalid';
  // Where the user turns e-mail off per event (signed in): the unsubscribe link.
  const preferences = `${options.publicUrl}/thong-bao/cai-dat`;
  const text = [
    vi.body,
    '',
    `Xem trên OpenDTI: ${link}`,
    '',
    '— English —',
    en.title,
    en.body,
    '',
    `Open in OpenDTI: ${link}`,
    '',
    '--',
    'Thư tự động từ OpenDTI; vui lòng không trả lời. / An automatic message from OpenDTI; please do not reply.',
    `Không muốn nhận e-mail loại này / Unsubscribe: ${preferences}`,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(vi.body)}</p>`,
    `<p><a href="${escapeHtml(link)}">Xem trên OpenDTI</a></p>`,
    '<hr>',
    `<p lang="en"><strong>${escapeHtml(en.title)}</strong><br>${escapeHtml(en.body)}</p>`,
    `<p lang="en"><a href="${escapeHtml(link)}">Open in OpenDTI</a></p>`,
    '<p style="color:#666;font-size:small">Thư tự động từ OpenDTI; vui lòng không trả lời. / An automatic message from OpenDTI; please do not reply.<br>',
    `<a href="${escapeHtml(preferences)}">Không muốn nhận e-mail loại này / Unsubscribe</a></p>`,
  ].join('\n');
  return {
    from: options.from,
    to,
    subject: `${vi.title} / ${en.title}`,
    text,
    html,
    messageId: `<${notification.id}@${domain}>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
    list: { unsubscribe: preferences },
  };
}
