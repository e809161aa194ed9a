import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { invitations, organisations, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { paginate, type Connection, type PageRequest } from "../../shared/connection.js";
import { forbidden, ok, userError, type Result } from "../../shared/errors.js";
import { hashPassword } from "../../shared/password.js";
import { hashToken, newSecret } from "../../shared/secret-token.js";
import { isReadableName } from "../../shared/text-rule.js";
import { isUniqueViolation, mutate } from "../../shared/transaction.js";
import {
  ROLES_BY_KIND,
  holds,
  requireRole,
  type OrganisationKind,
  type Role,
  type Viewer,
} from "../../shared/viewer.js";
import { queueMail } from "../notifications/index.js";
import {
  CUSTOMER_USER_INVITERS,
  INVITERS,
  PartyErrors,
  addInvitedUser,
  emailInUse,
  findOrganisation,
  invitationReach,
  mayInviteUserIn,
  passwordProblem,
} from "../parties/index.js";
import { apiTokenCache } from "../access/index.js";
import { INVITATION_MAIL } from "./account.mails.js";
import { completeHandover } from "./board-handover-completion.js";
import { AccountErrors } from "./accounts.errors.js";
import { INVITATION_DAYS } from "./account-lifetimes.js";

export type InvitationRow = typeof invitations.$inferSelect;
const INVITATION_PREFIX = "tgi_";

/** What the services need beyond the database: the request's instant and where the portal is. */
export interface AccountSettings {
  now: Date;
  portalUrl: string;
}

const expiryFrom = (now: Date) => new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
const linkOf = (portalUrl: string, token: string) => `${portalUrl}/invitation/${token}`;

/** Invitations the viewer may manage: a vendor admin's anywhere, a seller's customers', the others' their own. */
function invitationScope(viewer: Viewer) {
  return invitationReach(viewer, invitations.organisationId);
}

/**
 * The invitee is no user yet, so has no language of their own: the mail is worded in the language of the admin who
 * invites (or resends), who knows the person (decision 0089).
 */
async function mailInvitation(tx: Tx, viewer: Viewer, row: InvitationRow, token: string, settings: AccountSettings) {
  const [organisation] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, row.organisationId));
  const [inviter] = await tx.select({ language: users.language }).from(users).where(eq(users.id, viewer.userId));
  await queueMail(
    tx,
    INVITATION_MAIL,
    { email: row.email, language: inviter?.language ?? "SV" },
    {
      name: row.name,
      organisationName: organisation!.name,
      role: row.role,
      invitedBy: viewer.name,
      link: linkOf(settings.portalUrl, token),
      expiresAt: row.expiresAt,
    },
  );
}

