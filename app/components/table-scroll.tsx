import type { ReactNode } from "react";

/**
 * The box a wide table scrolls in on a narrow screen. It can take the keyboard's focus (so the arrow keys
 * scroll it: WCAG 2.1.1, axe's `scrollable-region-focusable`) and is a named region, so a screen reader says
 * what the focus landed on. The name is the table's caption or heading.
 */
export function TableScroll({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={className ? `table-scroll ${className}` : "table-scroll"}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </div>
  );
}
