import { useEffect, useRef, useState } from "react";

import { useI18n } from "~/utils/i18n-react";

/**
 * Zalo's share page for a link. Zalo documents its share button as a JavaScript plugin (sp.zalo.me/plugins/sdk.js)
 * whose button opens this page; we link to the page itself, so no third-party script runs here and the CSP
 * (app/server.ts) stays as strict as it is. Without Zalo installed it opens Zalo's web page.
 */
export function zaloShareUrl(url: string): string {
  return `https://sp.zalo.me/share_inline?url=${encodeURIComponent(url)}`;
}

/**
 * The share block of a public job or course page. Without JavaScript: the page's address in a read-only box
 * (select and copy) and a plain link to Zalo. With it: a "Sao chép" button, and "Chia sẻ" (the phone's own
 * share sheet) only once the browser says it has the Web Share API.
 */
export function ShareBlock({ url, title }: { url: string; title: string }) {
  const { t } = useI18n();
  const [canShare, setCanShare] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [copied, setCopied] = useState<"ok" | "failed" | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setHydrated(true);
    setCanShare(typeof navigator !== "undefined" && typeof navigator.share === "function");
  }, []);

  const share = () => {
    // A cancelled share sheet rejects: nothing to say.
    navigator.share({ title, url }).catch(() => {});
  };
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(url);
      setCopied("ok");
    } catch {
      // Older browsers: the selected text, copied the old way.
      setCopied(document.execCommand?.("copy") ? "ok" : "failed");
    }
  };

  return (
    <section className="share-block" aria-labelledby="share-title">
      <h2 id="share-title">{t("share.title")}</h2>
      {canShare ? (
        <p>
          <button type="button" className="button" onClick={share}>
            {t("share.native")}
          </button>
        </p>
      ) : null}
      <label htmlFor="share-url">{t("share.link")}</label>
      <div className="share-block__copy">
        <input ref={input} id="share-url" type="url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        {hydrated ? (
          <button type="button" className="button button--secondary" onClick={copy}>
            {t("share.copy")}
          </button>
        ) : null}
      </div>
      {copied ? (
        <p className="hint" role="status">
          {t(copied === "ok" ? "share.copied" : "share.copyFailed")}
        </p>
      ) : null}
      <p>
        <a href={zaloShareUrl(url)} className="button button--secondary" target="_blank" rel="noopener noreferrer">
          {t("share.zalo")}
        </a>
      </p>
    </section>
  );
}
