import { ITEM_OWNERS } from "~/lib/enums";
import type { ActionItemOwner } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";

import type { TailoringResult } from "./intents";
import { typed } from "~/lib/form-result";
import { type PageItem } from "./types";

interface ItemFormProps {
  idPrefix: string;
  own: TailoringResult | undefined;
  defaults: {
    title?: string;
    description?: string;
    why?: string;
    owner?: ActionItemOwner;
    estimateHours?: string;
    estimateKronor?: string;
  };
}

/** The fields of an action item: what, details, why, who, estimate in hours or kronor. */
export function ItemFields({ idPrefix, own, defaults }: ItemFormProps) {
  const t = useT();
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <div className="form-row">
        <div className="field field-grow">
          <label htmlFor={id("title")}>{t("tailoring.item.title")}</label>
          <input
            id={id("title")}
            name="title"
            required
            maxLength={200}
            defaultValue={typed(own, "title") ?? defaults.title}
          />
        </div>
        <div className="field">
          <label htmlFor={id("owner")}>{t("tailoring.item.owner")}</label>
          <select id={id("owner")} name="owner" defaultValue={typed(own, "owner") ?? defaults.owner ?? "VENDOR"}>
            {ITEM_OWNERS.map((owner) => (
              <option key={owner} value={owner}>
                {t(`tailoring.owner.${owner}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-row">
        <div className="field field-grow">
          <label htmlFor={id("description")}>{t("tailoring.item.description")}</label>
          <textarea
            id={id("description")}
            name="description"
            rows={2}
            defaultValue={typed(own, "description") ?? defaults.description}
          />
        </div>
        <div className="field field-grow">
          <label htmlFor={id("why")}>{t("tailoring.item.why")}</label>
          <textarea id={id("why")} name="why" rows={2} defaultValue={typed(own, "why") ?? defaults.why} />
        </div>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={id("hours")}>{t("tailoring.item.estimateHours")}</label>
          <input
            id={id("hours")}
            name="estimateHours"
            inputMode="numeric"
            pattern="[0-9]*"
            size={8}
            defaultValue={typed(own, "estimateHours") ?? defaults.estimateHours}
          />
        </div>
        <div className="field">
          <label htmlFor={id("kronor")}>{t("tailoring.item.estimateKronor")}</label>
          <input
            id={id("kronor")}
            name="estimateKronor"
            inputMode="decimal"
            size={12}
            defaultValue={typed(own, "estimateKronor") ?? defaults.estimateKronor}
          />
        </div>
        <p className="hint form-row-hint">{t("tailoring.item.estimateHint")}</p>
      </div>
    </>
  );
}

export function kronorText(item: PageItem): string | undefined {
  if (!item.estimateCost) return undefined;
  const { amountMinor } = item.estimateCost;
  return amountMinor % 100 === 0 ? String(amountMinor / 100) : (amountMinor / 100).toFixed(2).replace(".", ",");
}
