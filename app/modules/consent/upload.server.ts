import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";

import { type FormValues, formValues, readForm } from "~/utils/forms";
import { cleanText } from "~/utils/text";

import type { EvidenceFile } from "./consent.server";
import { EVIDENCE_MAX_BYTES } from "./constants";

/**
 * The body of the person page's forms: the consent form posts multipart (its evidence scan), the others
 * urlencoded. Memory stays bounded whatever a client sends:
 * - a body that declares more than a scan and the form's fields can take is refused unread (413);
 * - only the first `evidenceFile` part is kept, and only up to EVIDENCE_MAX_BYTES: a bigger one is read
 *   through and dropped (then reported), so the fields after it still arrive;
 * - any other file part is read through and dropped; text fields share a small budget.
 */

/** The consent form's fields are a few short lines: a quarter of a megabyte is far more than they need. */
const FIELDS_MAX_BYTES = 256 * 1024;
/** Declared bigger than this, the body cannot be a consent form with an acceptable scan. */
export const CONSENT_BODY_MAX_BYTES = EVIDENCE_MAX_BYTES + FIELDS_MAX_BYTES;

export type PersonPageBody = {
  values: FormValues;
  file?: EvidenceFile;
  /** The scan was over EVIDENCE_MAX_BYTES (it was not kept). */
  fileTooLarge: boolean;
  /** The whole body was declared too big and not read at all (answer 413). */
  bodyTooLarge: boolean;
};

async function drain(data: AsyncIterable<Uint8Array>) {
  for await (const chunk of data) void chunk;
}

export async function readPersonPageBody(request: Request): Promise<PersonPageBody> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return { values: await readForm(request), fileTooLarge: false, bodyTooLarge: false };
  }
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > CONSENT_BODY_MAX_BYTES)
    return { values: {}, fileTooLarge: true, bodyTooLarge: true };

  const keepScan = unstable_createMemoryUploadHandler({ maxPartSize: EVIDENCE_MAX_BYTES });
  let scanSeen = false;
  let fileTooLarge = false;
  let fieldBytes = 0;
  const handler: UploadHandler = async (part) => {
    if (part.filename === undefined) {
      // A text field: kept while the fields' budget lasts (decoded at the end, so no character is split).
      const chunks: Uint8Array[] = [];
      for await (const chunk of part.data) {
        fieldBytes += chunk.byteLength;
        if (fieldBytes <= FIELDS_MAX_BYTES) chunks.push(chunk);
      }
      return fieldBytes <= FIELDS_MAX_BYTES ? Buffer.concat(chunks).toString("utf8") : undefined;
    }
    if (part.name !== "evidenceFile" || scanSeen) {
      await drain(part.data);
      return undefined;
    }
    scanSeen = true;
    try {
      return await keepScan(part);
    } catch (error) {
      if (!(error instanceof MaxPartSizeExceededError)) throw error;
      fileTooLarge = true;
      await drain(part.data);
      return undefined;
    }
  };

  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, handler);
  } catch {
    // A malformed body counts as an empty form, never a 500.
    return { values: {}, fileTooLarge, bodyTooLarge: false };
  }
  const upload = form.get("evidenceFile");
  const file =
    upload && typeof upload !== "string" && upload.size > 0 && upload.name
      ? { name: cleanText(upload.name), type: upload.type, bytes: Buffer.from(await upload.arrayBuffer()) }
      : undefined;
  return { values: formValues(form), file, fileTooLarge, bodyTooLarge: false };
}
