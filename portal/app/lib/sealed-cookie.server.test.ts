import { describe, expect, it } from "vitest";
import { seal, unseal } from "./sealed-cookie.server";

const OLD = "o".repeat(40);
const NEW = "n".repeat(40);

describe("the sealed session cookie", () => {
  it("hides its content and opens with the secret", () => {
    const sealed = seal([NEW], '{"token":"tgs_secret"}');
    expect(Buffer.from(sealed, "base64url").toString("latin1")).not.toContain("tgs_");
    expect(unseal([NEW], sealed)).toBe('{"token":"tgs_secret"}');
  });

  it("opens what an older secret sealed while the secret is rotated", () => {
    expect(unseal([NEW, OLD], seal([OLD], "lang=sv"))).toBe("lang=sv");
  });

  it("refuses a changed, cut or foreign cookie", () => {
    const sealed = seal([NEW], "lang=sv");
    const bytes = Buffer.from(sealed, "base64url");
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    expect(unseal([NEW], bytes.toString("base64url"))).toBeUndefined();
    expect(unseal([NEW], sealed.slice(0, 10))).toBeUndefined();
    expect(unseal([OLD], sealed)).toBeUndefined();
  });
});
