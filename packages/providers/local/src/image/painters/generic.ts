import { css, shade } from "../colour";
import { type Painter } from "../painter";
import { contrasting } from "../part-colours";
import { type Camera, drawPrism, type Prism, prismBounds, roundedRectOutline } from "../prism";

/** A product with no recognised shape: a soft-edged premium device with a grille and a control ring. */
export const paintGeneric: Painter = (look, pose) => {
  const camera: Camera = { yaw: pose.yaw || 0.001, pitch: pose.pitch };
  const detail = contrasting(look.body, look.accent);
  const finish = look.bodyFinish === "glass" ? "gloss" : look.bodyFinish;
  const body: Prism = {
    outline: roundedRectOutline(0.72, 0.82, 0.2, 0, 8),
    depth: 0.46,
    colour: look.body,
    finish,
    decorate: (ctx, face) => {
      if (face.kind === "front") {
        // A perforated grille in a circle, and a small status light.
        ctx.fillStyle = css(shade(look.body, 0.6));
        for (let row = -6; row <= 6; row += 1) {
          for (let col = -6; col <= 6; col += 1) {
            const x = col * 0.034 + (row % 2 === 0 ? 0 : 0.017);
            const y = -0.46 + row * 0.03;
            if (Math.hypot(x, y + 0.46) > 0.2) continue;
            ctx.beginPath();
            ctx.arc(x, y, 0.008, 0, Math.PI * 2);
            ctx.fill();
          }
        }
        ctx.fillStyle = css(detail);
        ctx.beginPath();
        ctx.arc(0, -0.12, 0.012, 0, Math.PI * 2);
        ctx.fill();
      } else if (face.kind === "side" && face.normal[1] > 0.9999) {
        ctx.strokeStyle = css(detail);
        ctx.lineWidth = 0.02;
        ctx.beginPath();
        ctx.arc(0, 0, 0.1, 0, Math.PI * 2);
        ctx.stroke();
      }
    },
  };
  const bounds = prismBounds(camera, [body]);
  return { ...bounds, focus: [0, -0.55], paint: (ctx) => drawPrism(ctx, camera, body) };
};
