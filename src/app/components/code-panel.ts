// The Code panel: the R script that reproduces the results' designs with rpact and prints rpact's
// numbers beside these (src/report/r/): the text `stratum rcode` prints for this scenario, with a
// button that copies it.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { DesignResult } from '../../engine/results.js';
import { targetHypotheses } from '../../engine/planning/target-hypotheses.js';
import { rCode } from '../../report/r/rcode.js';
import { STRATUM_VERSION } from '../../report/version.js';
import { StoreElement } from './store-element.js';

/** the code wraps rather than scrolls sideways, so the panel fits a phone; long scripts scroll down */
const PRE_STYLE = [
  'white-space: pre-wrap; overflow-wrap: anywhere; max-height: 28rem; overflow: auto; font-size: 0.78rem;',
  'background: #f6f8fa; border: 1px solid #d0d5db; border-radius: 6px; padding: 0.6rem;',
].join(' ');

@customElement('code-panel')
export class CodePanel extends StoreElement {
  @state() private message = '';
  /** the script of the last results and target shown, made once for them */
  private made: { results: DesignResult[]; power: number; hypothesis: string; code: string } | undefined;

  protected override render(): TemplateResult | typeof nothing {
    const code = this.code();
    if (code === undefined) return nothing;
    return html`<details class="code-panel">
      <summary>Code: the designs in R with rpact</summary>
      <p class="muted">
        Each design rebuilt with rpact, its simulation run with as many iterations and the seed, and rpact's numbers
        printed beside these; where rpact cannot express a design exactly, the script says so at the design.
      </p>
      <p><button type="button" @click=${() => void this.copy(code)}>Copy R code</button>
        <span class="code-message" role="status" aria-live="polite">${this.message}</span></p>
      <pre tabindex="0" aria-label="R code" style=${PRE_STYLE}><code>${code}</code></pre>
    </details>`;
  }

  /** the script for the finished run's results, at the charts' target power */
  private code(): string | undefined {
    const { tasks, target } = this.store;
    const shown = tasks.shown;
    if (!shown || shown.partial) return undefined;
    const { results, scenario } = shown;
    const made = this.made;
    if (made && made.results === results && made.power === target.power && made.hypothesis === target.hypothesis)
      return made.code;
    // results of an earlier scenario, of the other form, may not have the target's hypothesis
    const hypothesis = targetHypotheses(scenario).includes(target.hypothesis) ? target.hypothesis : 'any';
    const code = rCode({ scenario, results, target: { ...target, hypothesis }, version: STRATUM_VERSION });
    this.made = { results, power: target.power, hypothesis: target.hypothesis, code };
    return code;
  }

  private async copy(code: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(code);
      this.message = 'R code copied.';
    } catch {
      const pre = this.querySelector('pre');
      if (pre) getSelection()?.selectAllChildren(pre);
      this.message = 'Selected: copy it with Ctrl+C (⌘C on a Mac).';
    }
  }
}
