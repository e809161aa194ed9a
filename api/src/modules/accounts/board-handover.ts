import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { boardHandovers, organisations } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { userError, type Result } from "../../shared/errors.js";
import { holds, requireRole, type Viewer } from "../../shared/viewer.js";
import { activeUsersOf, findOrganisation, ORGANISATION_ADMINS } from "../parties/index.js";
import { AccountErrors } from "./accounts.errors.js";
import { BOARD_RECOVERERS, HANDOVER_STARTERS, SUCCESSOR_ROLE } from "./accounts.roles.js";
import { inviteUser, type AccountSettings, type InvitationRow } from "./invitation.service.js";

/** The shortest reason a vendor's recovery accepts: a word or two of why, for whoever reads the audit trail later. */
const RECOVERY_REASON_MIN = 10;

export interface HandoverInput {
  name: string;
  email: string;
  /** Whether the admin starting it leaves once the successor has accepted. */
  leave: boolean;
}

/**
 * A board hands its organisation over: the successor is invited as the organisation's admin and, once they accept,
 * the admin who started it leaves if they said so (the last-admin rule can never bite: the successor is an admin by
 * then). The invitation is an ordinary one — resend and revoke work as for any — and the handover is written in its
 * transaction, so neither exists without the other.
 */
export async function startBoardHandover(
  db: Db,
  viewer: Viewer,
  settings: AccountSettings,
  input: HandoverInput,
): Promise<Result<InvitationRow>> {
  requireRole(viewer, HANDOVER_STARTERS);
  const role = SUCCESSOR_ROLE[viewer.organisationKind];
  if (!role) return userError(AccountErrors.NOT_A_BOARD, "Only a customer's or partner's admins hand over.");
  const invite = { organisationId: viewer.organisationId, name: input.name, email: input.email, role };
  return inviteUser(db, viewer, settings, invite, async (tx, invitation) => {
    const leavingUserIds = input.leave ? [viewer.userId] : [];
    const [row] = await tx
      .insert(boardHandovers)
      .values({
        organisationId: viewer.organisationId,
        invitationId: invitation.id,
        leavingUserIds,
        startedById: viewer.userId,
        createdAt: settings.now,
      })
      .returning();
    await recordAudit(tx, viewer, {
      action: "organisation.handoverStart",
      objectType: "Organisation",
      objectId: viewer.organisationId,
      organisationId: viewer.organisationId,
      details: { handoverId: row!.id, successor: invitation.email, leaving: leavingUserIds },
    });
  });
}

export interface RecoveryInput {
  organisationId: string;
  name: string;
  email: string;
  /** Why the vendor steps in (who asked, how they were verified): required, kept in the audit trail. */
  reason: string;
  /** Whether the organisation's present admins (unreachable, or gone) are deactivated once the successor accepts. */
  replaceAdmins: boolean;
}

/**
 * The vendor recovers a board left without a reachable admin (the only admin moved away with the password): a new
 * admin is invited as in a handover, with the vendor's reason in the audit trail, and — if asked — the present
 * admins leave when the new one accepts. Nothing changes until then, so a mistaken recovery is undone by revoking.
 */
export async function recoverBoard(
  db: Db,
  viewer: Viewer,
  settings: AccountSettings,
  input: RecoveryInput,
): Promise<Result<InvitationRow>> {
  requireRole(viewer, BOARD_RECOVERERS);
  const reason = input.reason.trim().replace(/\s+/g, " ");
  if (reason.length < RECOVERY_REASON_MIN)
    return userError(
      AccountErrors.RECOVERY_REASON_REQUIRED,
      `Say why the board is recovered (at least ${RECOVERY_REASON_MIN} characters): it is kept in the audit trail.`,
      ["input", "reason"],
    );
  const organisation = await findOrganisation(db, viewer, input.organisationId);
  if (!organisation) return userError(AccountErrors.NOT_FOUND, "No such organisation.", ["input", "organisationId"]);
  const role = SUCCESSOR_ROLE[organisation.kind];
  if (!role)
    return userError(AccountErrors.NOT_A_BOARD, "The vendor's own admins are invited directly.", [
      "input",
      "organisationId",
    ]);
  const invite = { organisationId: organisation.id, name: input.name, email: input.email, role };
  return inviteUser(db, viewer, settings, invite, async (tx, invitation) => {
    // Locked so an admin deactivated or added meanwhile is seen as it will be.
    await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, organisation.id))
      .for("update");
    const admins = (await activeUsersOf(tx, organisation.id)).filter((u) => holds(u, ORGANISATION_ADMINS));
    const leavingUserIds = input.replaceAdmins ? admins.map((u) => u.id) : [];
    const [row] = await tx
      .insert(boardHandovers)
      .values({
        organisationId: organisation.id,
        invitationId: invitation.id,
        leavingUserIds,
        startedById: viewer.userId,
        reason,
        createdAt: settings.now,
      })
      .returning();
    await recordAudit(tx, viewer, {
      action: "organisation.recoverAdmin",
      objectType: "Organisation",
      objectId: organisation.id,
      organisationId: organisation.id,
      details: {
        handoverId: row!.id,
        reason,
        successor: invitation.email,
        presentAdmins: admins.map((u) => u.email),
        replacing: input.replaceAdmins,
      },
    });
  });
}
