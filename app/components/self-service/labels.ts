import { isMessageKey, type MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";

/**
 * Words for stored codes (enum values, audit actions and purposes). Codes written by other parts of the
 * app may have no message yet: show a readable fallback instead of a raw key.
 */
export function useLabels() {
  const i18n = useI18n();
  const { t } = i18n;
  const word = (prefix: string, value: string | null | undefined, fallback?: string) => {
    if (!value) return "";
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key as MessageKey) : (fallback ?? value);
  };
  return {
    ...i18n,
    word,
    action: (a: string) => word("self.action", a),
    /** Staff read "the person's own visit" where the person reads "your own visit". */
    purpose: (p: string, audience: "person" | "staff" = "person") =>
      audience === "staff" && p === "self_access"
        ? t("self.auditPurpose.self_access.staff")
        : word("self.auditPurpose", p, t("self.auditPurpose.other", { purpose: p })),
    role: (r: string) => word("role", r),
    yesNo: (v: boolean) => t(v ? "self.data.yes" : "self.data.no"),
  };
}
