import { checkResult, visitCheckKind } from "../../db/schema/index.js";
import { graphqlEnum } from "../../shared/enums.js";
import { SERVICE_VISIT_STATES } from "./visit.service.js";

export const VisitCheckKind = graphqlEnum(visitCheckKind.enumValues, {
  name: "VisitCheckKind",
  description: "The five checks of the annual support visit (titles and order in `visitCheckKinds`).",
  valuesConfig: {
    DATABASE_REVIEW: { description: "Review of the database." },
    ROUTINES: { description: "Review of routines." },
    HARDWARE_AND_VERSIONS: { description: "Hardware and program versions, against the latest releases." },
    BACKUP_ROUTINES: { description: "Backup routines." },
    DATABASE_SIZE: { description: "How the database size has changed; a reading in MB at every visit." },
  },
});
export type VisitCheckKind = (typeof VisitCheckKind)[keyof typeof VisitCheckKind];

export const CheckResult = graphqlEnum(checkResult.enumValues, {
  name: "CheckResult",
  description: "The outcome of one check.",
  valuesConfig: {
    OK: { description: "In order." },
    NEEDS_ACTION: { description: "Needs action; can become an action-plan item." },
    NOT_APPLICABLE: { description: "Does not apply here." },
  },
});
export type CheckResult = (typeof CheckResult)[keyof typeof CheckResult];

export const ServiceVisitState = graphqlEnum(SERVICE_VISIT_STATES, {
  name: "ServiceVisitState",
  description: "Where a visit stands; derived, never stored.",
  valuesConfig: {
    BOOKED: { description: "Booked, its time not yet passed." },
    OVERDUE: { description: "Its time has passed and it is not completed." },
    COMPLETED: { description: "Completed; the protocol is frozen." },
    CANCELLED: { description: "Called off before it took place (by the lapse job when its agreement ended)." },
  },
});
export type ServiceVisitState = (typeof ServiceVisitState)[keyof typeof ServiceVisitState];
