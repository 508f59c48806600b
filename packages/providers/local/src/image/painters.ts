import { type ProductCategory } from "@adgen/agents";
import { paintBottle } from "./painters/bottle";
import { paintBag } from "./painters/bag";
import { paintBox } from "./painters/box";
import { paintCan } from "./painters/can";
import { paintGeneric } from "./painters/generic";
import { paintHeadphones } from "./painters/headphones";
import { paintJar } from "./painters/jar";
import { paintPhone } from "./painters/phone";
import { paintShoe } from "./painters/shoe";
import { paintWatch } from "./painters/watch";
import { type Painter } from "./painter";

/** One painter per category; each draws its product from the same look in any pose. */
export const PAINTERS: Record<ProductCategory, Painter> = {
  shoe: paintShoe,
  watch: paintWatch,
  bottle: paintBottle,
  jar: paintJar,
  box: paintBox,
  can: paintCan,
  bag: paintBag,
  headphones: paintHeadphones,
  phone: paintPhone,
  generic: paintGeneric,
};
