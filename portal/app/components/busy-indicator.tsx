import { useNavigation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** A bar along the top of the page while a page loads or a form is sent. */
export function BusyIndicator() {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <div className={busy ? "busy-bar busy" : "busy-bar"} role="status" aria-live="polite">
      <span className="visually-hidden">{busy ? t("common.loading") : ""}</span>
    </div>
  );
}
