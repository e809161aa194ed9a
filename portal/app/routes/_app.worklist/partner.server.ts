import {
  PartnerSetInstalledVersionDocument,
  PartnerUpdateActionItemDocument,
  PartnerWorklistDocument,
} from "~/graphql/graphql";
import { PRODUCTS } from "~/lib/enums";
import { PARTNER_INTENTS, PARTNER_ITEM_STATUSES } from "./partner-options";
import { field, required, runAdminForm } from "~/lib/admin-form.server";
import type { Api } from "~/lib/api.server";
import { intentOf } from "~/lib/intent.server";
import type { PageVariables } from "~/lib/paging";

/**
 * A partner's work: the open items it owns on the plans of its agreements, and installations behind the latest release.
 */
export async function partnerWorklist(api: Api, page: PageVariables) {
  const data = await api.query(PartnerWorklistDocument, page);
  const plans = data.tailorings.edges
    .map((e) => e.node)
    .map((t) => ({
      ...t,
      items: (t.actionPlan?.items ?? []).filter(
        (item) => item.owner === "PARTNER" && item.status !== "DONE" && item.status !== "DROPPED",
      ),
    }))
    .filter((t) => t.items.length > 0);
  const properties = data.properties.edges.map((e) => e.node);
  const outdated = properties.flatMap((p) =>
    p.installedVersions.filter((v) => v.outdated).map((v) => ({ property: p, ...v })),
  );
  return {
    kind: "PARTNER" as const,
    plans,
    pageInfo: data.tailorings.pageInfo,
    total: data.tailorings.totalCount,
    outdated,
    properties: properties.map((p) => ({ id: p.id, name: p.name, city: p.city })),
  };
}

export async function partnerAction(api: Api, form: FormData) {
  const intent = intentOf(form, PARTNER_INTENTS);
  const target = field(form, "targetId") || undefined;
  if (intent === "updateItem") {
    const status = PARTNER_ITEM_STATUSES.find((s) => s === field(form, "status")) ?? "IN_PROGRESS";
    const expectedVersion = Number(field(form, "expectedVersion")) || null;
    return runAdminForm(
      intent,
      form,
      [],
      async () => {
        const payload = (
          await api.mutate(PartnerUpdateActionItemDocument, {
            input: { actionItemId: target ?? "", status, expectedVersion },
          })
        ).updateActionItem;
        return { userErrors: payload.userErrors, subject: payload.actionItem?.title };
      },
      null,
      target,
    );
  }
  const product = PRODUCTS.find((p) => p === field(form, "product")) ?? "MULTI_ACCESS";
  return runAdminForm(
    intent,
    form,
    required(form, ["propertyId", "version"]),
    async () => {
      const payload = (
        await api.mutate(PartnerSetInstalledVersionDocument, {
          input: { propertyId: field(form, "propertyId"), product, version: field(form, "version") },
        })
      ).setInstalledVersion;
      return { userErrors: payload.userErrors, subject: payload.installedVersion?.property.name };
    },
    "version",
    target,
  );
}
