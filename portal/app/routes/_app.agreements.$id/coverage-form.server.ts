import { randomUUID } from "node:crypto";
import {
  AgreementCoveragePreviewDocument,
  ChangeAgreementCoverageDocument,
  ChangeAgreementPartiesDocument,
} from "~/graphql/graphql";
import type { Api } from "~/lib/api.server";
import { formError, inPageWords, refused } from "~/lib/form-result";
import type { CoverageIntent, IntentResult } from "./intents";

/** Property ids from ticked boxes (one entry each) or from the confirmation's hidden field (comma-separated). */
function ids(form: FormData, name: string): string[] {
  return form
    .getAll(name)
    .flatMap((v) => (typeof v === "string" ? v.split(",") : []))
    .map((v) => v.trim())
    .filter(Boolean);
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/**
 * The last property cannot go: say what to do instead, not the new-agreement form's "choose at least one";
 * a stale version names the agreement.
 */
function inCoverageWords(result: IntentResult): IntentResult {
  return { ...result, errors: inPageWords(result.errors, "coverage", "agreement") };
}

/**
 * The coverage form in two steps, like an order: `previewCoverage` asks the API what the change would do and shows
 * it; `changeCoverage` posts the same change with the version the preview was made at, so a change made by someone
 * else in between is refused (STALE_VERSION) instead of doing something the user was not shown.
 */
export async function runCoverage(
  api: Api,
  agreementId: string,
  intent: CoverageIntent,
  form: FormData,
): Promise<IntentResult> {
  const addPropertyIds = ids(form, "add");
  const removePropertyIds = ids(form, "remove");
  const values = { add: addPropertyIds.join(","), remove: removePropertyIds.join(",") };
  const version = Number.parseInt(text(form, "expectedVersion"), 10);
  if (intent === "previewCoverage") {
    if (addPropertyIds.length + removePropertyIds.length === 0)
      return { intent, ok: false, errors: [formError(null, "COVERAGE_UNCHANGED")], values };
    const { agreementCoveragePreview: p } = await api.query(AgreementCoveragePreviewDocument, {
      input: { agreementId, addPropertyIds, removePropertyIds },
    });
    if (!p.effect) return inCoverageWords(refused(intent, p.userErrors, values));
    return {
      intent,
      ok: true,
      errors: [],
      values: { ...values, expectedVersion: String(p.effect.version) },
      coverage: p.effect,
    };
  }
  if (intent === "changeCoverage") {
    const { changeAgreementCoverage: r } = await api.mutate(ChangeAgreementCoverageDocument, {
      input: { agreementId, expectedVersion: version, addPropertyIds, removePropertyIds },
    });
    if (r.userErrors.length > 0) return inCoverageWords(refused(intent, r.userErrors, values));
    return { intent, ok: true, errors: [], values: {}, done: "agreement.done.changeCoverage", nonce: randomUUID() };
  }
  const sellerId = text(form, "sellerId");
  const partnerId = text(form, "partnerId");
  const partyValues = { sellerId, partnerId };
  const { changeAgreementParties: r } = await api.mutate(ChangeAgreementPartiesDocument, {
    // An empty partner choice is "signed directly"; an empty seller choice keeps the seller.
    input: { agreementId, expectedVersion: version, sellerId: sellerId || undefined, partnerId: partnerId || null },
  });
  if (r.userErrors.length > 0) return inCoverageWords(refused(intent, r.userErrors, partyValues));
  return { intent, ok: true, errors: [], values: {}, done: "agreement.done.changeParties", nonce: randomUUID() };
}