export interface InviteUserInput {
  organisationId: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * Invites a person by e-mail: scoped as creating a user was (partner and customer admins: their own organisation), and
 * a seller into any customer (decision 0112).
 */
export async function inviteUser(
  db: Db,
  viewer: Viewer,
  settings: AccountSettings,
  input: InviteUserInput,
  /** More of the same transaction once the invitation row is in (a board handover records itself). */
  alongside?: (tx: Tx, row: InvitationRow) => Promise<void>,
): Promise<Result<InvitationRow>> {
  requireRole(viewer, INVITERS);
  const organisation = await findOrganisation(db, viewer, input.organisationId);
  // A seller sees the vendor and the partners, so being refused there is no secret; another tenant's organisation
  // answers as a missing one.
  if (organisation && !mayInviteUserIn(viewer, organisation) && holds(viewer, CUSTOMER_USER_INVITERS))
    throw forbidden();
  if (!organisation || !mayInviteUserIn(viewer, organisation))
    return userError(AccountErrors.NOT_FOUND, "No such organisation.", ["input", "organisationId"]);
  if (!ROLES_BY_KIND[organisation.kind].includes(input.role)) {
    return userError(
      AccountErrors.ROLE_NOT_ALLOWED_FOR_ORGANISATION,
      `A ${organisation.kind.toLowerCase()} user can have the roles ${ROLES_BY_KIND[organisation.kind].join(", ")}, not ${input.role}.`,
      ["input", "role"],
    );
  }
  const name = input.name.trim();
  if (!isReadableName(name))
    return userError("INVALID_INPUT", "The name must contain at least one letter or digit.", ["input", "name"]);
  const email = input.email.trim().toLowerCase();
  const pending = userError(
    AccountErrors.INVITATION_PENDING,
    `${email} is already invited; resend or revoke that invitation.`,
    ["input", "email"],
  );
  const token = newSecret(INVITATION_PREFIX);
  try {
    return await mutate(db, async (tx) => {
      if (await emailInUse(tx, email, organisation.id))
        return userError(AccountErrors.EMAIL_TAKEN, `A user with the e-mail address ${email} already exists.`, [
          "input",
          "email",
        ]);
      const [open] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
      if (open) return pending;
      const [row] = await tx
        .insert(invitations)
        .values({
          organisationId: organisation.id,
          email,
          name,
          role: input.role,
          tokenHash: hashToken(token),
          invitedById: viewer.userId,
          createdAt: settings.now,
          sentAt: settings.now,
          expiresAt: expiryFrom(settings.now),
        })
        .returning();
      await mailInvitation(tx, viewer, row!, token, settings);
      await recordAudit(tx, viewer, {
        action: "invitation.create",
        objectType: "Invitation",
        objectId: row!.id,
        organisationId: organisation.id,
        details: { email, name, role: input.role, expiresAt: row!.expiresAt.toISOString() },
      });
      await alongside?.(tx, row!);
      return ok(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e, "invitations_open_email_key")) return pending;
    throw e;
  }
}

/** The open invitation the admin may manage, locked for the change. */
async function lockOpen(tx: Tx, viewer: Viewer, invitationId: string): Promise<Result<InvitationRow>> {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(invitationScope(viewer), eq(invitations.id, invitationId)))
    .for("update");
  if (!row || row.revokedAt)
    return userError(AccountErrors.NOT_FOUND, "No such open invitation.", ["input", "invitationId"]);
  if (row.acceptedAt)
    return userError(AccountErrors.INVITATION_ALREADY_ACCEPTED, "The invitation has been accepted.", [
      "input",
      "invitationId",
    ]);
  return ok(row);
}

/** A new link (the old one stops working) and 14 more days from now; the mail goes again. */
export async function resendInvitation(
  db: Db,
  viewer: Viewer,
  settings: AccountSettings,
  input: { invitationId: string },
): Promise<Result<InvitationRow>> {
  requireRole(viewer, INVITERS);
  const token = newSecret(INVITATION_PREFIX);
  return mutate(db, async (tx) => {
    const open = await lockOpen(tx, viewer, input.invitationId);
    if ("errors" in open) return open;
    const [row] = await tx
      .update(invitations)
      .set({ tokenHash: hashToken(token), sentAt: settings.now, expiresAt: expiryFrom(settings.now) })
      .where(eq(invitations.id, open.ok.id))
      .returning();
    await mailInvitation(tx, viewer, row!, token, settings);
    await recordAudit(tx, viewer, {
      action: "invitation.resend",
      objectType: "Invitation",
      objectId: row!.id,
      organisationId: row!.organisationId,
      details: { email: row!.email, expiresAt: row!.expiresAt.toISOString() },
    });
    return ok(row!);
  });
}

export async function revokeInvitation(
  db: Db,
  viewer: Viewer,
  settings: AccountSettings,
  input: { invitationId: string },
): Promise<Result<InvitationRow>> {
  requireRole(viewer, INVITERS);
  return mutate(db, async (tx) => {
    const open = await lockOpen(tx, viewer, input.invitationId);
    if ("errors" in open) return open;
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: settings.now })
      .where(eq(invitations.id, open.ok.id))
      .returning();
    await recordAudit(tx, viewer, {
      action: "invitation.revoke",
      objectType: "Invitation",
      objectId: row!.id,
      organisationId: row!.organisationId,
      details: { email: row!.email },
    });
    return ok(row!);
  });
}

/** One invitation the admin may manage (any state), or null. */
export async function findInvitation(db: Db, viewer: Viewer, id: string): Promise<InvitationRow | null> {
  if (!holds(viewer, INVITERS)) return null;
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(invitationScope(viewer), eq(invitations.id, id)));
  return row ?? null;
}

