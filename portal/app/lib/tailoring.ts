import type { ActionItemOwner, ActionItemStatus, ReviewArea, Role, TailoringStep } from "~/graphql/graphql";

/** The five steps of "Vi skräddarsyr tillsammans" (domain.md), in order; DONE comes after them. */
export const TAILORING_STEPS = ["CONTACT", "REVIEW", "ACTION_PLAN", "PRIORITISATION", "END_DATE"] as const satisfies readonly TailoringStep[];

export const REVIEW_AREAS: readonly ReviewArea[] = ["DATABASE", "ROUTINES", "HARDWARE_AND_VERSIONS", "BACKUPS", "OTHER"];
export const ITEM_OWNERS: readonly ActionItemOwner[] = ["VENDOR", "PARTNER", "CUSTOMER"];
export const ITEM_STATUSES: readonly ActionItemStatus[] = ["OPEN", "IN_PROGRESS", "DONE", "DROPPED"];

export function stepNumber(step: TailoringStep): number {
  return (TAILORING_STEPS as readonly TailoringStep[]).indexOf(step) + 1;
}

/** Step order, with DONE after END_DATE. */
export function stepIndex(step: TailoringStep): number {
  return step === "DONE" ? TAILORING_STEPS.length : stepNumber(step) - 1;
}

/**
 * Who may do what in a tailoring, as the API's `@Authorized` says. The portal only hides the forms;
 * the API decides (a customer admin of another customer never gets this far).
 */
export const TAILORING_PERMISSIONS = {
  /** step 1: ask for (or start) a review */
  request: ["ADMIN", "SELLER", "CUSTOMER_ADMIN"],
  /** step 2, and reopening a finished step */
  review: ["ADMIN", "SELLER"],
  /** steps 3–5: items, order, end date, progress */
  plan: ["ADMIN", "SELLER", "CUSTOMER_ADMIN"],
  /** step 4: the customer confirms the order */
  confirm: ["CUSTOMER_ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export function mayTailor(role: Role, permission: keyof typeof TAILORING_PERMISSIONS): boolean {
  return (TAILORING_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The side of the tailoring a role speaks for when agreeing the end date. */
export function partyOf(role: Role): "VENDOR" | "CUSTOMER" | undefined {
  if (role === "ADMIN" || role === "SELLER") return "VENDOR";
  if (role === "CUSTOMER_ADMIN") return "CUSTOMER";
  return undefined;
}

/** Moves one entry of a list from `from` to `to`; a new array, the old one untouched. */
export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}
