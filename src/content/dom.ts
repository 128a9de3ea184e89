// Small DOM helpers the marker modules share. Page text only ever enters through textContent.
export type Msg = (key: string, subs?: string | string[]) => string

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = cls
  if (text !== undefined) node.textContent = text
  return node
}

export function setImportant(style: CSSStyleDeclaration, props: Record<string, string>): void {
  for (const [k, v] of Object.entries(props)) style.setProperty(k, v, 'important')
}
