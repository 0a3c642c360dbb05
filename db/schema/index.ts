export * from "./admin-units";
export * from "./organizations";
export * from "./users";
export * from "./reference";
export * from "./jobs";
export * from "./trainings";
export * from "./outbox";
export * from "./persons";
