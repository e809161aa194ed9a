import { useT } from "~/i18n/use-t";
import { type PageAgreement, type PageTailoring } from "./types";

/** What the tailoring waits for now, in one sentence. */
export function WaitingNote({ tailoring, agreement }: { tailoring: PageTailoring; agreement: PageAgreement }) {
  const t = useT();
  if (tailoring.currentStep === "DONE") return null;
  const who = tailoring.waitingOn.map((party) =>
    party === "VENDOR" ? (agreement.seller?.name ?? t("tailoring.party.VENDOR")) : agreement.customer.name,
  );
  if (who.length === 0) return null;
  return (
    <p className="waiting-note" data-testid="waiting-on">
      <span className="badge badge-waiting">{t("tailoring.waiting.label")}</span>{" "}
      {who.join(` ${t("tailoring.waiting.and")} `)}
    </p>
  );
}
