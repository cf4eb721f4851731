import { el, setText } from './dom';

export interface RotationFace<Id extends string> {
  id: Id;
  title: string;
}

/** Alternates the secondary panel between faces; `periodMs` 0 keeps the first face. */
export class Rotation<Id extends string> {
  private index = 0;
  private readonly timer: number | undefined;

  constructor(
    private readonly faces: readonly RotationFace<Id>[],
    private readonly title: HTMLElement,
    private readonly dots: HTMLElement,
    periodMs: number,
    private readonly onShow: (face: Id) => void,
  ) {
    dots.replaceChildren(...faces.map(() => el('i')));
    if (periodMs > 0 && faces.length > 1) this.timer = window.setInterval(() => this.advance(), periodMs);
    this.mark();
  }

  /** The face on screen, so fresh data redraws only it. */
  get current(): Id {
    return this.faces[this.index].id;
  }

  dispose(): void {
    window.clearInterval(this.timer);
  }

  private advance(): void {
    this.index = (this.index + 1) % this.faces.length;
    this.mark();
    this.onShow(this.current);
  }

  private mark(): void {
    setText(this.title, this.faces[this.index].title);
    [...this.dots.children].forEach((dot, i) => dot.classList.toggle('on', i === this.index));
  }
}
