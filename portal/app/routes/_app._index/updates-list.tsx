import { Link } from "@remix-run/react";
import type { DashboardUpdateFragment } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";

/** Programs behind the latest release, one row per property and program, with the version to go to. */
export function UpdatesList({ updates }: { updates: readonly DashboardUpdateFragment[] }) {
  const t = useT();
  // An installation covered by two agreements is listed once.
  const unique = [...new Map(updates.map((u) => [`${u.property.id}:${u.product}`, u])).values()];
  return (
    <ul className="dash-list dash-list-compact">
      {unique.map((u) => (
        <li key={`${u.property.id}:${u.product}`}>
          <Link to={`/properties?q=${encodeURIComponent(u.property.name)}`}>{u.property.name}</Link>
          <span>
            {t(`product.${u.product}`)} {u.version} → {u.latestVersion ?? "?"}
          </span>
        </li>
      ))}
    </ul>
  );
}
