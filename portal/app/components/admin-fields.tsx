import type { FieldKit } from "~/components/intent-form";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";

/** One labelled input of an admin form, its error right under it. */
export function TextField({
  kit,
  name,
  label,
  type = "text",
  hint,
  initial,
  ...rest
}: {
  kit: FieldKit;
  name: string;
  label: MessageKey;
  type?: string;
  hint?: MessageKey;
  /** The value the record has now, in a form that corrects it. */
  initial?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "text";
  min?: number;
}) {
  const t = useT();
  const props = kit.props(name);
  const hintId = hint ? `${props.id}-hint` : undefined;
  const describedBy = [hintId, props["aria-describedby"]].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{t(label)}</label>
      <input {...props} aria-describedby={describedBy} type={type} defaultValue={kit.value(name, initial)} {...rest} />
      {hint ? (
        <p id={hintId} className="hint">
          {t(hint)}
        </p>
      ) : null}
      {kit.error(name)}
    </div>
  );
}

/** One labelled select of an admin form. */
export function SelectField({
  kit,
  name,
  label,
  options,
  empty,
  initial = "",
}: {
  kit: FieldKit;
  name: string;
  label: MessageKey;
  options: ReadonlyArray<{ value: string; label: string }>;
  empty?: string;
  initial?: string;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={kit.props(name).id}>{t(label)}</label>
      <select {...kit.props(name)} defaultValue={kit.value(name, initial)}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {kit.error(name)}
    </div>
  );
}
