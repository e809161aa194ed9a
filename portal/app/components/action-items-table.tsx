import type { ReactNode } from "react";
import type { ActionItemOwner, ActionItemRowFragment } from "~/graphql/graphql";
import { formatNumber } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatMoney } from "~/lib/money";
import { StackedTable } from "./stacked-table";

/** "6 h · 12 500 kr", or a dash. */
export function Estimate({ item }: { item: Pick<ActionItemRowFragment, "estimateHours" | "estimateCost"> }) {
  const t = useT();
  const lang = useLang();
  const parts: string[] = [];
  if (item.estimateHours != null)
    parts.push(t("tailoring.item.hours", { hours: formatNumber(lang, item.estimateHours) }));
  if (item.estimateCost) parts.push(formatMoney(lang, item.estimateCost));
  return <>{parts.length > 0 ? parts.join(" · ") : t("common.none")}</>;
}

export function OwnerBadge({ owner }: { owner: ActionItemOwner }) {
  const t = useT();
  return <span className={`badge badge-${owner.toLowerCase()}`}>{t(`tailoring.owner.${owner}`)}</span>;
}

interface ActionItemsTableProps<Item extends ActionItemRowFragment> {
  items: readonly Item[];
  caption: ReactNode;
  /** The caption for screen readers only (the page has a heading that says it). */
  captionHidden?: boolean;
  className: string;
  /** Under the title: badges and notes. */
  titleNotes: (item: Item) => ReactNode;
  /** The status column: a badge, the text, or a form to change it. */
  status: (item: Item) => ReactNode;
  /** On paper the owner is a word; on screen a coloured badge. */
  ownerAs?: "badge" | "text";
  rowProps?: (item: Item) => { className?: string; "data-item-title"?: string };
}

/** The action plan's items in priority order: on the tailoring page and in its print view. */
export function ActionItemsTable<Item extends ActionItemRowFragment>({
  items,
  caption,
  captionHidden,
  className,
  titleNotes,
  status,
  ownerAs = "badge",
  rowProps,
}: ActionItemsTableProps<Item>) {
  const t = useT();
  return (
    <StackedTable
      className={className}
      caption={<caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>}
      columns={[
        { label: "#", className: "numeric" },
        t("tailoring.item.title"),
        t("tailoring.item.owner"),
        t("tailoring.item.estimate"),
        t("tailoring.item.status"),
      ]}
    >
      <tbody>
        {items.map((item) => (
          <tr key={item.id} {...rowProps?.(item)}>
            <td className="numeric tabular">{item.position}</td>
            <th scope="row">
              {item.title}
              {titleNotes(item)}
            </th>
            <td>{ownerAs === "badge" ? <OwnerBadge owner={item.owner} /> : t(`tailoring.owner.${item.owner}`)}</td>
            <td className="tabular">
              <Estimate item={item} />
            </td>
            <td>{status(item)}</td>
          </tr>
        ))}
      </tbody>
    </StackedTable>
  );
}
