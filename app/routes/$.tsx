/** Every unknown URL: a friendly 404 in the layout (the root error boundary renders it). */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
