import { and, desc, eq, gt, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { apiTokens, organisations, sessions, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { paginate, type Connection, type PageRequest } from "../../shared/connection.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { verifyPassword } from "../../shared/password.js";
import { isReadableName } from "../../shared/text-rule.js";
import { hashToken, newSecret } from "../../shared/secret-token.js";
import { mutate } from "../../shared/transaction.js";
import { holds, requireRole, type Viewer } from "../../shared/viewer.js";
import { TOKEN_MANAGERS, TOKEN_MANAGERS_OF_EVERY_TENANT } from "./access.roles.js";
import { apiTokenCache } from "./api-token-cache.js";
import { AccessErrors } from "./access.errors.js";
import { grantableScopes } from "./api-token-scopes.js";
import type { LoginThrottle } from "./login-throttle.js";

export type ApiTokenRow = typeof apiTokens.$inferSelect;
const SESSION_PREFIX = "tgs_";
const API_TOKEN_PREFIX = "tgk_";
const LAST_USED_PRECISION_MS = 60_000;

export interface LoginInput {
  email: string;
  password: string;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  viewer: Viewer;
}

export async function login(
  db: Db,
  deps: { throttle: LoginThrottle; sessionTtlHours: number },
  request: { ip: string; userAgent: string | null; requestId: string | null },
  input: LoginInput,
): Promise<Result<LoginResult>> {
  const email = input.email.trim().toLowerCase();
  // Counted before the password is checked; throws TooManyLoginAttempts when a limit has run out.
  await deps.throttle.attempt(email, request.ip);
  const [found] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(users.email, email));
  const valid = await verifyPassword(found?.user.passwordHash ?? null, input.password);
  // A deactivated user, or one of a deactivated organisation, gets the wrong-password answer: nothing tells a
  // guesser the account exists.
  if (!found || !valid || found.user.deactivatedAt || found.organisation.deactivatedAt) {
    return userError(AccessErrors.INVALID_CREDENTIALS, "The e-mail address or the password is wrong.");
  }
  await deps.throttle.succeeded(email, request.ip);
  const token = newSecret(SESSION_PREFIX);
  const expiresAt = new Date(Date.now() + deps.sessionTtlHours * 3600_000);
  return mutate(db, async (tx) => {
    const [session] = await tx
      .insert(sessions)
      .values({
        userId: found.user.id,
        tokenHash: hashToken(token),
        expiresAt,
        ipAddress: request.ip,
        userAgent: request.userAgent,
      })
      .returning();
    const viewer = toViewer(found.user, found.organisation, {
      sessionId: session!.id,
      apiTokenId: null,
      requestId: request.requestId,
    });
    await recordAudit(tx, viewer, {
      action: "session.start",
      objectType: "Session",
      objectId: session!.id,
      organisationId: found.organisation.id,
    });
    return ok({ token, expiresAt, viewer });
  });
}

export async function logout(db: Db, viewer: Viewer): Promise<Result<true>> {
  if (!viewer.sessionId)
    return userError("NOT_A_SESSION", "Only a log-in session can be logged out; revoke an API token instead.");
  const sessionId = viewer.sessionId;
  return mutate(db, async (tx) => {
    await tx.update(sessions).set({ endedAt: new Date() }).where(eq(sessions.id, sessionId));
    await recordAudit(tx, viewer, {
      action: "session.end",
      objectType: "Session",
      objectId: sessionId,
      organisationId: viewer.organisationId,
    });
    return ok(true as const);
  });
}

/** A user as a viewer acting without a session or token: for scripts such as the demo seed. */
export async function systemViewerOf(db: DbOrTx, email: string): Promise<Viewer | null> {
  const [found] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(users.email, email.trim().toLowerCase()));
  return found
    ? toViewer(found.user, found.organisation, { sessionId: null, apiTokenId: null, requestId: null })
    : null;
}

function toViewer(
  user: typeof users.$inferSelect,
  organisation: typeof organisations.$inferSelect,
  via: { sessionId: string | null; apiTokenId: string | null; requestId: string | null },
): Viewer {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: organisation.id,
    organisationKind: organisation.kind,
    ...via,
  };
}

