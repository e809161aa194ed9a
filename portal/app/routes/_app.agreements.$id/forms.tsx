import { Form, useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import { SubmitButton } from "~/components/submit-button";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { formErrorText, type FormError } from "~/lib/agreements";
import type { Intent, IntentResult } from "./intents";

/** The action's answer when it concerns this form (and this row, for a row's button). */
export function useIntentResult(intent: Intent, target?: string): IntentResult | undefined {
  const result = useActionData<() => Promise<IntentResult>>();
  if (!result || result.intent !== intent) return undefined;
  if (target !== undefined && result.target !== target) return undefined;
  return result;
}

export interface FormKit {
  /** id, name and the ARIA state of one input. */
  props(name: string): { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };
  /** The error of one input, right under it. */
  error(name: string): ReactNode;
  /** What the user typed before an error, else the fallback. */
  value(name: string, fallback?: string): string | undefined;
  failed: boolean;
}

interface IntentFormProps {
  intent: Intent;
  /** The input names this form has; errors on other fields are shown above the form. */
  fields?: readonly string[];
  target?: string;
  className?: string;
  /** Asked before sending (window.confirm) when JavaScript runs. */
  confirm?: string;
  hidden?: Record<string, string>;
  "aria-label"?: string;
  children: (kit: FormKit) => ReactNode;
}

/** A form posting `intent` to the page's action, with userErrors beside its fields. */
export function IntentForm({ intent, fields = [], target, className, confirm, hidden, children, ...rest }: IntentFormProps) {
  const t = useT();
  const result = useIntentResult(intent, target);
  const failed = result && !result.ok ? result : undefined;
  const prefix = target ? `${intent}-${target}` : intent;
  const errorFor = (name: string): FormError | undefined => failed?.errors.find((error) => error.field === name);
  const general = failed?.errors.filter((error) => !error.field || !fields.includes(error.field)) ?? [];
  const kit: FormKit = {
    props(name) {
      const error = errorFor(name);
      return { id: `${prefix}-${name}`, name, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${prefix}-${name}-error` : undefined };
    },
    error(name) {
      const error = errorFor(name);
      return error ? (
        <p id={`${prefix}-${name}-error`} className="field-error" role="alert">
          {formErrorText(t, error)}
        </p>
      ) : null;
    },
    value: (name, fallback) => failed?.values[name] ?? fallback,
    failed: failed !== undefined,
  };
  return (
    <Form
      method="post"
      preventScrollReset
      // A fresh form after a success, so the next entry starts empty.
      key={result?.ok ? result.nonce : "form"}
      className={className}
      aria-label={rest["aria-label"]}
      onSubmit={
        confirm
          ? (event) => {
              if (!window.confirm(confirm)) event.preventDefault();
            }
          : undefined
      }
    >
      {target ? <input type="hidden" name="targetId" value={target} /> : null}
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {general.map((error) => (
        <p key={`${error.code}-${error.field ?? ""}`} className="alert alert-error form-alert" role="alert">
          {formErrorText(t, error)}
        </p>
      ))}
      {children(kit)}
    </Form>
  );
}

/** "Kontot för Eva är skapat." after one of these forms succeeded. */
export function SuccessNotice({ intents }: { intents: readonly Intent[] }) {
  const t = useT();
  const result = useActionData<() => Promise<IntentResult>>();
  if (!result?.ok || !intents.includes(result.intent)) return null;
  const key: MessageKey = `agreement.done.${result.intent}`;
  return (
    <p className="alert alert-success" role="status">
      {t(key, { subject: result.subject ?? "" })}
    </p>
  );
}

/** The submit button of an intent form. */
export function IntentButton({ intent, target, busy, children, className }: { intent: Intent; target?: string; busy: string; children: ReactNode; className?: string }) {
  return (
    <SubmitButton intent={intent} match={target ? { targetId: target } : undefined} busyLabel={busy} className={className}>
      {children}
    </SubmitButton>
  );
}
