import { contactRequestKind } from "../../db/schema/index.js";
import { graphqlEnum } from "../../shared/enums.js";

export const ContactRequestKind = graphqlEnum(contactRequestKind.enumValues, {
  name: "ContactRequestKind",
  description: "What the sender asks for on the public contact page.",
  valuesConfig: {
    HELP: { description: "Help with an installation or Trygg: waits in the support queue." },
    AGREEMENT: { description: "To be contacted about an agreement: a sales lead for the sellers." },
  },
});
export type ContactRequestKind = (typeof contactRequestKind.enumValues)[number];
