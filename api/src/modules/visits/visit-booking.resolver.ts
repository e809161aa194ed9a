import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireViewer } from "../../shared/auth.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { VISIT_BOOKERS } from "./visit.roles.js";
import * as service from "./visit.service.js";
import {
  RescheduleServiceVisitInput,
  RescheduleServiceVisitPayload,
  ScheduleServiceVisitInput,
  ScheduleServiceVisitPayload,
} from "./visit.inputs.js";
import { ServiceVisit } from "./visit.types.js";

/** A visit as the request sees it: overdue or not at the request's instant. */
const visitOf = (ctx: Context) => (row: service.ServiceVisitRow) => ServiceVisit.from(row, ctx.now);
const V = (id: string) => uuidOf(id, "ServiceVisit");

/** Staff booking a visit directly and moving it (the customer's answer to proposed times is in visit-proposal). */
@Resolver(() => ServiceVisit)
export class ServiceVisitBookingResolver {
  @Authorized(...VISIT_BOOKERS)
  @Mutation(() => ScheduleServiceVisitPayload, {
    description:
      "Book the annual visit: VISIT_NOT_IN_TIER for a tier without one (BRF), OUTSIDE_AGREEMENT_PERIOD, PROPERTY_NOT_IN_AGREEMENT, INVALID_TECHNICIAN.",
  })
  async scheduleServiceVisit(
    @Arg("input", () => ScheduleServiceVisitInput, { description: "Agreement, property, time, technician." })
    input: ScheduleServiceVisitInput,
    @Ctx() ctx: Context,
  ) {
    const r = await service.scheduleServiceVisit(
      ctx.db,
      requireViewer(ctx),
      {
        agreementId: uuidOf(input.agreementId, "Agreement"),
        propertyId: uuidOf(input.propertyId, "Property"),
        technicianId: uuidOf(input.technicianId, "User"),
        scheduledAt: input.scheduledAt,
      },
      ctx.clock,
    );
    return payload(r, "serviceVisit", visitOf(ctx));
  }

  @Authorized(...VISIT_BOOKERS)
  @Mutation(() => RescheduleServiceVisitPayload, {
    description:
      "Move a visit; every booking stays in `bookings`. TIME_IN_PAST, STALE_VERSION, VISIT_COMPLETED, VISIT_CANCELLED and the booking's own codes.",
  })
  async rescheduleServiceVisit(
    @Arg("input", () => RescheduleServiceVisitInput, { description: "Visit, new time, reason." })
    input: RescheduleServiceVisitInput,
    @Ctx() ctx: Context,
  ) {
    const r = await service.rescheduleServiceVisit(
      ctx.db,
      requireViewer(ctx),
      {
        visitId: V(input.visitId),
        scheduledAt: input.scheduledAt,
        technicianId: input.technicianId ? uuidOf(input.technicianId, "User") : null,
        reason: input.reason,
        expectedVersion: input.expectedVersion,
      },
      ctx.clock,
      ctx.now,
    );
    return payload(r, "serviceVisit", visitOf(ctx));
  }
}
