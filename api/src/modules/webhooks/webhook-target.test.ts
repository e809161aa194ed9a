import { describe, expect, it } from "vitest";
import { checkTarget, isPrivateAddress } from "./webhook-target.js";

describe("where a webhook may go", () => {
  it("counts loopback, private, link-local, CGNAT, multicast and unspecified addresses as private, v4 and v6", () => {
    for (const a of [
      "127.0.0.1",
      "127.255.0.9",
      "10.0.0.1",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:192.168.1.1",
      "64:ff9b::a00:1",
    ])
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    for (const a of ["93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });

  it("refuses plain http, a user name, and a name that resolves to loopback, unless private targets are allowed", async () => {
    expect(await checkTarget("http://93.184.215.14/x", false)).toMatchObject({ refused: "NOT_HTTPS" });
    expect(await checkTarget("https://u:p@93.184.215.14/x", false)).toMatchObject({ refused: "INVALID_URL" });
    expect(await checkTarget("https://localhost/x", false)).toMatchObject({ refused: "PRIVATE_ADDRESS" });
    expect(await checkTarget("https://[::1]:8443/x", false)).toMatchObject({ refused: "PRIVATE_ADDRESS" });
    expect(await checkTarget("https://93.184.215.14/x", false)).toMatchObject({ ok: { address: "93.184.215.14" } });
    expect(await checkTarget("http://127.0.0.1:9/x", true)).toMatchObject({ ok: { address: "127.0.0.1", family: 4 } });
  });
});
