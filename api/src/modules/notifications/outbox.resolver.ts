import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireViewer } from "../../shared/auth.js";
import { asksForTotalCount, ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { OUTBOX_KEEPERS } from "./outbox.roles.js";
import { listEmails, retryEmail } from "./outbox.service.js";
import {
  EmailFilter,
  EmailMessage,
  EmailMessageConnection,
  RetryEmailInput,
  RetryEmailPayload,
} from "./outbox.types.js";

@Resolver(() => EmailMessage)
export class OutboxResolver {
  @Authorized(...OUTBOX_KEEPERS)
  @Query(() => EmailMessageConnection, {
    description: "The e-mail outbox, newest first; `filter: { state: [FAILED] }` is what needs a person. Admins only.",
  })
  async emails(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => EmailFilter, { nullable: true, description: "Narrow the list." }) filter: EmailFilter | null,
    @Ctx() ctx: Context,
  ) {
    return mapNodes(
      await listEmails(
        ctx.db,
        requireViewer(ctx),
        { states: filter?.state ?? null },
        { ...page, countTotal: asksForTotalCount(info) },
      ),
      EmailMessage.from,
    );
  }

  @Authorized(...OUTBOX_KEEPERS)
  @Mutation(() => RetryEmailPayload, {
    description:
      "Send a FAILED e-mail again (a fresh round of attempts, audited); EMAIL_NOT_FAILED for one pending or sent, NOT_FOUND.",
  })
  async retryEmail(
    @Arg("input", () => RetryEmailInput, { description: "The e-mail." }) input: RetryEmailInput,
    @Ctx() ctx: Context,
  ) {
    const r = await retryEmail(ctx.db, requireViewer(ctx), { emailId: uuidOf(input.emailId, "EmailMessage") });
    return payload(r, "email", EmailMessage.from);
  }
}
