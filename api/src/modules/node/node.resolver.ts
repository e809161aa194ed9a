import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { Clock } from "../../shared/clock.js";
import type { Viewer } from "../../shared/viewer.js";
import {
  AddOn,
  addOnIsActive,
  type AddOnRow,
  Agreement,
  HanteraAccount,
  type HanteraAccountRow,
  LicenceRental,
  type LicenceRentalRow,
  rentalIsActive,
} from "../agreements/index.js";
import * as agreements from "../agreements/index.js";
import * as access from "../access/index.js";
import * as accounts from "../accounts/index.js";
import { Invitation } from "../accounts/index.js";
import { ApiToken } from "../access/index.js";
import * as releases from "../releases/index.js";
import { ProductRelease } from "../releases/index.js";
import * as monitoring from "../monitoring/index.js";
import { MonitoringCheck } from "../monitoring/index.js";
import * as tailoring from "../tailoring/index.js";
import { ActionItem, ActionPlan, Tailoring } from "../tailoring/index.js";
import * as visits from "../visits/index.js";
import { ServiceVisit } from "../visits/index.js";
import { CurrentViewer } from "../../shared/auth.js";
import { fromGlobalId } from "../../shared/ids.js";
import * as parties from "../parties/index.js";
import { Organisation, Property, User } from "../parties/index.js";
import { Node } from "../../shared/node.js";
import * as support from "../support/index.js";
import { SupportCase, SupportCaseAttachment, SupportCaseMessage } from "../support/index.js";

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, {
    nullable: true,
    description: "Any object by its global id; null when it does not exist or the caller may not see it.",
  })
  async node(
    @Arg("id", () => ID, { description: "A global id from any `id` field." }) id: string,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() c: Clock,
  ): Promise<Node | null> {
    const ref = fromGlobalId(id);
    if (!ref) return null;
    switch (ref.type) {
      case "Organisation": {
        const row = await parties.findOrganisation(ctx.db, viewer, ref.id);
        return row && Organisation.from(row);
      }
      case "User": {
        const row = await parties.findUser(ctx.db, viewer, ref.id);
        return row && User.from(row);
      }
      case "Property": {
        const row = await parties.findProperty(ctx.db, viewer, ref.id);
        return row && Property.from(row);
      }
      case "Agreement": {
        const row = await agreements.findAgreement(ctx.db, viewer, ref.id, c);
        return row && Agreement.from(row);
      }
      case "Tailoring": {
        const t = await tailoring.findTailoring(ctx.db, viewer, ref.id, c);
        return t && Tailoring.from(t.tailoring);
      }
      case "ActionPlan": {
        const p = await tailoring.findActionPlan(ctx.db, viewer, ref.id, c);
        return p && ActionPlan.from(p);
      }
      case "HanteraAccount":
      case "LicenceRental":
      case "AddOn": {
        const part = await agreements.findPart(ctx.db, viewer, ref.type, ref.id, c);
        if (!part) return null;
        if (ref.type === "HanteraAccount") return HanteraAccount.from(part.row as HanteraAccountRow);
        if (ref.type === "LicenceRental") {
          const r = part.row as LicenceRentalRow;
          return LicenceRental.from(r, rentalIsActive(r, c.today));
        }
        const a = part.row as AddOnRow;
        return AddOn.from(a, addOnIsActive(a, part.agreement, c.today));
      }
      case "ActionItem": {
        const item = await tailoring.findActionItem(ctx.db, viewer, ref.id, c);
        return item && ActionItem.from(item);
      }
      case "ProductRelease": {
        const r = await releases.findProductRelease(ctx.db, ref.id);
        return r && ProductRelease.from(r);
      }
      case "ApiToken": {
        const t = await access.findApiToken(ctx.db, viewer, ref.id);
        return t && ApiToken.from(t);
      }
      case "Invitation": {
        const i = await accounts.findInvitation(ctx.db, viewer, ref.id);
        return i && Invitation.from(i);
      }
      case "ServiceVisit": {
        const v = await visits.findVisit(ctx.db, viewer, ref.id, c);
        return v && ServiceVisit.from(v.visit, ctx.now);
      }
      case "SupportCase": {
        const found = await support.findSupportCase(ctx.db, viewer, ref.id);
        return found && SupportCase.from(found);
      }
      case "SupportCaseMessage": {
        const m = await support.findMessage(ctx.db, viewer, ref.id);
        return m && SupportCaseMessage.from(m);
      }
      case "SupportCaseAttachment": {
        const a = await support.findAttachment(ctx.db, viewer, ref.id);
        return a && SupportCaseAttachment.from(a);
      }
      case "MonitoringCheck": {
        const check = await monitoring.findCheck(ctx.db, viewer, ref.id);
        return check && MonitoringCheck.from(check);
      }
      default:
        return null;
    }
  }
}