/** Open invitations (expired ones too, to resend), newest first. */
export async function listInvitations(
  db: Db,
  viewer: Viewer,
  filter: { organisationId?: string | null },
  page: PageRequest,
): Promise<Connection<InvitationRow>> {
  requireRole(viewer, INVITERS);
  const where = and(
    invitationScope(viewer),
    filter.organisationId ? eq(invitations.organisationId, filter.organisationId) : undefined,
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
  );
  return paginate(
    page,
    async () => db.$count(invitations, where),
    (offset, limit) =>
      db
        .select()
        .from(invitations)
        .where(where)
        .orderBy(desc(invitations.sentAt), desc(invitations.id))
        .offset(offset)
        .limit(limit),
    (row) => row,
  );
}

/** What the link opens, for the page where the invited person chooses a password. */
export interface InvitationByToken {
  invitation: InvitationRow;
  organisationName: string;
  organisationKind: OrganisationKind;
}

async function byToken(db: Db | Tx, token: string, now: Date, lock: boolean): Promise<Result<InvitationByToken>> {
  const query = db
    .select({ invitation: invitations, organisationName: organisations.name, organisationKind: organisations.kind })
    .from(invitations)
    .innerJoin(organisations, eq(invitations.organisationId, organisations.id))
    .where(eq(invitations.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for("update", { of: invitations }) : await query;
  if (!row || row.invitation.revokedAt)
    return userError(AccountErrors.INVITATION_INVALID, "The invitation link is not valid (revoked or replaced).", [
      "input",
      "token",
    ]);
  if (row.invitation.acceptedAt)
    return userError(AccountErrors.INVITATION_ALREADY_ACCEPTED, "The invitation has already been accepted.", [
      "input",
      "token",
    ]);
  if (row.invitation.expiresAt <= now)
    return userError(AccountErrors.INVITATION_EXPIRED, "The invitation has expired; ask for it to be sent again.", [
      "input",
      "token",
    ]);
  return ok(row);
}

export function invitationByToken(db: Db, token: string, now: Date): Promise<Result<InvitationByToken>> {
  return byToken(db, token, now, false);
}

/**
 * The invited person chooses a password and becomes a user; the link is used up in the same
 * transaction (the row is locked, so two tabs accepting at once make one user).
 */
export async function acceptInvitation(
  db: Db,
  settings: AccountSettings,
  input: { token: string; password: string },
): Promise<Result<typeof users.$inferSelect>> {
  let left: string[] = [];
  const peek = await byToken(db, input.token, settings.now, false);
  if ("errors" in peek) return peek;
  const { email, name } = peek.ok.invitation;
  const weak = passwordProblem(input.password, { email, name });
  if (weak) return userError(PartyErrors[weak.code], weak.message, ["input", "password"]);
  const passwordHash = await hashPassword(input.password);
  try {
    return await mutate(db, async (tx) => {
      const found = await byToken(tx, input.token, settings.now, true);
      if ("errors" in found) return found;
      const invitation = found.ok.invitation;
      if (await emailInUse(tx, invitation.email, invitation.organisationId))
        return userError(
          AccountErrors.EMAIL_TAKEN,
          `A user with the e-mail address ${invitation.email} already exists.`,
        );
      const user = await addInvitedUser(tx, {
        organisationId: invitation.organisationId,
        name: invitation.name,
        email: invitation.email,
        role: invitation.role,
        passwordHash,
      });
      await tx
        .update(invitations)
        .set({ acceptedAt: settings.now, userId: user.id })
        .where(eq(invitations.id, invitation.id));
      // The new user is the actor of their own acceptance; there is no session yet.
      const actor: Viewer = {
        userId: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        organisationId: user.organisationId,
        organisationKind: found.ok.organisationKind,
        sessionId: null,
        apiTokenId: null,
        requestId: null,
      };
      await recordAudit(tx, actor, [
        {
          action: "invitation.accept",
          objectType: "Invitation",
          objectId: invitation.id,
          organisationId: invitation.organisationId,
          details: { email: invitation.email },
        },
        {
          action: "user.create",
          objectType: "User",
          objectId: user.id,
          organisationId: invitation.organisationId,
          details: { name: user.name, email: user.email, role: user.role, invitationId: invitation.id },
        },
      ]);
      left = await completeHandover(tx, actor, invitation.id);
      return ok(user);
    });
  } catch (e) {
    if (isUniqueViolation(e, "users_email_key"))
      return userError(AccountErrors.EMAIL_TAKEN, "A user with this e-mail address already exists.");
    throw e;
  } finally {
    // Once committed (or not): a leaving board member's cached API tokens must not outlive the handover.
    for (const id of left) apiTokenCache.forgetUser(id);
  }
}
