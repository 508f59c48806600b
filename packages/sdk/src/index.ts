export { createAdgenClient, type AdgenClient, type AdgenClientOptions } from "./client";
export { makeAd, type MakeAdOptions } from "./make-ad";
