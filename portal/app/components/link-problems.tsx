import { useT } from "~/i18n/use-t";
import type { LinkProblems } from "~/lib/list-link.server";

/** Says above a list what was wrong with its link, and what the list shows instead. */
export function LinkProblemsAlert({ problems }: { problems: LinkProblems }) {
  const t = useT();
  if (!problems.badCursor && !problems.badDate) return null;
  return (
    <div className="alert alert-error" role="alert">
      {problems.badDate ? <p>{t("list.badDate", { value: problems.badDate })}</p> : null}
      {problems.badCursor ? <p>{t("list.badCursor")}</p> : null}
    </div>
  );
}
