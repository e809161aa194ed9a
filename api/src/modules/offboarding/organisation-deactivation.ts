import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { agreements, apiTokens, organisations, properties, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { ok, userError, type Result, type UserError } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { apiTokenCache, endOrganisationAccess } from "../access/index.js";
import { revokeOpenInvitations } from "../accounts/index.js";
import {
  changeAgreementParties,
  selectAgreements,
  terminateAgreement,
  type AgreementRecord,
} from "../agreements/index.js";
import { closeOrganisation } from "../parties/index.js";
import { OffboardingErrors as E } from "./offboarding.errors.js";
import { ORGANISATION_DEACTIVATORS } from "./offboarding.roles.js";

type OrganisationRow = typeof organisations.$inferSelect;

export interface DeactivationChoice {
  organisationId: string;
  /** A partner's agreements go to this partner; null or omitted: they are terminated. Customers: must be absent. */
  receivingPartnerId?: string | null;
}

/** What happens to one agreement: terminated today, handed to the receiving partner, or (a draft) kept. */
export type AgreementOutcome = "TERMINATED" | "HANDED_OVER" | "KEPT_AS_DRAFT";

export interface DeactivationEffect {
  organisation: OrganisationRow;
  receivingPartner: OrganisationRow | null;
  /** Active users whose log-in, sessions and API tokens end. */
  users: { id: string; name: string; email: string; role: string }[];
  /** Live API tokens of the organisation, revoked with it. */
  apiTokens: { id: string; name: string; prefix: string }[];
  agreements: { agreement: AgreementRecord; outcome: AgreementOutcome; terminatesOn: string | null }[];
  /** Properties it owns (a customer) or installed (a partner): kept as they are, with their history. */
  propertiesKept: number;
}

const notFound = () => userError(E.NOT_FOUND, "No such organisation.", ["input", "organisationId"]);

/**
 * The one function behind the preview and the change (decision 0085): the checks and the effect, read inside the
 * change's transaction with the organisation locked, so what the preview showed is what the change does.
 */
async function deactivationEffect(
  db: DbOrTx,
  choice: DeactivationChoice,
  clock: Clock,
  lock: boolean,
): Promise<Result<DeactivationEffect>> {
  const query = db.select().from(organisations).where(eq(organisations.id, choice.organisationId));
  const [org] = lock ? await query.for("update") : await query;
  if (!org) return notFound();
  if (org.kind === "VENDOR")
    return userError(E.VENDOR_NOT_DEACTIVATED, "The vendor's own organisation is never deactivated.", [
      "input",
      "organisationId",
    ]);
  if (org.deactivatedAt)
    return userError(E.ALREADY_DEACTIVATED, `${org.name} is already deactivated.`, ["input", "organisationId"]);
  const receiving = await receivingPartnerOf(db, org, choice.receivingPartnerId ?? null);
  if (receiving && "errors" in receiving) return receiving;
  const receivingPartner = receiving?.ok ?? null;
  const members = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.organisationId, org.id), isNull(users.deactivatedAt)))
    .orderBy(users.name);
  const tokens = await db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.organisationId, org.id),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
      ),
    )
    .orderBy(apiTokens.name);
  const party = org.kind === "PARTNER" ? agreements.partnerId : agreements.customerId;
  const records = await selectAgreements(db, eq(party, org.id), clock);
  const affected = records
    .filter((a) => a.status === "ACTIVE" || a.status === "EXPIRING" || a.status === "DRAFT")
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((agreement) => {
      const outcome: AgreementOutcome = receivingPartner
        ? "HANDED_OVER"
        : agreement.status === "DRAFT"
          ? "KEPT_AS_DRAFT"
          : "TERMINATED";
      // A valid agreement ends today, or on its first day if it has not begun (the termination rule's range).
      const terminatesOn =
        outcome === "TERMINATED" ? (agreement.startsOn > clock.today ? agreement.startsOn : clock.today) : null;
      return { agreement, outcome, terminatesOn };
    });
  const owner = org.kind === "PARTNER" ? properties.installerId : properties.customerId;
  const [kept] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(properties)
    .where(eq(owner, org.id));
  return ok({
    organisation: org,
    receivingPartner,
    users: members,
    apiTokens: tokens,
    agreements: affected,
    propertiesKept: kept?.n ?? 0,
  });
}

async function receivingPartnerOf(
  db: DbOrTx,
  org: OrganisationRow,
  partnerId: string | null,
): Promise<Result<OrganisationRow> | null> {
  if (!partnerId) return null;
  const field = ["input", "receivingPartnerId"];
  if (org.kind !== "PARTNER")
    return userError(
      E.RECEIVING_PARTNER_NOT_ALLOWED,
      "Only a partner's agreements are handed to another partner.",
      field,
    );
  const [partner] = await db.select().from(organisations).where(eq(organisations.id, partnerId));
  if (!partner) return userError(E.NOT_FOUND, "No such partner.", field);
  if (partner.kind !== "PARTNER" || partner.id === org.id)
    return userError(E.NOT_A_PARTNER, `${partner.name} cannot take over these agreements.`, field);
  if (partner.deactivatedAt) return userError(E.ORGANISATION_DEACTIVATED, `${partner.name} is deactivated.`, field);
  return ok(partner);
}

