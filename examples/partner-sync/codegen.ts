import { fileURLToPath } from "node:url";
import type { CodegenConfig } from "@graphql-codegen/cli";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Types the example's operations. The schema is the committed SDL by default; point TRYGG_SCHEMA at
 * your Trygg endpoint (introspection is on) to type against the live API instead.
 * Run: `npx graphql-codegen --config examples/partner-sync/codegen.ts` (or `npm run codegen` at the root).
 */
const config: CodegenConfig = {
  schema: process.env.TRYGG_SCHEMA ?? here("../../schema/schema.graphql"),
  documents: [here("src/operations.graphql")],
  ignoreNoDocuments: false,
  generates: {
    [here("src/graphql/")]: {
      preset: "client",
      presetConfig: { fragmentMasking: false, gqlTagName: "graphql" },
      config: {
        // Documents as typed strings: plain fetch can send them, no GraphQL client library needed.
        documentMode: "string",
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          Date: "string",
          DateTime: "string",
          EmailAddress: "string",
          JSONObject: "Record<string, unknown>",
          NonNegativeInt: "number",
          SafeInt: "number",
        },
      },
    },
  },
};

export default config;
