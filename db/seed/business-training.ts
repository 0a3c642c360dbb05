import { and, eq } from "drizzle-orm";

import { refreshTrainingSearchText } from "~/modules/trainings/search-rows.server";
import { now as clockNow, todayIso } from "~/utils/clock.server";
import { addDays } from "~/utils/dates";

import { touch } from "../../search/facade.server";
import type { Executor } from "../client.server";
import { job, organization, trainingLeadsToJob, trainingSlot } from "../schema";
import { REPAIR_SHOP } from "./marketplace";

export const REPAIR_SHOP_APPRENTICESHIP = "Học nghề sửa xe máy tại tiệm";

const DAY_MS = 86_400_000;

/**
 * A business trains people too: the repair shop of xã Nam Đà takes two apprentices at its workshop, with
 * an allowance, and those who finish are taken on as its "Thợ sửa xe máy". Added once, also to a database
 * seeded before it existed; false when it is there (or when the shop or its job is not).
 */
export async function seedBusinessTraining(tx: Executor): Promise<boolean> {
  const [shop] = await tx
    .select({
      id: organization.id,
      communeCode: organization.communeCode,
      provinceCode: organization.provinceCode,
      address: organization.address,
    })
    .from(organization)
    .where(
      and(
        eq(organization.name, REPAIR_SHOP),
        eq(organization.role, "employer"),
        eq(organization.verificationStatus, "verified"),
      ),
    );
  if (!shop) return false;
  const [existing] = await tx
    .select({ id: trainingSlot.id })
    .from(trainingSlot)
    .where(and(eq(trainingSlot.organizationId, shop.id), eq(trainingSlot.title, REPAIR_SHOP_APPRENTICESHIP)));
  if (existing) return false;
  const [repairJob] = await tx
    .select({ id: job.id })
    .from(job)
    .where(and(eq(job.organizationId, shop.id), eq(job.title, "Thợ sửa xe máy"), eq(job.status, "open")))
    .limit(1);
  const now = clockNow();
  const today = todayIso(now);
  const [row] = await tx
    .insert(trainingSlot)
    .values({
      organizationId: shop.id,
      title: REPAIR_SHOP_APPRENTICESHIP,
      occupationCode: "72311",
      levelCode: "so_cap",
      description:
        "Vừa học vừa làm ngay tại tiệm: anh Cường kèm cặp trực tiếp từ thay nhớt, vá săm, sửa phanh đến làm điện xe số và xe tay ga. Không mất học phí, có phụ cấp hằng tháng và cơm trưa. Học xong, làm tốt được nhận vào làm thợ sửa xe máy của tiệm.",
      durationWeeks: 24,
      schedule: "Thứ Hai đến thứ Bảy, 7h30–17h00 (nghỉ trưa 1 tiếng)",
      applicationDeadline: addDays(today, 25),
      startsAt: addDays(today, 30),
      seats: 2,
      stipendVnd: 2_000_000,
      costVnd: 0,
      support: ["free", "meals"],
      provinceCode: shop.provinceCode,
      communeCode: shop.communeCode,
      address: shop.address || "Thôn Nam Thanh, Quốc lộ 28",
      status: "open",
      publishedAt: new Date(now.getTime() - DAY_MS),
      createdAt: new Date(now.getTime() - DAY_MS),
      updatedAt: new Date(now.getTime() - DAY_MS),
    })
    .returning({ id: trainingSlot.id });
  if (repairJob)
    await tx.insert(trainingLeadsToJob).values({ trainingSlotId: row.id, jobId: repairJob.id }).onConflictDoNothing();
  await refreshTrainingSearchText(tx, [row.id]);
  await touch(tx, "training", [row.id]);
  return true;
}
