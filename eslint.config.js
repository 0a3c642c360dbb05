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
