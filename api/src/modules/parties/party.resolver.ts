import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import type { Viewer } from "../../shared/viewer.js";
import { CurrentViewer } from "../../shared/auth.js";
import { asksForTotalCount, ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import {
  ORGANISATION_EDITORS,
  ORGANISATION_REGISTERING_CALLERS,
  PROPERTY_REGISTERING_CALLERS,
  PROPERTY_REGISTRARS,
  USER_CREATORS,
} from "./party.roles.js";
import { mayCorrectOrganisation, updateOrganisation } from "./organisation-correction.js";
import { mayCorrectProperty, updateProperty } from "./property-correction.js";
import {
  UpdateOrganisationInput,
  UpdateOrganisationPayload,
  UpdatePropertyInput,
  UpdatePropertyPayload,
} from "./record-correction.types.js";
import * as userAccess from "./user-access.js";
import * as parties from "./party.service.js";
import { readerLanguage } from "./actor.js";
import { nameFor } from "./user-anonymisation.js";
import { mayInviteUserIn } from "./user-invitation-reach.js";
import {
  Organisation,
  OrganisationConnection,
  OrganisationFilter,
  Property,
  PropertyConnection,
  PropertyFilter,
  Tier,
  User,
  UserConnection,
} from "./party.types.js";
import {
  ChangeUserRoleInput,
  ChangeUserRolePayload,
  CreateOrganisationInput,
  CreateOrganisationPayload,
  CreatePropertyInput,
  CreatePropertyPayload,
  CreateUserInput,
  CreateUserPayload,
  DeactivateUserInput,
  DeactivateUserPayload,
} from "./party.inputs.js";

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Authorized()
  @Query(() => OrganisationConnection, { description: "Organisations the caller may see, by name." })
  async organisations(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => OrganisationFilter, { nullable: true, description: "Narrow the list." })
    filter: OrganisationFilter | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const c = await parties.listOrganisations(ctx.db, viewer, filter ?? {}, {
      ...page,
      countTotal: asksForTotalCount(info),
    });
    return mapNodes(c, Organisation.from);
  }

  @Authorized()
  @Query(() => Organisation, {
    nullable: true,
    description: "One organisation; null when it does not exist or is not visible to the caller.",
  })
  async organisation(
    @Arg("id", () => ID, { description: "Global id of the organisation." }) id: string,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const row = await parties.findOrganisation(ctx.db, viewer, uuidOf(id, "Organisation"));
    return row && Organisation.from(row);
  }

  @Authorized(...ORGANISATION_REGISTERING_CALLERS)
  @Mutation(() => CreateOrganisationPayload, {
    description:
      "Register an organisation. Admins register any kind; sellers register customers; a partner admin registers a customer of its own (then in its scope).",
  })
  async createOrganisation(
    @Arg("input", () => CreateOrganisationInput, { description: "The organisation." }) input: CreateOrganisationInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await parties.createOrganisation(ctx.db, viewer, input);
    return payload(result, "organisation", Organisation.from);
  }

  @Authorized(...ORGANISATION_EDITORS)
  @Mutation(() => UpdateOrganisationPayload, {
    description:
      "Correct an organisation's name or number. Admins any; sellers customers; a partner's or customer's admin its own, a partner admin also the customers its partner registered. Audited with before and after.",
  })
  async updateOrganisation(
    @Arg("input", () => UpdateOrganisationInput, { description: "The organisation and what to change." })
    input: UpdateOrganisationInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await updateOrganisation(ctx.db, viewer, {
      ...input,
      organisationId: uuidOf(input.organisationId, "Organisation"),
    });
    return payload(result, "organisation", Organisation.from);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the caller may correct this organisation (updateOrganisation).",
  })
  viewerCanCorrect(@Root() org: Organisation, @CurrentViewer() viewer: Viewer) {
    return mayCorrectOrganisation(viewer, {
      id: org.uuid,
      kind: org.kind,
      registeredByPartnerId: org.registeredByPartnerId,
    });
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may invite, deactivate and change the roles of this organisation's users: vendor admins any, an organisation's admin its own, a partner admin the customers its partner registered.",
  })
  viewerCanAdministerUsers(@Root() org: Organisation, @CurrentViewer() viewer: Viewer) {
    return parties.mayCreateUserIn(viewer, { id: org.uuid, registeredByPartnerId: org.registeredByPartnerId });
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may invite people to this organisation: whoever may administer its users, and a seller any customer's.",
  })
  viewerCanInviteUsers(@Root() org: Organisation, @CurrentViewer() viewer: Viewer) {
    return mayInviteUserIn(viewer, { id: org.uuid, kind: org.kind, registeredByPartnerId: org.registeredByPartnerId });
  }

  @FieldResolver(() => UserConnection, { description: "The organisation's users, when the caller may see them." })
  async users(
    @Root() org: Organisation,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const c = await parties.listUsers(
      ctx.db,
      viewer,
      { organisationId: org.uuid },
      { ...page, countTotal: asksForTotalCount(info) },
    );
    return mapNodes(c, User.from);
  }

  @FieldResolver(() => PropertyConnection, {
    description: "Properties the organisation owns (customers), when the caller may see them.",
  })
  async properties(
    @Root() org: Organisation,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const c = await parties.listProperties(
      ctx.db,
      viewer,
      { customerId: org.uuid },
      { ...page, countTotal: asksForTotalCount(info) },
    );
    return mapNodes(c, Property.from);
  }
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => String, {
    description: 'Full name; a former user\'s in the caller\'s language ("före detta användare", "former user").',
  })
  async name(@Root() user: User, @Ctx() ctx: Context) {
    return nameFor(await readerLanguage(ctx), user.name, user.formerUser);
  }

  @Authorized()
  @Query(() => UserConnection, {
    description:
      "Users the caller may see: everyone for vendor staff, otherwise the caller's colleagues, and for a partner admin also the users of the customers its partner registered.",
  })
  async users(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("organisationId", () => ID, { nullable: true, description: "Only users of this organisation." })
    organisationId: string | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const filter = { organisationId: organisationId ? uuidOf(organisationId, "Organisation") : null };
    return mapNodes(
      await parties.listUsers(ctx.db, viewer, filter, { ...page, countTotal: asksForTotalCount(info) }),
      User.from,
    );
  }

  @Authorized()
  @Query(() => User, {
    nullable: true,
    description: "One user; null when it does not exist or is not visible to the caller.",
  })
  async user(
    @Arg("id", () => ID, { description: "Global id of the user." }) id: string,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const row = await parties.findUser(ctx.db, viewer, uuidOf(id, "User"));
    return row && User.from(row);
  }

  @Authorized(...USER_CREATORS)
  @Mutation(() => CreateUserPayload, {
    description:
      "Create a user. Admins anywhere; partner and customer admins in their own organisation, a partner admin also in the customers its partner registered.",
  })
  async createUser(
    @Arg("input", () => CreateUserInput, { description: "The user." }) input: CreateUserInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await parties.createUser(ctx.db, viewer, {
      ...input,
      organisationId: uuidOf(input.organisationId, "Organisation"),
    });
    return payload(result, "user", User.from);
  }

  @Authorized(...USER_CREATORS)
  @Mutation(() => DeactivateUserPayload, {
    description:
      "Deactivate a user: log-in refused (as for a wrong password), sessions and API tokens ended at once. Admins anywhere; partner and customer admins in their own organisation, a partner admin also in the customers its partner registered; never the organisation's last admin.",
  })
  async deactivateUser(
    @Arg("input", () => DeactivateUserInput, { description: "The user." }) input: DeactivateUserInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    return payload(
      await userAccess.deactivateUser(ctx.db, viewer, { userId: uuidOf(input.userId, "User") }),
      "user",
      User.from,
    );
  }

  @Authorized(...USER_CREATORS)
  @Mutation(() => ChangeUserRolePayload, {
    description:
      "Change a user's role (it must fit the organisation); their sessions and API tokens end. Admins anywhere; partner and customer admins in their own organisation, a partner admin also in the customers its partner registered; never demoting the last admin.",
  })
  async changeUserRole(
    @Arg("input", () => ChangeUserRoleInput, { description: "The user and the role." }) input: ChangeUserRoleInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    return payload(
      await userAccess.changeUserRole(ctx.db, viewer, { userId: uuidOf(input.userId, "User"), role: input.role }),
      "user",
      User.from,
    );
  }

  @FieldResolver(() => Organisation, { description: "The organisation the user belongs to." })
  async organisation(@Root() user: User, @Ctx() ctx: Context) {
    return Organisation.from((await ctx.loaders.organisation.load(user.organisationUuid))!);
  }
}

