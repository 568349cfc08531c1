import { isIP } from 'node:net';
import { resolve } from 'node:path';

/**
 * Configuration, read from the environment once, here and nowhere else, and validated: a bad value
 * stops start-up with a message that names the variable. Every default works out of the box.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | PORT | 8080 | HTTP port |
 * | HOST | 127.0.0.1 | address to listen on (0.0.0.0 to serve the network, behind a TLS proxy) |
 * | DATA_DIR | ./data | embedded database (./data/db) and evidence files (./data/files) |
 * | DATABASE_URL | — | postgres://… to use a PostgreSQL server instead of the embedded database |
 * | NODE_ENV | development | "production" makes cookies Secure and logs JSON only |
 * | LOG_LEVEL | info | pino level: fatal, error, warn, info, debug, trace, silent |
 * | SESSION_HOURS | 12 | how long a login lasts |
 * | MAX_UPLOAD_MB | 20 | largest evidence file |
 * | DEMO_DATA | true | seed the demo province, accounts and periods into an empty database |
 * | TRUST_PROXY | false | behind a reverse proxy: true (the proxy runs on this machine: 127.0.0.1, ::1) or the proxies' addresses/CIDRs, comma-separated; X-Forwarded-For is believed from those only |
 * | SHUTDOWN_GRACE_SECONDS | 10 | on SIGTERM, how long requests in flight may take before their connections are cut |
 * | S3_BUCKET | — | keep evidence files in this S3-compatible bucket (MinIO, Ceph, AWS) instead of DATA_DIR/files |
 * | S3_ENDPOINT | — | http(s)://host:port of MinIO or Ceph; leave empty for AWS S3 |
 * | S3_REGION | us-east-1 | the bucket's region |
 * | S3_ACCESS_KEY_ID | — | access key; with S3_SECRET_ACCESS_KEY, or neither to use the AWS default credential chain |
 * | S3_SECRET_ACCESS_KEY | — | secret key |
 * | S3_FORCE_PATH_STYLE | true | address buckets as host/bucket (MinIO, Ceph); false for bucket.host |
 * | SMTP_URL | — | e-mail notifications over SMTP: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465; without it e-mail is off (the app still notifies) |
 * | MAIL_FROM | OpenDTI <no-reply@localhost> | the sender of notification e-mails |
 * | PUBLIC_URL | http://HOST:PORT | the address users open the app at, for links in e-mails (https://dti.example.gov.vn) |
 * | WEBHOOK_URL | — | POST each notification, signed, to this http(s) URL (the province's own messaging); retried by the queue |
 * | WEBHOOK_SECRET | — | the HMAC-SHA256 key of the webhook's signature; required with WEBHOOK_URL, 16 characters or more |
 */
export interface ServerConfig {
  port: number;
  host: string;
  dataDirectory: string;
  databaseUrl: string | undefined;
  production: boolean;
  logLevel: string;
  sessionHours: number;
  maxUploadBytes: number;
  demoData: boolean;
  /**
   * The proxies trusted to say the client's address (Fastify's trustProxy): none, or their
   * addresses. Never `true`, which trusts every hop and so takes the leftmost X-Forwarded-For
   * entry — the one the client wrote.
   */
  trustProxy: false | string[];
  /** On SIGTERM, how long requests in flight may run before their connections are closed. */
  shutdownGraceMs: number;
  /** Object storage for evidence files; undefined keeps them under DATA_DIR/files. */
  s3: S3Config | undefined;
  /** E-mail notifications; undefined when SMTP_URL is not set (e-mail off, the administrator is told). */
  mail: MailConfig | undefined;
  /** The app's address as users open it, without a trailing slash: links in e-mails. */
  publicUrl: string;
  /** The province's webhook; undefined when WEBHOOK_URL is not set. */
  webhook: WebhookConfig | undefined;
}

export interface WebhookConfig {
  url: string;
  secret: string;
}

export interface MailConfig {
  smtpUrl: string;
  from: string;
}