/**
 * Ends every live session and API token of a user, in the caller's transaction: a change of the
 * user's access (deactivated, another role) takes effect at once. The API-token viewers cached for
 * the user are forgotten by the caller once that transaction is committed (apiTokenCache.forgetUser).
 */
export async function endUserAccess(tx: Tx, userId: string, at: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ endedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
  await tx
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.createdById, userId), isNull(apiTokens.revokedAt)));
}

/**
 * Ends every live session of the organisation's users and revokes every API token of the organisation, in the
 * caller's transaction (decision 0085: an organisation deactivated stops at once). Returns the tokens revoked; the
 * caller forgets the cached ones (apiTokenCache.forgetToken) once that transaction is committed.
 */
export async function endOrganisationAccess(tx: Tx, organisationId: string, at: Date): Promise<string[]> {
  const members = tx.select({ id: users.id }).from(users).where(eq(users.organisationId, organisationId));
  await tx
    .update(sessions)
    .set({ endedAt: at })
    .where(and(inArray(sessions.userId, members), isNull(sessions.endedAt)));
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.organisationId, organisationId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.map((t) => t.id);
}

/** A former user's sessions keep when they were, not where from (decision 0086): the IP and browser are cleared. */
export async function forgetSessionOrigins(tx: Tx, userId: string): Promise<void> {
  await tx.update(sessions).set({ ipAddress: null, userAgent: null }).where(eq(sessions.userId, userId));
}

/**
 * Ends the user's other sessions after a password change: whoever else held one must log in with the
 * new password. API tokens stay: they are integrations, and the current password was given.
 */
export async function endOtherSessions(tx: Tx, userId: string, keepSessionId: string | null, at: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ endedAt: at })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    );
}

/** The viewer behind a bearer token: a live session or an unrevoked API token; otherwise null. */
export async function authenticate(db: Db, token: string, requestId: string | null): Promise<Viewer | null> {
  const tokenHash = hashToken(token);
  const now = new Date();
  if (token.startsWith(SESSION_PREFIX)) {
    const [row] = await db
      .select({ session: sessions, user: users, organisation: organisations })
      .from(sessions)
      .innerJoin(users, eq(sessions.userId, users.id))
      .innerJoin(organisations, eq(users.organisationId, organisations.id))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNull(sessions.endedAt),
          gt(sessions.expiresAt, now),
          isNull(users.deactivatedAt),
          isNull(organisations.deactivatedAt),
        ),
      );
    return row
      ? toViewer(row.user, row.organisation, { sessionId: row.session.id, apiTokenId: null, requestId })
      : null;
  }
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const cached = apiTokenCache.get(tokenHash, now.getTime());
    if (cached) return { ...cached, requestId };
    const generation = apiTokenCache.begin();
    const [row] = await db
      .select({ token: apiTokens, user: users, organisation: organisations })
      .from(apiTokens)
      .innerJoin(users, eq(apiTokens.createdById, users.id))
      .innerJoin(organisations, eq(apiTokens.organisationId, organisations.id))
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
          isNull(users.deactivatedAt),
          isNull(organisations.deactivatedAt),
        ),
      );
    if (!row) return null;
    // Once a minute is precise enough for "last used", and spares a write per request: the row just
    // read says whether it is due, and the condition keeps concurrent requests from all writing.
    const due = new Date(now.getTime() - LAST_USED_PRECISION_MS);
    if (!row.token.lastUsedAt || row.token.lastUsedAt < due) {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(and(eq(apiTokens.id, row.token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, due))));
    }
    const viewer = {
      ...toViewer(row.user, row.organisation, { sessionId: null, apiTokenId: row.token.id, requestId }),
      apiTokenScopes: row.token.scopes,
    };
    apiTokenCache.store(tokenHash, viewer, { generation, now: now.getTime(), tokenExpiresAt: row.token.expiresAt });
    return viewer;
  }
  return null;
}

