import { Form } from "@remix-run/react";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";

/** Which slice of a list to show, kept in the URL's `view` so a dashboard count can link to it. */
export function ViewSelect<V extends string>(props: {
  id: string;
  views: readonly V[];
  current: V;
  label: MessageKey;
  viewLabel: (view: V) => MessageKey;
  action?: string;
}) {
  const t = useT();
  return (
    <Form method="get" action={props.action} className="inline-form view-select" aria-label={t(props.label)}>
      <div className="field">
        <label htmlFor={props.id}>{t(props.label)}</label>
        <select id={props.id} name="view" defaultValue={props.current} key={props.current}>
          {props.views.map((v) => (
            <option key={v} value={v}>
              {t(props.viewLabel(v))}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-secondary">
        {t("support.show")}
      </button>
    </Form>
  );
}

/** The view a URL asks for, or the first (the default) when it names none or one not offered. */
export function viewFrom<V extends string>(url: URL, views: readonly [V, ...V[]]): V {
  return views.find((v) => v === url.searchParams.get("view")) ?? views[0];
}
