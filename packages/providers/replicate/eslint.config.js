export { default } from "@adgen/eslint-config";
