// A traced trial played step by step: Restart, Step back, Play/Pause, Step forward, a speed and a
// slider over the steps (arrow keys, Home and End step it), the timeline of patients, the running
// text — announced to screen readers at every step — and the figure of the decision the step shows.
// Full screen gives the player the whole screen, for a projector (Escape leaves it); the charts are
// laid out for the width the player has, measured. Properties down: the trace and its steps.
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Trace } from '../../engine/trace/trace.js';
import { decisionFigure } from '../charts/decision-figure.js';
import { trialTimeline } from '../charts/trial-timeline.js';
import type { TrialStep } from '../trial-steps.js';
import { ChartWidth } from './chart-width.js';
import { Playback, SPEEDS } from './playback.js';

/** the side figures' width when there is room for two columns */
const SIDE_WIDTH = 360;
const GAP = 16;

@customElement('trial-player')
export class TrialPlayer extends LitElement {
  @property({ attribute: false }) trace: Trace<string> | null = null;
  @property({ attribute: false }) steps: readonly TrialStep[] = [];
  readonly playback = new Playback(this);
  private readonly measured = new ChartWidth(this, '.watch-timeline');
  private readonly onFullscreen = () => this.requestUpdate();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('fullscreenchange', this.onFullscreen);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    super.disconnectedCallback();
  }

  /** the pixel width the charts are laid out for */
  get width(): number {
    return this.measured.width;
  }

  private toggleFullscreen(): void {
    if (document.fullscreenElement === this) void document.exitFullscreen();
    else void this.requestFullscreen?.().catch(() => undefined);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('steps')) this.playback.load(this.steps.length);
  }

  protected override render(): TemplateResult | typeof nothing {
    const { trace, steps, playback } = this;
    if (!trace || steps.length === 0) return nothing;
    const step = steps[playback.index];
    const last = playback.last;
    const twoColumns = this.width >= 2 * SIDE_WIDTH + GAP;
    const side = twoColumns ? Math.floor((this.width - GAP) / 2) : this.width;
    const label = `Step ${playback.index + 1} of ${steps.length}: ${step.title}`;
    return html`<div class="watch-controls" role="group" aria-label="Play the trial">
        <button type="button" @click=${() => playback.restart()} ?disabled=${playback.index === 0}>Restart</button>
        <button type="button" @click=${() => playback.step(-1)} ?disabled=${playback.index === 0}>Step back</button>
        <button type="button" class="primary" aria-pressed=${playback.playing ? 'true' : 'false'}
          @click=${() => (playback.playing ? playback.pause() : playback.play())}
          >${playback.playing ? 'Pause' : 'Play'}</button>
        <button type="button" @click=${() => playback.step(1)} ?disabled=${playback.index === last}
          >Step forward</button>
        <label class="watch-speed">Speed
          <select @change=${(event: Event) => playback.setSpeed(Number((event.target as HTMLSelectElement).value))}>
            ${SPEEDS.map(
              (speed) =>
                html`<option value=${speed} ?selected=${speed === playback.speed}>${speed} step${
                  speed === 1 ? '' : 's'
                } a second</option>`,
            )}
          </select>
        </label>
        ${
          document.fullscreenEnabled
            ? html`<button type="button" aria-pressed=${document.fullscreenElement === this ? 'true' : 'false'}
                @click=${() => this.toggleFullscreen()}>Full screen</button>`
            : nothing
        }
        <label class="watch-scrub">Step
          <input type="range" min="0" max=${last} .value=${String(playback.index)} aria-valuetext=${label}
            @input=${(event: Event) => playback.goTo(Number((event.target as HTMLInputElement).value))} />
        </label>
      </div>
      <figure class="watch-timeline">
        ${trialTimeline(
          {
            endpoint: trace.endpoint,
            patients: trace.patients,
            subgroups: trace.subgroups,
            moment: { month: step.month, stage: step.stage },
            end: trace.outcome.months,
            analyses: step.analyses,
          },
          {
            id: 'watch-timeline',
            title: `${trace.design.label || trace.design.id}, replicate ${trace.replicate}`,
            width: this.width,
          },
        )}
      </figure>
      <div class="watch-now ${twoColumns ? 'two' : ''}">
        <div class="watch-text" aria-live="polite" aria-atomic="true">
          <h3>${label}</h3>
          <p>${step.text}</p>
        </div>
        <figure class="watch-figure">${decisionFigure(trace.decisions, step, { id: 'watch-decision', width: side })}
        </figure>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trial-player': TrialPlayer;
  }
}
