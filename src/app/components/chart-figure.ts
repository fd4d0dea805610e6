// A chart on the page: the drawing, its controls, and buttons that download it as SVG or PNG.
import { html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import { download, svgText, svgToPng } from '../export.js';

export function chartFigure(
  host: HTMLElement,
  id: string,
  stem: string,
  chart: SVGTemplateResult | TemplateResult,
  controls: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const svgOf = () => host.querySelector<SVGSVGElement>(`#chart-${id} svg`);
  return html`<figure id="chart-${id}" class="chart">
    <div class="chart-body">${chart}</div>
    <figcaption>
      ${controls}
      <button type="button" @click=${() => {
        const element = svgOf();
        if (element) download(`${stem}.svg`, 'image/svg+xml', svgText(element));
      }}>SVG</button>
      <button type="button" @click=${async () => {
        const element = svgOf();
        if (element) download(`${stem}.png`, 'image/png', await svgToPng(element));
      }}>PNG</button>
    </figcaption>
  </figure>`;
}
