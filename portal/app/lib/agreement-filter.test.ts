import { describe, expect, it } from "vitest";
import { agreementFilterOf, filterFromUrl } from "./agreement-filter";

const filterOf = (search: string) => agreementFilterOf(filterFromUrl(new URL(`http://portal/agreements${search}`)));

describe("the agreement list's status filter", () => {
  it("opens on the current agreements, not on years of ended ones", () => {
    expect(filterOf("").status).toEqual(["DRAFT", "ACTIVE", "EXPIRING"]);
    expect(filterOf("?status=").status).toEqual(["DRAFT", "ACTIVE", "EXPIRING"]);
  });

  it("shows every status when asked, and one status or the valid two as chosen", () => {
    expect(filterOf("?status=all").status).toBeUndefined();
    expect(filterOf("?status=valid").status).toEqual(["ACTIVE", "EXPIRING"]);
    expect(filterOf("?status=TERMINATED").status).toEqual(["TERMINATED"]);
  });

  it("treats an unknown status as none given", () => {
    expect(filterOf("?status=GONE").status).toEqual(["DRAFT", "ACTIVE", "EXPIRING"]);
  });
});
