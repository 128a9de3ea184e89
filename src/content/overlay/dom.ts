// Small DOM helpers of the overlay. Page text only ever enters the DOM through textContent (`el`'s text argument).

const LABEL_MAX = 80

export type Msg = (key: string, subs?: string | string[]) => string

export function setImportant(style: CSSStyleDeclaration, props: Record<string, string>): void {
  for (const [k, v] of Object.entries(props)) style.setProperty(k, v, 'important')
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = cls
  if (text !== undefined) node.textContent = text
  return node
}

export function clip(text: string): string {
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text
}
