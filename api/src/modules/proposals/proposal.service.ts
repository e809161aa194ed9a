import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client.js";
import { agreementProposals, agreements, organisations, properties } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { paginate, type Connection, type PageRequest } from "../../shared/connection.js";
import type { IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { propertyScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { isVendorStaff, requireRole, type Viewer } from "../../shared/viewer.js";
import { activateAgreement, createAgreement } from "../agreements/index.js";
import { findOrganisation } from "../parties/index.js";
import { mailProposalStep } from "./proposal-mail.js";
import { ProposalErrors as E } from "./proposal.errors.js";
import { PROPOSAL_DECIDERS, PROPOSERS } from "./proposal.roles.js";
import type { ProposalStatus } from "./proposal.enums.js";

/*
 * A partner's agreement proposal and its two ends (decision 0070): the seller activates an agreement
 * made from it, or declines it with a reason. Each step is audited and mailed to the partner and the customer.
 */

export type ProposalRow = typeof agreementProposals.$inferSelect;
export interface ListedProposal extends ProposalRow {
  customerName: string;
  partnerName: string;
  agreementNumber: string | null;
  properties: { id: string; name: string }[];
}
type TierCode = ProposalRow["tier"];

/** The vendor sees every proposal; a partner those it made; a customer those made for it. */
function proposalScope(v: Viewer): SQL | undefined {
  if (isVendorStaff(v)) return undefined;
  if (v.organisationKind === "PARTNER") return eq(agreementProposals.partnerId, v.organisationId);
  return eq(agreementProposals.customerId, v.organisationId);
}

const partnerOrg = alias(organisations, "partner_org");

async function listed(db: DbOrTx, where: SQL | undefined, offset = 0, limit = 1): Promise<ListedProposal[]> {
  const rows = await db
    .select({
      proposal: agreementProposals,
      customerName: organisations.name,
      partnerName: partnerOrg.name,
      agreementNumber: agreements.number,
    })
    .from(agreementProposals)
    .innerJoin(organisations, eq(organisations.id, agreementProposals.customerId))
    .innerJoin(partnerOrg, eq(partnerOrg.id, agreementProposals.partnerId))
    .leftJoin(agreements, eq(agreements.id, agreementProposals.agreementId))
    .where(where)
    .orderBy(desc(agreementProposals.createdAt), desc(agreementProposals.id))
    .offset(offset)
    .limit(limit);
  const ids = [...new Set(rows.flatMap((r) => r.proposal.propertyIds))];
  const named = ids.length
    ? await db.select({ id: properties.id, name: properties.name }).from(properties).where(inArray(properties.id, ids))
    : [];
  const nameOf = new Map(named.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    ...r.proposal,
    customerName: r.customerName,
    partnerName: r.partnerName,
    agreementNumber: r.agreementNumber,
    properties: r.proposal.propertyIds.map((id) => ({ id, name: nameOf.get(id) ?? "" })),
  }));
}

export async function findProposal(db: DbOrTx, viewer: Viewer, id: string): Promise<ListedProposal | null> {
  const [row] = await listed(db, and(proposalScope(viewer), eq(agreementProposals.id, id)));
  return row ?? null;
}

/** Newest first; the vendor's worklist asks for those still PROPOSED. */
export async function listProposals(
  db: Db,
  viewer: Viewer,
  filter: { status?: ProposalStatus[] | null },
  page: PageRequest,
): Promise<Connection<ListedProposal>> {
  const where = and(
    proposalScope(viewer),
    filter.status?.length ? inArray(agreementProposals.status, filter.status) : undefined,
  );
  return paginate(
    page,
    async () => db.$count(agreementProposals, where),
    (offset, limit) => listed(db, where, offset, limit),
    (r) => r,
  );
}

export interface ProposeInput {
  customerId: string;
  tier: TierCode;
  propertyIds: string[];
  wishedStartOn: IsoDate;
  message?: string | null;
}

/**
 * A partner admin proposes an agreement for one of its customers: one whose properties it installs for
 * or whose agreements it signed (the organisation scope). Another partner's customer answers as a missing one.
 */
