import type { Section } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";
import { Tile } from "./tiles";

/** The admin's "needs a person": what nobody else will pick up (the rest sits in the groups below). */
export function AttentionTiles({ failedEmails, sections }: { failedEmails: number; sections: readonly Section[] }) {
  const t = useT();
  return (
    <>
      <h2 className="dash-group">{t("dashboard.attentionGroup")}</h2>
      <div className="tiles">
        <Tile
          id="failed-emails"
          sections={sections}
          value={failedEmails}
          tone={failedEmails > 0 ? "bad" : "good"}
          label={t("dashboard.failedEmails")}
          hint={failedEmails > 0 ? t("dashboard.failedEmailsHint") : undefined}
          to="/admin/outbox"
          linkLabel={t("dashboard.showOutbox")}
        />
      </div>
    </>
  );
}
