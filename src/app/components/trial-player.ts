// A traced trial played step by step: Restart, Step back, Play/Pause, Step forward, a speed and a
// slider over the steps (arrow keys, Home and End step it), the timeline of patients, the running
// text — announced to screen readers at every step — and the figure of the decision the step shows.
// Properties down: the trace, its steps and the width to draw for; the playback is its own.
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Trace } from '../../engine/trace/trace.js';
import { decisionFigure } from '../charts/decision-figure.js';
import { trialTimeline } from '../charts/trial-timeline.js';
import type { TrialStep } from '../trial-steps.js';
import { Playback, SPEEDS } from './playback.js';

/** the side figures' width when there is room for two columns */
const SIDE_WIDTH = 360;
const GAP = 16;

@customElement('trial-player')
export class TrialPlayer extends LitElement {
  @property({ attribute: false }) trace: Trace | null = null;
  @property({ attribute: false }) steps: readonly TrialStep[] = [];
  /** the pixel width the player has */
  @property({ type: Number }) width = 560;
  readonly playback = new Playback(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
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
