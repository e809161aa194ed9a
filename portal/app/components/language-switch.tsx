import { Form, useLocation } from "@remix-run/react";
import { LANGS } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";

/**
 * Svenska / English; a plain form POST, so it works before JavaScript has loaded. A page that shows a second
 * switch beside the header's names it otherwise (`label`): two form landmarks of one name cannot be told apart.
 */
export function LanguageSwitch({ label }: { label?: string }) {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switch" aria-label={label ?? t("language.label")}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {LANGS.map((code) => (
        <button
          key={code}
          type="submit"
          name="lang"
          value={code}
          lang={code}
          className="link-button"
          aria-pressed={code === lang}
          disabled={code === lang}
        >
          {t(`language.${code}`)}
        </button>
      ))}
    </Form>
  );
}
