import { Form, useActionData, useLocation } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import { SubmitButton } from "~/components/submit-button";
import { useT } from "~/i18n/use-t";
import { formErrorText, resultFor, type FormError, type FormResult } from "~/lib/form-result";

/** The page action's last answer; a FormResult is plain JSON, so it arrives as it was sent. */
export function useLastResult<Intent extends string>(): FormResult<Intent> | undefined {
  return useActionData() as FormResult<Intent> | undefined;
}

/** The page action's answer when it concerns this form (and this row, for a row's button). */
export function useFormResult<Intent extends string>(intent: Intent, target?: string): FormResult<Intent> | undefined {
  return resultFor(useLastResult<Intent>(), intent, target);
}

/** Errors that concern a whole form, or the conflict message with a way to reload. */
export function FormErrors({ errors, conflict }: { errors: readonly FormError[]; conflict?: boolean }) {
  const t = useT();
  const location = useLocation();
  if (errors.length === 0) return null;
  return (
    <div className="alert alert-error form-alert" role="alert">
      {errors.map((error) => (
        <p key={`${error.code}-${error.field ?? ""}-${error.key ?? ""}`} className="alert-line">
          {formErrorText(t, error)}
        </p>
      ))}
      {conflict ? (
        <p className="alert-line">
          <a href={location.pathname} className="button button-small button-secondary">
            {t("form.reload")}
          </a>
        </p>
      ) : null}
    </div>
  );
}

/** A failed result's errors above its form. */
export function ResultErrors({ result }: { result: FormResult<string> | undefined }) {
  if (!result || result.ok) return null;
  return <FormErrors errors={result.errors} conflict={result.conflict} />;
}

export interface FieldKit {
  /** id, name and the ARIA state of one input. */
  props(name: string): { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };
  /** The error of one input, right under it. */
  error(name: string): ReactNode;
  /** What the user typed before an error, else the fallback. */
  value(name: string, fallback?: string): string | undefined;
  failed: boolean;
}

interface IntentFormProps<Intent extends string> {
  intent: Intent;
  /** Further intents this form's buttons post (a draft save beside the final one): their answers show here too. */
  also?: readonly Intent[];
  /** The input names this form has; errors on other fields are shown above the form. */
  fields?: readonly string[];
  target?: string;
  className?: string;
  /** Asked before sending (window.confirm) when JavaScript runs. */
  confirm?: string;
  hidden?: Record<string, string>;
  /** Called before sending; preventDefault() keeps the form from being sent (the visit form's offline queue). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  "aria-label"?: string;
  children: (kit: FieldKit) => ReactNode;
}

/** A form posting `intent` to the page's action, with errors beside its fields. */
export function IntentForm<Intent extends string>({
  intent,
  also = [],
  fields = [],
  target,
  className,
  confirm,
  hidden,
  onSubmit,
  children,
  ...rest
}: IntentFormProps<Intent>) {
  const t = useT();
  const last = useLastResult<Intent>();
  const result = [intent, ...also]
    .map((posted) => resultFor(last, posted, target))
    .find((answer) => answer !== undefined);
  const failed = result && !result.ok ? result : undefined;
  const prefix = target ? `${intent}-${target}` : intent;
  const errorFor = (name: string): FormError | undefined => failed?.errors.find((error) => error.field === name);
  const general = failed?.errors.filter((error) => !error.field || !fields.includes(error.field)) ?? [];
  const kit: FieldKit = {
    props(name) {
      const error = errorFor(name);
      return {
        id: `${prefix}-${name}`,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${prefix}-${name}-error` : undefined,
      };
    },
    error(name) {
      const error = errorFor(name);
      return error ? (
        <p id={`${prefix}-${name}-error`} className="field-error" role="alert">
          {formErrorText(t, error)}
        </p>
      ) : null;
    },
    value(name, fallback) {
      const value = failed?.values[name];
      return (Array.isArray(value) ? value.join(",") : value) ?? fallback;
    },
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
        confirm || onSubmit
          ? (event) => {
              if (confirm && !window.confirm(confirm)) event.preventDefault();
              else onSubmit?.(event);
            }
          : undefined
      }
    >
      {target ? <input type="hidden" name="targetId" value={target} /> : null}
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormErrors errors={general} conflict={failed?.conflict} />
      {children(kit)}
    </Form>
  );
}

/** "Kontot för Eva är skapat." after one of these forms succeeded. */
export function SuccessNotice<Intent extends string>({ intents }: { intents: readonly Intent[] }) {
  const t = useT();
  const result = useLastResult<Intent>();
  if (!result?.ok || !result.done || !intents.includes(result.intent)) return null;
  return (
    <p className="alert alert-success" role="status">
      {t(result.done, { subject: result.subject ?? "" })}
    </p>
  );
}

/** The submit button of an intent form; busy only while this form (this row's) is being sent. */
export function IntentButton({
  intent,
  target,
  busy,
  children,
  className,
}: {
  intent: string;
  target?: string;
  busy: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <SubmitButton
      intent={intent}
      match={target ? { targetId: target } : undefined}
      busyLabel={busy}
      className={className}
    >
      {children}
    </SubmitButton>
  );
}

/** A row's one-button form that ends something (an account, a rental, an add-on), asking first. */
export function RowAction({
  intent,
  target,
  confirm,
  busy,
  children,
}: {
  intent: string;
  target: string;
  confirm: string;
  busy: string;
  children: ReactNode;
}) {
  return (
    <IntentForm intent={intent} target={target} confirm={confirm}>
      {() => (
        <IntentButton intent={intent} target={target} busy={busy} className="button button-danger button-small">
          {children}
        </IntentButton>
      )}
    </IntentForm>
  );
}

/** A row's last cell in a list the viewer may edit: the row's action while the row is still active. */
export function RowActionCell({
  editable,
  active,
  ...action
}: { editable: boolean; active: boolean } & Parameters<typeof RowAction>[0]) {
  if (!editable) return null;
  return <td>{active ? <RowAction {...action} /> : null}</td>;
}
