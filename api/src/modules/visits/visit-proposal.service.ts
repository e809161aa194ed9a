import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { agreements, users, visitTimeProposalLinks, visitTimeProposals } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { agreementScope } from "../../shared/scope.js";
import { hashToken, newSecret } from "../../shared/secret-token.js";
import { mutate } from "../../shared/transaction.js";
import { holds, requireRole, type Viewer } from "../../shared/viewer.js";
import { systemViewerOf } from "../access/index.js";
import { type AgreementRecord, findAgreement } from "../agreements/index.js";
import { mailOtherTimesAsked, mailVisitTimes } from "./visit-proposal-mail.js";
import { VisitErrors as E } from "./visit.errors.js";
import { VISIT_BOOKERS, VISIT_TIME_ANSWERERS } from "./visit.roles.js";
import { bookingProblem, bookVisit, lockVisit, moveVisit, type ServiceVisitRow } from "./visit.service.js";
import { customerAdmins } from "./visit-recipients.js";

export type VisitTimeProposalRow = typeof visitTimeProposals.$inferSelect;

/** What the services need beyond the database: the request's instant and where the portal is. */
export interface ProposalSettings {
  now: Date;
  portalUrl: string;
}

/** An answer link works for 14 days, never past the last time it offers (an invitation's lifetime, decision 0066). */
const PROPOSAL_LINK_DAYS = 14;
const LINK_PREFIX = "tgv_";
const MAX_TIMES = 3;

export interface ProposeInput {
  agreementId: string;
  propertyId: string;
  technicianId: string;
  times: Date[];
  note?: string | null;
}

/** The times as proposed: one to three, different, all ahead, earliest first; and the note within its limit. */
export function checkedTimes(
  input: { times: Date[]; note?: string | null },
  now: Date,
): Result<{ times: Date[]; note: string }> {
  const times = [...input.times].sort((a, b) => a.getTime() - b.getTime());
  if (times.length < 1 || times.length > MAX_TIMES || new Set(times.map((t) => t.getTime())).size !== times.length)
    return userError(E.INVALID_TIMES, "Propose one to three different times.", ["input", "times"]);
  if (times.some((t) => Number.isNaN(t.getTime()) || t.getTime() <= now.getTime()))
    return userError(E.TIME_IN_PAST, "Every proposed time must lie ahead.", ["input", "times"]);
  const note = input.note?.trim() ?? "";
  if (note.length > 1000) return userError(E.INVALID_INPUT, "A note is at most 1000 characters.", ["input", "note"]);
  return ok({ times, note });
}

/** A booking rule's refusal of one proposed time, said of the `times` field. */
export function ofTimes(bad: { errors: ReturnType<typeof userError>["errors"] }) {
  return { errors: bad.errors.map((e) => (e.field?.[1] === "scheduledAt" ? { ...e, field: ["input", "times"] } : e)) };
}

/**
 * "Support or the seller proposes one to three times": each must be bookable as a visit is (the same
 * rules), ahead of now and different. The customer's admins get a mail with a link each; an open
 * proposal for the same property is withdrawn, so only the newest times can be accepted.
 */
export async function proposeVisitTimes(
  db: Db,
  viewer: Viewer,
  input: ProposeInput,
  clock: Clock,
  settings: ProposalSettings,
): Promise<Result<VisitTimeProposalRow>> {
  requireRole(viewer, VISIT_BOOKERS);
  const checked = checkedTimes(input, settings.now);
  if ("errors" in checked) return checked;
  return mutate(db, async (tx) => {
    const agreement = await findAgreement(tx, viewer, input.agreementId, clock);
    if (!agreement) return userError(E.NOT_FOUND, "No such agreement.", ["input", "agreementId"]);
    for (const scheduledAt of checked.ok.times) {
      const bad = await bookingProblem(tx, agreement, { ...input, scheduledAt });
      if (bad) return ofTimes(bad);
    }
    return offerTimes(tx, viewer, agreement, { ...input, ...checked.ok, movesVisitId: null }, settings);
  });
}

/**
 * Writes a proposal and mails each of the customer's admins their own answer link, in the caller's transaction. It
 * replaces the open proposal it competes with: a first proposal for the same property, or new times for the same
 * booked visit (decision 0093), so only the newest times can be accepted.
 */
