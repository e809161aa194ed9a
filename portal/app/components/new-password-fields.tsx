import { useT } from "~/i18n/use-t";

/**
 * A new password typed twice (a typo in a field nobody can see would lock the person out), with the
 * rules beside it; `error` names which of the two fields the problem concerns.
 */
export function NewPasswordFields({ error }: { error?: "password" | "confirm" | null }) {
  const t = useT();
  return (
    <>
      <div className="field">
        <label htmlFor="password">{t("password.new")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-describedby="password-hint"
          aria-invalid={error === "password" ? true : undefined}
        />
        <p className="hint" id="password-hint">
          {t("password.rules")}
        </p>
      </div>
      <div className="field">
        <label htmlFor="confirm">{t("password.confirm")}</label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={error === "confirm" ? true : undefined}
        />
      </div>
    </>
  );
}

/** The two fields' problem before the API is asked: left empty, or not the same. */
export function newPasswordProblem(form: FormData): "password.missing" | "password.differ" | null {
  const password = String(form.get("password") ?? "");
  if (!password) return "password.missing";
  return password === String(form.get("confirm") ?? "") ? null : "password.differ";
}
