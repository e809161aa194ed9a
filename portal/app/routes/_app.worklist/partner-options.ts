import type { ActionItemStatus } from "~/graphql/graphql";

export const PARTNER_INTENTS = ["updateItem", "setInstalledVersion"] as const;
/** What a partner reports; dropping an item is the plan writers' decision. */
export const PARTNER_ITEM_STATUSES: readonly ActionItemStatus[] = ["OPEN", "IN_PROGRESS", "DONE"];
