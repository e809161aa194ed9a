import { and, desc, eq, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  apiTokens,
  auditEvents,
  emailOutbox,
  invitations,
  notificationOptOuts,
  organisations,
  passwordResets,
  sessions,
  supportCaseMessages,
  supportCases,
  users,
} from "../../db/schema/index.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { toGlobalId } from "../../shared/ids.js";
import { colleagueScope } from "../../shared/scope.js";
import { holds, type Viewer } from "../../shared/viewer.js";
import { PERSONAL_DATA_KEEPERS } from "./privacy.roles.js";

/** The newest actions listed under `activity`: enough to see what was done, bounded for a long-serving admin. */
const ACTIVITY_LIMIT = 5000;

/**
 * Everything Trygg holds about one person, as JSON (decision 0086; GDPR art. 15 and 20): their account, sessions,
 * API tokens, invitations, reset requests, mail sent to them, case messages they wrote and what they did. Another
 * person's data in the same rows (the details of an audit entry, a case's other messages) stays out. The caller may
 * export their own; an admin a user they manage (`PERSONAL_DATA_KEEPERS`). Anyone else's id answers NOT_FOUND, like a
 * missing one.
 */
export async function exportPersonalData(
  db: Db,
  viewer: Viewer,
  userId: string | null,
): Promise<Result<Record<string, unknown>>> {
  const id = userId ?? viewer.userId;
  const self = id === viewer.userId;
  const notFound = () => userError("NOT_FOUND", "No such user.", ["userId"]);
  if (!self && !holds(viewer, PERSONAL_DATA_KEEPERS)) return notFound();
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(and(eq(users.id, id), self ? undefined : colleagueScope(viewer)));
  if (!row) return notFound();
  const { user, organisation } = row;
  const [sessionRows, tokenRows, optOuts, invitationRows, resetRows, mails, messages, activity] = await Promise.all([
    db
      .select({
        startedAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        endedAt: sessions.endedAt,
        ipAddress: sessions.ipAddress,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.userId, id))
      .orderBy(desc(sessions.createdAt)),
    db
      .select({
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        scopes: apiTokens.scopes,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        expiresAt: apiTokens.expiresAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.createdById, id))
      .orderBy(desc(apiTokens.createdAt)),
    db.select({ topic: notificationOptOuts.topic }).from(notificationOptOuts).where(eq(notificationOptOuts.userId, id)),
    db
      .select({
        name: invitations.name,
        email: invitations.email,
        role: invitations.role,
        sentAt: invitations.sentAt,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
      })
      .from(invitations)
      .where(or(eq(invitations.userId, id), eq(invitations.email, user.email)))
      .orderBy(desc(invitations.createdAt)),
    db
      .select({
        requestedAt: passwordResets.createdAt,
        usedAt: passwordResets.usedAt,
        ipAddress: passwordResets.ipAddress,
      })
      .from(passwordResets)
      .where(eq(passwordResets.userId, id))
      .orderBy(desc(passwordResets.createdAt)),
    db
      .select({ subject: emailOutbox.subject, createdAt: emailOutbox.createdAt, sentAt: emailOutbox.sentAt })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, user.email))
      .orderBy(desc(emailOutbox.createdAt)),
    db
      .select({
        caseNumber: supportCases.number,
        writtenAt: supportCaseMessages.createdAt,
        body: supportCaseMessages.body,
      })
      .from(supportCaseMessages)
      .innerJoin(supportCases, eq(supportCaseMessages.caseId, supportCases.id))
      .where(eq(supportCaseMessages.authorUserId, id))
      .orderBy(desc(supportCaseMessages.createdAt)),
    db
      .select({ at: auditEvents.occurredAt, action: auditEvents.action, objectType: auditEvents.objectType })
      .from(auditEvents)
      .where(eq(auditEvents.actorUserId, id))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(ACTIVITY_LIMIT),
  ]);
  return ok({
    exportedAt: new Date().toISOString(),
    user: {
      id: toGlobalId("User", user.id),
      name: user.name,
      email: user.email,
      role: user.role,
      language: user.language,
      organisation: { name: organisation.name, kind: organisation.kind },
      createdAt: user.createdAt,
      deactivatedAt: user.deactivatedAt,
      anonymisedAt: user.anonymisedAt,
    },
    sessions: sessionRows,
    apiTokens: tokenRows,
    notificationOptOuts: optOuts.map((o) => o.topic),
    invitations: invitationRows,
    passwordResets: resetRows,
    mailsReceived: mails,
    supportCaseMessages: messages,
    activity,
  });
}
