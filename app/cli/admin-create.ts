// CLI: `npm run admin:create -- --province 68 --email admin@soldtbxh.lamdong.gov.vn --name "Trương Thị Minh Thư"`
// creates a province's first admin (docs/decisions/040); production never gets one from a seed. Asks for
// what the flags leave out when run in a terminal; the password comes from ADMIN_PASSWORD or a hidden
// prompt, never from a flag (it would stay in the shell's history). Prints nothing secret.
import readline from "node:readline";
import { parseArgs } from "node:util";

import { eq } from "drizzle-orm";
import { z } from "zod";

import { hashPassword } from "~/auth/password.server";
import { parseEnv } from "~/env.server";
import { passwordProblem } from "~/modules/accounts/password-rules";

import { databaseOptionsFromEnv, openDatabase } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { appUser, province } from "../../db/schema";
import { isDemoEmail } from "../../db/seed/demo-accounts";

const PASSWORD_RULE = "10 to 200 characters with a letter and a digit, not a common password, not the e-mail's name";

const { values } = parseArgs({
  options: { province: { type: "string" }, email: { type: "string" }, name: { type: "string" } },
  strict: true,
});

const interactive = Boolean(process.stdin.isTTY);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function ask(question: string, hidden = false): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    // Echo nothing of what is typed (readline writes the keystrokes through _writeToOutput).
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stdout.write(question);
    };
  }
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  if (hidden) process.stdout.write("\n");
  return answer.trim();
}

async function value(given: string | undefined, flag: string, question: string): Promise<string> {
  if (given?.trim()) return given.trim();
  if (!interactive) fail(`Missing --${flag} (run in a terminal to be asked for it).`);
  return ask(question);
}

const provinceCode = await value(values.province, "province", "Province code (e.g. 68 for Lâm Đồng): ");
const email = (await value(values.email, "email", "The admin's e-mail: ")).toLowerCase();
const fullName = await value(values.name, "name", "The admin's full name: ");

if (!/^\d{2}$/.test(provinceCode))
  fail(`--province: a two-digit province code, for example 68 (got "${provinceCode}")`);
if (!z.email().safeParse(email).success) fail(`--email: not an e-mail address: ${email}`);
if (isDemoEmail(email)) fail("--email: a .test address is reserved for demo accounts; give the admin's real address");
if (fullName.length < 2 || fullName.length > 120) fail("--name: the admin's full name (2 to 120 characters)");

let password = process.env.ADMIN_PASSWORD ?? "";
if (!password) {
  if (!interactive) fail("No password: set ADMIN_PASSWORD, or run in a terminal to type it.");
  password = await ask(`Password (${PASSWORD_RULE}): `, true);
  if ((await ask("The same password again: ", true)) !== password) fail("The two passwords differ: nothing created.");
}
const problem = passwordProblem(password, { email });
if (problem) fail(`The password is refused (${problem}): ${PASSWORD_RULE}.`);

const env = parseEnv();
const options = databaseOptionsFromEnv(env);
await runMigrations(options);
const handle = await openDatabase(options);
try {
  const { db } = handle;
  const [found] = await db.select({ name: province.name }).from(province).where(eq(province.code, provinceCode));
  if (!found) fail(`--province: no province has code ${provinceCode}`);
  const [taken] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, email));
  if (taken) fail(`An account with ${email} exists already: nothing created.`);
  await db.insert(appUser).values({
    email,
    fullName: fullName.normalize("NFC"),
    role: "admin",
    provinceCode,
    passwordHash: await hashPassword(password),
  });
  console.log(`Created the provincial admin ${email} for ${found.name} (${provinceCode}). They log in at /login.`);
} finally {
  await handle.close();
}
