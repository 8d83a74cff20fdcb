import type Sigma from 'sigma';

/** Sigma's layers in drawing order (the mouse layer only catches events). */
const LAYERS = ['edges', 'edgeLabels', 'nodes', 'labels', 'hovers', 'hoverNodes'];

/**
 * A picture of the map as it is on screen, for printing: WebGL canvases do not keep their
 * content after they are shown, so the map is drawn again and copied in the same task, layer
 * over layer, onto a white page. Returns a PNG data: URL (allowed by the page's img-src).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function snapshot(renderer: Sigma<any, any, any>): string {
  renderer.refresh();
  const canvases = renderer.getCanvases();
  const base = canvases.nodes ?? Object.values(canvases)[0];
  const out = document.createElement('canvas');
  out.width = base.width;
  out.height = base.height;
  const ctx = out.getContext('2d');
  if (!ctx) return '';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const name of LAYERS) {
    const layer = canvases[name];
    if (layer && layer.width > 0 && layer.height > 0) ctx.drawImage(layer, 0, 0, out.width, out.height);
  }
  return out.toDataURL('image/png');
}
