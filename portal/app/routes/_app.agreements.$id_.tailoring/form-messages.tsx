import { useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { TailoringResult } from "./intents";

/** The errors of one form, or the conflict message with a way to reload. */
export function FormMessages({ result }: { result: TailoringResult | undefined }) {
  const t = useT();
  const location = useLocation();
  if (!result || result.ok || result.errors.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      {result.errors.map((key) => (
        <p key={key} className="alert-line">
          {t(key)}
        </p>
      ))}
      {result.conflict ? (
        <p className="alert-line">
          <a href={location.pathname} className="button button-small button-secondary">
            {t("tailoring.conflict.reload")}
          </a>
        </p>
      ) : null}
    </div>
  );
}
