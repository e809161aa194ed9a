import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const root = path.dirname(fileURLToPath(import.meta.url));
const apiDir = path.join(root, "api") + path.sep;

/**
 * The API's source belongs to the API: the portal, the shared packages and the partner example reach
 * it only over GraphQL (or, for shared code, through a workspace package such as @trygg/charts).
 * A relative path is resolved, so `../../api/src/x` is caught however deep the importing file is.
 */
const noApiSource = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      apiSource: "'{{source}}' is API source: use GraphQL, or move shared code to a workspace package (packages/).",
    },
  },
  create(context) {
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const spec = source.value;
      const intoApi = spec.startsWith(".")
        ? path.resolve(path.dirname(context.filename), spec).startsWith(apiDir)
        : /^@trygg\/api(\/|$)/.test(spec);
      if (intoApi) context.report({ node: source, messageId: "apiSource", data: { source: spec } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

// House rules of docs/architecture.md that one file shows (the rest, across files, in api/src/architecture.test.ts).
// Who sees what in the portal is decided by the role lists the API refuses by, in one package (decisions 0099, 0107:
// packages/roles); a role named anywhere else in the portal is a second place for that fact. "SUPPORT" is also a
// section's name, so only a comparison with it counts.
const portalRoleSyntax = [
  {
    selector: "Literal[value=/^(ADMIN|SELLER|PARTNER_ADMIN|PARTNER_STAFF|CUSTOMER_ADMIN|CUSTOMER_MEMBER)$/]",
    message: "Name roles only in packages/roles (@trygg/roles), by the list for the rule (isOneOf(role, LIST)).",
  },
  {
    selector: "BinaryExpression > Literal[value='SUPPORT']",
    message: "Name roles only in packages/roles (@trygg/roles), by the list for the rule (isOneOf(role, LIST)).",
  },
];

// One list per folder: a later `no-restricted-syntax` replaces an earlier one, so each block repeats what it keeps.
const apiSyntax = [
  {
    selector: "TSEnumDeclaration",
    message:
      "A GraphQL enum comes from graphqlEnum() over its pgEnum's values, or a constant beside its rule (decision 0006).",
  },
  {
    selector:
      "TSAsExpression[typeAnnotation.typeName.name=/^(Db|Tx|DbOrTx)$/] > TSAsExpression.expression[typeAnnotation.type='TSUnknownKeyword']",
    message: "Services take DbOrTx: pass the transaction as it is.",
  },
];
const clockDefaults = [
  {
    selector: "AssignmentPattern > NewExpression.right[callee.name='Date'][arguments.length=0]",
    message: "Take the request's instant from the caller (ctx.now), not a default that reads the clock.",
  },
  {
    selector: "AssignmentPattern > CallExpression.right[callee.object.name='Date'][callee.property.name='now']",
    message: "Take the request's instant from the caller (ctx.now), not a default that reads the clock.",
  },
];
const clockReads = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "The request's instant is read once, in create-context.ts: use ctx.now.",
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "The request's instant is read once, in create-context.ts: use ctx.now.",
  },
  {
    selector: "CallExpression[callee.name='todayInSweden'][arguments.length=0]",
    message: "Today is read once per request: use ctx.clock.today or @Clock().",
  },
];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "portal/build/**",
      "api/dist/**",
      "packages/*/dist/**",
      "bench/results/**",
      "portal/app/graphql/**",
      "examples/*/src/graphql/**",
      "api/src/db/migrations/**",
      ".data/**",
      ".test-artifacts/**",
      ".stryker-tmp/**",
      "reports/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Prettier lays code out at 120 (.prettierrc.json) but never breaks a comment or a string: the
      // comments are held to the same width here; a string (an SDL description, a test's name, an
      // SQL text) stays whole, so it can be searched for as it is written (decision 0045).
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    files: ["portal/**/*.{ts,tsx,js,mjs}", "packages/**/*.{ts,tsx,js,mjs}", "examples/**/*.{ts,tsx,js,mjs}"],
    plugins: { trygg: { rules: { "no-api-source": noApiSource } } },
    rules: { "trygg/no-api-source": "error" },
  },
  {
    files: ["api/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": ["error", ...apiSyntax],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "type-graphql",
              importNames: ["registerEnumType"],
              message: "Use graphqlEnum() from shared/enums.ts (decision 0006).",
            },
          ],
        },
      ],
    },
  },
  { files: ["api/src/shared/enums.ts"], rules: { "no-restricted-imports": "off" } },
  // The drizzle drivers are made into the one Db type here, and nowhere else.
  { files: ["api/src/db/client.ts"], rules: { "no-restricted-syntax": ["error", apiSyntax[0]] } },
  {
    files: ["api/src/modules/**/*.service.ts"],
    rules: { "no-restricted-syntax": ["error", ...apiSyntax, ...clockDefaults] },
  },
  // The GraphQL layer answers with the request's one instant (decision 0009, 0044).
  {
    files: ["api/src/modules/**/*.{resolver,types,inputs,loaders}.ts"],
    rules: { "no-restricted-syntax": ["error", ...apiSyntax, ...clockDefaults, ...clockReads] },
  },
  {
    files: ["portal/app/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["portal/app/**/*.{ts,tsx}"],
    ignores: ["portal/app/graphql/**"],
    rules: { "no-restricted-syntax": ["error", ...portalRoleSyntax] },
  },
  {
    // One form kit (decision 0021): the API's userErrors reach the user only through it, as the
    // portal's words for each code, never as a code or the API's English message.
    files: ["portal/app/routes/**/*.{ts,tsx}", "portal/app/components/**/*.{ts,tsx}"],
    ignores: ["portal/app/components/intent-form.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...portalRoleSyntax,
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.object.type='MemberExpression'][callee.object.property.name='userErrors']",
          message:
            "Hand the API's userErrors to the form kit (formErrors, refused, runAdminForm) instead of mapping them: it words each code in Swedish (decision 0021).",
        },
        {
          selector:
            "JSXExpressionContainer[parent.type=/^JSX(Element|Fragment)$/] > MemberExpression[property.name=/^(code|message)$/]",
          message:
            "Show an error through the form kit (IntentForm, FormErrors, ResultErrors), never its code or the API's message (decision 0021).",
        },
        {
          selector:
            "JSXExpressionContainer[parent.type=/^JSX(Element|Fragment)$/] MemberExpression[property.name='errors']",
          message:
            "Show a form's errors through the form kit (IntentForm, FormErrors, ResultErrors), which words each code in Swedish (decision 0021).",
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "~/lib/form-result",
              importNames: ["formErrorText"],
              message:
                "Show errors with the form kit's components (IntentForm, FormErrors, ResultErrors) (decision 0021).",
            },
          ],
        },
      ],
    },
  },
  {
    // Test helpers parse arbitrary JSON responses.
    files: ["**/test/**/*.ts", "**/*.test.ts", "**/e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
