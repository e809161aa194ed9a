import { OrganisationDeactivationPreviewDocument, type OrganisationKind, type Role } from "~/graphql/graphql";
import type { Api } from "~/lib/api.server";
import { ORGANISATION_DEACTIVATORS, isOneOf } from "@trygg/roles";

/**
 * What the deactivation section shows (vendor admins, a partner or customer not yet deactivated): the partners to
 * hand agreements to, and the preview once asked for (`?deactivate=1`, with the receiving partner chosen).
 */
export async function deactivationOf(
  api: Api,
  organisation: { id: string; kind: OrganisationKind; deactivatedAt?: string | null },
  role: Role | undefined,
  params: URLSearchParams,
) {
  if (!isOneOf(role, ORGANISATION_DEACTIVATORS) || organisation.kind === "VENDOR" || organisation.deactivatedAt)
    return null;
  const receivingPartnerId = params.get("receivingPartnerId") ?? "";
  const partnersWanted = organisation.kind === "PARTNER";
  const asked = params.get("deactivate") === "1";
  const answer = await api.query(OrganisationDeactivationPreviewDocument, {
    input: { organisationId: organisation.id, receivingPartnerId: receivingPartnerId || null },
    partners: partnersWanted,
  });
  const partners = (answer.partners?.edges ?? [])
    .map((e) => e.node)
    .filter((p) => p.id !== organisation.id && !p.deactivatedAt)
    .map(({ id, name }) => ({ id, name }));
  return { preview: asked ? answer.organisationDeactivationPreview : null, partners, receivingPartnerId };
}
