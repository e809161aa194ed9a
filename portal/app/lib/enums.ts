import { ActionItemOwner, ActionItemStatus, AgreementStatus, HostedService, LicenceKind, ReviewArea, TierCode } from "~/graphql/graphql";

/**
 * The values of the API's enums, in the order the SDL lists them (codegen keeps it): what the
 * portal's selects, filters and form checks offer. One source, the schema; nothing copied here.
 */
export const AGREEMENT_STATUSES = Object.values(AgreementStatus);
export const TIER_CODES = Object.values(TierCode);
export const LICENCE_KINDS = Object.values(LicenceKind);
export const HOSTED_SERVICES = Object.values(HostedService);
export const REVIEW_AREAS = Object.values(ReviewArea);
export const ITEM_OWNERS = Object.values(ActionItemOwner);
export const ITEM_STATUSES = Object.values(ActionItemStatus);
