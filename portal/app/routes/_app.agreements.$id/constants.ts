import type { HostedService, LicenceKind } from "~/graphql/graphql";

export const LICENCE_KINDS: readonly LicenceKind[] = ["BOOKING", "HANTERA", "CONSUMPTION"];
export const HOSTED_SERVICES: readonly HostedService[] = ["BOKNING", "FORBRUKNING", "FDB", "APTUSPORTAL", "HANTERA"];
