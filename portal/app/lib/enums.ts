import type {
  ActionItemOwner,
  ActionItemStatus,
  AgreementStatus,
  HostedService,
  LicenceKind,
  OrganisationKind,
  PricedItem,
  Product,
  ReviewArea,
  SupportCaseCategory,
  SupportCaseStatus,
  TierCode,
} from "~/graphql/graphql";

/**
 * The values of the API's enums that the portal offers in selects, filters and form checks, in the
 * order a user reads them; typed by the generated types, so a value the SDL drops fails the type
 * check. (Generating them as constants loses the SDL's order: codegen sorts the schema, and
 * unsorting it makes the generated documents' order unstable.)
 */
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = ["DRAFT", "ACTIVE", "EXPIRING", "EXPIRED", "TERMINATED"];
export const TIER_CODES: readonly TierCode[] = ["PLUS_500", "BRF"];
export const LICENCE_KINDS: readonly LicenceKind[] = ["BOOKING", "HANTERA", "CONSUMPTION"];
export const PRICED_ITEMS: readonly PricedItem[] = [
  "BOOKING",
  "HANTERA",
  "CONSUMPTION",
  "HOSTING",
  "MONITORING",
  "AGREEMENT_PLUS_500",
  "AGREEMENT_BRF",
];
export const HOSTED_SERVICES: readonly HostedService[] = ["BOKNING", "FORBRUKNING", "FDB", "APTUSPORTAL", "HANTERA"];
export const REVIEW_AREAS: readonly ReviewArea[] = [
  "DATABASE",
  "ROUTINES",
  "HARDWARE_AND_VERSIONS",
  "BACKUPS",
  "OTHER",
];
export const ITEM_OWNERS: readonly ActionItemOwner[] = ["VENDOR", "PARTNER", "CUSTOMER"];
export const ITEM_STATUSES: readonly ActionItemStatus[] = ["OPEN", "IN_PROGRESS", "DONE", "DROPPED"];
export const PRODUCTS: readonly Product[] = ["MULTI_ACCESS", "HANTERA", "APTUSPORTAL", "BOKNING", "FORBRUKNING", "FDB"];
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ["CUSTOMER", "PARTNER", "VENDOR"];
/** What a case is about, as a customer chooses it; the first two go to the installer (the API's case routing). */
export const SUPPORT_CASE_CATEGORIES: readonly SupportCaseCategory[] = [
  "TECHNICAL",
  "PROGRAMMING",
  "DAILY_OPERATION",
  "BILLING",
  "OTHER",
];
export const SUPPORT_CASE_STATUSES: readonly SupportCaseStatus[] = [
  "OPEN",
  "WAITING_ON_CUSTOMER",
  "RESOLVED",
  "CLOSED",
];
/** A case still to be answered or solved: what "open cases" counts and lists everywhere. */
export const OPEN_CASE_STATUSES: SupportCaseStatus[] = ["OPEN", "WAITING_ON_CUSTOMER"];