export async function offerTimes(
  tx: Tx,
  viewer: Viewer,
  agreement: AgreementRecord,
  offer: { propertyId: string; technicianId: string; times: Date[]; note: string; movesVisitId: string | null },
  settings: ProposalSettings,
  bookedAt: Date | null = null,
): Promise<Result<VisitTimeProposalRow>> {
  const { times } = offer;
  const admins = (await customerAdmins(tx, agreement)).filter((a) => !a.deactivatedAt);
  if (admins.length === 0)
    return userError(E.NO_RECIPIENTS, "The customer has no admin to answer the proposal.", ["input", "agreementId"]);
  await tx
    .update(visitTimeProposals)
    .set({ status: "WITHDRAWN", answeredAt: settings.now, updatedAt: settings.now })
    .where(
      and(
        eq(visitTimeProposals.agreementId, agreement.id),
        eq(visitTimeProposals.propertyId, offer.propertyId),
        eq(visitTimeProposals.status, "OPEN"),
        offer.movesVisitId
          ? eq(visitTimeProposals.movesVisitId, offer.movesVisitId)
          : isNull(visitTimeProposals.movesVisitId),
      ),
    );
  const [row] = await tx
    .insert(visitTimeProposals)
    .values({
      agreementId: agreement.id,
      propertyId: offer.propertyId,
      technicianId: offer.technicianId,
      times,
      note: offer.note,
      movesVisitId: offer.movesVisitId,
      proposedById: viewer.userId,
      createdAt: settings.now,
      updatedAt: settings.now,
    })
    .returning();
  const lastTime = times[times.length - 1]!.getTime();
  const expiresAt = new Date(Math.min(settings.now.getTime() + PROPOSAL_LINK_DAYS * 86_400_000, lastTime));
  for (const admin of admins) {
    const token = newSecret(LINK_PREFIX);
    await tx.insert(visitTimeProposalLinks).values({
      proposalId: row!.id,
      userId: admin.id,
      tokenHash: hashToken(token),
      expiresAt,
    });
    const link = `${settings.portalUrl}/visit-times/${token}`;
    await mailVisitTimes(tx, row!, agreement, admin, { link, expiresAt, bookedAt });
  }
  await recordAudit(tx, viewer, {
    action: offer.movesVisitId ? "serviceVisit.proposeNewTimes" : "serviceVisit.proposeTimes",
    objectType: "VisitTimeProposal",
    objectId: row!.id,
    organisationId: agreement.customerId,
    details: {
      times: times.map((t) => t.toISOString()),
      recipients: admins.map((a) => a.email),
      movesVisitId: offer.movesVisitId,
    },
  });
  return ok(row!);
}

/** The proposals of the agreements the viewer sees, newest first; `open` keeps those still waiting for an answer. */
export async function listVisitProposals(db: DbOrTx, viewer: Viewer, filter: { open?: boolean | null }) {
  const rows = await db
    .select({ proposal: visitTimeProposals })
    .from(visitTimeProposals)
    .innerJoin(agreements, eq(agreements.id, visitTimeProposals.agreementId))
    .where(and(agreementScope(viewer), filter.open ? eq(visitTimeProposals.status, "OPEN") : undefined))
    .orderBy(desc(visitTimeProposals.createdAt))
    .limit(200);
  return rows.map((r) => r.proposal);
}

/** A link's proposal and the admin it was sent to, or why the link does not work. */
async function openLink(
  db: DbOrTx,
  token: string,
  now: Date,
  lock: boolean,
): Promise<Result<{ link: typeof visitTimeProposalLinks.$inferSelect; viewer: Viewer }>> {
  const q = db
    .select()
    .from(visitTimeProposalLinks)
    .where(eq(visitTimeProposalLinks.tokenHash, hashToken(token)));
  const [link] = lock ? await q.for("update") : await q;
  if (!link) return userError(E.LINK_INVALID, "The link is not valid.", ["token"]);
  if (link.usedAt) return userError(E.LINK_USED, "The link has already been used.", ["token"]);
  if (link.expiresAt.getTime() <= now.getTime()) return userError(E.LINK_EXPIRED, "The link has expired.", ["token"]);
  const [user] = await db.select().from(users).where(eq(users.id, link.userId));
  const viewer = user && !user.deactivatedAt ? await systemViewerOf(db, user.email) : null;
  if (!viewer || !holds(viewer, VISIT_TIME_ANSWERERS))
    return userError(E.LINK_INVALID, "The link is not valid.", ["token"]);
  return ok({ link, viewer });
}

export interface LinkedProposal {
  proposal: VisitTimeProposalRow;
  agreement: AgreementRecord;
}

/** What an answer link opens, without log-in (the token is the key, as an invitation's), or why it does not. */
export async function visitTimesByLink(
  db: Db,
  token: string,
  clock: Clock,
  now: Date,
): Promise<Result<LinkedProposal>> {
  const opened = await openLink(db, token, now, false);
  if ("errors" in opened) return opened;
  const found = await proposalFor(db, opened.ok.viewer, opened.ok.link.proposalId, clock);
  if (!found) return userError(E.LINK_INVALID, "The link is not valid.", ["token"]);
  // A newer proposal withdraws this one without spending its links: the page must not offer times it cannot book.
  if (found.ok.proposal.status !== "OPEN")
    return userError(E.PROPOSAL_ANSWERED, "The proposal has been answered or replaced by newer times.", ["token"]);
  return found;
}

