import type { Section } from "~/graphql/graphql";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import type { Count } from "./counts";
import { Tile, type Tone } from "./tiles";

export interface Attention {
  failedEmails: Count;
  lockedOut: Count;
  unassignedCases: Count;
  drafts: Count;
}

/** Each count, the tone it takes when not zero, its words and the list it counts. */
const TILES: {
  id: string;
  count: keyof Attention;
  tone: Tone;
  label: MessageKey;
  hint?: MessageKey;
  to: string;
  link: MessageKey;
}[] = [
  {
    id: "failed-emails",
    count: "failedEmails",
    tone: "bad",
    label: "dashboard.failedEmails",
    hint: "dashboard.failedEmailsHint",
    to: "/admin/outbox",
    link: "dashboard.showOutbox",
  },
  {
    id: "locked-out",
    count: "lockedOut",
    tone: "warn",
    label: "dashboard.lockedOut",
    to: "/admin/users#lockouts",
    link: "dashboard.showLockedOut",
  },
  {
    id: "unassigned-cases",
    count: "unassignedCases",
    tone: "warn",
    label: "dashboard.unassignedCases",
    to: "/support-queue?view=unassigned",
    link: "dashboard.showUnassigned",
  },
  {
    id: "draft-agreements",
    count: "drafts",
    tone: "warn",
    label: "dashboard.draftAgreements",
    hint: "dashboard.draftAgreementsHint",
    to: "/agreements?status=DRAFT",
    link: "dashboard.showDrafts",
  },
];

/** The admin's "needs a person": what nobody else is set to pick up (the rest sits in the groups below). */
export function AttentionTiles({ counts, sections }: { counts: Attention; sections: readonly Section[] }) {
  const t = useT();
  return (
    <>
      <h2 className="dash-group">{t("dashboard.attentionGroup")}</h2>
      <div className="tiles">
        {TILES.map((tile) => {
          const count = counts[tile.count];
          const n = count.value;
          return (
            <Tile
              key={tile.id}
              id={tile.id}
              sections={sections}
              {...count}
              tone={n > 0 ? tile.tone : "good"}
              label={t(tile.label)}
              hint={n > 0 && tile.hint ? t(tile.hint) : undefined}
              to={tile.to}
              linkLabel={t(tile.link)}
            />
          );
        })}
      </div>
    </>
  );
}
