import { request, throwOnUserErrors } from "./client.js";
import {
  AgreementsPageDocument,
  CreateApiTokenDocument,
  LogInDocument,
  type AgreementsPageQuery,
} from "./graphql/graphql.js";

export type SyncedAgreement = AgreementsPageQuery["agreements"]["edges"][number]["node"];

/** Log in with e-mail and password: a session token that lasts SESSION_TTL_HOURS (12 h by default). */
export async function logIn(endpoint: string, email: string, password: string): Promise<string> {
  const { login } = await request(endpoint, LogInDocument, { input: { email, password } });
  throwOnUserErrors("login", login.userErrors);
  return login.token!;
}

/** Make an API token (partner admins only). It lasts until revoked; the secret is shown only now. */
export async function createApiToken(endpoint: string, sessionToken: string, name: string): Promise<string> {
  const { createApiToken } = await request(endpoint, CreateApiTokenDocument, { input: { name } }, sessionToken);
  throwOnUserErrors("createApiToken", createApiToken.userErrors);
  return createApiToken.secret!;
}

/**
 * Every agreement the token may see, page by page (`first` at most 100), with the number of pages read; with
 * `updatedSince`, only those changed after that instant.
 */
export async function fetchAllAgreements(
  endpoint: string,
  token: string,
  pageSize = 100,
  updatedSince: string | null = null,
): Promise<{ agreements: SyncedAgreement[]; pages: number; totalCount: number }> {
  const agreements: SyncedAgreement[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount = 0;
  for (;;) {
    const page: AgreementsPageQuery = await request(
      endpoint,
      AgreementsPageDocument,
      { first: pageSize, after, updatedSince },
      token,
    );
    pages++;
    totalCount = page.agreements.totalCount;
    agreements.push(...page.agreements.edges.map((e) => e.node));
    if (!page.agreements.pageInfo.hasNextPage) break;
    after = page.agreements.pageInfo.endCursor;
  }
  return { agreements, pages, totalCount };
}

/**
 * Where the next incremental sync starts: this one's start less a minute. A change committed by a transaction that
 * began before this sync read its page carries that transaction's time; the minute of overlap catches it (an
 * agreement may come twice, never not at all).
 */
export const OVERLAP_MS = 60_000;

/** The agreements kept from the last run with the changed ones put in their place (and new ones added). */
export function mergeChanged(kept: readonly SyncedAgreement[], changed: readonly SyncedAgreement[]): SyncedAgreement[] {
  const byId = new Map(kept.map((a) => [a.id, a]));
  for (const a of changed) byId.set(a.id, a);
  return [...byId.values()].sort((a, b) => a.number.localeCompare(b.number));
}

const CSV_COLUMNS = [
  "number",
  "status",
  "tier",
  "startsOn",
  "endsOn",
  "customer",
  "customerOrganisationNumber",
  "partner",
  "properties",
  "licenceRentals",
] as const;

/** One line per agreement, for Excel: properties and rentals joined with "; ". */
export function toCsv(agreements: readonly SyncedAgreement[]): string {
  const cell = (v: string) => (/[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = agreements.map((a) =>
    [
      a.number,
      a.status,
      a.tier.code,
      a.startsOn,
      a.endsOn,
      a.customer.name,
      a.customer.organisationNumber,
      a.partner?.name ?? "",
      a.properties.map((p) => `${p.name} (${p.streetAddress}, ${p.postalCode} ${p.city})`).join("; "),
      a.licenceRentals.map((r) => `${r.kind} x${r.quantity} ${r.startsOn}–${r.endsOn}`).join("; "),
    ].map(cell),
  );
  return [CSV_COLUMNS.join(","), ...rows.map((r) => r.join(","))].join("\r\n") + "\r\n";
}