async function proposalFor(
  db: DbOrTx,
  viewer: Viewer,
  id: string,
  clock: Clock,
  lock = false,
): Promise<{ ok: LinkedProposal } | null> {
  const q = db.select().from(visitTimeProposals).where(eq(visitTimeProposals.id, id));
  const [proposal] = lock ? await q.for("update") : await q;
  const agreement = proposal && (await findAgreement(db, viewer, proposal.agreementId, clock));
  return proposal && agreement ? { ok: { proposal, agreement } } : null;
}

/** The customer accepted new times for a booked visit: it moves, with the ordinary move's mail and `.ics` update. */
async function moveProposedVisit(
  tx: Tx,
  viewer: Viewer,
  visitId: string,
  booking: { technicianId: string; scheduledAt: Date },
  clock: Clock,
): Promise<Result<ServiceVisitRow>> {
  const loaded = await lockVisit(tx, viewer, visitId, clock);
  if (!loaded) return userError(E.NOT_FOUND, "No such service visit.", ["input", "proposalId"]);
  return moveVisit(tx, viewer, loaded, booking, null);
}

export type VisitTimeAnswer = { accept: Date } | { otherTimes: string };

/**
 * The customer's answer: one of the proposed times books the visit (with the usual booking mail and
 * invitation), or a note asks for other times (mailed to who proposed). Either closes the proposal and
 * every link of it; in the portal (`viewer`) or from the mail (`token`).
 */
export async function answerVisitTimes(
  db: Db,
  who: { viewer: Viewer; proposalId: string } | { token: string },
  answer: VisitTimeAnswer,
  clock: Clock,
  now: Date,
): Promise<Result<{ proposal: VisitTimeProposalRow; visit: ServiceVisitRow | null }>> {
  if ("otherTimes" in answer && answer.otherTimes.trim().length > 1000)
    return userError(E.INVALID_INPUT, "A note is at most 1000 characters.", ["input", "note"]);
  return mutate(db, async (tx) => {
    let viewer: Viewer;
    let proposalId: string;
    let linkId: string | null = null;
    if ("token" in who) {
      const opened = await openLink(tx, who.token, now, true);
      if ("errors" in opened) return opened;
      ({ viewer } = opened.ok);
      proposalId = opened.ok.link.proposalId;
      linkId = opened.ok.link.id;
    } else {
      requireRole(who.viewer, VISIT_TIME_ANSWERERS);
      ({ viewer, proposalId } = who);
    }
    const found = await proposalFor(tx, viewer, proposalId, clock, true);
    if (!found) return userError(E.NOT_FOUND, "No such visit proposal.", ["input", "proposalId"]);
    const { proposal, agreement } = found.ok;
    if (proposal.status !== "OPEN")
      return userError(E.PROPOSAL_ANSWERED, "The proposal has already been answered or replaced.", [
        "input",
        "proposalId",
      ]);
    let visit: ServiceVisitRow | null = null;
    if ("accept" in answer) {
      const time = proposal.times.find((t) => t.getTime() === answer.accept.getTime());
      if (!time) return userError(E.TIME_NOT_PROPOSED, "Choose one of the proposed times.", ["input", "time"]);
      if (time.getTime() <= now.getTime()) return userError(E.TIME_IN_PAST, "That time has passed.", ["input", "time"]);
      const booking = { propertyId: proposal.propertyId, technicianId: proposal.technicianId, scheduledAt: time };
      // New times for a booked visit move that visit, as a reschedule does; a first proposal books one.
      const booked = proposal.movesVisitId
        ? await moveProposedVisit(tx, viewer, proposal.movesVisitId, booking, clock)
        : await bookVisit(tx, viewer, agreement, booking);
      if ("errors" in booked) return booked;
      visit = booked.ok;
    } else {
      await mailOtherTimesAsked(tx, proposal, agreement, viewer, answer.otherTimes.trim());
    }
    const [row] = await tx
      .update(visitTimeProposals)
      .set({
        status: visit ? "ACCEPTED" : "OTHER_TIMES_REQUESTED",
        answeredAt: now,
        answeredById: viewer.userId,
        answerNote: "otherTimes" in answer ? answer.otherTimes.trim() : null,
        visitId: visit?.id ?? null,
        updatedAt: now,
      })
      .where(eq(visitTimeProposals.id, proposal.id))
      .returning();
    // Single use: the link answered is spent, and so are its siblings (the proposal is closed).
    await tx
      .update(visitTimeProposalLinks)
      .set({ usedAt: now })
      .where(and(eq(visitTimeProposalLinks.proposalId, proposal.id), isNull(visitTimeProposalLinks.usedAt)));
    await recordAudit(tx, viewer, {
      action: visit ? "serviceVisit.acceptTime" : "serviceVisit.askOtherTimes",
      objectType: "VisitTimeProposal",
      objectId: proposal.id,
      organisationId: agreement.customerId,
      details: { viaLink: linkId !== null, visitId: visit?.id ?? null },
    });
    return ok({ proposal: row!, visit });
  });
}
