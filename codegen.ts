import { readdirSync } from "node:fs";
import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * The portal's operation files in a fixed (sorted) order: a glob lists them in directory order,
 * which differs between file systems, and the generated files must not change with it.
 */
const portalDocuments = readdirSync("portal/app", { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".graphql"))
  .map((file) => `portal/app/${file.split("\\").join("/")}`)
  .sort();

/**
 * Typed operations for the portal, from the committed SDL and the portal's `.graphql` files.
 * Run from the repository root: `npx graphql-codegen --config codegen.ts`.
 */
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: portalDocuments,
  ignoreNoDocuments: false,
  generates: {
    "portal/app/graphql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
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
