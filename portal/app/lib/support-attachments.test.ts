import { describe, expect, it } from "vitest";
import { checkAttachments, MAX_ATTACHMENT_BYTES } from "./support-attachments";

describe("the attachment check before sending", () => {
  it("allows 700 KB together and refuses a byte more, or a sixth file", () => {
    expect(checkAttachments([{ size: MAX_ATTACHMENT_BYTES }])).toBe("ok");
    expect(checkAttachments([{ size: 400 * 1024 }, { size: 300 * 1024 + 1 }])).toBe("ATTACHMENT_TOO_LARGE");
    expect(checkAttachments(Array.from({ length: 6 }, () => ({ size: 1 })))).toBe("TOO_MANY_ATTACHMENTS");
  });
});