/** The preview: what `deactivateOrganisation` would do, done by nobody. Vendor admins only. */
export async function previewOrganisationDeactivation(
  db: Db,
  viewer: Viewer,
  choice: DeactivationChoice,
  clock: Clock,
): Promise<Result<DeactivationEffect>> {
  requireRole(viewer, ORGANISATION_DEACTIVATORS);
  return deactivationEffect(db, choice, clock, false);
}

export interface DeactivateOrganisationInput extends DeactivationChoice {
  expectedVersion: number;
  /** Why: kept in the audit trail and as the terminated agreements' reason. */
  reason: string;
}

/**
 * Deactivates the organisation in one transaction: the effect above, done. Its users and API tokens stop at once,
 * its open invitations are revoked, its agreements are terminated or handed over through the agreements' own rules
 * (so each is versioned, audited and told to webhooks as any other), and the whole is audited before/after.
 */
export async function deactivateOrganisation(
  db: Db,
  viewer: Viewer,
  input: DeactivateOrganisationInput,
  clock: Clock,
): Promise<Result<DeactivationEffect>> {
  requireRole(viewer, ORGANISATION_DEACTIVATORS);
  const reason = input.reason.trim();
  if (reason.length < 3)
    return userError(E.INVALID_INPUT, "Say why the organisation is deactivated.", ["input", "reason"]);
  let revokedTokens: string[] = [];
  const result = await mutate(db, async (tx) => {
    const effect = await deactivationEffect(tx, input, clock, true);
    if ("errors" in effect) return effect;
    const { organisation: org } = effect.ok;
    if (org.version !== input.expectedVersion)
      return userError(
        E.STALE_VERSION,
        `The organisation changed since you read it (version ${org.version}, not ${input.expectedVersion}).`,
        ["input", "expectedVersion"],
      );
    const refused = await settleAgreements(tx, viewer, effect.ok, reason, clock);
    if (refused) return { errors: refused };
    const now = new Date();
    const left = await closeOrganisation(tx, viewer, org.id, now);
    revokedTokens = await endOrganisationAccess(tx, org.id, now);
    const invitationsRevoked = await revokeOpenInvitations(tx, org.id, now);
    await recordAudit(tx, viewer, {
      action: "organisation.deactivate",
      objectType: "Organisation",
      objectId: org.id,
      organisationId: org.id,
      details: {
        reason,
        before: { deactivatedAt: null, version: org.version },
        after: { deactivatedAt: now.toISOString(), version: org.version + 1 },
        usersDeactivated: left.map((u) => u.id),
        apiTokensRevoked: revokedTokens,
        invitationsRevoked,
        agreements: effect.ok.agreements.map((a) => ({ id: a.agreement.id, outcome: a.outcome })),
        receivingPartnerId: effect.ok.receivingPartner?.id ?? null,
      },
    });
    const [after] = await tx.select().from(organisations).where(eq(organisations.id, org.id));
    return ok({ ...effect.ok, organisation: after! });
  });
  // Once committed: this process's cached API-token viewers of the organisation are gone at once.
  if ("ok" in result) {
    for (const id of revokedTokens) apiTokenCache.forgetToken(id);
    for (const u of result.ok.users) apiTokenCache.forgetUser(u.id);
  }
  return result;
}

/** Terminates or hands over each agreement through the agreements module's own rules, in this transaction. */
async function settleAgreements(
  tx: Tx,
  viewer: Viewer,
  effect: DeactivationEffect,
  reason: string,
  clock: Clock,
): Promise<UserError[] | null> {
  for (const { agreement: a, outcome, terminatesOn } of effect.agreements) {
    const done =
      outcome === "HANDED_OVER"
        ? await changeAgreementParties(
            tx,
            viewer,
            { agreementId: a.id, expectedVersion: a.version, partnerId: effect.receivingPartner!.id },
            clock,
          )
        : outcome === "TERMINATED"
          ? await terminateAgreement(
              tx,
              viewer,
              {
                agreementId: a.id,
                expectedVersion: a.version,
                terminatesOn: terminatesOn!,
                reason: `${effect.organisation.name} deactivated: ${reason}`,
              },
              clock,
            )
          : null;
    if (done && "errors" in done) return done.errors;
  }
  return null;
}

/** Deactivated organisations, latest first: the vendor admins' dashboard lists them. */
export async function deactivatedOrganisations(db: Db, viewer: Viewer, limit: number): Promise<OrganisationRow[]> {
  requireRole(viewer, ORGANISATION_DEACTIVATORS);
  return db
    .select()
    .from(organisations)
    .where(sql`${organisations.deactivatedAt} is not null`)
    .orderBy(sql`${organisations.deactivatedAt} desc`)
    .limit(limit);
}
