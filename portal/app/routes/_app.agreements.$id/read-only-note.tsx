import type { AgreementStatus, Role } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";
import { may } from "~/lib/agreements";
import { isValidStatus } from "./validity";

export function ReadOnlyNote({ role, permission, status }: { role: Role; permission: "benefits" | "addOns"; status: AgreementStatus }) {
  const t = useT();
  if (!may(role, permission)) return <p className="muted small read-only">{t("agreement.readOnly")}</p>;
  if (!isValidStatus(status)) return <p className="muted small read-only">{t("agreement.notValidNote")}</p>;
  return null;
}
