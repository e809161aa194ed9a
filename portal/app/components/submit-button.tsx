import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";

interface SubmitButtonProps {
  children: ReactNode;
  /** Shown while this form is being sent. */
  busyLabel: ReactNode;
  /** The path the form posts to; the button is busy only for a submission there. */
  action?: string;
  /** Tells this button's form apart when a page has several (the form's `intent`). */
  intent?: string;
  /** Further data that must match, e.g. which row's button was pressed. */
  match?: Record<string, string>;
  className?: string;
  "aria-label"?: string;
}

/** A submit button that says what it is doing and cannot be pressed twice. */
export function SubmitButton({ children, busyLabel, action, intent, match, className, ...rest }: SubmitButtonProps) {
  const navigation = useNavigation();
  const form = navigation.state === "submitting" ? navigation.formData : undefined;
  const busy =
    form !== undefined &&
    (action === undefined || navigation.formAction?.split("?")[0] === action) &&
    (intent === undefined || form.get("intent") === intent) &&
    Object.entries(match ?? {}).every(([name, value]) => form.get(name) === value);
  return (
    <button
      type="submit"
      name={intent ? "intent" : undefined}
      value={intent}
      className={className ?? "button"}
      disabled={busy}
      aria-busy={busy}
      aria-label={rest["aria-label"]}
    >
      {busy ? busyLabel : children}
    </button>
  );
}
