import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** The product's name and subtitle, linking home. */
export function Brand() {
  const t = useT();
  return (
    <Link to="/" className="brand" aria-label={t("app.home")}>
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <path d="M16 2 4 7v8c0 7.2 5.1 13.3 12 15 6.9-1.7 12-7.8 12-15V7L16 2Z" fill="currentColor" />
        <path
          d="m11 16 3.5 3.5L21.5 12"
          fill="none"
          stroke="#fff"
          strokeWidth="2.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="brand-text">
        <span className="brand-name">{t("app.name")}</span>
        <span className="brand-tagline">{t("app.tagline")}</span>
      </span>
    </Link>
  );
}
