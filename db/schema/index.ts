export * from "./admin-units";
export * from "./organizations";
export * from "./users";