export interface S3Config {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`${name}=${raw}: cần một số nguyên từ ${min} đến ${max} (an integer from ${min} to ${max})`);
    }
    return value;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    throw new ConfigError(`${name}=${env[name]}: dùng true hoặc false (use true or false)`);
  };
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL: cần dạng postgres://người-dùng@máy:cổng/cơ-sở-dữ-liệu (expected postgres://user@host:port/database)',
    );
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL=${logLevel}: dùng fatal, error, warn, info, debug, trace hoặc silent`);
  }
  return {
    port: integer('PORT', 8080, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDirectory: resolve(env.DATA_DIR?.trim() || 'data'),
    databaseUrl,
    production: env.NODE_ENV === 'production',
    logLevel,
    sessionHours: integer('SESSION_HOURS', 12, 1, 24 * 30),
    maxUploadBytes: integer('MAX_UPLOAD_MB', 20, 1, 1024) * 1024 * 1024,
    demoData: flag('DEMO_DATA', true),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    shutdownGraceMs: integer('SHUTDOWN_GRACE_SECONDS', 10, 0, 3600) * 1000,
    s3: readS3Config(env, flag),
    mail: readMailConfig(env),
    publicUrl: readPublicUrl(env),
    webhook: readWebhookConfig(env),
  };
}

/**
 * TRUST_PROXY: the addresses of the proxies whose X-Forwarded-For is believed. `true` names the
 * proxy on this machine (127.0.0.1, ::1: the documented set-up, with HOST=127.0.0.1); a proxy
 * elsewhere is named by its addresses or CIDRs. The client's address is then the rightmost entry
 * that no trusted proxy wrote: nginx's `$proxy_add_x_forwarded_for` appends the address it sees to
 * whatever the client sent. Fastify's `true` trusts every hop and so took the leftmost entry, which
 * the client writes itself: one header escaped the per-address sign-in throttle. (A hop count is not
 * offered: Fastify 5 ignores it, failing closed, since it cannot tell the proxy from a direct client.)
 */
function readTrustProxy(raw: string | undefined): false | string[] {
  const value = raw?.trim().toLowerCase();
  if (value === undefined || value === '' || ['0', 'false', 'no', 'off'].includes(value)) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return ['127.0.0.1', '::1'];
  const addresses = value.split(',').map((entry) => entry.trim());
  const valid = (entry: string) => {
    const [address = '', prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return false;
    return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
  };
  if (addresses.every(valid)) return addresses;
  throw new ConfigError(
    `TRUST_PROXY=${raw}: dùng false, true (proxy trên chính máy này) hoặc địa chỉ/CIDR của các proxy, cách nhau bằng dấu phẩy ` +
      '(use false, true (a proxy on this machine) or the proxies’ addresses/CIDRs, comma-separated)',
  );
}

function readS3Config(
  env: Record<string, string | undefined>,
  flag: (name: string, fallback: boolean) => boolean,
): S3Config | undefined {
  const bucket = env.S3_BUCKET?.trim() || undefined;
  if (bucket === undefined) return undefined;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(
      `S3_BUCKET=${bucket}: tên bucket gồm 3–63 chữ thường, số, dấu chấm, gạch ngang (3–63 lowercase letters, digits, dots, hyphens)`,
    );
  }
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw new ConfigError(`S3_ENDPOINT=${endpoint}: cần dạng http(s)://máy:cổng (expected http(s)://host:port)`);
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || undefined;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new ConfigError(
      'S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: cần đặt cả hai hoặc bỏ trống cả hai (set both, or neither to use the default credential chain)',
    );
  }
  return {
    endpoint,
    region: env.S3_REGION?.trim() || 'us-east-1',
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: flag('S3_FORCE_PATH_STYLE', true),
  };
}

function readMailConfig(env: Record<string, string | undefined>): MailConfig | undefined {
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  const from = env.MAIL_FROM?.trim() || 'OpenDTI <no-reply@localhost>';
  if (smtpUrl === undefined) return undefined;
  if (!/^smtps?:\/\/[^\s/]+/.test(smtpUrl)) {
    throw new ConfigError(
      'SMTP_URL: cần dạng smtp://người-dùng:mật-khẩu@máy:cổng hoặc smtps://… (expected smtp://user:pass@host:port or smtps://…)',
    );
  }
  if (!/@/.test(from))
    throw new ConfigError(
      `MAIL_FROM=${from}: cần một địa chỉ e-mail, ví dụ "OpenDTI <no-reply@tinh.gov.vn>" (expected an address)`,
    );
  return { smtpUrl, from };
}

function readPublicUrl(env: Record<string, string | undefined>): string {
  const raw = env.PUBLIC_URL?.trim();
  if (raw === undefined || raw === '') {
    const host = env.HOST?.trim() || '127.0.0.1';
    return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${env.PORT?.trim() || '8080'}`;
  }
  if (!/^https?:\/\/[^\s/]+/.test(raw))
    throw new ConfigError(`PUBLIC_URL=${raw}: cần dạng http(s)://máy[:cổng] (expected http(s)://host[:port])`);
  return raw.replace(/\/+$/, '');
}

function readWebhookConfig(env: Record<string, string | undefined>): WebhookConfig | undefined {
  const url = env.WEBHOOK_URL?.trim() || undefined;
  if (url === undefined) return undefined;
  if (!/^https?:\/\/[^\s/]+/.test(url))
    throw new ConfigError(`WEBHOOK_URL=${url}: cần dạng http(s)://máy/đường-dẫn (expected http(s)://host/path)`);
  const secret = env.WEBHOOK_SECRET ?? '';
  if (secret.length < 16) {
    throw new ConfigError(
      'WEBHOOK_SECRET: cần một khoá bí mật từ 16 ký tự trở lên khi đặt WEBHOOK_URL (a secret of 16 characters or more is required with WEBHOOK_URL)',
    );
  }
  return { url, secret };
}