/** The longest an API token may live: a forgotten integration's token does not work for ever. */
const API_TOKEN_MAX_DAYS = 366;

export async function createApiToken(
  db: Db,
  viewer: Viewer,
  input: { name: string; expiresAt?: Date | null; scopes?: readonly string[] | null },
): Promise<Result<{ token: ApiTokenRow; secret: string }>> {
  requireRole(viewer, TOKEN_MANAGERS);
  const name = input.name.trim();
  if (!isReadableName(name))
    return userError("INVALID_INPUT", "Give the token a name that says where it is used.", ["input", "name"]);
  const scopes = grantableScopes(viewer, input.scopes);
  if ("errors" in scopes) return scopes;
  const expiresAt = input.expiresAt ?? null;
  if (
    expiresAt &&
    (expiresAt.getTime() <= Date.now() || expiresAt.getTime() > Date.now() + API_TOKEN_MAX_DAYS * 86_400_000)
  ) {
    return userError(
      AccessErrors.INVALID_EXPIRY,
      `The expiry must be in the future and at most ${API_TOKEN_MAX_DAYS} days away.`,
      ["input", "expiresAt"],
    );
  }
  const secret = newSecret(API_TOKEN_PREFIX);
  return mutate(db, async (tx) => {
    const [token] = await tx
      .insert(apiTokens)
      .values({
        organisationId: viewer.organisationId,
        createdById: viewer.userId,
        name,
        prefix: secret.slice(0, 10),
        tokenHash: hashToken(secret),
        expiresAt,
        scopes: scopes.ok,
      })
      .returning();
    await recordAudit(tx, viewer, {
      action: "apiToken.create",
      objectType: "ApiToken",
      objectId: token!.id,
      organisationId: viewer.organisationId,
      details: { name, expiresAt: expiresAt?.toISOString() ?? null, scopes: scopes.ok },
    });
    return ok({ token: token!, secret });
  });
}

function tokenScope(viewer: Viewer) {
  return holds(viewer, TOKEN_MANAGERS_OF_EVERY_TENANT)
    ? undefined
    : eq(apiTokens.organisationId, viewer.organisationId);
}

export async function revokeApiToken(
  db: Db,
  viewer: Viewer,
  input: { apiTokenId: string },
): Promise<Result<ApiTokenRow>> {
  requireRole(viewer, TOKEN_MANAGERS);
  const result = await mutate(db, async (tx) => {
    const [existing] = await tx
      .select()
      .from(apiTokens)
      .where(and(tokenScope(viewer), eq(apiTokens.id, input.apiTokenId)));
    if (!existing) return userError(AccessErrors.NOT_FOUND, "No such API token.", ["input", "apiTokenId"]);
    if (existing.revokedAt)
      return userError(AccessErrors.ALREADY_REVOKED, "The API token is already revoked.", ["input", "apiTokenId"]);
    const [token] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.id, existing.id))
      .returning();
    await recordAudit(tx, viewer, {
      action: "apiToken.revoke",
      objectType: "ApiToken",
      objectId: existing.id,
      organisationId: existing.organisationId,
      details: { name: existing.name },
    });
    return ok(token!);
  });
  // Once committed, so that no request can read the token as it was and cache it again.
  apiTokenCache.forgetToken(input.apiTokenId);
  return result;
}

export async function findApiToken(db: Db, viewer: Viewer, id: string): Promise<ApiTokenRow | null> {
  if (!holds(viewer, TOKEN_MANAGERS)) return null;
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(tokenScope(viewer), eq(apiTokens.id, id)));
  return row ?? null;
}

export async function listApiTokens(db: Db, viewer: Viewer, page: PageRequest): Promise<Connection<ApiTokenRow>> {
  requireRole(viewer, TOKEN_MANAGERS);
  const where = tokenScope(viewer);
  return paginate(
    page,
    async () => db.$count(apiTokens, where),
    (offset, limit) =>
      db
        .select()
        .from(apiTokens)
        .where(where)
        .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
        .offset(offset)
        .limit(limit),
    (row) => row,
  );
}
