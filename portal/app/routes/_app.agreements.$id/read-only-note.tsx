import { useT } from "~/i18n/use-t";

/** Where the viewer may not change anything (the API says so); the status banner says why when it is the status. */
export function ReadOnlyNote() {
  const t = useT();
  return <p className="muted small read-only">{t("agreement.readOnly")}</p>;
}
