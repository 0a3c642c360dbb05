import type { NextFunction, Request, RequestHandler, Response } from "express";

import { CONSENT_BODY_MAX_BYTES } from "~/modules/consent/upload.server";

/**
 * Largest body a form may send: plain forms are small. A multipart one carries a consent scan; the upload
 * route answers a scan somewhat over its limit itself, with the form and a message, so only bodies far
 * beyond it (abuse, not a mistake) are stopped here.
 */
export const BODY_LIMITS = { form: 1024 * 1024, multipart: 4 * CONSENT_BODY_MAX_BYTES } as const;

/**
 * Refuse, before anything reads it, a request whose declared body is larger than any form of ours sends:
 * Remix's request.formData() would otherwise hold the whole of it in memory. Browsers always declare the
 * length of a form post; a body sent without one (chunked) is still bounded where it is read for uploads
 * (app/modules/consent/upload.server.ts).
 */
export function bodySizeLimit(refuse: (req: Request, res: Response) => void): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.get("content-length") ?? 0);
    if (!Number.isFinite(declared) || declared <= 0) return next();
    const multipart = (req.get("content-type") ?? "").toLowerCase().startsWith("multipart/");
    if (declared > (multipart ? BODY_LIMITS.multipart : BODY_LIMITS.form)) {
      // Do not read the rest: answer and close the connection.
      res.setHeader("Connection", "close");
      return refuse(req, res);
    }
    next();
  };
}
