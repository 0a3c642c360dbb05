// ESLint 9 flat config: see docs/decisions/031-formatting-and-lint.md.
// Syntax-only typescript-eslint (no type information: the type-checked rules take minutes on 2 cores and
// `tsc --noEmit` already runs in CI). Formatting is Prettier's job, not ESLint's.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "public/build/",
      ".data/",
      ".cache/",
      "coverage/",
      "test-results/",
      "tests/.artifacts/",
      "backups/",
      "db/migrations/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Off: the control characters are the point (URL and text sanitising strips \u0000-\u001f on purpose).
      "no-control-regex": "off",
    },
  },
  {
    // Intl formatters are made once per locale and options, in app/i18n/format.ts (making one per call cost
    // 26-30 % of a search page's CPU, issue 14): nowhere else in app/ may make one, directly or through a
    // number's or date's toLocaleString(). toLocaleUpperCase/LowerCase are fine (no formatter behind them).
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: [
      "app/i18n/format.ts",
      "app/i18n/format-more.ts",
      // One Intl.Segmenter made once at module level (counting an SMS's graphemes): not a formatter.
      "app/modules/notifications/channels/zns-templates.ts",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.object.name='Intl']",
          message: "Format through the helpers of app/i18n/format.ts: they keep their Intl formatters.",
        },
        {
          selector: "CallExpression[callee.object.name='Intl'][callee.property.name!='getCanonicalLocales']",
          message: "Format through the helpers of app/i18n/format.ts: they keep their Intl formatters.",
        },
        {
          selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]",
          message: "toLocaleString() makes a new Intl formatter per call: use the helpers of app/i18n/format.ts.",
        },
      ],
    },
  },
  {
    // Off for declaration files: `/// <reference types>` is how Remix's AppLoadContext augmentation is written.
    files: ["**/*.d.ts"],
    rules: { "@typescript-eslint/triple-slash-reference": "off" },
  },
  {
    // Off in this one file: its hand-written CSV parser uses comma expressions (`row.push(cell), (cell = "")`).
    files: ["tests/integration/bad-input-exports.test.ts"],
    rules: { "@typescript-eslint/no-unused-expressions": "off" },
  },
  {
    // The two classic hook rules only. The React Compiler rules of react-hooks 7 (purity, refs,
    // set-state-in-effect...) judge code written for the compiler, which this app does not use.
    files: ["app/**/*.tsx", "app/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
);
