import { notFound } from "~/http/responses.server";

/** Every unknown URL: a friendly 404 in the layout (the root error boundary renders it). */
export function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
