import { type Actor, type Capability, DomainError, decide, type ResourceContext } from '@opendti/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'opendti_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or undefined for an anonymous visitor. */
    actor: SessionActor | undefined;
    sessionToken: string | undefined;
    /** A session with a temporary password came with the request and was set aside (see registerAuthentication). */
    awaitsPasswordChange: boolean;
  }
  interface FastifyContextConfig {
    /** A write that needs no CSRF token: signing in, which a stale session cookie must not block. */
    withoutCsrfToken?: true;
    /**
     * One of the few routes a session with a temporary password may use before the password is
     * changed: reading one's own session, changing the password, signing out.
     */
    allowsTemporaryPassword?: true;
  }
}

/** The signed-in user a session stands for, as the auth module's session lookup returns it. */
export interface SessionActor extends Actor {
  username: string;
  displayName: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

/**
 * Finds the live session of a cookie's token (modules/auth's `actorForToken`). Passed in by app.ts,
 * so that this folder, which every module imports, imports none of them.
 */
export type FindSession = (token: string, now: Date) => Promise<SessionActor | undefined>;

/** The methods that change state: with a session cookie, they need the CSRF token (the OpenAPI document says so too). */
export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads the session cookie into `request.actor` on every request, and refuses cookie-authenticated
 * writes without the session's CSRF token in the X-CSRF-Token header (double submit: a page of
 * another site can send the cookie but cannot read the token). Signing in needs no token.
 *
 * A session whose password was set by the administrator (a new account, a reset) and not yet
 * changed counts as anonymous on every route but those marked `allowsTemporaryPassword`: it sees
 * what the public sees, and authorize() refuses the rest with `auth.must-change-password` (403)
 * instead of asking to sign in. Deciding it here, before any route runs, makes it default deny: a
 * route never receives such an actor unless it says it may.
 */
export function registerAuthentication(app: FastifyInstance, findSession: FindSession): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('awaitsPasswordChange', false);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const actor = await findSession(token, new Date());
    if (!actor) return;
    if (
      UNSAFE_METHODS.has(request.method) &&
      !request.routeOptions.config?.withoutCsrfToken &&
      request.headers[CSRF_HEADER] !== actor.csrfToken
    ) {
      throw new DomainError('forbidden', [{ code: 'http.csrf' }]);
    }
    if (actor.mustChangePassword && !request.routeOptions.config?.allowsTemporaryPassword) {
      request.awaitsPasswordChange = true;
      return;
    }
    request.actor = actor;
    request.sessionToken = token;
  });
}

/**
 * The one authorization check of every route: default deny, decided by core's capability policy.
 * Returns the actor (undefined only for capabilities open to the public).
 */
export function authorize(request: FastifyRequest, capability: Capability, resource: ResourceContext = {}): SessionActor {
  const decision = decide(request.actor, capability, resource);
  if (!decision.allowed) {
    throw decision.reason === 'unauthenticated'
      ? refusalOfAnonymous(request)
      : new DomainError('forbidden', [{ code: 'http.forbidden' }]);
  }
  return request.actor as SessionActor;
}

/**
 * The check of the routes about one's own session (who am I, change my password): any signed-in
 * session will do, whatever its role. No capability is involved: the session itself is the resource.
 */
export function requireSession(request: FastifyRequest): SessionActor {
  if (!request.actor) throw refusalOfAnonymous(request);
  return request.actor;
}

/** Sign in (401), or, for a session set aside because its password is temporary, change the password first (403). */
function refusalOfAnonymous(request: FastifyRequest): DomainError {
  return request.awaitsPasswordChange
    ? new DomainError('forbidden', [{ code: 'auth.must-change-password' }])
    : new DomainError('unauthenticated', [{ code: 'http.unauthenticated' }]);
}
