import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import { BOARD_RECOVERERS, HANDOVER_STARTERS } from "./accounts.roles.js";
import { Invitation, InvitationPayload } from "./accounts.types.js";
import { recoverBoard, startBoardHandover } from "./board-handover.js";
import { RecoverBoardAdminInput, StartBoardHandoverInput } from "./board-handover.types.js";

const settingsOf = (ctx: Context) => ({ now: ctx.now, portalUrl: ctx.app.portalUrl });

@Resolver()
export class BoardHandoverResolver {
  @Authorized(...HANDOVER_STARTERS)
  @Mutation(() => InvitationPayload, {
    description:
      "A partner's or customer's admin hands the organisation over: the successor is invited as admin and, once they accept, you leave if you said so. Resend or revoke it as any invitation.",
  })
  async startBoardHandover(
    @Arg("input", () => StartBoardHandoverInput, { description: "The successor, and whether you leave." })
    input: StartBoardHandoverInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    return payload(await startBoardHandover(ctx.db, viewer, settingsOf(ctx), input), "invitation", Invitation.from);
  }

  @Authorized(...BOARD_RECOVERERS)
  @Mutation(() => InvitationPayload, {
    description:
      "Vendor admins: recover a customer's or partner's board left without a reachable admin. A new admin is invited; the reason is kept in the audit trail (RECOVERY_REASON_REQUIRED).",
  })
  async recoverBoardAdmin(
    @Arg("input", () => RecoverBoardAdminInput, { description: "The organisation, the new admin and why." })
    input: RecoverBoardAdminInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const organisationId = uuidOf(input.organisationId, "Organisation");
    return payload(
      await recoverBoard(ctx.db, viewer, settingsOf(ctx), { ...input, organisationId }),
      "invitation",
      Invitation.from,
    );
  }
}
