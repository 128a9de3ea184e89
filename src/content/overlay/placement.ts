// Where each group of badges sits: over its target's box in document coordinates, above it when there is room,
// scan badges beside their link, and never past the right edge of the page.

export interface Group {
  target: Element
  box: HTMLElement
  outline: HTMLElement | null
  /** Scan badges sit to the right of their link, not above it: nav links are stacked too tightly for "above". */
  beside?: boolean
}

/** All rect reads first, then all writes: one layout per pass however many markers there are. */
export function placeGroups(host: HTMLElement, groups: readonly Group[], hiddenTargetTitle: string): void {
  const origin = host.getBoundingClientRect()
  const boxes = groups.map((g) => {
    let shown: Element | null = g.target
    while (shown && shown.getClientRects().length === 0) shown = shown.parentElement
    return { rect: (shown ?? g.target).getBoundingClientRect(), hidden: shown !== g.target }
  })
  groups.forEach((g, i) => {
    const { rect, hidden } = boxes[i]
    const top = rect.top - origin.top
    const left = rect.left - origin.left
    if (g.beside) {
      // A link inside a closed drop-down menu: a badge on its visible parent would pile up with its siblings'.
      g.box.style.display = hidden ? 'none' : ''
      g.box.style.top = `${top}px`
      g.box.style.left = `${rect.right - origin.left + 4}px`
      return
    }
    g.box.style.top = `${top}px`
    g.box.style.left = `${Math.max(0, left)}px`
    // Above the element when there is room, so the badge does not cover the text it talks about.
    g.box.classList.toggle('da-above', rect.top + window.scrollY > 18)
    g.box.classList.toggle('da-hidden-target', hidden)
    for (const m of g.box.children) (m as HTMLElement).title = hidden ? hiddenTargetTitle : ''
    if (g.outline) {
      g.outline.style.top = `${top}px`
      g.outline.style.left = `${left}px`
      g.outline.style.width = `${rect.width}px`
      g.outline.style.height = `${rect.height}px`
    }
  })
  // A badge hanging past the right edge would widen the page and give it a horizontal scrollbar: pull it back.
  const edge = document.documentElement.clientWidth - origin.left
  const widths = groups.map((g) => g.box.offsetWidth)
  groups.forEach((g, i) => {
    const left = Math.max(0, (g.beside ? boxes[i].rect.right + 4 : boxes[i].rect.left) - origin.left)
    if (left + widths[i] > edge) g.box.style.left = `${Math.max(0, edge - widths[i])}px`
  })
}
