export { createLocalProvider } from "./provider";
