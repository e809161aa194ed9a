import { useState } from "react";
import { useT } from "~/i18n/use-t";

/**
 * A secret shown this once (an API token, a webhook's signing secret), with a copy button for when JavaScript runs.
 * The words are the caller's: what the secret is and why it is not shown again differ.
 */
export function NewSecret(props: { heading: string; text: string; label: string; secret: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <section className="alert alert-success secret-panel" role="status" aria-labelledby="secret-title">
      <h2 id="secret-title">{props.heading}</h2>
      <p>{props.text}</p>
      <label htmlFor="new-secret">{props.label}</label>
      <div className="secret-row">
        <input
          id="new-secret"
          className="secret"
          readOnly
          value={props.secret}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
        />
        <button
          type="button"
          className="button"
          onClick={() => void navigator.clipboard.writeText(props.secret).then(() => setCopied(true))}
        >
          {copied ? t("apiTokens.copied") : t("apiTokens.copy")}
        </button>
      </div>
    </section>
  );
}
