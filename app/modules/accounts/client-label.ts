/**
 * "Chrome · Android" from a User-Agent header: enough for a user to recognise their own devices on the
 * account page, too coarse to identify anyone. Nothing else of the request (never the address) is kept.
 */
const BROWSERS: [RegExp, string][] = [
  [/coc_coc_browser/i, "Cốc Cốc"],
  [/Zalo/i, "Zalo"],
  [/FBAN|FBAV|FB_IAB/i, "Facebook"],
  [/SamsungBrowser/i, "Samsung Internet"],
  [/Edg(e|A|iOS)?\//i, "Edge"],
  [/OPR\/|Opera/i, "Opera"],
  [/Firefox\/|FxiOS/i, "Firefox"],
  [/Chrome\/|CriOS/i, "Chrome"],
  [/Safari\//i, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/Android/i, "Android"],
  [/iPhone|iPad|iPod/i, "iOS"],
  [/Windows/i, "Windows"],
  [/Mac OS X|Macintosh/i, "macOS"],
  [/CrOS/i, "ChromeOS"],
  [/Linux/i, "Linux"],
];

export function clientLabel(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  const label = [browser, system].filter(Boolean).join(" · ");
  return label || null;
}
