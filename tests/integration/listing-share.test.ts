import { describe, expect, it } from "vitest";

import { getEnv } from "~/env.server";
import JobPage, { loader as jobLoader } from "~/routes/jobs.$id";
import TrainingPage, { loader as trainingLoader } from "~/routes/trainings.$id";

import { createOrgMember, publishJob, publishTraining } from "../factories/marketplace";
import { setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { callRoute, getRequest, type RouteHandler } from "../setup/routes";

/*
 * Issue 13 §5: every public job and course page can be shared — the phone's share sheet (Web Share API, only
 * once JavaScript confirms it), the page's address to copy (works without JavaScript), and a plain link to
 * Zalo's share page. No third-party script: the CSP (app/server.ts) stays strict.
 */

setupIntegration();

async function page(loader: RouteHandler, path: string, id: string) {
  const data = await (await callRoute(loader, getRequest(path), { id })).json();
  return {
    data,
    html: (Page: Parameters<typeof render>[0]) => render(Page, data, undefined, { root: { user: null } }),
  };
}

const attr = (s: string) => s.replaceAll("&", "&amp;");

describe("the share block of public job and course pages", () => {
  it("gives the job page's absolute address to copy and a Zalo share link, with no external script", async () => {
    const shop = await createOrgMember("employer", { name: "Tiệm Sửa Xe Chia Sẻ" });
    const { id } = await publishJob(shop, { title: "Thợ sửa xe máy chia sẻ" });
    const { data, html } = await page(jobLoader as RouteHandler, `/jobs/${id}`, id);
    const url = `${getEnv().publicUrl}/jobs/${id}`;
    expect(data.shareUrl).toBe(url);
    const out = html(JobPage);
    expect(out).toContain("Chia sẻ tin này");
    // The address, selectable without JavaScript.
    expect(out).toContain(`<input id="share-url" type="url" readonly="" value="${url}"/>`);
    // Zalo's share page with the address encoded; a plain link, no plugin.
    expect(out).toContain(`href="${attr(`https://sp.zalo.me/share_inline?url=${encodeURIComponent(url)}`)}"`);
    expect(out).toContain("Chia sẻ qua Zalo");
    // Progressive enhancement: "Chia sẻ" and "Sao chép" buttons only once the browser's JavaScript says so.
    expect(out).not.toContain(">Chia sẻ</button>");
    expect(out).not.toContain(">Sao chép</button>");
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain("zalo.me/plugins");
  });

  it("the course page has the same block with its own address", async () => {
    const school = await createOrgMember("provider", { name: "Trường Nghề Chia Sẻ" });
    const { id } = await publishTraining(school);
    const { data, html } = await page(trainingLoader as RouteHandler, `/trainings/${id}`, id);
    const url = `${getEnv().publicUrl}/trainings/${id}`;
    expect(data.shareUrl).toBe(url);
    const out = html(TrainingPage);
    expect(out).toContain(`value="${url}"`);
    expect(out).toContain(`https://sp.zalo.me/share_inline?url=${encodeURIComponent(url)}`);
    expect(out).not.toMatch(/<script/i);
  });
});
