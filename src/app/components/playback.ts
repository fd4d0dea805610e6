// Stepping through a trial: the step shown, play and pause at a speed in steps a second, step
// forward and back, restart. A controller its element hosts (Lit's ReactiveController): the timer
// lives and dies with the element, and every change asks the element to render again.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** the speeds offered, in steps a second */
export const SPEEDS = [0.5, 1, 2, 4] as const;

export class Playback implements ReactiveController {
  index = 0;
  playing = false;
  speed = 1;
  private steps = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get last(): number {
    return Math.max(0, this.steps - 1);
  }

  /** a new trial of `steps` steps, from its first */
  load(steps: number): void {
    this.steps = steps;
    this.pause();
    this.goTo(0);
  }

  goTo(index: number): void {
    this.index = Math.max(0, Math.min(this.last, Math.round(index)));
    if (this.index === this.last) this.pause();
    this.host.requestUpdate();
  }

  step(by: number): void {
    this.pause();
    this.goTo(this.index + by);
  }

  restart(): void {
    this.pause();
    this.goTo(0);
  }

  /** play from here, or from the start when at the end */
  play(): void {
    if (this.steps < 2) return;
    if (this.index === this.last) this.index = 0;
    this.playing = true;
    this.schedule();
    this.host.requestUpdate();
  }

  pause(): void {
    this.playing = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.host.requestUpdate();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    if (this.playing) this.schedule();
  }

  hostDisconnected(): void {
    this.pause();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.goTo(this.index + 1);
      if (this.playing) this.schedule();
    }, 1000 / this.speed);
  }
}
