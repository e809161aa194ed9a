/** The tailoring module as other modules see it; an item from a visit joins the plan through addActionItemFromVisit. */
export { addActionItemFromVisit } from "./action-plan.js";
export { type ReviewArea } from "./tailoring-records.js";
export { ActionItemOwner } from "./tailoring.enums.js";
export { PARTNER_PROGRESS_REPORTERS, PRIORITY_CONFIRMERS, VENDOR_SIDE } from "./tailoring.roles.js";
export {
  type ActionItemRow,
  findActionItem,
  findActionPlan,
  findTailoring,
  planOf,
  tailoringOf,
} from "./tailoring.service.js";
export { ActionItem, ActionPlan, Tailoring } from "./tailoring.types.js";
