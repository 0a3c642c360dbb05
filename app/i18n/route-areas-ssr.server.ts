/**
 * The route → areas map for the server's render of <meta name="ct-i18n"> (root.tsx): a `.server` module, so
 * the map stays out of the browser's first download. The browser reads that tag to load the first page's
 * areas and fetches the map itself only when it navigates (client.ts, decision 035).
 */
export { areasFor } from "./route-areas";
