/**
 * Not a route: added to the matched route ids when someone is logged in, for their header's menus (the "menu"
 * area in route-areas.ts). Its own tiny module so the browser's first download does not carry the map.
 */
export const SIGNED_IN = "root:signed-in";
