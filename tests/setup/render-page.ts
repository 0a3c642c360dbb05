import { type ComponentType, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createMemoryRouter, Outlet, RouterProvider } from "react-router-dom";
import { vi as vitest } from "vitest";

export type RenderOptions = {
  /** More of the root loader's data than the locale (e.g. `{ user: null }`, a signed-out visitor). */
  root?: Record<string, unknown>;
};

/** A route's page rendered as the browser gets it (Vietnamese), from its loader (and action) data. */
export function render(
  Page: ComponentType,
  loaderData: unknown,
  actionData?: unknown,
  options: RenderOptions = {},
): string {
  const router = createMemoryRouter(
    [
      {
        id: "root",
        path: "/",
        element: createElement(Outlet),
        children: [{ id: "page", index: true, element: createElement(Page) }],
      },
    ],
    {
      initialEntries: ["/"],
      hydrationData: {
        loaderData: { root: { locale: "vi", ...options.root }, page: loaderData },
        actionData: actionData ? { page: actionData } : undefined,
      },
    },
  );
  const original = console.error;
  const quiet = vitest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes("useLayoutEffect does nothing on the server")) original(...args);
  });
  try {
    return renderToStaticMarkup(createElement(RouterProvider, { router }));
  } finally {
    quiet.mockRestore();
  }
}
