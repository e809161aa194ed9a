import { mailKind } from "../notifications/index.js";

/** To the partner's admins when Trygg stops sending to an endpoint that keeps failing (decision 0089). */
export const ENDPOINT_DISABLED_MAIL = mailKind<{ url: string; days: number; portalUrl: string }>(
  "webhookEndpointDisabled",
  {
    SV: (f) => ({
      subject: `Webhook avstängd: ${f.url}`,
      body: [
        `Trygg har inte kunnat leverera webhooks till ${f.url} på ${f.days > 0 ? `${f.days} dagar` : "en längre tid"}`,
        "och har stängt av adressen. Inga händelser går förlorade: de väntar och skickas när du slår på den igen.",
        "",
        `Se leveransloggen och slå på adressen igen: ${f.portalUrl}/webhooks`,
      ].join("\n"),
    }),
    EN: (f) => ({
      subject: `Webhook disabled: ${f.url}`,
      body: [
        `Trygg has not been able to deliver webhooks to ${f.url} for ${f.days > 0 ? `${f.days} days` : "a long time"}`,
        "and has disabled the endpoint. No events are lost: they wait and are sent when you enable it again.",
        "",
        `See the delivery log and enable the endpoint again: ${f.portalUrl}/webhooks`,
      ].join("\n"),
    }),
  },
  { url: "https://partner.example/hooks/trygg", days: 3, portalUrl: "https://trygg.example" },
);
