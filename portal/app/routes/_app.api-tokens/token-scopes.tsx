import { hasMessage, type Translate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";

/** The three ways a token can be made: as the user, read-only, or to the scopes ticked. */
export type AccessChoice = "full" | "read" | "chosen";

export const readScopes = (all: readonly string[]) => all.filter((s) => s.endsWith(":read"));

/** "Supportärenden: ändra" for `cases:write`; a scope the portal has no words for yet shows as the API names it. */
function scopeLabel(t: Translate, scope: string): string {
  const [area = "", access] = scope.split(":");
  const areaKey = `apiTokens.area.${area}`;
  if (!hasMessage(areaKey) || (access !== "read" && access !== "write")) return scope;
  return t(access === "read" ? "apiTokens.scopeRead" : "apiTokens.scopeWrite", { area: t(areaKey) });
}

/** What a listed token may do, in words: full access, read-only, or its scopes. */
export function ScopeSummary({ scopes, all }: { scopes: readonly string[] | null; all: readonly string[] }) {
  const t = useT();
  if (!scopes) return <span className="muted">{t("apiTokens.scopesFull")}</span>;
  const reads = readScopes(all);
  if (scopes.length === reads.length && reads.every((s) => scopes.includes(s)))
    return <span>{t("apiTokens.scopesReadOnly")}</span>;
  return <span>{scopes.map((s) => scopeLabel(t, s)).join(", ")}</span>;
}

/** The choice on the create form; it works without JavaScript: the ticks count only with "Bara det jag väljer". */
export function ScopeChoice({
  all,
  chosen,
  error,
}: {
  all: readonly string[];
  chosen?: { access: AccessChoice; scopes: string[] };
  error?: string;
}) {
  const t = useT();
  const access = chosen?.access ?? "full";
  return (
    <fieldset
      className="scope-choice"
      aria-describedby={error ? "token-access-hint token-access-error" : "token-access-hint"}
      aria-invalid={error ? true : undefined}
    >
      <legend>{t("apiTokens.access")}</legend>
      <label className="check">
        <input type="radio" name="access" value="full" defaultChecked={access === "full"} /> {t("apiTokens.accessFull")}
      </label>
      <label className="check">
        <input type="radio" name="access" value="read" defaultChecked={access === "read"} /> {t("apiTokens.accessRead")}
      </label>
      <label className="check">
        <input type="radio" name="access" value="chosen" defaultChecked={access === "chosen"} />{" "}
        {t("apiTokens.accessChosen")}
      </label>
      <ul className="scope-list">
        {all.map((scope) => (
          <li key={scope}>
            <label className="check">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={chosen?.scopes.includes(scope)} />{" "}
              {scopeLabel(t, scope)}
            </label>
          </li>
        ))}
      </ul>
      <p id="token-access-hint" className="hint">
        {t("apiTokens.accessHint")}
      </p>
      {error ? (
        <p id="token-access-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
