import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO), as the server received them. */
  to: string[];
  from: string;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:port, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** The recipients of each message refused. */
  refused: string[][];
  /**
   * Refuses the next `count` messages (to `address` only, when given) with a temporary error (451),
   * as a busy or broken relay would.
   */
  refuseNext(count: number, address?: string): void;
  /** Resolves when at least `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps what it receives, parsed by
 * `mailparser`, for tests that check recipients, subjects and links. No TLS, no authentication.
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refusedMessages: string[][] = [];
  let refusals = 0;
  let refusedAddress: string | undefined;
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const refused = refusedAddress === undefined || session.envelope.rcptTo.some((rcpt) => rcpt.address === refusedAddress);
      if (refusals > 0 && refused) {
        refusals--;
        refusedMessages.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('4.3.0 Tạm thời không nhận thư (test)'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((address) => address.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            parsed,
          });
          for (const waiter of [...waiters]) if (received.length >= waiter.count) waiter.resolve();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused: refusedMessages,
    refuseNext: (count, address) => {
      refusals = count;
      refusedAddress = address;
    },
    waitFor: (count, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        if (received.length >= count) return resolve(received);
        const timer = setTimeout(() => reject(new Error(`waited for ${count} messages, ${received.length} arrived`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
