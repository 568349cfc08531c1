import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Static, TSchema } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions, FastifyTypeProvider, RawServerDefault } from 'fastify';
import type { ServerConfig } from '../config/env.js';
import type { DatabaseHandle } from '../db/database.js';
import type { BackgroundJobs } from '../jobs/background-jobs.js';
import type { EvidenceStorage } from '../storage/evidence-storage.js';

/**
 * The TypeBox type provider of the API: a handler's `request.params`, `body`, `query` and `headers`
 * are the static types of its route's schemas, as with @fastify/type-provider-typebox's
 * `TypeBoxTypeProvider`. Unlike that one it leaves the reply untyped. A response schema describes the
 * JSON on the wire: a timestamp is a `date-time` string there, but services hand the serializer the
 * `Date` it comes from, and a stored state column is a `string` that the schema lists as an enum.
 * Typing replies would mean converting every row by hand before the serializer does it anyway.
 */
export interface TypeBoxRequests extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  serializer: unknown;
}

/**
 * What every route registrar receives: the API's Fastify instance with the TypeBox type provider,
 * so that handlers read typed request data (fastify/demo). A cast of request data would mean this
 * type flow broke; `npm run lint` refuses one.
 */
export type Api = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxRequests>;

/**
 * What the app is built from. It lives here, not in app.ts, so that route files can name it without
 * importing the module that imports them.
 */
export interface AppDependencies {
  config: ServerConfig;
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** Where evidence files live; createEvidenceStorage(config) when omitted (tests pass their own). */
  storage?: EvidenceStorage;
  /**
   * The job queue and e-mail (issue 12), set once they run: read it when a request comes, not when
   * routes are registered. Absent in tests that do not start it (the jobs routes then say so).
   */
  jobs?: BackgroundJobs;
  /** The built web app's directory; the default is web/dist beside the server, served when present. */
  webRoot?: string;
}
