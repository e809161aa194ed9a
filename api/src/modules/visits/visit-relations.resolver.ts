import { eq } from "drizzle-orm";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { serviceVisits, visitChecks } from "../../db/schema/index.js";
import { requireViewer } from "../../shared/auth.js";
import { toGlobalId, uuidOf } from "../../shared/ids.js";
import { DateScalar } from "../../shared/scalars.js";
import { Agreement, isValid } from "../agreements/index.js";
import { ActionItem, ActionPlan, findActionItem, findTailoring } from "../tailoring/index.js";
import { isBehind, type Product } from "../releases/index.js";
import { visitDueForBooking } from "./visit-booking-due.js";
import { nextProposedOn, nextUnbooked, type Proposal } from "./visit-proposals.js";
import { actorOf } from "./visit.resolver.js";
import { visitProposals } from "./visit.service.js";
import {
  ServiceVisit,
  VisitAcknowledgement,
  VisitActor,
  VisitBooking,
  VisitCheck,
  VisitProductVersion,
  VisitProposal,
  VisitProtocolVersion,
} from "./visit.types.js";

const proposal = (p: Proposal) =>
  Object.assign(new VisitProposal(), {
    proposedOn: p.proposedOn,
    visitUuid: p.visitId,
    visitId: p.visitId && toGlobalId("ServiceVisit", p.visitId),
  });

@Resolver(() => VisitCheck)
export class VisitCheckResolver {
  @FieldResolver(() => VisitActor, { nullable: true, description: "Who recorded it." })
  recordedBy(@Root() c: VisitCheck, @Ctx() ctx: Context) {
    return actorOf(ctx, c.row?.recordedById ?? null);
  }

  @FieldResolver(() => [VisitProductVersion], {
    description: "HARDWARE_AND_VERSIONS: the versions as recorded, installed against latest.",
  })
  versions(@Root() c: VisitCheck) {
    return (c.row?.versions ?? []).map((v) =>
      VisitProductVersion.from({
        product: v.product as Product,
        installed: v.installed,
        latest: v.latest,
        outdated: !!v.installed && !!v.latest && isBehind(v.installed, v.latest),
      }),
    );
  }

  @FieldResolver(() => ActionItem, { nullable: true, description: "The action-plan item made from this check." })
  async actionItem(@Root() c: VisitCheck, @Ctx() ctx: Context) {
    const item = c.row?.actionItemId
      ? await findActionItem(ctx.db, requireViewer(ctx), c.row.actionItemId, ctx.clock)
      : null;
    return item && ActionItem.from(item);
  }
}

@Resolver(() => ActionItem)
export class ActionItemVisitResolver {
  @FieldResolver(() => ServiceVisit, {
    nullable: true,
    description: "The service visit whose check this item came from, if any.",
  })
  async fromServiceVisit(@Root() item: ActionItem, @Ctx() ctx: Context) {
    const uuid = uuidOf(item.id, "ActionItem");
    const [row] = await ctx.db
      .select({ visit: serviceVisits })
      .from(visitChecks)
      .innerJoin(serviceVisits, eq(serviceVisits.id, visitChecks.visitId))
      .where(eq(visitChecks.actionItemId, uuid));
    return row ? ServiceVisit.from(row.visit, ctx.now) : null;
  }
}

@Resolver(() => VisitBooking)
export class VisitBookingResolver {
  @FieldResolver(() => VisitActor, { description: "The technician booked." })
  technician(@Root() b: VisitBooking, @Ctx() ctx: Context) {
    return actorOf(ctx, b.technicianUuid);
  }

  @FieldResolver(() => VisitActor, { nullable: true, description: "Who booked or moved it." })
  changedBy(@Root() b: VisitBooking, @Ctx() ctx: Context) {
    return actorOf(ctx, b.changedByUuid);
  }
}

@Resolver(() => VisitProtocolVersion)
export class VisitProtocolVersionResolver {
  @FieldResolver(() => VisitActor, { nullable: true, description: "Who froze or corrected it." })
  createdBy(@Root() p: VisitProtocolVersion, @Ctx() ctx: Context) {
    return actorOf(ctx, p.createdByUuid);
  }
}

@Resolver(() => VisitAcknowledgement)
export class VisitAcknowledgementResolver {
  @FieldResolver(() => VisitActor, { description: "The customer user who acknowledged." })
  by(@Root() a: VisitAcknowledgement, @Ctx() ctx: Context) {
    return actorOf(ctx, a.byUuid);
  }
}

@Resolver(() => Agreement)
export class AgreementVisitsResolver {
  @FieldResolver(() => [ServiceVisit], {
    description: "The annual support visits, by time (none for a tier without visits).",
  })
  async serviceVisits(@Root() a: Agreement, @Ctx() ctx: Context) {
    return (await ctx.loaders.visitsByAgreement.load(a.record.id)).map((r) => ServiceVisit.from(r, ctx.now));
  }

  @FieldResolver(() => [VisitProposal], {
    description:
      "Visits proposed from the tailoring's agreed end date, then yearly while the agreement runs, each with the visit booked for it.",
  })
  async proposedVisits(@Root() a: Agreement, @Ctx() ctx: Context) {
    return (await visitProposals(ctx.db, a.record)).map(proposal);
  }

  @FieldResolver(() => VisitProposal, {
    nullable: true,
    description: "The next proposed visit not yet booked, from today.",
  })
  async nextVisitProposal(@Root() a: Agreement, @Ctx() ctx: Context) {
    const next = nextUnbooked(await visitProposals(ctx.db, a.record), ctx.clock.today);
    return next && proposal(next);
  }

  @FieldResolver(() => VisitProposal, {
    nullable: true,
    description:
      "The annual visit due for booking and not booked: proposed within 90 days, or missed by up to half a year. Null when none is due or the agreement is not valid.",
  })
  async visitToBook(@Root() a: Agreement, @Ctx() ctx: Context) {
    if (!isValid(a.record.status)) return null;
    const due = visitDueForBooking(await visitProposals(ctx.db, a.record), ctx.clock.today);
    return due && proposal(due);
  }
}

/** The plan's word on the next visit lives here: the proposals are the visits module's, and it reads the plan. */
@Resolver(() => ActionPlan)
export class ActionPlanVisitResolver {
  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      "The next annual support visit proposed from the agreed end date (500+): the first of the end date and its yearly returns, while the agreement runs, that is today or later. Null for BRF, before an end date is agreed, or when none is left in the agreement's period.",
  })
  async proposedServiceVisitOn(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    const t = await findTailoring(ctx.db, requireViewer(ctx), p.row.tailoringId, ctx.clock);
    return t ? nextProposedOn(await visitProposals(ctx.db, t.agreement), ctx.clock.today) : null;
  }
}