@Resolver(() => Property)
export class PropertyResolver {
  @Authorized()
  @Query(() => PropertyConnection, { description: "Properties the caller may see, by name." })
  async properties(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => PropertyFilter, { nullable: true, description: "Narrow the list." })
    filter: PropertyFilter | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const f = {
      search: filter?.search ?? null,
      updatedSince: filter?.updatedSince ?? null,
      customerId: filter?.customerId ? uuidOf(filter.customerId, "Organisation") : null,
    };
    return mapNodes(
      await parties.listProperties(ctx.db, viewer, f, { ...page, countTotal: asksForTotalCount(info) }),
      Property.from,
    );
  }

  @Authorized()
  @Query(() => Property, {
    nullable: true,
    description: "One property; null when it does not exist or is not visible to the caller.",
  })
  async property(
    @Arg("id", () => ID, { description: "Global id of the property." }) id: string,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const row = await parties.findProperty(ctx.db, viewer, uuidOf(id, "Property"));
    return row && Property.from(row);
  }

  @Authorized(...PROPERTY_REGISTERING_CALLERS)
  @Mutation(() => CreatePropertyPayload, {
    description: "Register a property. Admins and sellers for any customer; a customer admin for its own.",
  })
  async createProperty(
    @Arg("input", () => CreatePropertyInput, { description: "The property." }) input: CreatePropertyInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await parties.createProperty(ctx.db, viewer, {
      ...input,
      customerId: uuidOf(input.customerId, "Organisation"),
      installerId: input.installerId ? uuidOf(input.installerId, "Organisation") : null,
    });
    return payload(result, "property", Property.from);
  }

  @Authorized(...PROPERTY_REGISTRARS)
  @Mutation(() => UpdatePropertyPayload, {
    description:
      "Correct a property's name, address, apartments or installer. Admins and sellers any; a customer admin its own. Audited with before and after.",
  })
  async updateProperty(
    @Arg("input", () => UpdatePropertyInput, { description: "The property and what to change." })
    input: UpdatePropertyInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await updateProperty(ctx.db, viewer, {
      ...input,
      propertyId: uuidOf(input.propertyId, "Property"),
      installerId: input.installerId ? uuidOf(input.installerId, "Organisation") : input.installerId,
    });
    return payload(result, "property", Property.from);
  }

  @FieldResolver(() => Boolean, { description: "Whether the caller may correct this property (updateProperty)." })
  viewerCanCorrect(@Root() property: Property, @CurrentViewer() viewer: Viewer) {
    return mayCorrectProperty(viewer, { customerId: property.customerUuid });
  }

  @FieldResolver(() => Organisation, { description: "The customer that owns the property." })
  async customer(@Root() property: Property, @Ctx() ctx: Context) {
    return Organisation.from((await ctx.loaders.organisation.load(property.customerUuid))!);
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description:
      "The partner that installed the system, if known; null also when the caller may not see that partner (as `node(id)`).",
  })
  async installer(@Root() property: Property, @Ctx() ctx: Context) {
    if (!property.installerUuid) return null;
    const row = await ctx.loaders.visibleOrganisation.load(property.installerUuid);
    return row && Organisation.from(row);
  }
}

@Resolver(() => Tier)
export class TierResolver {
  @Query(() => [Tier], { description: "The support agreement tiers and their benefits. Public: the brochure is too." })
  async tiers(@Ctx() ctx: Context) {
    return (await parties.listTiers(ctx.db)).map(Tier.from);
  }
}
