import type { OrganizationKind, RecordStance } from "../../db/schema";
import {
  COURSES,
  type GenEmployer,
  type GenProvider,
  mulberry32,
  type Place,
  streetAddress,
} from "../../db/seed/marketplace";

/**
 * Synthetic organisations for the benchmark: employers and training providers spread over every commune,
 * named the way Vietnamese businesses are ("Xưởng cơ khí Minh Phát", "Hợp tác xã Nông nghiệp Ea Kar").
 * Their jobs and intakes come from the demo seed's generators (db/seed/marketplace.ts).
 */
const FAMILIES: { trades: string[]; names: string[]; kinds: OrganizationKind[] }[] = [
  {
    trades: ["81530", "75310", "75430", "93210"],
    names: ["Công ty TNHH May mặc {p}", "Xưởng may {o}", "Công ty Cổ phần Dệt may {p}"],
    kinds: ["company", "workshop"],
  },
  {
    trades: ["71120", "93130", "71140", "71220", "71310"],
    names: ["Công ty TNHH Xây dựng {p}", "Đội xây dựng {o}", "Công ty Cổ phần Xây lắp {o}"],
    kinds: ["company", "household_business"],
  },
  {
    trades: ["51200", "94120", "51310", "51320"],
    names: ["Nhà hàng {o}", "Quán cơm {o}", "Công ty TNHH Suất ăn {o}"],
    kinds: ["household_business", "company"],
  },
  {
    trades: ["61120", "92110", "61210", "61110"],
    names: ["Hợp tác xã Nông nghiệp {p}", "Trang trại {o}", "Hợp tác xã Cà phê {p}"],
    kinds: ["cooperative", "household_business"],
  },
  {
    trades: ["72311", "72310", "91220", "72130"],
    names: ["Tiệm sửa xe máy {o}", "Gara ô tô {o}", "Xưởng dịch vụ xe {p}"],
    kinds: ["household_business", "workshop"],
  },
  {
    trades: ["72120", "72140", "72230"],
    names: ["Xưởng cơ khí {o}", "Công ty TNHH Kết cấu thép {p}"],
    kinds: ["workshop", "company"],
  },
  {
    trades: ["74110", "74120", "71260", "71270"],
    names: ["Điện nước {o}", "Công ty TNHH Điện lạnh {o}"],
    kinds: ["household_business", "company"],
  },
  {
    trades: ["83320", "83220", "83440", "93330", "43210"],
    names: ["Công ty TNHH Vận tải {p}", "Công ty Cổ phần Kho vận {o}"],
    kinds: ["company"],
  },
  {
    trades: ["91120", "91210", "54140"],
    names: ["Công ty TNHH Dịch vụ Vệ sinh {o}", "Công ty TNHH Bảo vệ {o}"],
    kinds: ["company"],
  },
  {
    trades: ["75220", "73170", "93290"],
    names: ["Xưởng mộc {o}", "Cơ sở mây tre đan {p}"],
    kinds: ["workshop", "household_business"],
  },
  {
    trades: ["75110", "81600", "93210", "92160"],
    names: ["Công ty TNHH Chế biến Thực phẩm {p}", "Cơ sở chế biến hải sản {o}"],
    kinds: ["company", "household_business"],
  },
  {
    trades: ["81410", "82190", "75360"],
    names: ["Công ty TNHH Nhựa {o}", "Công ty TNHH Điện tử {o}", "Công ty TNHH Giày da {p}"],
    kinds: ["company"],
  },
  { trades: ["96210", "83210"], names: ["Bưu cục chuyển phát {p}", "Công ty TNHH Giao hàng {o}"], kinds: ["company"] },
];
const BRANDS = [
  "Minh Phát",
  "Hưng Thịnh",
  "Thành Công",
  "Phúc Lộc",
  "An Khang",
  "Tân Tiến",
  "Hoàng Long",
  "Đức Tài",
  "Quang Minh",
  "Bảo An",
  "Hồng Hà",
  "Việt Hưng",
  "Trường Sơn",
  "Kim Ngân",
  "Hương Quê",
  "Thanh Bình",
  "Ngọc Lan",
  "Đại Phát",
];
const PROVIDER_NAMES = [
  "Trung tâm GDNN-GDTX {p}",
  "Trường Trung cấp Nghề {p}",
  "Trường Cao đẳng Nghề {p}",
  "Trung tâm Dạy nghề {p}",
];
const STANCES: RecordStance[] = ["yes", "case_by_case", "case_by_case", "no"];

export type SyntheticOrg = {
  role: "employer" | "training_provider";
  kind: OrganizationKind;
  name: string;
  place: Place;
  address: string;
  fairChance: boolean;
  stance: RecordStance;
  trades: string[];
};

const shortName = (p: Place) => p.name.replace(/^(Xã|Phường|Đặc khu) /, "");

export function syntheticOrganizations(options: {
  employers: number;
  providers: number;
  places: Place[];
  seed: number;
}): SyntheticOrg[] {
  const rng = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)];
  const orgs: SyntheticOrg[] = [];
  for (let i = 0; i < options.employers; i++) {
    const family = pick(FAMILIES);
    const place = pick(options.places);
    const trades = family.trades.filter((_, k) => k === 0 || rng() < 0.6);
    orgs.push({
      role: "employer",
      kind: pick(family.kinds),
      name: pick(family.names).replace("{p}", shortName(place)).replace("{o}", pick(BRANDS)),
      place,
      address: streetAddress(rng, place),
      fairChance: rng() < 0.3,
      stance: pick(STANCES),
      trades,
    });
  }
  const courses = Object.keys(COURSES);
  for (let i = 0; i < options.providers; i++) {
    const place = pick(options.places);
    const name = pick(PROVIDER_NAMES);
    orgs.push({
      role: "training_provider",
      kind: name.startsWith("Trường") ? "school" : "training_centre",
      name: name.replace("{p}", shortName(place)),
      place,
      address: streetAddress(rng, place),
      fairChance: rng() < 0.4,
      stance: pick(STANCES),
      trades: courses
        .filter(() => rng() < 0.3)
        .slice(0, 5)
        .concat(courses[i % courses.length]),
    });
  }
  return orgs;
}

export function asEmployer(org: SyntheticOrg, id: string): GenEmployer {
  return { id, kind: org.kind, fairChance: org.fairChance, place: org.place, address: org.address, trades: org.trades };
}

export function asProvider(org: SyntheticOrg, id: string): GenProvider {
  return { id, place: org.place, address: org.address, courses: [...new Set(org.trades)] };
}
