import { Kind, visit, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import { CustomerDashboardDocument, PartnerDashboardDocument, VendorDashboardDocument } from "~/graphql/graphql";
import { countOf } from "./counts";

/** The lists a dashboard counts (asks `totalCount` of) without asking whether the API stopped counting. */
function countsWithoutCap(document: DocumentNode): string[] {
  const missing: string[] = [];
  visit(document, {
    Field(field) {
      const asked = (field.selectionSet?.selections ?? []).flatMap((s) =>
        s.kind === Kind.FIELD ? [s.name.value] : [],
      );
      if (asked.includes("totalCount") && !asked.includes("totalCountCapped"))
        missing.push(field.alias?.value ?? field.name.value);
    },
  });
  return missing;
}

describe("the dashboards' counts (decision 0094)", () => {
  it("ask, with every count, whether it stopped at 10,000", () => {
    expect({
      customer: countsWithoutCap(CustomerDashboardDocument),
      vendor: countsWithoutCap(VendorDashboardDocument),
      partner: countsWithoutCap(PartnerDashboardDocument),
    }).toEqual({ customer: [], vendor: [], partner: [] });
  });

  it("show a count that stopped as at least what was counted, and an absent list as none", () => {
    expect(countOf({ totalCount: 10_000, totalCountCapped: true })).toEqual({ value: 10_000, capped: true });
    expect(countOf({ totalCount: 12, totalCountCapped: false })).toEqual({ value: 12, capped: false });
    expect(countOf(undefined)).toEqual({ value: 0, capped: false });
  });
});
