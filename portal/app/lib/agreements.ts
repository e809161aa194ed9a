import type { AgreementStatus } from "~/graphql/graphql";

/** Statuses in the order a user thinks of them: from draft to the end. */
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = ["DRAFT", "ACTIVE", "EXPIRING", "EXPIRED", "TERMINATED"];
