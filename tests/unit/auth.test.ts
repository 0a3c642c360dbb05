import { describe, expect, it } from "vitest";

import { isAllowedOrigin } from "~/auth/origin.server";
import { can, type Permission, PERMISSIONS, requirePermission, ROLE_HOME } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { safeRedirect } from "~/http/responses.server";

import { type Role, ROLES } from "../../db/schema";

describe("isAllowedOrigin", () => {
  const base = { host: "chungtay.vn", trustedOrigins: [] as string[] };

  it("lets safe methods through whatever the origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(isAllowedOrigin({ ...base, method, origin: undefined })).toBe(true);
      expect(isAllowedOrigin({ ...base, method, origin: "https://evil.example" })).toBe(true);
    }
  });

  it.each(["POST", "PUT", "PATCH", "DELETE", "post"])("refuses %s without an Origin, or with Origin null", (method) => {
    expect(isAllowedOrigin({ ...base, method, origin: undefined })).toBe(false);
    expect(isAllowedOrigin({ ...base, method, origin: "" })).toBe(false);
    expect(isAllowedOrigin({ ...base, method, origin: "null" })).toBe(false);
  });

  it("refuses a foreign origin, a lookalike and a malformed one", () => {
    for (const origin of [
      "https://evil.example",
      "https://chungtay.vn.evil.example",
      "https://evilchungtay.vn",
      "not a url",
    ]) {
      expect(isAllowedOrigin({ ...base, method: "POST", origin }), origin).toBe(false);
    }
  });

  it("accepts the same host, whatever the case", () => {
    expect(isAllowedOrigin({ ...base, method: "POST", origin: "https://chungtay.vn" })).toBe(true);
    expect(isAllowedOrigin({ ...base, method: "POST", origin: "https://ChungTay.VN" })).toBe(true);
    expect(
      isAllowedOrigin({ method: "POST", origin: "http://localhost:3000", host: "localhost:3000", trustedOrigins: [] }),
    ).toBe(true);
  });

  it("compares ports too", () => {
    expect(
      isAllowedOrigin({ method: "POST", origin: "http://localhost:4000", host: "localhost:3000", trustedOrigins: [] }),
    ).toBe(false);
  });

  it("accepts a configured trusted origin and ignores malformed ones", () => {
    const trustedOrigins = ["not a url", "https://chungtay.gov.vn"];
    expect(
      isAllowedOrigin({ method: "POST", origin: "https://chungtay.gov.vn", host: "10.0.0.5:3000", trustedOrigins }),
    ).toBe(true);
    expect(
      isAllowedOrigin({ method: "POST", origin: "https://other.gov.vn", host: "10.0.0.5:3000", trustedOrigins }),
    ).toBe(false);
    expect(
      isAllowedOrigin({ method: "POST", origin: "https://chungtay.gov.vn", host: undefined, trustedOrigins }),
    ).toBe(true);
    expect(
      isAllowedOrigin({ method: "POST", origin: "https://chungtay.vn", host: undefined, trustedOrigins: [] }),
    ).toBe(false);
  });
});

/** The permission matrix as the product specifies it, written out by hand (not derived from the code). */
const EXPECTED: Record<Role, Permission[]> = {
  // The national supervising department: the country's figures, drilled down to a commune, and nothing else
  // (issue 16): no person, no list of persons; its own notifications (nobody's else).
  national: ["view:home:national", "view:report:national", "view:notifications:own"],
  // A provincial admin reads the province's persons; registering, consent and matching are the commune's work.
  // The province's figures and reports are read by its admin too.
  admin: [
    "view:home:admin",
    "manage:officer:province",
    "verify:organization:province",
    "view:audit:province",
    // The province's messages that left the app and their dead letters (issue 13).
    "manage:delivery:province",
    "view:person:commune",
    "view:figures:commune",
    "view:notifications:own",
    "view:report:commune",
  ],
  officer: [
    "view:home:officer",
    "verify:organization:province",
    "invite:person:commune",
    "export:person:commune",
    "anonymise:person:commune",
    "handle:data_request:commune",
    "transfer:person:commune",
    "close:person:commune",
    "view:person:commune",
    "register:person:commune",
    "edit:person:commune",
    "grant:consent:commune",
    "search:candidate:commune",
    // Matching, referrals, placements, follow-ups: the commune officer's work (issue 5).
    "match:person:commune",
    "refer:person:commune",
    "record:placement:commune",
    "follow_up:person:commune",
    "view:figures:commune",
    "view:notifications:own",
    // Support, loans, job fairs, models, reports (issue 6).
    "record:activity:commune",
    "manage:loan:commune",
    "manage:job_fair:commune",
    "manage:model:commune",
    "view:report:commune",
  ],
  // Organisations answer the referrals sent to them and confirm employment; they never search persons.
  // Employers also post training slots at their own workplace (decision 027).
  employer: [
    "view:home:employer",
    "edit:organization:own",
    "post:job:own",
    "post:training:own",
    "respond:referral:own",
    "confirm:employment:own",
    "view:notifications:own",
  ],
  provider: [
    "view:home:provider",
    "edit:organization:own",
    "post:training:own",
    "respond:referral:own",
    "view:notifications:own",
  ],
  // A person reaches only their own record, their suggestions, and asks for referrals: no staff permission at all.
  person: [
    "view:home:person",
    "view:record:own",
    "request:referral:own",
    "respond:referral:own",
    "view:matches:own",
    "view:notifications:own",
  ],
};

const userWithRole = (role: Role) => ({ role }) as SessionUser;

describe("permissions", () => {
  it("covers every role", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
  });

  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(userWithRole(role), permission)).toBe(allowed);
        if (allowed) expect(() => requirePermission(userWithRole(role), permission)).not.toThrow();
        else expect(() => requirePermission(userWithRole(role), permission)).toThrow();
      });
    }
  }

  it("gives nothing to an anonymous visitor", () => {
    for (const permission of PERMISSIONS) expect(can(null, permission)).toBe(false);
  });

  it("requirePermission throws a 403 response naming the message and the permission", async () => {
    let thrown: unknown;
    try {
      requirePermission(userWithRole("employer"), "manage:officer:province");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ messageKey: "error.forbidden", permission: "manage:officer:province" });
  });

  it("sends each role to a home page it is allowed to see", () => {
    for (const role of ROLES) {
      expect(ROLE_HOME[role]).toMatch(/^\/[a-z]+$/);
      expect(can(userWithRole(role), `view:home:${role}` as Permission)).toBe(true);
    }
  });
});

describe("safeRedirect", () => {
  it.each(["/", "/admin", "/organizations/review?tab=pending#top", "/a/b/../c"])("keeps the local path %j", (to) => {
    expect(safeRedirect(to)).toBe(to);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/admin",
    "javascript:alert(1)",
    "admin",
    "",
    " /admin",
    // Browsers strip tabs and newlines from URLs, so these become "//evil.example".
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
  ])("falls back for %j", (to) => {
    expect(safeRedirect(to)).toBe("/");
    expect(safeRedirect(to, "/employer")).toBe("/employer");
  });

  it("falls back for anything that is not a string", () => {
    for (const to of [undefined, null, 42, ["/admin"], { to: "/admin" }]) expect(safeRedirect(to, "/me")).toBe("/me");
  });

  it("never returns something a browser would resolve to another host", () => {
    for (const to of ["/admin", "//evil.example", "/\t/evil.example", "/\\evil.example", "/%2F%2Fevil.example"]) {
      expect(new URL(safeRedirect(to), "https://chungtay.vn").host).toBe("chungtay.vn");
    }
  });
});
