import { describe, expect, it } from "vitest";
import { bodyLimitFor, DEFAULT_BODY_LIMIT, SUPPORT_FORM_BODY_LIMIT } from "./request-body-limits";
import { MAX_ATTACHMENT_BYTES } from "./support-attachments";

describe("the most of a request body the portal reads", () => {
  it("is the API's 1 MB for every form but the support forms", () => {
    expect(DEFAULT_BODY_LIMIT).toBe(1024 * 1024);
    for (const path of [
      "/login",
      "/logout",
      "/language",
      "/agreements/new",
      "/visits/abc/protocol",
      "/visits/abc/protocol.data",
      "/support-queue",
      "/support/attachment/abc",
      "/",
      "/_root.data",
    ]) {
      expect(bodyLimitFor(path), path).toBe(DEFAULT_BODY_LIMIT);
    }
  });

  it("lets the support forms carry what the API accepts, sent by a browser or by Remix's fetch", () => {
    for (const path of [
      "/support",
      "/support.data",
      "/support/U3VwcG9ydENhc2U6MQ",
      "/support/U3VwcG9ydENhc2U6MQ.data",
    ]) {
      expect(bodyLimitFor(path), path).toBe(SUPPORT_FORM_BODY_LIMIT);
    }
    // 700 KB of files, 20,000 characters of text (up to 4 bytes each), and the multipart framing.
    expect(SUPPORT_FORM_BODY_LIMIT).toBeGreaterThan(MAX_ATTACHMENT_BYTES + 20_000 * 4 + 64 * 1024);
  });
});
