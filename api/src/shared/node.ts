import { Field, ID, InterfaceType } from "type-graphql";

/** Every refetchable object implements it; it lives here so that no module depends on another for it. */
@InterfaceType({ description: "An object that can be fetched again by its global id with `node(id)`." })
export abstract class Node {
  @Field(() => ID, { description: "Opaque global id." })
  id!: string;
}
