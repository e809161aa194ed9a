import { describe, expect, it } from "vitest";
import { agreementStatus } from "./agreement-status.js";

const active = { activatedAt: new Date("2026-01-01"), terminatedOn: null };

describe("agreement status is derived", () => {
  it("is DRAFT until activated", () => {
    expect(agreementStatus({ activatedAt: null, terminatedOn: null, endsOn: "2027-12-31" }, "2026-06-01")).toBe("DRAFT");
  });
  it("is ACTIVE before the window and EXPIRING inside it, to the last day", () => {
    expect(agreementStatus({ ...active, endsOn: "2026-12-31" }, "2026-11-01")).toBe("EXPIRING");
    expect(agreementStatus({ ...active, endsOn: "2026-12-31" }, "2026-10-31")).toBe("ACTIVE");
    expect(agreementStatus({ ...active, endsOn: "2026-12-31" }, "2026-12-31")).toBe("EXPIRING");
  });
  it("is EXPIRED the day after the end", () => {
    expect(agreementStatus({ ...active, endsOn: "2026-12-31" }, "2027-01-01")).toBe("EXPIRED");
  });
  it("honours a configured window", () => {
    expect(agreementStatus({ ...active, endsOn: "2026-12-31" }, "2026-11-01", 30)).toBe("ACTIVE");
  });
  it("is TERMINATED after the termination date, and expiring towards it", () => {
    expect(agreementStatus({ ...active, terminatedOn: "2026-06-30", endsOn: "2027-12-31" }, "2026-07-01")).toBe("TERMINATED");
    expect(agreementStatus({ ...active, terminatedOn: "2026-06-30", endsOn: "2027-12-31" }, "2026-06-15")).toBe("EXPIRING");
  });
});
