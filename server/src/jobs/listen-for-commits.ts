import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { DatabaseHandle } from '../db/database.js';

export interface CommitListener {
  close(): Promise<void>;
}

/**
 * Calls `onNotify` when a transaction that ran `pg_notify(channel)` commits, in this process or (on
 * PostgreSQL) any other. On PGlite the instance delivers in-process; on PostgreSQL a dedicated
 * connection listens and reconnects after a loss. A wake-up lost meanwhile costs at most the minute
 * until the next scheduled sweep.
 */
export async function listenForCommits(
  database: DatabaseHandle,
  channel: string,
  onNotify: () => void,
  log: Pick<FastifyBaseLogger, 'warn'>,
): Promise<CommitListener> {
  const connection = database.connection;
  if (connection.kind === 'pglite') {
    const unsubscribe = await connection.client.listen(channel, onNotify);
    return { close: () => unsubscribe() };
  }
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: connection.url, application_name: 'opendti-listen' });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'notification listener lost its connection; reconnecting');
      next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect().catch(() => {}), 5000);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      client = next;
      onNotify();
    } catch (error) {
      log.warn({ err: error }, 'notification listener could not connect; retrying in 5 s');
      next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect().catch(() => {}), 5000);
    }
  };
  await connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
