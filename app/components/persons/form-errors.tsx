import { useEffect, useRef } from "react";

import { ErrorSummary, type FormState } from "~/components/forms";
import type { MessageKey } from "~/i18n";

/**
 * The error summary, brought into view and focused when a submission comes back refused. A refused POST
 * keeps the scroll position (the submit button is at the bottom of a long form), so without this the
 * officer would see nothing change. Without JavaScript the new page opens at the top anyway.
 */
export function FormErrors({ state, labels }: { state: FormState; labels?: Partial<Record<string, MessageKey>> }) {
  const box = useRef<HTMLDivElement>(null);
  const failed = !!state?.errors && Object.keys(state.errors).length > 0;
  useEffect(() => {
    if (failed) box.current?.querySelector<HTMLElement>("[role=alert]")?.focus();
  }, [failed, state]);
  return (
    <div ref={box}>
      <ErrorSummary state={state} labels={labels} />
    </div>
  );
}
