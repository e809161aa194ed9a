import { and, eq, inArray, isNull, notExists } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { notificationOptOuts, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import type { Viewer } from "../../shared/viewer.js";
import { NotificationErrors as E } from "./notification.errors.js";
import { NOTIFICATION_TOPICS, topicsFor, type NotificationTopic } from "./notification-topics.js";

export interface NotificationPreference {
  topic: NotificationTopic;
  enabled: boolean;
}

/** The caller's own choices: every topic their role is mailed about, on unless they turned it off. */
export async function preferencesOf(db: DbOrTx, viewer: Viewer): Promise<NotificationPreference[]> {
  const topics = topicsFor(viewer.role);
  if (topics.length === 0) return [];
  const off = new Set(
    (
      await db
        .select({ topic: notificationOptOuts.topic })
        .from(notificationOptOuts)
        .where(eq(notificationOptOuts.userId, viewer.userId))
    ).map((r) => r.topic),
  );
  return topics.map((topic) => ({ topic, enabled: !off.has(topic) }));
}

/**
 * Turns topics on or off for the caller alone: there is no user argument, so nobody sets another
 * person's mail. Topics left out keep their setting. A topic the role is never mailed about is a
 * userError, not a silent no-op, so a client learns it offered something that does nothing.
 */
export async function updateNotificationPreferences(
  db: DbOrTx,
  viewer: Viewer,
  input: { preferences: readonly NotificationPreference[] },
): Promise<Result<NotificationPreference[]>> {
  const mine = new Set(topicsFor(viewer.role));
  const seen = new Set<NotificationTopic>();
  for (const [i, p] of input.preferences.entries()) {
    if (seen.has(p.topic))
      return userError(E.DUPLICATE_TOPIC, `${p.topic} is given more than once.`, ["input", "preferences", `${i}`]);
    seen.add(p.topic);
    if (!mine.has(p.topic))
      return userError(E.TOPIC_NOT_AVAILABLE, `Your role is not e-mailed about ${p.topic}.`, [
        "input",
        "preferences",
        `${i}`,
        "topic",
      ]);
  }
  return mutate(db, async (tx) => {
    const off = input.preferences.filter((p) => !p.enabled).map((p) => p.topic);
    const on = input.preferences.filter((p) => p.enabled).map((p) => p.topic);
    if (off.length)
      await tx
        .insert(notificationOptOuts)
        .values(off.map((topic) => ({ userId: viewer.userId, topic })))
        .onConflictDoNothing();
    if (on.length)
      await tx
        .delete(notificationOptOuts)
        .where(and(eq(notificationOptOuts.userId, viewer.userId), inArray(notificationOptOuts.topic, on)));
    await recordAudit(tx, viewer, {
      action: "notification.preferences",
      objectType: "User",
      objectId: viewer.userId,
      organisationId: viewer.organisationId,
      details: { off, on },
    });
    return ok(await preferencesOf(tx, viewer));
  });
}

export interface NotificationRecipient {
  userId: string;
  email: string;
  name: string;
  /** The language their mail is worded in. */
  language: "SV" | "EN";
}

/** Active users of a role the topic is for, who have not turned it off. */
function wanting(db: DbOrTx, topic: NotificationTopic) {
  return and(
    inArray(users.role, [...NOTIFICATION_TOPICS[topic].receivers]),
    isNull(users.deactivatedAt),
    notExists(
      db
        .select({ one: notificationOptOuts.userId })
        .from(notificationOptOuts)
        .where(and(eq(notificationOptOuts.userId, users.id), eq(notificationOptOuts.topic, topic))),
    ),
  );
}

/**
 * Who of these organisations gets a mail on a topic: active users of a role the topic is for, who
 * have not turned it off. The caller names the organisations (a property's customer and installer).
 */
export async function recipientsOf(
  db: DbOrTx,
  topic: NotificationTopic,
  organisationIds: readonly string[],
): Promise<NotificationRecipient[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select({ userId: users.id, email: users.email, name: users.name, language: users.language })
    .from(users)
    .where(and(inArray(users.organisationId, [...organisationIds]), wanting(db, topic)))
    .orderBy(users.email);
}

/** The same choice for named people (an agreement's seller), who are mailed as themselves, not as an organisation. */
export async function usersWanting(
  db: DbOrTx,
  topic: NotificationTopic,
  userIds: readonly string[],
): Promise<NotificationRecipient[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: users.id, email: users.email, name: users.name, language: users.language })
    .from(users)
    .where(and(inArray(users.id, [...userIds]), wanting(db, topic)))
    .orderBy(users.email);
}
