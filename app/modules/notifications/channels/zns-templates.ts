// Placeholder until the Zalo channel lands; replaced by that change.
import type { ZnsKind } from "../outside-messages";

export function buildZnsTemplate(kind: ZnsKind, params: Record<string, string>, link: string) {
  return { id: `placeholder-${kind}`, data: { ...params, link } };
}
