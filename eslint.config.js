import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

// House rules of docs/architecture.md that one file shows (the rest, across files, in api/src/architecture.test.ts).
// One list per folder: a later `no-restricted-syntax` replaces an earlier one, so each block repeats what it keeps.
const apiSyntax = [
  { selector: "TSEnumDeclaration", message: "A GraphQL enum comes from graphqlEnum() over its pgEnum's values, or a constant beside its rule (decision 0006)." },
  {
    selector: "TSAsExpression[typeAnnotation.typeName.name=/^(Db|Tx|DbOrTx)$/] > TSAsExpression.expression[typeAnnotation.type='TSUnknownKeyword']",
    message: "Services take DbOrTx: pass the transaction as it is.",
  },
];
const clockDefaults = [
  { selector: "AssignmentPattern > NewExpression.right[callee.name='Date'][arguments.length=0]", message: "Take the request's instant from the caller (ctx.now), not a default that reads the clock." },
  { selector: "AssignmentPattern > CallExpression.right[callee.object.name='Date'][callee.property.name='now']", message: "Take the request's instant from the caller (ctx.now), not a default that reads the clock." },
];
const clockReads = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "The request's instant is read once, in create-context.ts: use ctx.now." },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "The request's instant is read once, in create-context.ts: use ctx.now." },
  { selector: "CallExpression[callee.name='todayInSweden'][arguments.length=0]", message: "Today is read once per request: use ctx.clock.today or @Clock()." },
];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "portal/build/**", "api/dist/**", "bench/results/**", "portal/app/graphql/**", "examples/*/src/graphql/**", "api/src/db/migrations/**", ".data/**", ".test-artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["api/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": ["error", ...apiSyntax],
      "no-restricted-imports": ["error", { paths: [{ name: "type-graphql", importNames: ["registerEnumType"], message: "Use graphqlEnum() from shared/enums.ts (decision 0006)." }] }],
    },
  },
  { files: ["api/src/shared/enums.ts"], rules: { "no-restricted-imports": "off" } },
  // The drizzle drivers are made into the one Db type here, and nowhere else.
  { files: ["api/src/db/client.ts"], rules: { "no-restricted-syntax": ["error", apiSyntax[0]] } },
  { files: ["api/src/modules/**/*.service.ts"], rules: { "no-restricted-syntax": ["error", ...apiSyntax, ...clockDefaults] } },
  // The GraphQL layer answers with the request's one instant (decision 0009, 0044).
  { files: ["api/src/modules/**/*.{resolver,types,inputs,loaders}.ts"], rules: { "no-restricted-syntax": ["error", ...apiSyntax, ...clockDefaults, ...clockReads] } },
  {
    files: ["portal/app/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Test helpers parse arbitrary JSON responses.
    files: ["**/test/**/*.ts", "**/*.test.ts", "**/e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