export async function proposeAgreement(
  db: Db,
  viewer: Viewer,
  input: ProposeInput,
  clock: Clock,
): Promise<Result<ListedProposal>> {
  requireRole(viewer, PROPOSERS);
  const customer = await findOrganisation(db, viewer, input.customerId);
  if (!customer || customer.kind === "VENDOR")
    return userError(E.NOT_FOUND, "No such customer.", ["input", "customerId"]);
  if (customer.kind !== "CUSTOMER")
    return userError(E.NOT_A_CUSTOMER, `${customer.name} is not a customer.`, ["input", "customerId"]);
  // A deactivated customer is never again a party to an agreement (decision 0085): the seller could not activate it.
  if (customer.deactivatedAt)
    return userError(E.ORGANISATION_DEACTIVATED, `${customer.name} is deactivated.`, ["input", "customerId"]);
  const propertyIds = [...new Set(input.propertyIds)];
  if (propertyIds.length === 0)
    return userError(E.NO_PROPERTIES, "An agreement covers at least one property.", ["input", "propertyIds"]);
  const seen = await db
    .select({ id: properties.id })
    .from(properties)
    .where(and(inArray(properties.id, propertyIds), eq(properties.customerId, customer.id), propertyScope(viewer)));
  if (seen.length !== propertyIds.length)
    return userError(E.PROPERTY_NOT_OF_CUSTOMER, `Every property must be one of ${customer.name}'s that you serve.`, [
      "input",
      "propertyIds",
    ]);
  if (input.wishedStartOn < clock.today)
    return userError(E.START_IN_PAST, `The wished start must be ${clock.today} or later.`, ["input", "wishedStartOn"]);
  const message = input.message?.trim() || null;
  return mutate(db, async (tx) => {
    const [row] = await tx
      .insert(agreementProposals)
      .values({
        customerId: customer.id,
        partnerId: viewer.organisationId,
        proposedById: viewer.userId,
        tier: input.tier,
        propertyIds,
        wishedStartOn: input.wishedStartOn,
        message,
      })
      .returning();
    await recordAudit(tx, viewer, {
      action: "proposal.create",
      objectType: "AgreementProposal",
      objectId: row!.id,
      organisationId: customer.id,
      details: { tier: input.tier, propertyIds, wishedStartOn: input.wishedStartOn },
    });
    const proposal = (await findProposal(tx, viewer, row!.id))!;
    await mailProposalStep(tx, proposal, proposal, { kind: "PROPOSED" });
    return ok(proposal);
  });
}

/** Locks an undecided proposal for its deciding step; a decided one is refused, a missing one not found. */
async function lockUndecided(tx: DbOrTx, viewer: Viewer, id: string): Promise<Result<ListedProposal>> {
  const [locked] = await tx
    .select({ id: agreementProposals.id })
    .from(agreementProposals)
    .where(and(proposalScope(viewer), eq(agreementProposals.id, id)))
    .for("update");
  const p = locked && (await findProposal(tx, viewer, locked.id));
  if (!p) return userError(E.NOT_FOUND, "No such proposal.", ["input", "proposalId"]);
  if (p.status !== "PROPOSED")
    return userError(E.PROPOSAL_DECIDED, `The proposal is already ${p.status.toLowerCase()}.`, ["input", "proposalId"]);
  return ok(p);
}

export interface ActivateProposalInput {
  proposalId: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  tier?: TierCode | null;
}

/**
 * The seller completes the proposal with the period (and may change the tier) and activates it in one
 * step: the agreement is made and activated by the agreements module's own rules, with the partner as signer.
 */
export async function activateProposal(
  db: Db,
  viewer: Viewer,
  input: ActivateProposalInput,
  clock: Clock,
): Promise<Result<ListedProposal>> {
  requireRole(viewer, PROPOSAL_DECIDERS);
  return mutate(db, async (tx) => {
    const locked = await lockUndecided(tx, viewer, input.proposalId);
    if ("errors" in locked) return locked;
    const p = locked.ok;
    const made = await createAgreement(
      tx,
      viewer,
      {
        customerId: p.customerId,
        partnerId: p.partnerId,
        tier: input.tier ?? p.tier,
        propertyIds: p.propertyIds,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      },
      clock,
    );
    if ("errors" in made) return made;
    const active = await activateAgreement(tx, viewer, { agreementId: made.ok.id }, clock);
    if ("errors" in active) return active;
    await tx
      .update(agreementProposals)
      .set({ status: "ACTIVATED", agreementId: made.ok.id, decidedById: viewer.userId, decidedAt: new Date() })
      .where(eq(agreementProposals.id, p.id));
    await recordAudit(tx, viewer, {
      action: "proposal.activate",
      objectType: "AgreementProposal",
      objectId: p.id,
      organisationId: p.customerId,
      details: { agreementId: made.ok.id, number: made.ok.number },
    });
    await mailProposalStep(tx, p, p, {
      kind: "ACTIVATED",
      agreementNumber: made.ok.number,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
    return ok((await findProposal(tx, viewer, p.id))!);
  });
}

/** A declined proposal says why, so the partner can propose again with what was missing. */
export async function declineProposal(
  db: Db,
  viewer: Viewer,
  input: { proposalId: string; reason: string },
): Promise<Result<ListedProposal>> {
  requireRole(viewer, PROPOSAL_DECIDERS);
  const reason = input.reason.trim();
  return mutate(db, async (tx) => {
    const locked = await lockUndecided(tx, viewer, input.proposalId);
    if ("errors" in locked) return locked;
    if (!reason) return userError(E.INVALID_INPUT, "Say why the proposal is declined.", ["input", "reason"]);
    const p = locked.ok;
    await tx
      .update(agreementProposals)
      .set({ status: "DECLINED", declineReason: reason, decidedById: viewer.userId, decidedAt: new Date() })
      .where(eq(agreementProposals.id, p.id));
    await recordAudit(tx, viewer, {
      action: "proposal.decline",
      objectType: "AgreementProposal",
      objectId: p.id,
      organisationId: p.customerId,
      details: { reason },
    });
    await mailProposalStep(tx, p, p, { kind: "DECLINED", reason });
    return ok((await findProposal(tx, viewer, p.id))!);
  });
}
