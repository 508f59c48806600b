import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, hslToRgb, type Rgb, rgbToHsl, shade, WHITE } from "../colour";
import { type Look } from "../look";
import { type Painter } from "../painter";
import { type Camera, drawPrism, type Prism, prismBounds, roundedRectOutline } from "../prism";

/** A smartphone (or tablet): glass back in the body colour, metal frame, lit screen, camera module. */
export const paintPhone: Painter = (look, pose) => {
  const tablet = look.variant === "tablet";
  const [w, h] = tablet ? [0.74, 1] : [0.49, 1];
  // Seen from above, a phone lies on its back: the screen faces the camera.
  const lying = pose.view === "top";
  // A true side view of a phone is a sliver; turn it a little so the back shows too.
  const yaw =
    pose.view === "detail"
      ? Math.PI - 0.5
      : pose.view === "side"
        ? Math.PI / 2 + 0.45
        : pose.yaw || 0.001;
  const camera: Camera = lying ? { yaw: 0.001, pitch: 0 } : { yaw, pitch: pose.pitch * 0.6 };
  const body: Prism = {
    outline: roundedRectOutline(w, h, tablet ? 0.06 : 0.075, 0, 8),
    depth: 0.045,
    colour: look.body,
    finish: "gloss",
    sideColour: look.trim,
    sideFinish: "metal",
    decorate: (ctx, face) => {
      if (face.kind === "front") paintScreen(ctx, look, w, h);
      if (face.kind === "back") paintCameraModule(ctx, look, w, h);
    },
  };
  const bounds = prismBounds(camera, [body]);
  return {
    left: bounds.left,
    right: bounds.right,
    height: bounds.height,
    focus: [bounds.right - bounds.left - w * 0.25, -h * 0.82],
    paint: (ctx) => {
      if (lying) {
        ctx.translate(0, -h / 2);
        ctx.rotate(-0.32);
        ctx.translate(0, h / 2);
      }
      drawPrism(ctx, camera, body);
    },
  };
};

function paintScreen(ctx: SKRSContext2D, look: Look, w: number, h: number): void {
  ctx.fillStyle = "#0A0A0C";
  ctx.fillRect(-w, -h * 1.1, w * 2, h * 1.2);
  const inset = 0.018;
  const screen = new Path2DLike(ctx);
  screen.roundRect(-w / 2 + inset, -h + inset, w - inset * 2, h - inset * 2, 0.06);
  // The wallpaper: soft bands of the product's own colours.
  const wall = ctx.createLinearGradient(-w / 2, -h, w / 2, 0);
  const hue = rgbToHsl(look.body).h;
  wall.addColorStop(0, css(hslToRgb({ h: hue + 40, s: 0.7, l: 0.62 })));
  wall.addColorStop(0.55, css(hslToRgb({ h: hue, s: 0.65, l: 0.45 })));
  wall.addColorStop(1, css(shade(look.body, 0.5)));
  ctx.fillStyle = wall;
  ctx.fill();
  ctx.save();
  ctx.clip();
  for (let i = 0; i < 3; i += 1) {
    ctx.fillStyle = css(WHITE, 0.12 + i * 0.05);
    ctx.beginPath();
    ctx.ellipse(
      -w * 0.1 + i * 0.08,
      -h * (0.35 + i * 0.12),
      w * (0.7 - i * 0.15),
      h * 0.09,
      -0.5,
      0,
      Math.PI * 2,
    );
    ctx.fill();
  }
  ctx.restore();
  ctx.fillStyle = "#050506";
  ctx.beginPath();
  ctx.roundRect(-0.055, -h + 0.035, 0.11, 0.028, 0.014);
  ctx.fill();
  // Glass glare across the screen.
  const glare = ctx.createLinearGradient(-w / 2, -h, w / 2, -h * 0.4);
  glare.addColorStop(0, "rgba(255,255,255,0.22)");
  glare.addColorStop(0.45, "rgba(255,255,255,0.04)");
  glare.addColorStop(0.5, "rgba(255,255,255,0)");
  ctx.fillStyle = glare;
  ctx.fillRect(-w, -h, w * 2, h);
}

function paintCameraModule(ctx: SKRSContext2D, look: Look, w: number, h: number): void {
  const size = w * 0.42;
  const x = -w / 2 + 0.04;
  const y = -h + 0.04;
  ctx.fillStyle = css(shade(look.body, 1.12));
  ctx.beginPath();
  ctx.roundRect(x, y, size, size, 0.05);
  ctx.fill();
  ctx.strokeStyle = css(shade(look.body, 0.7));
  ctx.lineWidth = 0.004;
  ctx.stroke();
  const lenses: [number, number][] = [
    [0.27, 0.27],
    [0.73, 0.27],
    [0.27, 0.73],
  ];
  for (const [lx, ly] of lenses)
    paintLens(ctx, x + size * lx, y + size * ly, size * 0.2, look.trim);
  ctx.fillStyle = "#FFF4D6";
  ctx.beginPath();
  ctx.arc(x + size * 0.73, y + size * 0.73, size * 0.06, 0, Math.PI * 2);
  ctx.fill();
  // A blind-embossed mark in the middle of the back.
  ctx.strokeStyle = css(shade(look.body, 1.2), 0.8);
  ctx.lineWidth = 0.006;
  ctx.beginPath();
  ctx.arc(0, -h * 0.5, 0.05, 0, Math.PI * 2);
  ctx.stroke();
}

function paintLens(ctx: SKRSContext2D, x: number, y: number, r: number, ring: Rgb): void {
  ctx.fillStyle = css(shade(ring, 0.8));
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
  const glass = ctx.createRadialGradient(x - r * 0.3, y - r * 0.3, 0, x, y, r * 0.8);
  glass.addColorStop(0, "#3A4D7A");
  glass.addColorStop(0.5, "#0B0F1C");
  glass.addColorStop(1, "#020203");
  ctx.fillStyle = glass;
  ctx.beginPath();
  ctx.arc(x, y, r * 0.78, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = "rgba(255,255,255,0.7)";
  ctx.beginPath();
  ctx.arc(x - r * 0.28, y - r * 0.28, r * 0.12, 0, Math.PI * 2);
  ctx.fill();
}

/** roundRect as a current path, so the same shape can be filled and then clipped. */
class Path2DLike {
  constructor(private readonly ctx: SKRSContext2D) {}
  roundRect(x: number, y: number, w: number, h: number, r: number): void {
    this.ctx.beginPath();
    this.ctx.roundRect(x, y, w, h, r);
  }
}
